/// Entity and numeric character references (CommonMark 0.31.2 §2.5), and the named-reference
/// lookup the HTML tokenizer's longest-match rule needs. Byte-based; the table is the HTML5
/// one (`EntityTable.swift`), parsed once on first use.
public enum CharacterReference {
    /// The reference starting at the `&` at `i` as CommonMark reads it: `&name;` with a name
    /// of the HTML5 table, `&#` and 1 to 7 decimal digits, or `&#x` and 1 to 6 hexadecimal
    /// digits, then `;`. Appends the UTF-8 of its value to `out` (U+FFFD for code point 0, a
    /// surrogate or one past U+10FFFF) and returns the offset after the `;`, or nil.
    public static func decode(_ b: [UInt8], at i: Int, end: Int, into out: inout [UInt8]) -> Int? {
        guard i + 2 < end, b[i] == 0x26 else { return nil }
        if b[i + 1] == 0x23 {
            var j = i + 2
            let hex = b[j] | 0x20 == 0x78
            if hex { j += 1 }
            let digitsStart = j
            var value: UInt32 = 0
            while j < end, let d = digit(b[j], hex: hex), j - digitsStart < (hex ? 6 : 7) {
                value = value * (hex ? 16 : 10) + d
                j += 1
            }
            guard j > digitsStart, j < end, b[j] == 0x3B else { return nil }
            appendScalar(value, to: &out)
            return j + 1
        }
        var j = i + 1
        while j < end && ByteClass.isAlnum(b[j]) && j - i <= 32 { j += 1 }
        guard j > i + 1, j < end, b[j] == 0x3B else { return nil }
        // The name migrated posts are full of, without a search of the table.
        if j == i + 5, b[i + 1] == 0x6E, b[i + 2] == 0x62, b[i + 3] == 0x73, b[i + 4] == 0x70 {  // nbsp
            out.append(0xC2)
            out.append(0xA0)
            return j + 1
        }
        guard let value = EntityTable.shared.value(b, (i + 1)..<(j + 1)) else { return nil }
        EntityTable.shared.append(value, to: &out)
        return j + 1
    }

    /// The longest name of the HTML5 table that starts at `i` (just after an `&`), with or
    /// without its `;` (the legacy names such as `amp` and `copy` have both forms). Returns
    /// the offset after the name and the value to append with `append(_:to:)`.
    public static func longestName(_ b: [UInt8], at i: Int, end: Int) -> (end: Int, value: Value)? {
        var j = i
        while j < end && ByteClass.isAlnum(b[j]) && j - i < 32 { j += 1 }
        guard j > i else { return nil }
        let table = EntityTable.shared
        if j < end && b[j] == 0x3B, let v = table.value(b, i..<(j + 1)) { return (j + 1, Value(range: v)) }
        // Without `;`, only the legacy names (at most 6 characters) match; the longest wins.
        var k = min(j, i + 6)
        while k > i {
            if let v = table.value(b, i..<k) { return (k, Value(range: v)) }
            k -= 1
        }
        return nil
    }

    /// The value of a named reference (an opaque handle into the table).
    public struct Value: Sendable, Equatable {
        let range: Range<Int>
    }

    public static func append(_ value: Value, to out: inout [UInt8]) {
        EntityTable.shared.append(value.range, to: &out)
    }

    /// Appends the UTF-8 of code point `value`, or of U+FFFD when it is 0, a surrogate or
    /// past U+10FFFF.
    public static func appendScalar(_ value: UInt32, to out: inout [UInt8]) {
        let v: UInt32 = value == 0 || (value >= 0xD800 && value <= 0xDFFF) || value > 0x10FFFF ? 0xFFFD : value
        if v < 0x80 {
            out.append(UInt8(v))
        } else if v < 0x800 {
            out.append(UInt8(0xC0 | v >> 6))
            out.append(UInt8(0x80 | v & 0x3F))
        } else if v < 0x10000 {
            out.append(UInt8(0xE0 | v >> 12))
            out.append(UInt8(0x80 | (v >> 6) & 0x3F))
            out.append(UInt8(0x80 | v & 0x3F))
        } else {
            out.append(UInt8(0xF0 | v >> 18))
            out.append(UInt8(0x80 | (v >> 12) & 0x3F))
            out.append(UInt8(0x80 | (v >> 6) & 0x3F))
            out.append(UInt8(0x80 | v & 0x3F))
        }
    }

    /// The value of a decimal digit, or with `hex` of a hexadecimal one.
    @inline(__always) public static func digit(_ c: UInt8, hex: Bool) -> UInt32? {
        if ByteClass.isDigit(c) { return UInt32(c - 0x30) }
        guard hex else { return nil }
        let l = c | 0x20
        return l >= 0x61 && l <= 0x66 ? UInt32(l - 0x61 + 10) : nil
    }
}
