import MarkdownScanner
import Rendering

/// A Ghost card's HTML read as Ghost served it and a browser shows it: ONE HTML fragment
/// (not CommonMark's reading, which cuts it at its first blank line), with the end tags a
/// browser implies (`</p>` before a block, `</li>` before the next item, every open
/// element at the end), then the declared mapping of a card to Markdown applied: what the
/// conversion drops by design (a bookmark's icon, thumbnail and metadata, a toggle's icon)
/// is not read, a bookmark reads as a link on its title, a toggle's heading as a bold line. A fragment with no element at all (only text between the markers of an html
/// card) is the Markdown its author wrote, and reads as that Markdown rendered.
public enum CardReading {
    public static func read(_ bytes: some Collection<UInt8>) -> [HTMLToken] {
        let raw = HTMLTokenizer.tokenize(bytes)
        let hasElements = raw.contains {
            if case .startTag = $0 { return true }
            if case .endTag = $0 { return true }
            return false
        }
        if !hasElements {
            var text: [UInt8] = []
            for case let .text(s) in raw { text.append(contentsOf: s.utf8) }
            return HTMLTokenizer.tokenize(HTMLRenderer.render(SourceText(text)))
        }
        return mapped(browserReading(raw))
    }

    static let voidElements = TagNameSet([
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    ])
    public static func isVoid(_ name: String) -> Bool { voidElements.contains(name) }

    /// Start tags that close an open `p` (HTML §13.2.6.4.7).
    static let closesParagraph = TagNameSet([
        "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "fieldset",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "main",
        "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "ul", "li", "dd", "dt",
    ])
    static let headings = TagNameSet(["h1", "h2", "h3", "h4", "h5", "h6"])

    /// The tokens with the end tags a browser's tree builder implies, so every element is
    /// closed where the browser closes it.
    public static func browserReading(_ tokens: [HTMLToken]) -> [HTMLToken] {
        var out: [HTMLToken] = []
        out.reserveCapacity(tokens.count + 8)
        var open: [String] = []
        func close(through k: Int) {
            while open.count > k {
                out.append(.endTag(name: open.removeLast()))
            }
        }
        func closeParagraph() {
            // `p` in button scope: the nearest `p` above any table or list item boundary.
            if let k = open.lastIndex(of: "p"), !open[k...].contains(where: { $0 == "table" || $0 == "button" }) { close(through: k) }
        }
        for token in tokens {
            switch token {
            case let .startTag(name, _, _):
                if closesParagraph.contains(name) { closeParagraph() }
                if name == "li", let k = open.lastIndex(where: { $0 == "li" || $0 == "ul" || $0 == "ol" }), open[k] == "li" { close(through: k) }
                if name == "dt" || name == "dd", let k = open.lastIndex(where: { $0 == "dt" || $0 == "dd" || $0 == "dl" }), open[k] != "dl" {
                    close(through: k)
                }
                if headings.contains(name), let last = open.last, headings.contains(last) { close(through: open.count - 1) }
                out.append(token)
                if !voidElements.contains(name) { open.append(name) }
            case let .endTag(name):
                if name == "br" {
                    out.append(.startTag(name: "br", attributes: [], selfClosing: false))
                } else if name == "p" && !open.contains("p") {
                    out.append(.startTag(name: "p", attributes: [], selfClosing: false))
                    out.append(token)
                } else if headings.contains(name), let k = open.lastIndex(where: { headings.contains($0) }) {
                    close(through: k)
                } else if let k = open.lastIndex(of: name) {
                    close(through: k)
                }
            default:
                out.append(token)
            }
        }
        close(through: 0)
        return out
    }

    /// Classes whose element, with all it holds, the conversion drops by design.
    static let dropped: Set<String> = ["kg-bookmark-thumbnail", "kg-bookmark-icon", "kg-bookmark-metadata", "kg-toggle-card-icon"]

    /// The declared mapping of card markup to what its Markdown shows (on well-nested tokens).
    static func mapped(_ tokens: [HTMLToken]) -> [HTMLToken] {
        enum Action { case keep, skipTag, drop, title, toggleHeading }
        var out: [HTMLToken] = []
        out.reserveCapacity(tokens.count)
        var actions: [Action] = []
        var dropping = 0
        var bookmarkTarget: [String] = []
        for token in tokens {
            switch token {
            case let .startTag(name, attributes, selfClosing):
                let classes = (attributes.first { $0.name == "class" }?.value ?? "").split(separator: " ").map(String.init)
                let isVoid = voidElements.contains(name)
                if dropping > 0 || classes.contains(where: dropped.contains) {
                    if !isVoid {
                        dropping += 1
                        actions.append(.drop)
                    }
                    continue
                }
                var action = Action.keep
                if name == "a" && classes.contains("kg-bookmark-container") {
                    action = .skipTag
                    bookmarkTarget.append(attributes.first { $0.name == "href" }?.value ?? "")
                } else if classes.contains("kg-bookmark-title"), let href = bookmarkTarget.last {
                    action = .title
                    out.append(token)
                    out.append(.startTag(name: "a", attributes: [HTMLAttribute(name: "href", value: href)], selfClosing: false))
                } else if headings.contains(name) && classes.contains("kg-toggle-heading-text") {
                    // A toggle's heading is a bold line (its `<summary>`), not a heading.
                    action = .toggleHeading
                    out.append(.startTag(name: "p", attributes: [], selfClosing: selfClosing))
                    out.append(.startTag(name: "strong", attributes: [], selfClosing: false))
                } else {
                    out.append(token)
                }
                if !isVoid { actions.append(action) }
            case let .endTag(name):
                guard let action = actions.popLast() else { continue }
                switch action {
                case .drop: dropping -= 1
                case .skipTag: bookmarkTarget.removeLast()
                case .title:
                    out.append(.endTag(name: "a"))
                    out.append(token)
                case .toggleHeading:
                    out.append(.endTag(name: "strong"))
                    out.append(.endTag(name: "p"))
                case .keep: out.append(.endTag(name: name))
                }
            default:
                if dropping == 0 { out.append(token) }
            }
        }
        return out
    }

    /// The tokens with every `href` and `src` percent-decoded (CommonMark percent-encodes a
    /// destination that HTML wrote as is) and, where the site reads heading attributes, a
    /// heading's trailing `{#id}` read as its id.
    static func comparable(_ tokens: [HTMLToken], headingAttributes: Bool) -> [HTMLToken] {
        var out: [HTMLToken] = []
        out.reserveCapacity(tokens.count)
        var inHeading = false
        for (k, token) in tokens.enumerated() {
            switch token {
            case let .startTag(name, attributes, selfClosing):
                if headings.contains(name) { inHeading = true }
                func isTarget(_ a: HTMLAttribute) -> Bool { a.name == "href" || a.name == "src" }
                // (Most tags have neither: they keep their attributes as they are.)
                guard attributes.contains(where: isTarget) else {
                    out.append(token)
                    continue
                }
                let decoded = attributes.map { isTarget($0) ? HTMLAttribute(name: $0.name, value: FixProof.percentDecoded($0.value)) : $0 }
                out.append(.startTag(name: name, attributes: decoded, selfClosing: selfClosing))
            case let .endTag(name):
                if headings.contains(name) { inHeading = false }
                out.append(token)
            case let .text(s):
                let last = k + 1 < tokens.count && { if case let .endTag(n) = tokens[k + 1] { return headings.contains(n) } else { return false } }()
                if headingAttributes && inHeading && last, let stripped = withoutIDAttribute(s) {
                    out.append(.text(stripped))
                } else {
                    out.append(token)
                }
            default:
                out.append(token)
            }
        }
        return out
    }

    /// `text {#id}` without its attribute block, or nil when it has none.
    static func withoutIDAttribute(_ s: String) -> String? {
        var scalars = Array(s.unicodeScalars)
        while scalars.last == " " { scalars.removeLast() }
        guard scalars.last == "}", let open = scalars.lastIndex(of: "{"), open + 1 < scalars.count, scalars[open + 1] == "#" else { return nil }
        var rest = Array(scalars[..<open])
        while rest.last == " " { rest.removeLast() }
        return String(String.UnicodeScalarView(rest))
    }

    /// The names of emphasis, two of each kind (`em` and `i`, `strong` and `b`).
    private static let emphasisNames = TagNameSet(["em", "i", "strong", "b"])

    /// The emphasis a reader sees, in order: the text of each outermost `em` (or `i`) and
    /// `strong` (or `b`), whitespace collapsed; one inside another of its kind adds nothing.
    static func emphasis(_ tokens: [HTMLToken]) -> [String] {
        var out: [String] = []
        // By kind: 0 `em` (or `i`), 1 `strong` (or `b`). (Slots, not dictionaries by name:
        // this runs on every token of every card a proof reads.)
        let kinds = ["em", "strong"]
        var depth = [0, 0]
        var text = ["", ""]
        func kind(_ name: String) -> Int? { emphasisNames.index(of: name).map { $0 / 2 } }
        for token in tokens {
            switch token {
            case let .startTag(name, _, _):
                guard let k = kind(name) else { continue }
                if depth[k] == 0 { text[k] = "" }
                depth[k] += 1
            case let .endTag(name):
                guard let k = kind(name), depth[k] > 0 else { continue }
                depth[k] -= 1
                if depth[k] == 0 {
                    let words = text[k].split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
                    if !words.isEmpty { out.append(kinds[k] + ":" + words) }
                }
            case let .text(s):
                if depth[0] > 0 { text[0] += s }
                if depth[1] > 0 { text[1] += s }
            default:
                continue
            }
        }
        return out
    }
}
