import MarkdownScanner
import RuleEngine

/// `ghost-rendered-markdown`: a Markdown card that Ghost exported as its rendered HTML
/// (`<h2 id="…">`, `<p>`, `<pre><code>`, lists, quotes) instead of Markdown, converted
/// back; and a `<pre>` that a blank line cuts in two (CommonMark ends the HTML block
/// there and renders the rest of the code as Markdown), made a fenced block even where
/// the rest of its card stays HTML.
struct GhostRenderedMarkdownRule: Rule {
    let descriptor = RuleDescriptor(
        id: "ghost-rendered-markdown",
        page: PackageResources.ghost_rendered_markdown_md,
        summary: "Markdown cards exported as Ghost's rendered HTML, and `<pre>` blocks cut by a blank line",
        defaultSeverity: .warning,
        fix: .unsafe
    )

    func check(_ document: Document, _ context: RuleContext) {
        let b = document.bytes
        guard GhostCardRule.mayHoldCards(b) || Self.mayHoldPre(b) else { return }
        let ids = HeadingIDs(generator: context.site.generator?.kind)
        var converted: [ClosedRange<Int>] = []
        for region in RenderedRegion.find(in: document) {
            var notes: [String] = []
            var writer = MarkdownWriter()
            var attributes = false
            writer.headingID = { _, text, id in
                let (suffix, note) = ids.suffix(text: text, id: id)
                if let note { notes.append(note) }
                if suffix != nil { attributes = true }
                return suffix
            }
            let range = region.start..<region.firstLineEnd
            let markdown = writer.blocks(HTMLNode.parse(b[region.content])).map { $0.joined(separator: "\n\n") }
            guard let markdown, !markdown.isEmpty, let edit = CardEdit.replacing(document, lines: region.lines, with: markdown) else {
                let why = writer.kept.map { "\($0) has no exact Markdown" } ?? "it cannot be converted exactly"
                context.report(range, "Ghost markdown card exported as rendered HTML, kept as HTML: \(why)")
                continue
            }
            converted.append(region.lines)
            let cut = region.cutCode > 0 ? " (\(region.cutCode) of its code blocks cut by a blank line)" : ""
            let said = notes.isEmpty ? "" : "; " + notes.joined(separator: "; ")
            var promise: FixPromise = [.convertsCard, .removesComments]
            if attributes { promise.insert(.headingAttributes) }
            context.report(range, "Ghost markdown card exported as rendered HTML\(cut)\(said)",
                           fix: Fix(title: "Convert the card back to Markdown", edits: [edit], applicability: .unsafe, promise: promise))
        }
        for pre in CutPre.find(in: document) where !converted.contains(where: { $0.overlaps(pre.lines) }) {
            let range = pre.start..<(pre.start + 4)
            guard let fence = pre.fence, let edit = CardEdit.replacing(document, lines: pre.lines, with: fence) else {
                context.report(range, "`<pre>` cut by a blank line: the rest of its code renders as Markdown (kept: it is not one <code> of text)")
                continue
            }
            context.report(range, "`<pre>` cut by a blank line: the rest of its code renders as Markdown",
                           fix: Fix(title: "Make the code a fenced block", edits: [edit], applicability: .unsafe,
                                    promise: [.convertsCard, .removesComments]))
        }
    }

    /// A cheap test: `<pre` somewhere.
    static func mayHoldPre(_ b: [UInt8]) -> Bool {
        let n = b.count
        var i = ByteSearch.first(0x3C, in: b, from: 0, end: n)
        while i + 3 < n {
            if (b[i + 1] | 0x20) == 0x70 && (b[i + 2] | 0x20) == 0x72 && (b[i + 3] | 0x20) == 0x65 { return true }
            i = ByteSearch.first(0x3C, in: b, from: i + 1, end: n)
        }
        return false
    }
}
