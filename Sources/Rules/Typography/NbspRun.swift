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
        // Whether the page stays as it was (emphasis flanking, a line that could start a
        // block, a closing `#` sequence) is the engine's proof to say.
        return edits.map { Fix(title: title, edits: [$0], applicability: .safe, promise: .nbspBecomesSpace) }
    }

    private static func isBlank(_ b: [UInt8], _ r: Range<Int>) -> Bool { b[r].allSatisfy(ByteClass.isSpaceOrTab) }
}
