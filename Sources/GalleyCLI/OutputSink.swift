import FoundationEssentials
import Glibc

/// Where a streamed report goes: a file descriptor written in chunks of about 64 KB, or
/// (for tests and small documents) memory. `beforeWrite` runs before each write to the
/// descriptor (the progress line clears itself there).
final class OutputSink {
    static let chunk = 64 * 1024

    private let fd: Int32?
    private(set) var buffer: [UInt8] = []
    /// Set when a write failed (a closed pipe): nothing more is written.
    private(set) var failed = false
    var beforeWrite: (() -> Void)?
    var afterWrite: (() -> Void)?
    /// Flush after every piece, not only in 64 KB chunks (a terminal shows files as they finish).
    var eager = false

    init(fd: Int32) {
        self.fd = fd
        buffer.reserveCapacity(Self.chunk * 2)
    }

    /// Collects everything in `buffer`.
    init() { fd = nil }

    func write<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        buffer.append(contentsOf: bytes)
        if fd != nil && buffer.count >= Self.chunk { flush() }
    }

    func write(_ text: String) { buffer.append(utf8: text); if fd != nil && buffer.count >= Self.chunk { flush() } }

    /// The end of a piece: flushed now when eager.
    func pieceDone() { if eager { flush() } }

    func flush() {
        guard let fd, !buffer.isEmpty else { return }
        if !failed {
            beforeWrite?()
            failed = !buffer.withUnsafeBytes { Output.write($0, to: fd) }
            afterWrite?()
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// Bytes that must come after something not known yet (SARIF's results come after the
/// notifications of files that failed; JUnit's header counts every case): kept in memory
/// up to 1 MB, then in an unlinked temporary file, so memory stays bounded.
final class Spool {
    static let memoryLimit = 1 << 20

    private var memory: [UInt8] = []
    private var fd: Int32 = -1
    private(set) var failure: String?

    deinit { if fd >= 0 { close(fd) } }

    func write<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        memory.append(contentsOf: bytes)
        if memory.count >= Self.memoryLimit { spill() }
    }

    private func spill() {
        guard failure == nil else {
            memory.removeAll(keepingCapacity: true)
            return
        }
        if fd < 0 {
            let dir = Environment.process["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
            var template = Array((dir + "/galley-spool-XXXXXX").utf8CString)
            fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            guard fd >= 0 else {
                failure = "cannot create a temporary file in \(dir): \(String(cString: strerror(errno)))"
                memory.removeAll(keepingCapacity: true)
                return
            }
            template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        }
        if !memory.withUnsafeBytes({ Output.write($0, to: fd) }) {
            failure = "cannot write a temporary file: \(String(cString: strerror(errno)))"
        }
        memory.removeAll(keepingCapacity: true)
    }

    /// Copies everything written, in order, to `sink`.
    func drain(into sink: OutputSink) {
        if fd >= 0 {
            lseek(fd, 0, SEEK_SET)
            var chunk = [UInt8](repeating: 0, count: OutputSink.chunk)
            while true {
                let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { break }
                sink.write(chunk[0..<n])
            }
        }
        sink.write(memory)
        memory = []
    }
}
