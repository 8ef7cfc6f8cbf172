import MarkdownScanner

/// Printed `*` and `_` that belong to the text around them, so no reader would want them
/// gone or turned into emphasis:
///
/// - a `_` or `\_` that ends or starts a dotted identifier or a path: the word around it
///   has a `.` or `/` between two letters or digits on the same side of it
///   (`import Sensors.Reader._`, `import Telemetry.Hub.\_`, `x.y.\_`); a full stop right
///   before it is a sentence's end, not a dot inside (`… the third minute.\_`);
/// - a `_` or `\_` glued to a word that has another `_` between two letters or digits
///   (`my_var_`, `HKEY\_ROOT\_`): a piece of a snake_case name;
/// - a `\*` that starts a line: a footnote mark (`\*_Diagram taken from the guide._`).
///
/// Only the word the segment sits in is read, and at most `reach` bytes of it on each
/// side, so a line of glued segments stays linear.
enum EmphasisText {
    static let reach = 256

    static func isText(_ s: EmphasisSegment, in b: [UInt8], content: Range<Int>) -> Bool {
        if s.char == 0x2A { return s.isEscape && s.atLineStart }
        var a = s.range.lowerBound
        while a > content.lowerBound && s.range.lowerBound - a < reach && !ByteClass.isSpaceOrTab(b[a - 1]) { a -= 1 }
        var e = s.range.upperBound
        while e < content.upperBound && e - s.range.upperBound < reach && !ByteClass.isSpaceOrTab(b[e]) { e += 1 }
        let left = a..<s.range.lowerBound, right = s.range.upperBound..<e
        return hasInnerSeparator(b, left) || hasInnerSeparator(b, right)
            || hasWordUnderscore(b, left) || hasWordUnderscore(b, right)
    }

    /// A `.` or `/` with a letter or digit on both sides, inside `r`.
    static func hasInnerSeparator(_ b: [UInt8], _ r: Range<Int>) -> Bool {
        guard r.count >= 3 else { return false }
        for i in (r.lowerBound + 1)..<(r.upperBound - 1) where b[i] == 0x2E || b[i] == 0x2F {
            if isWordByte(b[i - 1]) && isWordByte(b[i + 1]) { return true }
        }
        return false
    }

    /// An `_` (or `\_`) between two letters or digits, inside `r`: a snake_case word.
    static func hasWordUnderscore(_ b: [UInt8], _ r: Range<Int>) -> Bool {
        for i in r where b[i] == 0x5F && i + 1 < r.upperBound && isWordByte(b[i + 1]) {
            let before = i > r.lowerBound && b[i - 1] == 0x5C ? i - 1 : i
            if before > r.lowerBound && isWordByte(b[before - 1]) { return true }
        }
        return false
    }

    /// A letter or digit, ASCII or not (any byte of a multi-byte character counts).
    static func isWordByte(_ c: UInt8) -> Bool { ByteClass.isAlnum(c) || c >= 0x80 }
}
