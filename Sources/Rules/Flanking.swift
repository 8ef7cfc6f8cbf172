import MarkdownScanner

/// The character classes CommonMark's flanking rules use: Unicode whitespace (Zs, tab,
/// line breaks, form feed; the start or end of the text counts as whitespace) and
/// Unicode punctuation (general categories P and S).
enum Flanking {
    /// Whether the character ending just before `offset` is whitespace or punctuation.
    static func isSpaceOrPunctuation(before offset: Int, in b: [UInt8]) -> Bool {
        guard offset > 0 else { return true }
        var start = offset - 1
        while start > 0 && b[start] & 0xC0 == 0x80 { start -= 1 }
        return isSpaceOrPunctuation(at: start, in: b)
    }

    /// Whether the character starting at `offset` is whitespace or punctuation.
    static func isSpaceOrPunctuation(at offset: Int, in b: [UInt8]) -> Bool {
        guard offset < b.count else { return true }
        let c = b[offset]
        if c < 0x80 { return ByteClass.isWhitespace(c) || ByteClass.isASCIIPunctuation(c) }
        var end = offset + 1
        while end < b.count && b[end] & 0xC0 == 0x80 { end += 1 }
        guard let scalar = String(decoding: b[offset..<end], as: UTF8.self).unicodeScalars.first else { return true }
        switch scalar.properties.generalCategory {
        case .spaceSeparator,
             .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation,
             .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }
}
