import FrontMatter
import MarkdownScanner
import RuleEngine

/// Finds the repairs a front matter block may need, line by line: `key: value` lines
/// (after indentation and `- ` entries), sequence items, the lines of a double-quoted
/// scalar that goes on over several lines. Block scalars (`|`, `>`) and flow collections
/// are skipped: their lines are not `key: value`. Every candidate is proven afterwards
/// (`FrontMatterRepairProof`); this only finds what to try.
struct FrontMatterRepairScan {
    let b: [UInt8]
    var repairs: [FrontMatterRepair] = []
    /// Inside a block scalar whose key sits at this column: more indented lines are its text.
    private var blockScalarColumn: Int?
    /// Inside a quoted scalar that did not close on its line.
    private var openQuote: UInt8?

    init(_ bytes: [UInt8]) { b = bytes }

    mutating func scan(_ content: Range<Int>) {
        var start = content.lowerBound
        while start < content.upperBound {
            var end = start
            while end < content.upperBound && b[end] != 0x0A && b[end] != 0x0D { end += 1 }
            line(start..<end)
            var next = end
            if next < content.upperBound && b[next] == 0x0D { next += 1 }
            if next < content.upperBound && b[next] == 0x0A { next += 1 }
            start = max(next, end + 1)
        }
    }

    private mutating func line(_ r: Range<Int>) {
        var p = r.lowerBound
        while p < r.upperBound && b[p] == 0x20 { p += 1 }
        let column = p - r.lowerBound
        var e = r.upperBound
        while e > p && ByteClass.isSpaceOrTab(b[e - 1]) { e -= 1 }
        if let quote = openQuote {
            // A quoted scalar that goes on from the line above: its escapes count.
            let close = closingQuote(quote, from: r.lowerBound, end: e)
            if close != nil { openQuote = nil }
            if quote == 0x22 { escapes(r.lowerBound..<(close ?? e)) }
            return
        }
        if let scalarColumn = blockScalarColumn {
            if p == e || column > scalarColumn { return }
            blockScalarColumn = nil
        }
        guard p < e, b[p] != 0x23 else { return }
        // `- ` entries, then a key (plain, up to `: `) or an item's value.
        var keyStart = p
        while keyStart + 1 < e && b[keyStart] == 0x2D && ByteClass.isSpaceOrTab(b[keyStart + 1]) {
            keyStart += 2
            while keyStart < e && ByteClass.isSpaceOrTab(b[keyStart]) { keyStart += 1 }
        }
        var valueStart = keyStart
        if keyStart < e && b[keyStart] != 0x22 && b[keyStart] != 0x27, let colon = keyColon(from: keyStart, end: e) {
            valueStart = colon + 1
            while valueStart < e && ByteClass.isSpaceOrTab(b[valueStart]) { valueStart += 1 }
        } else if keyStart == p {
            return  // neither an entry nor `key:`: a continuation line of something else
        }
        guard valueStart < e else { return }
        value(valueStart..<e, keyColumn: keyStart - r.lowerBound)
    }

    /// The `:` that ends a plain key: followed by a space, a tab or the end of the line.
    private func keyColon(from p: Int, end: Int) -> Int? {
        var i = p
        while i < end {
            if b[i] == 0x3A && (i + 1 == end || ByteClass.isSpaceOrTab(b[i + 1])) { return i }
            if b[i] == 0x23 && i > p && ByteClass.isSpaceOrTab(b[i - 1]) { return nil }
            i += 1
        }
        return nil
    }

    private mutating func value(_ v: Range<Int>, keyColumn: Int) {
        let first = b[v.lowerBound]
        switch first {
        case 0x7C, 0x3E:  // | >
            blockScalarColumn = keyColumn
        case 0x22, 0x27:
            guard let close = closingQuote(first, from: v.lowerBound + 1, end: v.upperBound) else {
                openQuote = first
                if first == 0x22 { escapes(v) }
                return
            }
            if first == 0x22 { escapes(v.lowerBound..<(close + 1)) }
            guard close + 1 < v.upperBound else { return }
            if b[v.upperBound - 1] == first {
                innerQuotes(v, quote: first)
            } else {
                quoted(v)
            }
        case 0x5B, 0x7B, 0x26, 0x2A, 0x21, 0x23:  // [ { & * ! #: syntax the author may have meant
            return
        default:
            quoted(v)
        }
    }

    /// The closing quote of a scalar opened before `from`, on this line.
    private func closingQuote(_ quote: UInt8, from: Int, end: Int) -> Int? {
        var i = from
        while i < end {
            if quote == 0x22 && b[i] == 0x5C { i += 2; continue }
            if b[i] == quote {
                if quote == 0x27 && i + 1 < end && b[i + 1] == 0x27 { i += 2; continue }
                return i
            }
            i += 1
        }
        return nil
    }

    /// Surrogate pairs and `\'` in (a line's part of) a double-quoted scalar.
    private mutating func escapes(_ r: Range<Int>) {
        var i = r.lowerBound
        while i + 1 < r.upperBound {
            guard b[i] == 0x5C else { i += 1; continue }
            if b[i + 1] == 0x27 {
                repairs.append(FrontMatterRepair(kind: .escapedApostrophe, edit: Edit(range: i..<(i + 2), replacement: [0x27]),
                                                 alternative: Array("\\x27".utf8)))
            } else if let high = hex4(i + 2, r.upperBound), b[i + 1] == 0x75, (0xD800...0xDBFF).contains(high),
                      i + 12 <= r.upperBound, b[i + 6] == 0x5C, b[i + 7] == 0x75, let low = hex4(i + 8, r.upperBound),
                      (0xDC00...0xDFFF).contains(low), let scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                repairs.append(FrontMatterRepair(kind: .surrogatePair, edit: Edit(range: i..<(i + 12), replacement: Array(String(scalar).utf8)),
                                                 alternative: Array(("\\U" + String(repeating: "0", count: 8 - hex.count) + hex).utf8)))
                i += 12
                continue
            }
            i += 2
        }
    }

    /// Four hex digits at `at`, as a number.
    private func hex4(_ at: Int, _ end: Int) -> UInt32? {
        guard at + 4 <= end else { return nil }
        var value: UInt32 = 0
        for c in b[at..<(at + 4)] {
            let digit: UInt8
            switch c {
            case 0x30...0x39: digit = c - 0x30
            case 0x41...0x46: digit = c - 0x41 + 10
            case 0x61...0x66: digit = c - 0x61 + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    /// A value YAML cannot read as the text written: quoted whole, when the line alone
    /// does not parse and no ` #` makes a comment possible.
    private mutating func quoted(_ v: Range<Int>) {
        let text = b[v]
        guard !containsComment(text), !text.contains(where: { $0 < 0x20 && $0 != 0x09 || $0 == 0x7F }),
              lineAloneFails(text) else { return }
        repairs.append(FrontMatterRepair(kind: .quoted, edit: Edit(range: v, replacement: FrontMatterRepair.doubleQuoted(text)),
                                         intended: String(decoding: text, as: UTF8.self)))
    }

    /// `'Don't panic'`, `"The "best" tool"`: the outer quotes enclose the whole value, the
    /// inner ones are text. Not when escapes are in play (a `\` inside double quotes, a
    /// doubled `''` inside single ones).
    private mutating func innerQuotes(_ v: Range<Int>, quote: UInt8) {
        let inner = b[(v.lowerBound + 1)..<(v.upperBound - 1)]
        if quote == 0x22 && inner.contains(0x5C) { return }
        if quote == 0x27 && zip(inner, inner.dropFirst()).contains(where: { $0 == 0x27 && $1 == 0x27 }) { return }
        guard !inner.contains(where: { $0 < 0x20 && $0 != 0x09 || $0 == 0x7F }), lineAloneFails(b[v]) else { return }
        let replacement = quote == 0x22 ? FrontMatterRepair.doubleQuoted(inner) : FrontMatterRepair.singleQuoted(inner)
        repairs.append(FrontMatterRepair(kind: .innerQuotes, edit: Edit(range: v, replacement: replacement),
                                         intended: String(decoding: inner, as: UTF8.self)))
    }

    private func containsComment(_ text: ArraySlice<UInt8>) -> Bool {
        zip(text, text.dropFirst()).contains { ByteClass.isSpaceOrTab($0) && $1 == 0x23 }
    }

    /// Whether `k: <text>` alone is not YAML: the author's line is broken by itself.
    private func lineAloneFails(_ text: ArraySlice<UInt8>) -> Bool {
        let line = Array("k: ".utf8) + text + [0x0A]
        return YAMLParser.parse(line, range: 0..<line.count).hasSyntaxError
    }
}
