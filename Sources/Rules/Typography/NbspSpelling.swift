import MarkdownScanner

/// How a non-breaking space is written in the Markdown: as an HTML entity (`&nbsp;`, see
/// `NbspEntity`) or as the character U+00A0 itself (UTF-8 `C2 A0`).
enum NbspSpelling {
    case entity, character

    /// Where the mark starting at `i` ends, or nil: one entity, or a run of U+00A0.
    func match(_ b: [UInt8], at i: Int, end: Int) -> Int? {
        switch self {
        case .entity:
            return NbspEntity.match(b, at: i, end: end)
        case .character:
            var k = i
            while k + 1 < end && b[k] == 0xC2 && b[k + 1] == 0xA0 { k += 2 }
            return k > i ? k : nil
        }
    }

    /// Whether CommonMark's flanking rules read the mark as punctuation (the entity's `&`
    /// and `;`). The character is whitespace to them, as a space is, so replacing it with a
    /// space (or removing it at a line edge) cannot change emphasis.
    var readsAsPunctuation: Bool { self == .entity }

    /// Whether the mark at `range` shows as text: a misspelt entity (`&NBSP;`).
    func isVisibleText(_ b: [UInt8], _ range: Range<Int>) -> Bool {
        self == .entity && !NbspEntity.isValid(b, range)
    }
}
