/// Line and column of many offsets in increasing order, in time linear in the bytes
/// passed over (a long line with thousands of findings is not re-counted for each).
public struct LocationCursor {
    private let source: SourceText
    private var line = 0
    private var offset = 0
    private var column = 1

    public init(_ source: SourceText) {
        self.source = source
        offset = source.lineCount > 0 ? source.lineStart(0) : 0
    }

    public mutating func location(of target: Int) -> SourceLocation {
        let targetLine = source.line(containing: target)
        if targetLine != line || target < offset {
            line = targetLine
            offset = source.lineStart(targetLine)
            column = 1
        }
        let end = min(target, source.contentEnd(line))
        source.bytes.withUnsafeBufferPointer { b in
            while offset < end {
                // ASCII eight bytes at a time, a column each; then one byte.
                let ascii = ByteSearch.firstNonASCII(in: b, from: offset, end: end)
                column += ascii - offset
                offset = ascii
                guard offset < end else { break }
                if b[offset] & 0xC0 != 0x80 { column += 1 }
                offset += 1
            }
        }
        return SourceLocation(line: line + 1, column: column)
    }
}
