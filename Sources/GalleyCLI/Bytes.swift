/// Byte-level building blocks of every report: text is appended as UTF-8 in bulk, numbers
/// as decimal digits, and strings are escaped by scanning their bytes (no `Character` or
/// `String` work per byte).
extension Array where Element == UInt8 {
    mutating func append(utf8 s: String) {
        var s = s
        s.withUTF8 { append(contentsOf: $0) }
    }

    mutating func append(ascii s: StaticString) {
        s.withUTF8Buffer { append(contentsOf: $0) }
    }

    mutating func append(decimal n: Int) {
        if n < 0 {
            append(0x2D)
            append(decimal: -n)
            return
        }
        if n < 10 {
            append(0x30 + UInt8(n))
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var v = n
        Swift.withUnsafeMutableBytes(of: &digits) { d in
            while v > 0 {
                d[19 - count] = 0x30 + UInt8(v % 10)
                v /= 10
                count += 1
            }
            append(contentsOf: d[(20 - count)...])
        }
    }

    mutating func append(spaces n: Int) {
        append(contentsOf: repeatElement(0x20, count: n))
    }

    /// A JSON string literal: `"` and `\` escaped, control characters as `\n`, `\t`… or `\u00XX`.
    mutating func appendJSONString(_ s: String) {
        var s = s
        s.withUTF8 { appendJSONString(bytes: $0) }
    }

    /// The same for bytes that are valid UTF-8 (invalid sequences become U+FFFD, as
    /// decoding them to a `String` would).
    mutating func appendJSONString<C: Collection>(validating bytes: C) where C.Element == UInt8 {
        if bytes.allSatisfy({ $0 < 0x80 }) || String(validating: bytes, as: UTF8.self) != nil {
            let copy = [UInt8](bytes)
            copy.withUnsafeBufferPointer { appendJSONString(bytes: $0) }
        } else {
            appendJSONString(String(decoding: bytes, as: UTF8.self))
        }
    }

    mutating func appendJSONString(bytes: UnsafeBufferPointer<UInt8>) {
        append(0x22)
        var run = 0  // start of the bytes not yet copied
        for i in 0..<bytes.count {
            let b = bytes[i]
            guard b < 0x20 || b == 0x22 || b == 0x5C else { continue }
            if run < i { append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i])) }
            run = i + 1
            append(0x5C)
            switch b {
            case 0x22: append(0x22)
            case 0x5C: append(0x5C)
            case 0x0A: append(0x6E)  // n
            case 0x0D: append(0x72)  // r
            case 0x09: append(0x74)  // t
            case 0x08: append(0x62)  // b
            case 0x0C: append(0x66)  // f
            default:
                append(contentsOf: [0x75, 0x30, 0x30, Self.hexDigit(b >> 4), Self.hexDigit(b & 0xF)])  // u00XX
            }
        }
        if run < bytes.count { append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...])) }
        append(0x22)
    }

    static func hexDigit(_ v: UInt8) -> UInt8 { v < 10 ? 0x30 + v : 0x41 + v - 10 }

    /// `s` with the bytes that `escape` maps replaced by what it returns (nil: kept).
    /// Copies runs of kept bytes in bulk.
    mutating func append(utf8 s: String, escaping escape: (UInt8) -> StaticString?) {
        var s = s
        s.withUTF8 { bytes in
            var run = 0
            for i in 0..<bytes.count {
                guard let replacement = escape(bytes[i]) else { continue }
                if run < i { append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i])) }
                append(ascii: replacement)
                run = i + 1
            }
            if run < bytes.count { append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...])) }
        }
    }
}

extension String {
    /// Built from bytes known to be valid UTF-8 (the reporters' own output).
    init(reportBytes bytes: [UInt8]) { self = String(decoding: bytes, as: UTF8.self) }
}
