import MarkdownScanner
import RuleEngine

/// Entities on one line separated only by spaces and tabs, with the blanks around them.
/// The fixes of a run's entities partition the run, so applied together they leave
/// exactly one space (or nothing at a line edge) and never a double or trailing space.
struct NbspRun {
    var line: Int
    var entities: [Range<Int>]
    /// The run including the spaces and tabs around its entities.
    var range: Range<Int>
    var touchesStart: Bool
    var touchesEnd: Bool
    var containsBlank: Bool

    var isWholeLine: Bool { touchesStart && touchesEnd }

    static func group(_ entities: [Range<Int>], line: Int, in document: Document) -> [NbspRun] {
        let b = document.bytes
        let start = document.line(line).contentStart
        let end = document.source.contentEnd(line)
        var runs: [NbspRun] = []
        for e in entities {
            if var last = runs.last, isBlank(b, last.entities.last!.upperBound..<e.lowerBound) {
                last.entities.append(e)
                runs[runs.count - 1] = last
            } else {
                runs.append(NbspRun(line: line, entities: [e], range: e, touchesStart: false, touchesEnd: false,
                                    containsBlank: false))
            }
        }
        for k in runs.indices {
            var lo = runs[k].entities.first!.lowerBound, hi = runs[k].entities.last!.upperBound
            while lo > start && ByteClass.isSpaceOrTab(b[lo - 1]) { lo -= 1 }
            while hi < end && ByteClass.isSpaceOrTab(b[hi]) { hi += 1 }
            runs[k].range = lo..<hi
            runs[k].touchesStart = lo == start
            runs[k].touchesEnd = hi == end
            runs[k].containsBlank = b[lo..<hi].contains(where: ByteClass.isSpaceOrTab)
        }
        return runs
    }

    /// Whether the line's text is only marks of `spelling`, spaces and tabs.
    static func isOnlyMarks(_ document: Document, _ line: Int, _ spelling: NbspSpelling) -> Bool {
        let b = document.bytes
        var i = document.line(line).contentStart
        let end = document.source.contentEnd(line)
        var sawEntity = false
        while i < end {
            if ByteClass.isSpaceOrTab(b[i]) {
                i += 1
            } else if let e = spelling.match(b, at: i, end: end) {
                sawEntity = true
                i = e
            } else {
                return false
            }
        }
        return sawEntity
    }

    /// One fix per mark (entity, or run of U+00A0), for a run that is not a whole line.
    /// With `frenchSpacing`, a run before French punctuation becomes one U+00A0: an
    /// entity's always, the character's (left alone without blanks) when blanks doubled it.
    func fixes(in document: Document, frenchSpacing: Bool, spelling: NbspSpelling = .entity) -> [Fix] {
        let b = document.bytes
        let replacement: [UInt8]
        let title: String
        let what = spelling == .entity ? "entity" : "non-breaking space"
        if touchesStart || touchesEnd {
            replacement = []
            title = "Remove the \(what)"
        } else if frenchSpacing && (!containsBlank || spelling == .character) && NbspTypography.isFrenchSpacing(b, range) {
            replacement = [0xC2, 0xA0]
            title = spelling == .entity ? "Replace the entity with a U+00A0 character (French spacing)"
                : "Keep one U+00A0 character (French spacing)"
        } else {
            replacement = [0x20]
            title = "Replace the \(what) with a space"
        }
        var edits: [Edit] = []
        var from = range.lowerBound
        for (k, e) in entities.enumerated() {
            let isLast = k == entities.count - 1
            // At the end of a line, blanks after the last entity stay (a hard break).
            let to = isLast && !touchesEnd ? range.upperBound : e.upperBound
            edits.append(Edit(range: from..<to, replacement: k == 0 ? replacement : []))
            from = e.upperBound
        }
        let safe = isSafe(document, edits, spelling)
        return edits.map { Fix(title: title, edits: [$0], applicability: safe ? .safe : .unsafe, promise: .nbspBecomesSpace) }
    }

    /// Safe unless the change could alter emphasis or, at the start of a line, the block
    /// structure. The entity reads as punctuation (`&`, `;`) to the flanking rules and its
    /// replacement as whitespace: for a `*` or `_` run right before the entity that only
    /// matters when the run is itself preceded by whitespace or punctuation, and
    /// symmetrically after it.
    private func isSafe(_ document: Document, _ edits: [Edit], _ spelling: NbspSpelling) -> Bool {
        let b = document.bytes
        if spelling.readsAsPunctuation, range.lowerBound > 0, isDelimiter(b[range.lowerBound - 1]) {
            var k = range.lowerBound - 1
            while k > 0 && b[k - 1] == b[range.lowerBound - 1] { k -= 1 }
            if CharacterClass.before(b, k) != .other { return false }
        }
        if spelling.readsAsPunctuation, range.upperBound < b.count, isDelimiter(b[range.upperBound]) {
            var k = range.upperBound
            while k < b.count && b[k] == b[range.upperBound] { k += 1 }
            if CharacterClass.at(b, k) != .other { return false }
        }
        if closesATXHeading(document) { return false }
        // `\ &nbsp;` at a line end: removing the run leaves a backslash that breaks the line.
        if touchesEnd && range.lowerBound > 0 && b[range.lowerBound - 1] == 0x5C { return false }
        if touchesStart || touchesEnd || onlyBlockSyntaxBefore(document) {
            return StructureCheck.preservesBlocks(document, applying: edits)
        }
        return true
    }

    /// In `# Title&nbsp;#` a space would turn the trailing `#` into a closing sequence, and
    /// in `# #&nbsp;` removing the entity would; any `#` next to the run in a heading counts.
    private func closesATXHeading(_ document: Document) -> Bool {
        guard document.line(line).kind == .atxHeading else { return false }
        let b = document.bytes
        if (range.lowerBound > 0 && b[range.lowerBound - 1] == 0x23) || (range.upperBound < b.count && b[range.upperBound] == 0x23) {
            return true
        }
        let end = document.source.contentEnd(line)
        var k = range.upperBound
        var hashes = 0
        while k < end && (b[k] == 0x23 || b[k] == 0x20 || b[k] == 0x09) {
            if b[k] == 0x23 { hashes += 1 }
            k += 1
        }
        return k == end && hashes > 0
    }

    /// Whether the line's text before the run could, followed by a space, start a block:
    /// `-&nbsp;x`, `#&nbsp;x`, `1.&nbsp;x`, `>&nbsp;x` (then the block structure is checked).
    private func onlyBlockSyntaxBefore(_ document: Document) -> Bool {
        let b = document.bytes
        var k = document.line(line).contentStart
        while k < range.lowerBound {
            switch b[k] {
            case 0x20, 0x09, 0x2D, 0x2B, 0x2A, 0x23, 0x3E, 0x3D, 0x5F, 0x7E, 0x60, 0x2E, 0x29, 0x5B, 0x7C, 0x3C,
                 0x30...0x39:
                k += 1
            default:
                return false
            }
        }
        return true
    }

    private func isDelimiter(_ c: UInt8) -> Bool { c == 0x2A || c == 0x5F }

    private static func isBlank(_ b: [UInt8], _ r: Range<Int>) -> Bool { b[r].allSatisfy(ByteClass.isSpaceOrTab) }
}
