import MarkdownScanner
import RuleEngine

/// `unclosed-fence`: a fenced code block whose code ended but whose closing fence did not
/// come, so it swallows the Markdown after it. Valid CommonMark either way (a fence ends
/// with the document or its container), so the rule needs evidence: after the block's
/// last line of code come a heading, an image or link line, or paragraphs of prose
/// (`FenceSplit`). It also finds the shape this leaves when the post goes on with a fence
/// that has a language: the block then runs on until that block's closing fence.
struct UnclosedFenceRule: Rule {
    let descriptor = RuleDescriptor(
        id: "unclosed-fence",
        page: PackageResources.unclosed_fence_md,
        summary: "Fenced code blocks left open, which swallow the Markdown after their code",
        defaultSeverity: .warning,
        fix: .unsafe
    )

    /// Info strings of blocks that show Markdown itself: headings and links are their code.
    static let markdownLanguages: Set<String> = ["markdown", "md", "mdx", "commonmark", "gfm", "rmd"]
    /// Info strings of blocks whose content may well be prose.
    static let textLanguages: Set<String> = ["text", "txt", "plain", "plaintext", "output", "console", "log", "none", "nohighlight"]

    func check(_ document: Document, _ context: RuleContext) {
        var findings: [Finding] = []
        defer { for f in findings { context.report(f.range, f.message, fix: f.fix) } }
        collect(document, context, into: &findings)
    }

    /// The findings, built with the rule's id and the configured severity (the context
    /// reports them).
    private func collect(_ document: Document, _ context: RuleContext, into findings: inout [Finding]) {
        var proofs = 0
        for block in document.blocks.blocks where block.kind == .fencedCode && block.lastLine > block.firstLine {
            guard let open = ClosingFence.opening(document, line: block.firstLine) else { continue }
            let language = open.language.lowercased()
            if Self.markdownLanguages.contains(language) { continue }
            let closed = document.line(block.lastLine).kind == .fenceClose
            // An empty closed block (an opening fence right above its closing one) has no content.
            let contentEnd = closed ? block.lastLine - 1 : block.lastLine
            guard contentEnd > block.firstLine else { continue }
            let content = (block.firstLine + 1)...contentEnd
            if closed && !hasInnerOpener(document, content, open) { continue }
            guard let split = FenceSplit.find(document, lines: content, proseCounts: !Self.textLanguages.contains(language))
            else { continue }
            var fix: Fix?
            if split.certain, let last = split.lastCode, proofs < ClosingFence.maxProofs {
                proofs += 1
                fix = ClosingFence.fix(document, open: open, after: last, block: block)
            }
            findings.append(Finding(ruleID: descriptor.id, range: open.range, message: message(document, split, closed, block),
                                    severity: context.severity, fix: fix))
        }
    }

    /// A closed block is this rule's only when a fence with a language inside it could
    /// have been closed by the block's closing fence (same character, as long or longer).
    /// (Byte tests only: every closed block of every post is looked at.)
    private func hasInnerOpener(_ document: Document, _ content: ClosedRange<Int>, _ open: ClosingFence.Opening) -> Bool {
        let b = document.bytes
        return content.contains { l in
            var p = document.line(l).contentStart
            let end = document.source.contentEnd(l), start = p
            while p < end && b[p] == 0x20 && p - start < 4 { p += 1 }
            guard p - start <= 3, p < end, b[p] == open.char else { return false }
            var q = p
            while q < end && b[q] == open.char { q += 1 }
            guard q - p >= open.length else { return false }
            let info = b[q..<end]
            return info.contains { !ByteClass.isSpaceOrTab($0) } && !(open.char == 0x60 && info.contains(0x60))
        }
    }

    private func message(_ document: Document, _ split: FenceSplit, _ closed: Bool, _ block: Block) -> String {
        let evidence = "line \(split.evidence + 1) holds \(split.what)"
        guard let last = split.lastCode else {
            return "code block opened here holds Markdown from its start (\(evidence)): "
                + "this fence was probably meant to close a code block above it"
        }
        if closed {
            return "code block opened here is not closed where its code ends (line \(last + 1)): it runs on through "
                + "Markdown (\(evidence)) to line \(block.lastLine + 1), the closing fence of a later block"
        }
        return "code block opened here is never closed, so everything after line \(last + 1), where its code ends, "
            + "renders as code (\(evidence))"
    }
}
