/// Link labels, destinations and titles (CommonMark 0.31.2 §4.7 and §6.3), shared by the
/// definition pass over paragraphs and the inline pass. Every function takes the buffer
/// and an end, scans forward only, and returns nil when the construct is not there.
enum LinkSyntax {
    /// Deepest nesting of unescaped parentheses in a destination (as cmark and markdown-it
    /// bound it); it also keeps `[a](b(b(b…` linear.
    static let maxParenDepth = 32
    /// At most 999 characters between the brackets of a label.
    static let maxLabelCharacters = 999

    /// A link label starting at `i` (which holds `[`): the offset after its `]`. A label has
    /// no unescaped brackets inside and at most 999 characters; it may be empty (`[]`).
    static func labelEnd(_ b: [UInt8], at i: Int, end: Int) -> Int? {
        guard i < end, b[i] == 0x5B else { return nil }
        var j = i + 1, characters = 0
        while j < end {
            let c = b[j]
            if c == 0x5D { return j + 1 }
            if c == 0x5B { return nil }
            if c == 0x5C && j + 1 < end && ByteClass.isASCIIPunctuation(b[j + 1]) {
                j += 2
                characters += 2
            } else {
                if c & 0xC0 != 0x80 { characters += 1 }
                j += 1
            }
            if characters > maxLabelCharacters { return nil }
        }
        return nil
    }

    /// Whether `b[range]` holds a character other than whitespace (a label must).
    static func hasContent(_ b: [UInt8], _ range: Range<Int>) -> Bool {
        b[range].contains { !ByteClass.isWhitespace($0) }
    }

    /// A link destination at `i`: `<…>` without line breaks or unescaped `<`, or a run
    /// without spaces and control characters whose unescaped parentheses balance. Returns
    /// the offset after it; for the second form that may be `i` itself (empty).
    static func destinationEnd(_ b: [UInt8], at i: Int, end: Int) -> Int? {
        guard i < end else { return i }
        if b[i] == 0x3C {
            var j = i + 1
            while j < end {
                switch b[j] {
                case 0x3E: return j + 1
                case 0x3C, 0x0A, 0x0D: return nil
                case 0x5C where j + 1 < end && ByteClass.isASCIIPunctuation(b[j + 1]): j += 2
                default: j += 1
                }
            }
            return nil
        }
        var j = i, depth = 0
        while j < end {
            let c = b[j]
            if c <= 0x20 || c == 0x7F { break }
            if c == 0x5C && j + 1 < end && ByteClass.isASCIIPunctuation(b[j + 1]) {
                j += 2
                continue
            }
            if c == 0x28 {
                depth += 1
                if depth > maxParenDepth { return nil }
            } else if c == 0x29 {
                if depth == 0 { break }
                depth -= 1
            }
            j += 1
        }
        return depth == 0 ? j : nil
    }

    /// A link title at `i`: `"…"`, `'…'` or `(…)`, with backslash escapes; a parenthesised
    /// title holds no unescaped `(`. Returns the offset after the closing character.
    static func titleEnd(_ b: [UInt8], at i: Int, end: Int) -> Int? {
        guard i < end, b[i] == 0x22 || b[i] == 0x27 || b[i] == 0x28 else { return nil }
        let open = b[i]
        let close: UInt8 = open == 0x28 ? 0x29 : open
        var j = i + 1
        while j < end {
            let c = b[j]
            if c == close { return j + 1 }
            if c == 0x28 && open == 0x28 { return nil }
            j += c == 0x5C && j + 1 < end && ByteClass.isASCIIPunctuation(b[j + 1]) ? 2 : 1
        }
        return nil
    }

    static func skipWhitespace(_ b: [UInt8], from: Int, end: Int) -> Int {
        var j = from
        while j < end && ByteClass.isWhitespace(b[j]) { j += 1 }
        return j
    }

    static func skipSpaces(_ b: [UInt8], from: Int, end: Int) -> Int {
        var j = from
        while j < end && ByteClass.isSpaceOrTab(b[j]) { j += 1 }
        return j
    }

    /// A link reference definition at `i` in a paragraph's joined text (lines separated by
    /// `\n`, no blank lines): where it ends (at a line break or `end`) and its label's
    /// contents. A title that does not end its line is dropped when it starts on a line of
    /// its own (the definition then ends with its destination's line), else the whole
    /// definition fails.
    static func definition(_ b: [UInt8], at i: Int, end: Int)
        -> (end: Int, label: Range<Int>, destination: Range<Int>, title: Range<Int>?)? {
        guard let labelEnd = labelEnd(b, at: i, end: end), labelEnd < end, b[labelEnd] == 0x3A,
              hasContent(b, (i + 1)..<(labelEnd - 1)) else { return nil }
        let destStart = skipWhitespace(b, from: labelEnd + 1, end: end)
        guard destStart < end, let destEnd = destinationEnd(b, at: destStart, end: end),
              destEnd > destStart else { return nil }
        let label = (i + 1)..<(labelEnd - 1)
        let destination = b[destStart] == 0x3C ? (destStart + 1)..<(destEnd - 1) : destStart..<destEnd
        let lineRest = skipSpaces(b, from: destEnd, end: end)
        let endsWithDestination = lineRest == end || b[lineRest] == 0x0A
        let titleStart = skipWhitespace(b, from: destEnd, end: end)
        if titleStart > destEnd, let titleEnd = titleEnd(b, at: titleStart, end: end) {
            let after = skipSpaces(b, from: titleEnd, end: end)
            if after == end || b[after] == 0x0A { return (after, label, destination, titleStart..<titleEnd) }
        }
        return endsWithDestination ? (lineRest, label, destination, nil) : nil
    }

    /// The key two labels match on: Unicode case fold, inner whitespace collapsed to one
    /// space, outer whitespace dropped (CommonMark "matches").
    static func normalizedLabel(_ bytes: ArraySlice<UInt8>) -> String {
        var collapsed: [UInt8] = []
        collapsed.reserveCapacity(bytes.count)
        var pendingSpace = false
        for c in bytes {
            if ByteClass.isWhitespace(c) {
                pendingSpace = !collapsed.isEmpty
            } else {
                if pendingSpace { collapsed.append(0x20) }
                pendingSpace = false
                collapsed.append(c)
            }
        }
        let s = String(decoding: collapsed, as: UTF8.self)
        // lowercased → uppercased → lowercased folds `ẞ`, `ß` and `SS` alike, as full case folding does.
        if collapsed.allSatisfy({ $0 < 0x80 }) { return s.lowercased() }
        return s.lowercased().uppercased().lowercased()
    }
}
