import RuleEngine

/// A card's Markdown, by kind (the mapping `CardReading` declares to the proof), with
/// what the conversion drops by design (`dropped`, for the message) or why it cannot
/// convert (`kept`).
struct CardConversion {
    var markdown: String?
    var dropped: [String] = []
    var kept: String?

    /// `rawHTML`: whether the site's Markdown engine renders raw HTML (a toggle becomes
    /// `<details>` there, a bold line and its content elsewhere).
    init(_ card: GhostCard, _ bytes: [UInt8], rawHTML: Bool) {
        if card.kind == .htmlMarkdown {
            markdown = String(decoding: bytes[card.element], as: UTF8.self)
            return
        }
        if card.kind == .emptyParagraph {
            markdown = ""
            return
        }
        let nodes = HTMLNode.parse(bytes[card.element])
        guard let root = nodes.first(where: { $0.name != nil }) else {
            kept = "its HTML holds no element"
            return
        }
        var writer = MarkdownWriter()
        var parts: [String]?
        switch card.kind {
        case .image: parts = image(root, &writer)
        case .gallery: parts = gallery(root, &writer)
        case .bookmark: parts = bookmark(root, &writer)
        case .code: parts = code(root, &writer)
        case .callout: parts = callout(root, &writer)
        case .toggle: parts = toggle(root, &writer, rawHTML: rawHTML)
        case .button: parts = button(root, &writer)
        case .hr: parts = ["---"]
        case .embed, .other, .emptyParagraph, .htmlMarkdown: parts = nil
        }
        if let widths = root.classes.first(where: { $0.hasPrefix("kg-width-") }) { dropped.insert("the width class `\(widths)`", at: 0) }
        if card.spacers > 0 { dropped.append("the empty paragraph after it") }
        guard let parts else {
            kept = kept ?? writer.kept.map { "\($0) cannot be written as Markdown" } ?? "it has no Markdown equivalent"
            return
        }
        markdown = parts.filter { !$0.isEmpty }.joined(separator: "\n\n")
    }

    mutating func caption(_ root: HTMLNode, _ writer: inout MarkdownWriter) -> [String]? {
        guard let caption = root.first(named: "figcaption") else { return [] }
        // Lexical wraps a caption's text in a paragraph.
        if caption.children.contains(where: { $0.name == "p" }) { return writer.blocks(caption.children) }
        guard let text = writer.inline(caption.children) else { return nil }
        return [text]
    }

    mutating func image(_ root: HTMLNode, _ writer: inout MarkdownWriter) -> [String]? {
        guard let img = root.first(named: "img"), var md = MarkdownWriter.image(img) else {
            kept = "its image cannot be written as Markdown"
            return nil
        }
        if let link = root.first(named: "a"), link.first(named: "img") != nil {
            guard let href = link.attribute("href"), let destination = MarkdownWriter.destination(href) else {
                kept = "its link cannot be written as Markdown"
                return nil
            }
            md = "[" + md + "](" + destination + ")"
        }
        if img.attribute("srcset") != nil { dropped.append("`srcset`") }
        guard let caption = caption(root, &writer) else { return nil }
        return [md] + caption
    }

    mutating func gallery(_ root: HTMLNode, _ writer: inout MarkdownWriter) -> [String]? {
        let images = root.all(named: "img")
        var lines: [String] = []
        for img in images {
            guard let md = MarkdownWriter.image(img) else {
                kept = "an image cannot be written as Markdown"
                return nil
            }
            lines.append(md)
        }
        guard !lines.isEmpty, let caption = caption(root, &writer) else { return nil }
        dropped.append("its rows")
        return [lines.joined(separator: "\n")] + caption
    }

    mutating func bookmark(_ root: HTMLNode, _ writer: inout MarkdownWriter) -> [String]? {
        guard let container = root.first(withClass: "kg-bookmark-container"), let href = container.attribute("href"),
              let destination = MarkdownWriter.destination(href) else {
            kept = "its link cannot be written as Markdown"
            return nil
        }
        let title = root.first(withClass: "kg-bookmark-title").map { writer.inline($0.children) } ?? ""
        let description = root.first(withClass: "kg-bookmark-description").map { writer.inline($0.children) } ?? ""
        guard let title, let description, let caption = caption(root, &writer) else { return nil }
        dropped.append("its icon, thumbnail and metadata")
        return ["[" + title + "](" + destination + ")", description] + caption
    }

    mutating func code(_ root: HTMLNode, _ writer: inout MarkdownWriter) -> [String]? {
        guard let pre = root.first(named: "pre"), let fence = MarkdownWriter.fence(pre) else {
            kept = "its code is not one <pre><code> of text"
            return nil
        }
        guard let caption = caption(root, &writer) else { return nil }
        return [fence] + caption
    }

    mutating func callout(_ root: HTMLNode, _ writer: inout MarkdownWriter) -> [String]? {
        var emoji = MarkdownWriter.InlineOut(text: "", atLineStart: true)
        MarkdownWriter.appendText(root.first(withClass: "kg-callout-emoji")?.text ?? "", to: &emoji)
        let content = root.first(withClass: "kg-callout-text")?.children ?? []
        var blocks: [String]
        if content.contains(where: { MarkdownWriter.blockNames.contains($0.name ?? "") }) {
            guard let b = writer.blocks(content) else { return nil }
            blocks = b
        } else {
            guard let text = writer.inline(content) else { return nil }
            blocks = [text]
        }
        let lead = emoji.text.trimmingSpaces
        if !lead.isEmpty {
            if blocks.isEmpty || blocks[0].isEmpty { blocks = [lead] + blocks.dropFirst() } else { blocks[0] = lead + " " + blocks[0] }
        }
        let body = blocks.filter { !$0.isEmpty }.joined(separator: "\n\n")
        guard !body.isEmpty else { return [] }
        return [MarkdownWriter.prefixed(body, first: "> ", rest: "> ", empty: ">")]
    }

    mutating func toggle(_ root: HTMLNode, _ writer: inout MarkdownWriter, rawHTML: Bool) -> [String]? {
        guard let heading = root.first(withClass: "kg-toggle-heading-text") else {
            kept = "it has no heading"
            return nil
        }
        let content = root.first(withClass: "kg-toggle-content")?.children ?? []
        var blocks: [String]
        if content.contains(where: { MarkdownWriter.blockNames.contains($0.name ?? "") }) {
            guard let b = writer.blocks(content) else { return nil }
            blocks = b
        } else {
            guard let text = writer.inline(content) else { return nil }
            blocks = [text]
        }
        if rawHTML {
            guard let inner = Self.inlineHTML(heading.children) else {
                kept = "its heading has markup a summary cannot hold"
                return nil
            }
            let summary = "<details>\n<summary><strong>" + inner + "</strong></summary>"
            return [summary] + blocks + ["</details>"]
        }
        guard let title = writer.inline(heading.children) else { return nil }
        return [title.isEmpty ? "" : "**" + title + "**"] + blocks
    }

    mutating func button(_ root: HTMLNode, _ writer: inout MarkdownWriter) -> [String]? {
        guard let link = root.first(named: "a"), let href = link.attribute("href"), let destination = MarkdownWriter.destination(href),
              let text = writer.inline(link.children) else {
            kept = writer.kept ?? "its link cannot be written as Markdown"
            return nil
        }
        return ["[" + text + "](" + destination + ")"]
    }

    /// Inline HTML written again for a raw `<summary>` line: text escaped, whitespace as
    /// one space, `em`/`i`, `strong`/`b` and `code` kept, styling spans unwrapped; nil for
    /// anything else.
    static func inlineHTML(_ nodes: [HTMLNode]) -> String? {
        var out = ""
        for node in nodes {
            switch node {
            case let .text(s): out += escapedHTML(s, keepingEdges: true)
            case .comment: continue
            case let .element(name, _, children):
                guard let inner = inlineHTML(children) else { return nil }
                switch name {
                case "span": out += inner
                case "em", "i", "strong", "b", "code": out += "<\(name)>" + inner + "</\(name)>"
                default: return nil
                }
            }
        }
        return out.trimmingSpaces
    }

    /// Text as HTML text: whitespace runs as one space, `&`, `<`, `>` escaped.
    static func escapedHTML(_ s: String, keepingEdges: Bool = false) -> String {
        var out = ""
        var space = false
        for c in s.unicodeScalars {
            if c == " " || c == "\n" || c == "\t" || c == "\r" {
                space = keepingEdges || !out.isEmpty
                continue
            }
            if space { out += " " }
            space = false
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.unicodeScalars.append(c)
            }
        }
        if space && keepingEdges { out += " " }
        return out
    }
}
