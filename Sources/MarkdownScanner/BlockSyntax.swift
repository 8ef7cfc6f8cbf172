/// Line-level syntax tests of the block pass (CommonMark 0.31.2 §4, §5).

/// A position in a line with its column (tabs advance to the next multiple of 4).
struct Cursor {
    var pos: Int
    var col: Int
    /// Whether `pos` is a tab that was consumed in part (`col` is inside it).
    var inTab = false

    /// The first non-space, non-tab byte from here, its column, and the indentation width.
    func indent(in b: [UInt8], end: Int) -> (pos: Int, col: Int, width: Int) {
        var p = pos, c = col
        while p < end {
            if b[p] == 0x20 { c += 1 } else if b[p] == 0x09 { c += 4 - c % 4 } else { break }
            p += 1
        }
        return (p, c, c - col)
    }

    /// Advances over `columns` columns of indentation. A tab that reaches past the target
    /// is consumed only in part: `pos` stays on it and `col` moves into it, so the
    /// columns left of it still count as indentation of what follows (CommonMark §2.2).
    mutating func advance(columns: Int, in b: [UInt8], end: Int) {
        let target = col + columns
        while col < target && pos < end {
            if b[pos] == 0x20 {
                col += 1
            } else if b[pos] == 0x09 {
                let width = 4 - col % 4
                if col + width > target {
                    col = target
                    inTab = true
                    return
                }
                col += width
                inTab = false
            } else {
                return
            }
            pos += 1
            inTab = false
        }
    }

    /// Skips the one optional space after `>` or a list marker (one column of a tab).
    mutating func skipOneSpace(in b: [UInt8], end: Int) {
        guard pos < end && ByteClass.isSpaceOrTab(b[pos]) else { return }
        if b[pos] == 0x09 && 4 - col % 4 > 1 {
            col += 1  // the rest of the tab stays as indentation
            inTab = true
            return
        }
        col += 1
        pos += 1
        inTab = false
    }
}

struct ListMarker {
    var end: Int
    var ordered: Bool
    var startsAtOne: Bool
    var emptyItem: Bool
    /// The bullet (`-`, `+`, `*`) or the delimiter of an ordered marker (`.`, `)`).
    var delimiter: UInt8 = 0
}

extension BlockScanner {
    /// Whether the rest of the current line from `from` is blank (`end` is the line's end).
    func isBlank(_ from: Int, _ end: Int) -> Bool { from > lastNonBlank }

    /// Whether the line at the cursor starts a block that can interrupt a paragraph
    /// (or, for a lazy line, that is not paragraph continuation text).
    /// On a `lazy` line (a paragraph is open in a container that did not match) there is
    /// no paragraph at the matched level, so any list item may start, but an HTML block of
    /// type 7 still may not (as cmark decides).
    func startsBlock(_ cur: Cursor, end: Int, inParagraph: Bool, lazy: Bool = false) -> Bool {
        let ind = indentation(cur, end)
        let p = ind.pos
        guard ind.width <= 3, p < end else { return false }
        if b[p] == 0x3E { return true }
        if isThematicBreak(p, end: end) || isATXHeading(p, end: end) || fenceOpening(p, end: end) != nil {
            return true
        }
        if HTMLSyntax.blockStart(b, at: p, end: end, inParagraph: inParagraph || lazy) > 0 { return true }
        if let m = listMarker(p, end: end), !inParagraph || (!m.emptyItem && (!m.ordered || m.startsAtOne)) {
            return true
        }
        return false
    }

    func listMarker(_ p: Int, end: Int) -> ListMarker? {
        guard p < end else { return nil }
        let c = b[p]
        var q = p
        var ordered = false, one = false
        if c == 0x2D || c == 0x2B || c == 0x2A {
            q = p + 1
        } else if ByteClass.isDigit(c) {
            while q < end && q - p < 10 && ByteClass.isDigit(b[q]) { q += 1 }
            guard q - p <= 9, q < end, b[q] == 0x2E || b[q] == 0x29 else { return nil }
            one = b[p..<q].drop { $0 == 0x30 }.elementsEqual([0x31])
            ordered = true
            q += 1
        } else {
            return nil
        }
        if q < end && !ByteClass.isSpaceOrTab(b[q]) { return nil }
        return ListMarker(end: q, ordered: ordered, startsAtOne: one, emptyItem: isBlank(q, end), delimiter: b[q - 1])
    }

    func isThematicBreak(_ p: Int, end: Int) -> Bool {
        guard p < end, p >= breakTailStart else { return false }
        let c = b[p]
        guard c == 0x2A || c == 0x2D || c == 0x5F else { return false }
        var n = 0, q = p
        while q < end {
            if b[q] == c { n += 1 } else if !ByteClass.isSpaceOrTab(b[q]) { return false }
            q += 1
        }
        return n >= 3
    }

    func isATXHeading(_ p: Int, end: Int) -> Bool {
        var q = p
        while q < end && b[q] == 0x23 && q - p < 7 { q += 1 }
        let n = q - p
        return n >= 1 && n <= 6 && (q == end || ByteClass.isSpaceOrTab(b[q]))
    }

    func isSetextUnderline(_ p: Int, end: Int) -> Bool {
        guard p < end, b[p] == 0x3D || b[p] == 0x2D else { return false }
        let c = b[p]
        var q = p
        while q < end && b[q] == c { q += 1 }
        return isBlank(q, end)
    }

    func fenceOpening(_ p: Int, end: Int) -> (char: UInt8, length: Int)? {
        guard p < end, b[p] == 0x60 || b[p] == 0x7E else { return nil }
        let c = b[p]
        var q = p
        while q < end && b[q] == c { q += 1 }
        guard q - p >= 3 else { return nil }
        if c == 0x60 {
            var r = q
            while r < end {
                if b[r] == 0x60 { return nil }
                r += 1
            }
        }
        return (c, q - p)
    }

    func isClosingFence(_ p: Int, end: Int, char: UInt8, minLength: Int) -> Bool {
        var q = p
        while q < end && b[q] == char { q += 1 }
        return q - p >= minLength && isBlank(q, end)
    }
}
