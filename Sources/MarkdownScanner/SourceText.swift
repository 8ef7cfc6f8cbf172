/// The bytes of one file and where its lines start. Every position in galley is a
/// UTF-8 byte offset into `bytes`; line and column are derived only for reporting.
public struct SourceText: Sendable {
    public let bytes: [UInt8]
    /// Offset of the first byte of each line. Line 0 starts after the BOM, if any.
    public let lineStarts: [Int]
    public let lineEnding: LineEnding
    public let hasBOM: Bool

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        let bom = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        hasBOM = bom
        var starts = [bom ? 3 : 0]
        starts.reserveCapacity(bytes.count / 40 + 1)
        var lf = 0, crlf = 0, cr = 0
        var i = starts[0]
        let n = bytes.count
        bytes.withUnsafeBufferPointer { p in
            while true {
                i = ByteSearch.first(0x0A, or: 0x0D, in: p, from: i, end: n)
                guard i < n else { break }
                if p[i] == 0x0A {
                    lf += 1
                    i += 1
                } else if i + 1 < n && p[i + 1] == 0x0A {
                    crlf += 1
                    i += 2
                } else {
                    cr += 1
                    i += 1
                }
                starts.append(i)
            }
        }
        // A file ending in a line break has no further line.
        if starts.count > 1 && starts.last == n { starts.removeLast() }
        lineStarts = starts
        lineEnding = LineEnding.dominant(lf: lf, crlf: crlf, cr: cr)
    }

    public var lineCount: Int { lineStarts.count }

    /// Start of line `i` (0-based).
    @inline(__always) public func lineStart(_ i: Int) -> Int { lineStarts[i] }

    /// One past the last byte of line `i`, including its line break.
    @inline(__always) public func lineEnd(_ i: Int) -> Int {
        i + 1 < lineStarts.count ? lineStarts[i + 1] : bytes.count
    }

    /// One past the last byte of line `i`, excluding its line break.
    public func contentEnd(_ i: Int) -> Int {
        var e = lineEnd(i)
        if e > lineStarts[i] && bytes[e - 1] == 0x0A { e -= 1 }
        if e > lineStarts[i] && bytes[e - 1] == 0x0D { e -= 1 }
        return e
    }

    /// Whether line `i` ends with a line break.
    public func hasLineBreak(_ i: Int) -> Bool { contentEnd(i) < lineEnd(i) }

    /// The 0-based line holding byte `offset` (an offset at the end belongs to the last line).
    public func line(containing offset: Int) -> Int {
        max(0, lineStarts.partitionPoint { $0 > offset } - 1)
    }

    /// 1-based line and 1-based column in Unicode scalars for a byte offset.
    public func location(of offset: Int) -> SourceLocation {
        let line = line(containing: offset)
        var column = 1
        var i = lineStarts[line]
        let end = min(offset, contentEnd(line))
        while i < end {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return SourceLocation(line: line + 1, column: column)
    }

    /// Whether line `i` holds only spaces and tabs.
    public func isBlank(_ i: Int) -> Bool {
        var j = lineStarts[i]
        let e = contentEnd(i)
        while j < e {
            if bytes[j] != 0x20 && bytes[j] != 0x09 { return false }
            j += 1
        }
        return true
    }

    public func string(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }
}

public struct SourceLocation: Sendable, Hashable, Comparable {
    public let line: Int
    public let column: Int
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
    public static func < (a: Self, b: Self) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }
}

public enum LineEnding: String, Sendable {
    case lf, crlf, cr, none

    static func dominant(lf: Int, crlf: Int, cr: Int) -> LineEnding {
        if lf == 0 && crlf == 0 && cr == 0 { return .none }
        if crlf >= lf && crlf >= cr { return .crlf }
        if cr > lf { return .cr }
        return .lf
    }

    public var bytes: [UInt8] {
        switch self {
        case .lf, .none: [0x0A]
        case .crlf: [0x0D, 0x0A]
        case .cr: [0x0D]
        }
    }
}
