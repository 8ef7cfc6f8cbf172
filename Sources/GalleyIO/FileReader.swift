import Glibc
import MarkdownScanner

/// Reads whole files with POSIX calls, so failures carry the system's reason.
public enum FileReader {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String

        public init(description: String) { self.description = description }
    }

    public static func read(_ path: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw Failure(description: "cannot read the file: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        return try readAll(fd, what: "the file")
    }

    /// Everything on a file descriptor up to its end (a file, or standard input for
    /// `--stdin`); `what` names it in the error.
    public static func readAll(_ fd: Int32, what: String) throws -> [UInt8] {
        /// One `read` (again where a signal cut it short): how many bytes, 0 at the end.
        func read(into p: UnsafeMutableRawPointer, _ count: Int) throws -> Int {
            while true {
                let n = Glibc.read(fd, p, count)
                if n >= 0 { return n }
                if errno != EINTR { throw Failure(description: "cannot read \(what): \(String(cString: strerror(errno)))") }
            }
        }
        // A regular file is read into one buffer of its size (a byte more, to see its end
        // in the same reads), with no zeroing and no copy; what comes beyond (a file that
        // grew, a pipe) is read in chunks.
        var info = stat()
        let size = fstat(fd, &info) == 0 && info.st_mode & S_IFMT == S_IFREG ? Int(info.st_size) : 0
        var ended = false
        var bytes = try [UInt8](unsafeUninitializedCapacity: max(size + 1, 4096)) { buffer, count in
            count = 0
            while count < buffer.count {
                let n = try read(into: buffer.baseAddress! + count, buffer.count - count)
                if n == 0 {
                    ended = true
                    return
                }
                count += n
            }
        }
        if ended { return bytes }
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let n = try chunk.withUnsafeMutableBytes { try read(into: $0.baseAddress!, $0.count) }
            if n == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<n])
        }
    }

    /// The offset of the first byte that breaks UTF-8, or nil for valid UTF-8.
    public static func firstInvalidUTF8(_ b: [UInt8]) -> Int? {
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            if c < 0x80 {
                i = b.withUnsafeBufferPointer { ByteSearch.firstNonASCII(in: $0, from: i + 1, end: n) }
                continue
            }
            let length: Int, minimum: UInt32
            var value: UInt32
            switch c {
            case 0xC2...0xDF: (length, minimum, value) = (2, 0x80, UInt32(c & 0x1F))
            case 0xE0...0xEF: (length, minimum, value) = (3, 0x800, UInt32(c & 0x0F))
            case 0xF0...0xF4: (length, minimum, value) = (4, 0x10000, UInt32(c & 0x07))
            default: return i
            }
            guard i + length <= n else { return i }
            for k in 1..<length {
                let d = b[i + k]
                guard d & 0xC0 == 0x80 else { return i }
                value = value << 6 | UInt32(d & 0x3F)
            }
            if value < minimum || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF) { return i }
            i += length
        }
        return nil
    }
}
