import RuleEngine

/// One change to front matter that libyaml rejects, with what it must mean once applied.
struct FrontMatterRepair {
    enum Kind: Equatable {
        /// `\uD83D\uDE80` (JSON's UTF-16 surrogate pair) becomes the character.
        case surrogatePair
        /// `\'` (not a YAML escape) becomes `'`.
        case escapedApostrophe
        /// A value YAML cannot read as the text written is quoted.
        case quoted
        /// A quoted value with its own quote character inside gets it escaped.
        case innerQuotes
    }

    var kind: Kind
    var edit: Edit
    /// For an escape: the same character in YAML's own escape (`\U0001F680`, `\x27`); the
    /// document must mean the same with either spelling.
    var alternative: [UInt8]?
    /// For a value: what the new scalar must hold.
    var intended: String?

    /// `"` + `text` with `\` and `"` escaped + `"`.
    static func doubleQuoted(_ text: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = [0x22]
        for c in text {
            if c == 0x5C || c == 0x22 { out.append(0x5C) }
            out.append(c)
        }
        out.append(0x22)
        return out
    }

    /// `'` + `text` with `'` doubled + `'`.
    static func singleQuoted(_ text: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = [0x27]
        for c in text {
            if c == 0x27 { out.append(0x27) }
            out.append(c)
        }
        out.append(0x27)
        return out
    }

    /// The fix's title, from the kinds of repairs it makes.
    static func title(_ repairs: [FrontMatterRepair]) -> String {
        var parts: [String] = []
        if repairs.contains(where: { $0.kind == .surrogatePair }) { parts.append("combine the surrogate pair escapes") }
        if repairs.contains(where: { $0.kind == .escapedApostrophe }) { parts.append("unescape the apostrophes") }
        if repairs.contains(where: { $0.kind == .quoted }) { parts.append("quote the values YAML cannot read") }
        if repairs.contains(where: { $0.kind == .innerQuotes }) { parts.append("escape the quotes inside quoted values") }
        let text = parts.joined(separator: ", ")
        return text.prefix(1).uppercased() + text.dropFirst()
    }
}
