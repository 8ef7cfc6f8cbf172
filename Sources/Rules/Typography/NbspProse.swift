import MarkdownScanner
import RuleEngine

/// U+00A0 in prose, judged as `nbsp-entity` judges `&nbsp;`: a single one before French
/// punctuation or next to a number is typography and stays; the others are reported, and
/// their run becomes one space (nothing at a line edge; a line of them goes).
struct NbspProse {
    let document: Document
    let severity: Severity
    let id: String

    func report(_ marks: [Range<Int>], line: Int, into findings: inout [Finding]) {
        let b = document.bytes
        for run in NbspRun.group(marks, line: line, in: document) {
            if isTypography(run, b) { continue }
            let fixes: [Fix]
            if run.isWholeLine, let fix = NbspSpacer.fix(run, document, .character) {
                fixes = Array(repeating: fix, count: run.entities.count)
            } else {
                fixes = run.fixes(in: document, frenchSpacing: true, spelling: .character)
            }
            // A reference label the space would change: the engine's proof sees the link go.
            for (mark, fix) in zip(run.entities, fixes) {
                findings.append(Finding(ruleID: id, range: mark, message: message(run, mark), severity: severity, fix: fix))
            }
        }
    }

    /// One U+00A0, alone between two characters, before French punctuation or next to a digit.
    private func isTypography(_ run: NbspRun, _ b: [UInt8]) -> Bool {
        guard run.entities.count == 1, run.entities[0].count == 2, !run.containsBlank,
              !run.touchesStart, !run.touchesEnd else { return false }
        return NbspTypography.isFrenchSpacing(b, run.range) || NbspTypography.joinsNumber(b, run.range)
    }

    private func message(_ run: NbspRun, _ mark: Range<Int>) -> String {
        let what = mark.count == 2 ? "non-breaking space (U+00A0)" : "\(mark.count / 2) non-breaking spaces (U+00A0)"
        if run.isWholeLine { return "line made only of non-breaking spaces (U+00A0), an empty-looking paragraph" }
        if run.touchesStart { return "\(what) used as indentation at the start of a line" }
        if run.touchesEnd { return "\(what) at the end of a line" }
        return "\(what) between words, where a plain space was meant"
    }
}
