import MarkdownScanner
import RuleEngine

/// `ghost-card`: Ghost's card HTML (image, gallery, bookmark, code, callout, toggle,
/// button, hr, empty paragraphs, an html card of Markdown) converted to Markdown, each
/// conversion proven against the card read as one HTML fragment. Embeds and the other
/// cards Markdown cannot show are reported as kept.
struct GhostCardRule: Rule {
    let descriptor = RuleDescriptor(
        id: "ghost-card",
        page: PackageResources.ghost_card_md,
        summary: "Ghost card HTML (`<figure class=\"kg-card …\">`) that Markdown can say",
        defaultSeverity: .warning,
        fix: .unsafe
    )

    func check(_ document: Document, _ context: RuleContext) {
        guard Self.mayHoldCards(document.bytes) else { return }
        let cards = GhostCard.find(in: document)
        guard !cards.isEmpty else { return }
        let rawHTML = Self.rendersRawHTML(context.site.generator?.kind)
        for card in cards {
            let range = card.element.lowerBound..<max(card.element.lowerBound + 1, card.tagEnd)
            let what = card.kind == .other ? "Ghost card `\(card.name)`" : "Ghost \(card.kind.rawValue) card"
            if card.kind == .embed || card.kind == .other {
                context.report(range, "\(what) kept as HTML: Markdown has no equivalent")
                continue
            }
            let conversion = CardConversion(card, document.bytes, rawHTML: rawHTML)
            guard let markdown = conversion.markdown else {
                context.report(range, "\(what) kept as HTML: \(conversion.kept ?? "it cannot be converted exactly")")
                continue
            }
            guard let edit = CardEdit.replacing(document, lines: card.lines, with: markdown) else {
                context.report(range, "\(what) as HTML (not converted: its lines mix line endings)")
                continue
            }
            let drops = conversion.dropped.isEmpty ? "" : "; drops \(conversion.dropped.joined(separator: ", "))"
            let message = card.kind == .emptyParagraph ? "empty paragraph left by Ghost's editor"
                : card.kind == .htmlMarkdown ? "Ghost html card holding Markdown, which prints as text"
                : "\(what) left as HTML\(drops)"
            let title = card.kind == .emptyParagraph ? "Remove the empty paragraph" : "Convert the card to Markdown"
            context.report(range, message, fix: Fix(title: title, edits: [edit], applicability: .unsafe,
                                                    promise: [.convertsCard, .removesComments]))
        }
    }

    /// A cheap test before scanning the lines: `kg-` or `<p></p>` somewhere.
    /// (Word-at-a-time search for `k` and `<`, then a look at what follows.)
    static func mayHoldCards(_ b: [UInt8]) -> Bool {
        let n = b.count
        var i = ByteSearch.first(0x6B, or: 0x3C, in: b, from: 0, end: n)
        while i + 3 < n {
            if b[i] == 0x6B ? b[i + 1] == 0x67 && b[i + 2] == 0x2D : b[i + 1] == 0x70 && b[i + 2] == 0x3E && b[i + 3] == 0x3C {
                return true
            }
            i = ByteSearch.first(0x6B, or: 0x3C, in: b, from: i + 1, end: n)
        }
        return false
    }

    /// Hugo's default goldmark drops raw HTML (`unsafe = false`); the other generators
    /// (kramdown, markdown-it with `html: true`, Astro's remark) render it.
    static func rendersRawHTML(_ kind: SiteGenerator.Kind?) -> Bool { kind != .hugo }
}
