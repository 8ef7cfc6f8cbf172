import MarkdownScanner
import RuleEngine

/// `nbsp-char`: the character U+00A0 itself. In code it breaks what readers copy (each run
/// is reported; the fix, unsafe, puts one space per U+00A0 so columns stay aligned: the
/// one fix of galley that changes bytes inside code). In prose the typography of
/// `nbsp-entity` applies: before French punctuation and next to a number it stays; used as
/// indentation, at a line's end or between ordinary words it is reported and, safely,
/// becomes a space (or goes, at a line edge).
struct NbspCharRule: Rule {
    let descriptor = RuleDescriptor(
        id: "nbsp-char",
        page: PackageResources.nbsp_char_md,
        summary: "Non-breaking space characters (U+00A0) in code, and in prose where they are not typography",
        defaultSeverity: .warning,
        fix: .safe
    )

    func check(_ document: Document, _ context: RuleContext) {
        var findings: [Finding] = []
        defer { for f in findings { context.report(f.range, f.message, fix: f.fix) } }
        collect(document, context, into: &findings)
    }

    /// The findings, built with the rule's id and the configured severity (the context
    /// reports them).
    private func collect(_ document: Document, _ context: RuleContext, into findings: inout [Finding]) {
        let bodyStart = document.frontMatter.map { $0.isClosed ? $0.bodyStart : document.bytes.count } ?? 0
        let marks = NbspCharScan.runs(document.bytes, from: bodyStart)
        guard !marks.isEmpty else { return }
        var code = NbspCodeFixes(document: document, severity: context.severity, id: descriptor.id)
        let prose = NbspProse(document: document, severity: context.severity, id: descriptor.id)
        var k = 0
        while k < marks.count {
            let line = document.source.line(containing: marks[k].lowerBound)
            var onLine: [Range<Int>] = []
            while k < marks.count && marks[k].lowerBound < document.source.lineEnd(line) {
                onLine.append(marks[k])
                k += 1
            }
            switch document.line(line).kind {
            case .fencedCode, .indentedCode:
                code.report(onLine, line: line, into: &findings)
            case .paragraph, .atxHeading, .tableRow:
                // Code spans are code; link destinations, autolinks and raw HTML are left
                // to their authors; link titles are rendered text.
                var inCode: [Range<Int>] = [], inProse: [Range<Int>] = []
                for mark in onLine {
                    switch document.inlines.span(containing: mark.lowerBound)?.kind {
                    case .codeSpan?: inCode.append(mark)
                    case nil, .linkTitle?: inProse.append(mark)
                    default: break
                    }
                }
                if !inCode.isEmpty { code.report(inCode, line: line, into: &findings) }
                if !inProse.isEmpty { prose.report(inProse, line: line, into: &findings) }
            default:
                continue
            }
        }
    }
}
