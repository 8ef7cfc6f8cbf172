/// GFM pipe tables: a header row, a delimiter row with as many cells, then body rows up
/// to a blank line or the start of another block. Cells are split at unescaped `|`
/// before any inline parsing (a `|` inside backticks splits too, as in GFM).
public enum TableSyntax {
    /// The content of each cell of a row, trimmed, without the optional outer pipes.
    public static func cells(_ b: [UInt8], from: Int, end: Int) -> [Range<Int>] {
        var s = LinkSyntax.skipSpaces(b, from: from, end: end)
        var e = end
        while e > s && ByteClass.isSpaceOrTab(b[e - 1]) { e -= 1 }
        guard s < e else { return [] }
        if b[s] == 0x7C { s += 1 }
        var pipes: [Int] = []
        var j = s
        while j < e {
            if b[j] == 0x5C && j + 1 < e {
                j += 2
                continue
            }
            if b[j] == 0x7C { pipes.append(j) }
            j += 1
        }
        if let last = pipes.last, last == e - 1 {
            pipes.removeLast()
            e -= 1
        }
        var result: [Range<Int>] = []
        var cellStart = s
        for boundary in pipes + [e] {
            var a = LinkSyntax.skipSpaces(b, from: cellStart, end: boundary), z = boundary
            while z > a && ByteClass.isSpaceOrTab(b[z - 1]) { z -= 1 }
            if a > z { a = z }
            result.append(a..<z)
            cellStart = boundary + 1
        }
        return result
    }

    /// The number of columns when the line is a delimiter row (cells of `:?-+:?`, and at
    /// least one `|`, so that `---` stays a thematic break or an underline).
    static func delimiterColumns(_ b: [UInt8], from: Int, end: Int) -> Int? {
        guard b[from..<end].contains(0x7C) else { return nil }
        let cells = cells(b, from: from, end: end)
        guard !cells.isEmpty else { return nil }
        for cell in cells {
            var a = cell.lowerBound, z = cell.upperBound
            if a < z && b[a] == 0x3A { a += 1 }
            if z > a && b[z - 1] == 0x3A { z -= 1 }
            guard a < z, b[a..<z].allSatisfy({ $0 == 0x2D }) else { return nil }
        }
        return cells.count
    }

    /// A column's alignment, from its cell in the delimiter row.
    public enum Alignment: Sendable, Equatable {
        case none, left, center, right
    }

    /// The alignment of each column of a delimiter row (`:--` left, `:-:` center, `--:` right).
    public static func alignments(_ b: [UInt8], from: Int, end: Int) -> [Alignment] {
        cells(b, from: from, end: end).map { cell in
            guard !cell.isEmpty else { return .none }
            switch (b[cell.lowerBound] == 0x3A, b[cell.upperBound - 1] == 0x3A && cell.count > 1) {
            case (true, true): return .center
            case (true, false): return .left
            case (false, true): return .right
            case (false, false): return .none
            }
        }
    }
}
