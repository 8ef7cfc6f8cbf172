import MarkdownScanner
import RuleEngine

/// `doubled-emphasis`: emphasis markers a converter wrote twice. `****text****` is strong
/// inside strong (it renders as bold text, with one `<strong>` too many) and becomes
/// `**text**`; `****` with spaces around it inside a line is an empty strong, which
/// CommonMark prints as four asterisks, and goes. Consumed runs are this rule's, and
/// the empty `****` (`EmptyStrong`); every other printed run is mismatched-emphasis's.
struct DoubledEmphasisRule: Rule {
    let descriptor = RuleDescriptor(
        id: "doubled-emphasis",
        page: PackageResources.doubled_emphasis_md,
        summary: "Emphasis markers written twice (`****text****`) and empty strong emphasis (`****`)",
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
        let runs = document.inlines.runs
        guard runs.contains(where: { $0.length >= 4 }) else { return }
        let ctx = EmphasisContext(document)
        var start = 0
        while start < runs.count {
            var end = start + 1
            while end < runs.count && runs[end].block == runs[start].block { end += 1 }
            if runs[start..<end].contains(where: { $0.length >= 4 }) {
                var block = DoubledEmphasisBlock(ctx: ctx, indices: start..<end, severity: context.severity, id: descriptor.id)
                block.check(into: &findings)
            }
            start = end
        }
    }
}
