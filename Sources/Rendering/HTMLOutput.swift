/// The output buffer: one growing byte array, with the escapes HTML needs.
struct HTMLOutput {
    var bytes: [UInt8] = []
    /// Where raw HTML of the source other than whole comments was written (an HTML
    /// block, inline HTML), in order (see `RenderedHTML`).
    var rawRanges: [Range<Int>] = []
    /// Where each leaf block's HTML starts, with the block's index, in order (see `RenderedHTML`).
    var leafStarts: [Int] = []
    var leafBlocks: [Int] = []

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    /// A line break unless the output is empty or already ends with one (cmark's `cr`).
    @inline(__always) mutating func cr() {
        if let last = bytes.last, last != 0x0A { bytes.append(0x0A) }
    }

    @inline(__always) mutating func append(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    @inline(__always) mutating func append(_ b: UInt8) { bytes.append(b) }

    mutating func append(_ b: [UInt8], _ range: Range<Int>) { bytes.append(contentsOf: b[range]) }

    mutating func appendDecimal(_ n: Int) {
        if n < 0 { bytes.append(0x2D) }
        var digits: [UInt8] = []
        var v = n.magnitude
        repeat {
            digits.append(UInt8(v % 10) + 0x30)
            v /= 10
        } while v > 0
        bytes.append(contentsOf: digits.reversed())
    }

    /// `b` with `&`, `<`, `>` and `"` escaped.
    @inline(__always) mutating func appendEscaped(_ c: UInt8) {
        switch c {
        case 0x26: append("&amp;")
        case 0x3C: append("&lt;")
        case 0x3E: append("&gt;")
        case 0x22: append("&quot;")
        default: bytes.append(c)
        }
    }

    /// Whether `appendEscaped` writes `c` as a reference.
    @inline(__always) static func needsEscape(_ c: UInt8) -> Bool { c == 0x26 || c == 0x3C || c == 0x3E || c == 0x22 }

    mutating func appendEscaped(_ b: [UInt8], _ range: Range<Int>) {
        var start = range.lowerBound
        var i = start
        while i < range.upperBound {
            let c = b[i]
            if Self.needsEscape(c) {
                if start < i { bytes.append(contentsOf: b[start..<i]) }
                appendEscaped(c)
                start = i + 1
            }
            i += 1
        }
        if start < range.upperBound { bytes.append(contentsOf: b[start..<range.upperBound]) }
    }

    mutating func appendEscaped(_ b: [UInt8]) { appendEscaped(b, 0..<b.count) }

    /// A URL for an `href` or `src` attribute, as cmark writes it: bytes outside
    /// `A-Za-z0-9` and ``-_.+!*(),%#@?=;:/$~`` are percent-encoded (a `%` is kept as it
    /// is), `&` becomes `&amp;` and `'` becomes `&#x27;`.
    mutating func appendURL(_ b: [UInt8]) {
        for c in b {
            if URLBytes.isSafe(c) {
                bytes.append(c)
            } else if c == 0x26 {
                append("&amp;")
            } else if c == 0x27 {
                append("&#x27;")
            } else {
                bytes.append(0x25)
                bytes.append(URLBytes.hex[Int(c >> 4)])
                bytes.append(URLBytes.hex[Int(c & 0x0F)])
            }
        }
    }
}

enum URLBytes {
    static let hex: [UInt8] = Array("0123456789ABCDEF".utf8)
    /// Bytes an URL keeps as they are.
    static let safe: [Bool] = {
        var t = [Bool](repeating: false, count: 256)
        for c in UInt8(0x30)...0x39 { t[Int(c)] = true }
        for c in UInt8(0x41)...0x5A { t[Int(c)] = true }
        for c in UInt8(0x61)...0x7A { t[Int(c)] = true }
        for c in "-_.+!*(),%#@?=;:/$~".utf8 { t[Int(c)] = true }
        return t
    }()
    @inline(__always) static func isSafe(_ c: UInt8) -> Bool { safe[Int(c)] }
}
