import Foundation
import GalleyIO
import Testing

/// `FileReader` reads a regular file into one buffer of its size, and anything else
/// (a pipe) in chunks: every byte comes back, whatever the size.
@Suite struct FileReaderTests {
    static func pattern(_ n: Int) -> [UInt8] { (0..<n).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) } }

    @Test(arguments: [0, 1, 4095, 4096, 4097, 65_536, 200_001])
    func aRegularFileIsReadWhole(_ size: Int) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("galley-fr-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("p.md")
        let bytes = Self.pattern(size)
        try Data(bytes).write(to: file)
        #expect(try FileReader.read(file.path) == bytes)
    }

    @Test func aPipeIsReadToItsEnd() throws {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        let bytes = Self.pattern(150_000)
        let out = fds[1]
        let writer = Thread {
            bytes.withUnsafeBytes { p in
                var done = 0
                while done < p.count {
                    let n = write(out, p.baseAddress! + done, p.count - done)
                    if n <= 0 { break }
                    done += n
                }
            }
            close(out)
        }
        writer.start()
        defer { close(fds[0]) }
        #expect(try FileReader.readAll(fds[0], what: "the pipe") == bytes)
    }

    @Test func invalidUTF8IsFoundPastLongASCIIRuns() {
        for prefix in 0..<20 {
            var bytes = [UInt8](repeating: 0x61, count: prefix) + Array("é😀".utf8) + [UInt8](repeating: 0x62, count: 13)
            #expect(FileReader.firstInvalidUTF8(bytes) == nil)
            bytes.append(0xFF)
            #expect(FileReader.firstInvalidUTF8(bytes) == bytes.count - 1)
            bytes[prefix] = 0xC0  // an overlong lead byte in place of é's
            #expect(FileReader.firstInvalidUTF8(bytes) == prefix)
        }
    }
}
