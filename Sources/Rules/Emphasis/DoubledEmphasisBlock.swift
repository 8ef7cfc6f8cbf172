import MarkdownScanner
import RuleEngine

/// The candidates of one block, and their fixes, proven by parsing the block again.
struct DoubledEmphasisBlock {
    let ctx: EmphasisContext
    let indices: Range<Int>
    let severity: Severity
    let id: String

    struct Candidate {
        var finding: Finding
        /// What the block's runs must be once the edits are applied.
        var expected: DoubledEmphasisProof.Change
        var applicability: Applicability
    }

    static let maxFixes = 64

    mutating func check(into findings: inout [Finding]) {
        let runs = ctx.runs
        let images = ImageTexts(ctx.document.inlines)
        var candidates: [Candidate] = []
        // Pairs come in the order of their closers: one forward cursor places them all.
        var cursor = LocationCursor(ctx.document.source)
        for (o, c) in EmphasisPairing.wholePairs(runs, indices) ?? [] {
            let opener = runs[o], closer = runs[c]
            guard opener.length >= 4, opener.length == closer.length, opener.consumedFront == 0,
                  opener.consumedBack == opener.length, closer.consumedFront == closer.length,
                  !images.contains(opener.start) else { continue }
            candidates.append(doubled(o, c, closerAt: cursor.location(of: closer.start)))
        }
        for k in indices where runs[k].length == 4 && runs[k].consumedFront == 0 && runs[k].consumedBack == 0
            && !images.contains(runs[k].start) {
            let run = runs[k]
            let line = ctx.document.source.line(containing: run.start)
            let segment = ctx.segment(run.range, char: run.char, length: 4, escape: false, line: line)
            var s = segment
            s.runLength = run.length
            if EmptyStrong.isEmptyStrong(s), let candidate = empty(k, s) { candidates.append(candidate) }
        }
        guard !candidates.isEmpty else { return }
        // A block full of them is reported without fixes: proving them would cost the
        // square of the block (and fixing them would take more passes than fix allows).
        let proven = candidates.count > Self.maxFixes ? candidates.map { _ in false }
            : DoubledEmphasisProof(ctx: ctx, indices: indices).prove(candidates.map(\.expected))
        for (candidate, ok) in zip(candidates, proven) {
            var finding = candidate.finding
            if !ok { finding.fix = nil } else { finding.fix?.applicability = candidate.applicability }
            findings.append(finding)
        }
    }

    func doubled(_ o: Int, _ c: Int, closerAt at: SourceLocation) -> Candidate {
        let opener = ctx.runs[o], closer = ctx.runs[c]
        let keep = opener.length % 2 == 0 ? 2 : 3
        let drop = opener.length - keep
        let edits: [Edit] = [.delete(opener.start..<(opener.start + drop)),
                             .delete((closer.start + keep)..<(closer.start + closer.length))]
        let marks = String(repeating: opener.char == 0x2A ? "*" : "_", count: opener.length)
        let kept = String(marks.prefix(keep))
        let fix = Fix(title: "Write the markers once: `\(kept)`", edits: edits, applicability: .safe, promise: .changesEmphasis)
        let finding = Finding(ruleID: id, range: opener.range,
                              message: "`\(marks)` here and at \(at.line):\(at.column) write the emphasis twice "
                                + "(emphasis inside the same emphasis); `\(kept)` renders the same text",
                              severity: severity, fix: fix)
        return Candidate(finding: finding, expected: .init(edits: edits, replaced: [o: keep, c: keep], removed: [], pair: (o, c)),
                         applicability: .safe)
    }

    /// The `****` goes with the blanks after it (before it at the end of a line). Safe
    /// between two words; at a line edge or next to punctuation (`Password: ****`, a
    /// rating) the asterisks may be meant, so unsafe.
    func empty(_ k: Int, _ s: EmphasisSegment) -> Candidate? {
        let b = ctx.b, run = ctx.runs[k]
        let space = s.atLineEnd ? ctx.space(s, after: false) : ctx.space(s, after: true)
        let range = s.atLineEnd ? space.lowerBound..<run.range.upperBound : run.start..<space.upperBound
        let edit = Edit.delete(range)
        let wordBefore = !s.atLineStart && isWord(b, before: ctx.space(s, after: false).lowerBound)
        let wordAfter = !s.atLineEnd && isWord(b, at: ctx.space(s, after: true).upperBound)
        // At a line start the removal could make a list item or a heading: the proof says.
        let applicability: Applicability = wordBefore && wordAfter ? .safe : .unsafe
        let fix = Fix(title: "Remove the empty strong emphasis", edits: [edit], applicability: applicability,
                      promise: .changesEmphasis)
        let finding = Finding(ruleID: id, range: run.range,
                              message: "`****` is empty strong emphasis, which CommonMark prints as four asterisks",
                              severity: severity, fix: fix)
        return Candidate(finding: finding, expected: .init(edits: [edit], replaced: [:], removed: [k], pair: nil),
                         applicability: applicability)
    }

    private func isWord(_ b: [UInt8], before i: Int) -> Bool { i > 0 && (ByteClass.isAlnum(b[i - 1]) || b[i - 1] >= 0x80) }
    private func isWord(_ b: [UInt8], at i: Int) -> Bool { i < b.count && (ByteClass.isAlnum(b[i]) || b[i] >= 0x80) }
}
