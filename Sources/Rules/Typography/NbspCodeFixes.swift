import MarkdownScanner
import RuleEngine

/// U+00A0 in code blocks and code spans: one finding per run, whose unsafe fix puts one
/// space per U+00A0. A code line that the spaces would leave blank, or make a closing
/// fence, would change the blocks: the engine's proof withholds those.
struct NbspCodeFixes {
    let document: Document
    let severity: Severity
    let id: String

    mutating func report(_ marks: [Range<Int>], line: Int, into findings: inout [Finding]) {
        let edits = marks.map { Edit(range: $0, replacement: [UInt8](repeating: 0x20, count: $0.count / 2)) }
        let applicability = Applicability.unsafe
        for (mark, edit) in zip(marks, edits) {
            let count = mark.count / 2
            let what = count == 1 ? "a non-breaking space (U+00A0)" : "\(count) non-breaking spaces (U+00A0)"
            let fix = Fix(title: count == 1 ? "Replace it with a space" : "Replace them with \(count) spaces",
                          edits: [edit], applicability: applicability, promise: [.nbspBecomesSpace, .changesCode])
            findings.append(Finding(ruleID: id, range: mark,
                                    message: "\(what) in code: whoever copies it gets no space, so commands and aligned columns break",
                                    severity: severity, fix: fix))
        }
    }
}
