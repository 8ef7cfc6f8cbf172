import FoundationEssentials
import Glibc

/// Writes whole strings or byte buffers to a file descriptor in one go (no per-character work).
enum Output {
    static func write(_ text: String) { write(text, to: 1) }

    static func write(_ text: String, to fd: Int32) {
        var text = text
        _ = text.withUTF8 { write(UnsafeRawBufferPointer($0), to: fd) }
    }

    static func write(_ bytes: [UInt8], to fd: Int32) {
        _ = bytes.withUnsafeBytes { write($0, to: fd) }
    }

    @discardableResult
    static func write(_ buffer: UnsafeRawBufferPointer, to fd: Int32) -> Bool {
        var offset = 0
        while offset < buffer.count {
            let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
            if n <= 0 {
                if n < 0 && errno == EINTR { continue }
                return false  // a closed pipe (`galley check | head`): nothing more to say
            }
            offset += n
        }
        return true
    }
}
