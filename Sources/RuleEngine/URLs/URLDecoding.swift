import MarkdownScanner

/// A URL as it is meant, read from its bytes as written: what a browser reads in an HTML
/// attribute (character references decoded), what CommonMark reads in a link destination
/// (backslash escapes and entity references decoded). `offsets` maps each byte of the
/// value back to the first byte of what wrote it, so an edit of the value becomes an edit
/// of the file that leaves every other escape as it was.
public struct DecodedURL: Sendable, Equatable {
    public var value: [UInt8]
    /// The file offset each byte of `value` comes from; nil when the value is the written
    /// bytes themselves (nothing was decoded).
    var offsets: [Int32]?
    /// The written bytes' range in the file.
    var written: Range<Int>

    /// The file range that wrote `value[range]`.
    func writtenRange(of range: Range<Int>) -> Range<Int> {
        guard let offsets else {
            return (written.lowerBound + range.lowerBound)..<(written.lowerBound + range.upperBound)
        }
        func at(_ i: Int) -> Int { i < offsets.count ? Int(offsets[i]) : written.upperBound }
        return at(range.lowerBound)..<at(range.upperBound)
    }

    /// How the text of a URL is read.
    public enum Reading: Sendable {
        /// As written: autolinks, front matter values.
        case literal
        /// A Markdown link destination: backslash escapes of ASCII punctuation and entity
        /// references (`&amp;`, `&#61;`, `&#x3D;`), as CommonMark reads them.
        case markdown
        /// An HTML attribute value: character references, as a browser reads them
        /// (numeric ones also without `;`, and `&amp` `&lt` `&gt` `&quot` without `;`
        /// unless a letter, digit or `=` follows).
        case html
    }

    /// A value that is not read from its bytes (a front matter scalar, resolved by YAML).
    init(value: [UInt8], written: Range<Int>) {
        self.value = value
        self.written = written
        offsets = nil
    }

    init(_ b: [UInt8], _ range: Range<Int>, reading: Reading) {
        written = range
        guard reading != .literal,
              b[range].contains(where: { $0 == 0x26 || (reading == .markdown && $0 == 0x5C) }) else {
            value = Array(b[range])
            offsets = nil
            return
        }
        var out: [UInt8] = []
        var map: [Int32] = []
        out.reserveCapacity(range.count)
        map.reserveCapacity(range.count)
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            let c = b[i]
            if c == 0x5C, reading == .markdown, i + 1 < end, ByteClass.isASCIIPunctuation(b[i + 1]) {
                out.append(b[i + 1])
                map.append(Int32(i))
                i += 2
                continue
            }
            if c == 0x26, let (scalar, next) = CharacterReference.read(b, at: i, end: end, html: reading == .html) {
                let before = out.count
                out.append(contentsOf: String(Character(scalar)).utf8)
                map.append(contentsOf: repeatElement(Int32(i), count: out.count - before))
                i = next
                continue
            }
            out.append(c)
            map.append(Int32(i))
            i += 1
        }
        value = out
        offsets = map
    }

    public var string: String { String(decoding: value, as: UTF8.self) }

    /// `text` read as `reading` says (for a part of a URL already cut from its bytes).
    public static func decode(_ text: String, _ reading: Reading) -> String {
        let bytes = Array(text.utf8)
        return DecodedURL(bytes, 0..<bytes.count, reading: reading).string
    }
}

/// HTML character references (`&amp;`, `&#61;`, `&#x3D;`): the named ones that write
/// ASCII punctuation or a space in URLs, and every numeric one.
enum CharacterReference {
    static let named: [String: Unicode.Scalar] = [
        "amp": "&", "AMP": "&", "lt": "<", "LT": "<", "gt": ">", "GT": ">", "quot": "\"", "QUOT": "\"",
        "apos": "'", "nbsp": "\u{A0}", "excl": "!", "num": "#", "dollar": "$", "percnt": "%", "lpar": "(",
        "rpar": ")", "ast": "*", "midast": "*", "plus": "+", "comma": ",", "period": ".", "sol": "/",
        "colon": ":", "semi": ";", "equals": "=", "quest": "?", "commat": "@", "lsqb": "[", "lbrack": "[",
        "bsol": "\\", "rsqb": "]", "rbrack": "]", "Hat": "^", "lowbar": "_", "UnderBar": "_", "grave": "`",
        "DiacriticalGrave": "`", "lcub": "{", "lbrace": "{", "verbar": "|", "vert": "|", "VerticalLine": "|",
        "rcub": "}", "rbrace": "}", "Tab": "\t", "NewLine": "\n",
    ]
    /// Named references a browser also reads without `;` (the legacy ones URLs meet).
    static let legacy: Set<String> = ["amp", "AMP", "lt", "LT", "gt", "GT", "quot", "QUOT"]
    static let longestName = 16

    /// The reference at `i` (which holds `&`): the character and the offset after it.
    static func read(_ b: [UInt8], at i: Int, end: Int, html: Bool) -> (Unicode.Scalar, Int)? {
        var j = i + 1
        guard j < end else { return nil }
        if b[j] == 0x23 {
            j += 1
            let hex = j < end && (b[j] == 0x78 || b[j] == 0x58)
            if hex { j += 1 }
            let digitsStart = j
            var value: UInt32 = 0
            while j < end, let d = digit(b[j], hex: hex) {
                value = value > 0x10FFFF ? value : value * (hex ? 16 : 10) + d
                j += 1
            }
            let digits = j - digitsStart
            guard digits > 0 else { return nil }
            let hasSemicolon = j < end && b[j] == 0x3B
            if !html {
                // CommonMark: 1-7 decimal or 1-6 hexadecimal digits, and the `;`.
                guard hasSemicolon, digits <= (hex ? 6 : 7) else { return nil }
            }
            let scalar = value == 0 ? "\u{FFFD}" : Unicode.Scalar(value) ?? "\u{FFFD}"
            return (scalar, hasSemicolon ? j + 1 : j)
        }
        let nameStart = j
        while j < end, j - nameStart <= longestName, ByteClass.isAlnum(b[j]) { j += 1 }
        guard j > nameStart, j - nameStart <= longestName else { return nil }
        let name = String(decoding: b[nameStart..<j], as: UTF8.self)
        if j < end, b[j] == 0x3B, let scalar = named[name] { return (scalar, j + 1) }
        // Without `;`: only in attributes, only the legacy names, and not before `=` or an
        // alphanumeric (which the name loop above would have taken).
        if html {
            for length in stride(from: min(j - nameStart, 4), through: 2, by: -1) {
                let prefix = String(decoding: b[nameStart..<(nameStart + length)], as: UTF8.self)
                guard legacy.contains(prefix), let scalar = named[prefix] else { continue }
                let after = nameStart + length
                if after < end && (ByteClass.isAlnum(b[after]) || b[after] == 0x3D) { return nil }
                return (scalar, after)
            }
        }
        return nil
    }

    private static func digit(_ c: UInt8, hex: Bool) -> UInt32? {
        if ByteClass.isDigit(c) { return UInt32(c - 0x30) }
        guard hex else { return nil }
        let l = ByteClass.lower(c)
        return l >= 0x61 && l <= 0x66 ? UInt32(l - 0x61 + 10) : nil
    }
}
