import MarkdownScanner

/// Recognises the spellings of U+00A0 as an HTML entity: `&nbsp;`, `&NonBreakingSpace;`
/// (any letter case), and `&#160;` / `&#xA0;` with any number of leading zeros.
enum NbspEntity {
    /// The end of the entity starting at the `&` at `i`, or nil.
    static func match(_ b: [UInt8], at i: Int, end: Int) -> Int? {
        guard i + 1 < end, b[i] == 0x26 else { return nil }
        if b[i + 1] == 0x23 { return numeric(b, at: i + 2, end: end) }
        for name in ["nbsp;", "nonbreakingspace;"] as [StaticString]
        where ByteSearch.hasPrefix(b, at: i + 1, end: end, lowercased: name) {
            return i + 1 + name.utf8CodeUnitCount
        }
        return nil
    }

    /// Whether the spelling is an entity HTML and CommonMark recognise: named references
    /// are case-sensitive, so `&NBSP;` and `&nonbreakingspace;` show as text.
    static func isValid(_ b: [UInt8], _ range: Range<Int>) -> Bool {
        if b[range.lowerBound + 1] == 0x23 { return true }
        let text = b[range]
        return text.elementsEqual("&nbsp;".utf8) || text.elementsEqual("&NonBreakingSpace;".utf8)
    }

    /// `160;` or `x00A0;` after `&#`. CommonMark allows at most 7 decimal or 6 hex digits.
    private static func numeric(_ b: [UInt8], at start: Int, end: Int) -> Int? {
        var i = start
        let hex = i < end && (b[i] == 0x78 || b[i] == 0x58)
        if hex { i += 1 }
        let digitsStart = i
        var value = 0
        while i < end, i - digitsStart < (hex ? 6 : 7) {
            let c = b[i]
            let d: Int
            if c >= 0x30 && c <= 0x39 { d = Int(c - 0x30) } else if hex && (c | 0x20) >= 0x61 && (c | 0x20) <= 0x66 {
                d = Int((c | 0x20) - 0x61 + 10)
            } else { break }
            value = value * (hex ? 16 : 10) + d
            i += 1
        }
        guard i > digitsStart, i < end, b[i] == 0x3B, value == 0xA0 else { return nil }
        return i + 1
    }
}
