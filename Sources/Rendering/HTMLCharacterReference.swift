import MarkdownScanner

/// Character references as the HTML5 tokenizer decodes them (WHATWG HTML §13.2.5.72–80):
/// the longest name of the table, with or without `;` (in an attribute value a name
/// without `;` followed by `=` or a letter or digit stays text); numeric references with
/// or without `;`, U+FFFD for 0, surrogates and past U+10FFFF, and the windows-1252
/// characters for the C1 controls.
enum HTMLCharacterReference {
    /// At the `&` at `i`: appends what it stands for (or the text itself) and returns where
    /// the data state goes on.
    static func decode(_ b: [UInt8], at i: Int, inAttribute: Bool, into out: inout [UInt8]) -> Int {
        let n = b.count
        guard i + 1 < n else {
            out.append(0x26)
            return i + 1
        }
        if b[i + 1] == 0x23 { return numeric(b, at: i, into: &out) }
        guard let match = CharacterReference.longestName(b, at: i + 1, end: n) else {
            out.append(0x26)
            return i + 1
        }
        if inAttribute && b[match.end - 1] != 0x3B && match.end < n
            && (b[match.end] == 0x3D || ByteClass.isAlnum(b[match.end])) {
            out.append(contentsOf: b[i..<match.end])
            return match.end
        }
        CharacterReference.append(match.value, to: &out)
        return match.end
    }

    static func numeric(_ b: [UInt8], at i: Int, into out: inout [UInt8]) -> Int {
        let n = b.count
        var k = i + 2
        let hex = k < n && b[k] | 0x20 == 0x78
        if hex { k += 1 }
        let digits = k
        var value: UInt32 = 0
        while k < n, let d = CharacterReference.digit(b[k], hex: hex) {
            value = min(value * (hex ? 16 : 10) + d, 0x110000)
            k += 1
        }
        guard k > digits else {
            out.append(contentsOf: b[i..<digits])
            return digits
        }
        if k < n && b[k] == 0x3B { k += 1 }
        if value >= 0x80 && value <= 0x9F, case let w = windows1252[Int(value - 0x80)], w != 0 { value = w }
        CharacterReference.appendScalar(value, to: &out)
        return k
    }

    /// What a numeric reference to 0x80...0x9F stands for (0: the code point itself).
    static let windows1252: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]
}
