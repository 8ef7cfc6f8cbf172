import Foundation

/// Writes whole strings to standard output in one call (no per-character work).
enum Output {
    static func write(_ text: String) {
        var text = text
        text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(1, buffer.baseAddress! + offset, buffer.count - offset)
                if n <= 0 {
                    if n < 0 && errno == EINTR { continue }
                    return  // a closed pipe (`galley check | head`): nothing more to say
                }
                offset += n
            }
        }
    }
}
