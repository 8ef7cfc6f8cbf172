import MarkdownScanner
import RuleEngine

/// U+00A0 in code blocks and code spans: one finding per run, whose unsafe fix puts one
/// space per U+00A0. A code line that the spaces would leave blank, or make a closing
/// fence, could change the blocks: its fixes are offered only when the structure stays
/// (at most `maxProofs` such proofs per file, so a long block of them stays linear).
struct NbspCodeFixes {
    let document: Document
    let severity: Severity
    let id: String
    static let maxProofs = 32
    var proofs = 0

    mutating func report(_ marks: [Range<Int>], line: Int, into findings: inout [Finding]) {
        let edits = marks.map { Edit(range: $0, replacement: [UInt8](repeating: 0x20, count: $0.count / 2)) }
        var applicability = Applicability.unsafe
        if document.line(line).kind.isCode && couldChangeBlocks(line, edits) {
            proofs += 1
            if proofs > Self.maxProofs || !StructureCheck.preservesBlocks(document, applying: edits) {
                applicability = .suggestion
            }
        }
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

    /// Whether the line, once its U+00A0 are spaces, is blank or starts like a fence.
    private func couldChangeBlocks(_ line: Int, _ edits: [Edit]) -> Bool {
        let b = document.bytes
        var after: [UInt8] = []
        var cursor = document.line(line).contentStart
        for edit in edits {
            after += b[cursor..<edit.range.lowerBound]
            after += edit.replacement
            cursor = edit.range.upperBound
        }
        after += b[cursor..<document.source.contentEnd(line)]
        guard let first = after.firstIndex(where: { !ByteClass.isSpaceOrTab($0) }) else { return true }
        return after[first] == 0x60 || after[first] == 0x7E
    }
}
