/// Writes card HTML (a browser's tree of it) as the Markdown that shows the same, or
/// says what it cannot write exactly (`kept`): headings, paragraphs with `em`, `strong`,
/// `a`, `img`, `code` and `br`, code blocks as fences with their exact text, lists, block
/// quotes and thematic breaks. Styling spans (`<span style=…>`, Ghost's caption spans)
/// are unwrapped. Text is escaped so that it prints as it did.
struct MarkdownWriter {
    /// What could not be written, for the message ("a <table>"); set with a nil result.
    var kept: String?
    /// A heading's id: the text to write after the heading (` {#id}`) or nil to drop it;
    /// the level, the heading's text and the id.
    var headingID: (Int, String, String) -> String? = { _, _, _ in nil }

    // MARK: blocks

    /// The blocks of `nodes`, each as Markdown; nil when one cannot be written.
    mutating func blocks(_ nodes: [HTMLNode]) -> [String]? {
        var out: [String] = []
        var previousList: String?
        for node in nodes where !node.isBlank {
            guard case let .element(name, _, children) = node else {
                kept = "text outside a paragraph"
                return nil
            }
            var listMarker: String?
            switch name {
            case "p":
                guard let text = inline(children) else { return nil }
                if text.isEmpty { continue }
                out.append(text)
            case "h1", "h2", "h3", "h4", "h5", "h6":
                guard let text = inline(children) else { return nil }
                guard !text.isEmpty, !text.contains("\n") else {
                    kept = text.isEmpty ? "an empty heading" : "a heading with a line break"
                    return nil
                }
                let level = Int(String(name.dropLast(0).dropFirst()))!
                var line = String(repeating: "#", count: level) + " " + (text.hasSuffix("#") ? String(text.dropLast()) + "\\#" : text)
                if let id = node.attribute("id"), !id.isEmpty, let suffix = headingID(level, node.text, id) { line += suffix }
                out.append(line)
            case "pre":
                guard let fence = Self.fence(node) else {
                    kept = "a <pre> that is not one <code> of text"
                    return nil
                }
                out.append(fence)
            case "ul", "ol":
                // Two lists in a row would merge: the second takes the other marker.
                let marker = name == "ul" ? (previousList == "-" ? "*" : "-") : (previousList == "." ? ")" : ".")
                guard let list = list(node, ordered: name == "ol", marker: marker) else { return nil }
                out.append(list)
                listMarker = marker
            case "blockquote":
                guard let inner = blocks(children) else { return nil }
                out.append(Self.prefixed(inner.joined(separator: "\n\n"), first: "> ", rest: "> ", empty: ">"))
            case "hr":
                out.append("---")
            default:
                kept = "a <\(name)>"
                return nil
            }
            previousList = listMarker
        }
        return out
    }

    mutating func list(_ node: HTMLNode, ordered: Bool, marker: String) -> String? {
        let items = node.children.filter { !$0.isBlank }
        guard items.allSatisfy({ $0.name == "li" }) else {
            kept = "a list holding something else than items"
            return nil
        }
        let start = ordered ? Int(node.attribute("start") ?? "1") ?? 1 : 1
        let loose = items.contains { $0.children.contains { $0.name == "p" } }
        var written: [String] = []
        for (k, item) in items.enumerated() {
            let mark = ordered ? "\(start + k)\(marker)" : marker
            var parts: [String] = []
            if loose {
                guard let inner = blocks(item.children) else { return nil }
                parts = inner
            } else {
                // Text first, then any nested blocks (a sub-list).
                let split = item.children.firstIndex { Self.blockNames.contains($0.name ?? "") } ?? item.children.count
                guard let text = inline(Array(item.children[..<split])) else { return nil }
                if !text.isEmpty { parts.append(text) }
                guard let rest = blocks(Array(item.children[split...])) else { return nil }
                parts += rest
            }
            let body = parts.joined(separator: loose ? "\n\n" : "\n")
            let indent = String(repeating: " ", count: mark.count + 1)
            written.append(body.isEmpty ? mark : Self.prefixed(body, first: mark + " ", rest: indent, empty: ""))
        }
        return written.joined(separator: loose ? "\n\n" : "\n")
    }

    static let blockNames: Set<String> = ["p", "ul", "ol", "pre", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "div", "table", "figure"]

    /// Each line of `text` with a prefix (`first` on the first line, `empty` on blank ones).
    static func prefixed(_ text: String, first: String, rest: String, empty: String) -> String {
        var out = ""
        for (k, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if k > 0 { out += "\n" }
            out += line.isEmpty ? (k == 0 ? String(first.dropLast(first.hasSuffix(" ") ? 1 : 0)) : empty) : (k == 0 ? first : rest) + line
        }
        return out
    }

    /// `<pre><code class="language-x">text</code></pre>` as a fence of its exact text.
    static func fence(_ pre: HTMLNode) -> String? {
        let inner = pre.children.filter { !($0.isBlank && $0.name == nil && $0.text.isEmpty) }
        var language = ""
        let code: String
        if inner.count == 1, inner[0].name == "code", inner[0].children.allSatisfy({ $0.name == nil }) {
            code = inner[0].text
            language = Self.language(inner[0]) ?? Self.language(pre) ?? ""
        } else {
            return nil
        }
        return fence(code: code, language: language)
    }

    static func language(_ node: HTMLNode) -> String? {
        node.classes.first { $0.hasPrefix("language-") }.map { String($0.dropFirst("language-".count)) }
    }

    /// A fence longer than any run of backticks in the code, or nil when the code or its
    /// language cannot be written in one (a carriage return, a language with a backtick).
    static func fence(code: String, language: String) -> String? {
        guard !code.utf8.contains(0x0D), !language.utf8.contains(where: { $0 == 0x60 || $0 <= 0x20 }) else { return nil }
        var run = 0, longest = 0
        for c in code.utf8 {
            if c == 0x60 {
                run += 1
                longest = max(longest, run)
            } else {
                run = 0
            }
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        let body = code.isEmpty || code.hasSuffix("\n") ? code : code + "\n"
        return fence + language + "\n" + body + fence
    }

    // MARK: inline

    /// The inline content of `nodes` as one paragraph's Markdown (hard breaks as `\` and
    /// a line break), trimmed; nil when an element cannot be written.
    mutating func inline(_ nodes: [HTMLNode]) -> String? {
        var out = InlineOut()
        guard write(nodes, into: &out) else { return nil }
        return out.finished()
    }

    struct InlineOut {
        var text = ""
        var atLineStart = true
        /// Inside `em` / `strong` already: a nested one shows nothing more (Lexical writes
        /// `<i><em class="italic">`).
        var inEmphasis = false
        var inStrong = false

        /// The text with trailing spaces (and spaces before hard breaks) gone.
        func finished() -> String {
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
                var l = line
                while l.last == " " { l = l.dropLast() }
                // A hard break's backslash must end its line, after the spaces.
                if l.hasSuffix("\\") && !l.hasSuffix("\\\\") {
                    var body = l.dropLast()
                    while body.last == " " { body = body.dropLast() }
                    return body + "\\"
                }
                return l
            }
            while let last = lines.last, last.hasSuffix("\\"), !last.hasSuffix("\\\\") {
                // A break at the very end shows nothing.
                lines[lines.count - 1] = last.dropLast()
                while lines[lines.count - 1].last == " " { lines[lines.count - 1] = lines[lines.count - 1].dropLast() }
            }
            return lines.joined(separator: "\n")
        }
    }

    mutating func write(_ nodes: [HTMLNode], into out: inout InlineOut) -> Bool {
        for node in nodes {
            switch node {
            case let .text(s): Self.appendText(s, to: &out)
            case .comment: continue
            case let .element(name, _, children):
                switch name {
                case "em", "i", "strong", "b":
                    let isEmphasis = name == "em" || name == "i"
                    if isEmphasis ? out.inEmphasis : out.inStrong {
                        guard write(children, into: &out) else { return false }
                        continue
                    }
                    var inner = InlineOut(text: "", atLineStart: out.atLineStart, inEmphasis: out.inEmphasis || isEmphasis,
                                          inStrong: out.inStrong || !isEmphasis)
                    guard write(children, into: &inner) else { return false }
                    let delimiter = isEmphasis ? "*" : "**"
                    let body = inner.text
                    let core = body.trimmingSpaces
                    if core.isEmpty {
                        if !body.isEmpty { Self.appendText(" ", to: &out) }
                        continue
                    }
                    if body.first == " " { Self.appendText(" ", to: &out) }
                    out.text += delimiter + core + delimiter
                    out.atLineStart = false
                    if body.last == " " { Self.appendText(" ", to: &out) }
                case "code":
                    guard children.allSatisfy({ $0.name == nil }) else {
                        kept = "a code span with markup in it"
                        return false
                    }
                    guard let span = Self.codeSpan(node.text) else {
                        kept = "a code span Markdown cannot hold"
                        return false
                    }
                    out.text += span
                    out.atLineStart = false
                case "a":
                    guard let href = node.attribute("href"), let destination = Self.destination(href) else {
                        kept = "a link Markdown cannot hold"
                        return false
                    }
                    var inner = InlineOut(text: "", atLineStart: false, inEmphasis: out.inEmphasis, inStrong: out.inStrong)
                    guard write(children, into: &inner) else { return false }
                    out.text += "[" + inner.text.trimmingSpaces + "](" + destination + Self.title(node.attribute("title")) + ")"
                    out.atLineStart = false
                case "img":
                    guard let image = Self.image(node) else {
                        kept = "an image Markdown cannot hold"
                        return false
                    }
                    out.text += image
                    out.atLineStart = false
                case "br":
                    out.text += "\\\n"
                    out.atLineStart = true
                case "span":
                    guard write(children, into: &out) else { return false }
                default:
                    kept = "a <\(name)>"
                    return false
                }
            }
        }
        return true
    }

    /// `![alt](src "title")`.
    static func image(_ node: HTMLNode) -> String? {
        guard let src = node.attribute("src"), let destination = destination(src) else { return nil }
        var alt = InlineOut(text: "", atLineStart: false)
        appendText(node.attribute("alt") ?? "", to: &alt)
        return "![" + alt.text.trimmingSpaces + "](" + destination + title(node.attribute("title")) + ")"
    }

    static func title(_ t: String?) -> String {
        guard let t, !t.isEmpty else { return "" }
        var out = " \""
        for c in t.unicodeScalars {
            if c == "\"" || c == "\\" { out += "\\" }
            out.unicodeScalars.append(c)
        }
        return out + "\""
    }

    /// A link destination as written in Markdown (`<…>` where it holds spaces or
    /// parentheses), or nil where it holds what neither form can.
    static func destination(_ url: String) -> String? {
        var plain = true
        for c in url.utf8 {
            if c == 0x3C || c == 0x3E || c == 0x0A || c == 0x0D || c == 0x5C { return nil }
            if c == 0x20 || c == 0x28 || c == 0x29 || c < 0x20 { plain = false }
        }
        if url.isEmpty { return "<>" }
        return plain ? url : "<" + url + ">"
    }

    /// A code span holding `code` exactly, or nil (a line break, nothing but spaces).
    static func codeSpan(_ code: String) -> String? {
        guard !code.isEmpty, !code.utf8.contains(0x0A), !code.utf8.contains(0x0D) else { return nil }
        var run = 0, runs = Set<Int>()
        for c in code.utf8 {
            if c == 0x60 {
                run += 1
            } else {
                if run > 0 { runs.insert(run) }
                run = 0
            }
        }
        if run > 0 { runs.insert(run) }
        var n = 1
        while runs.contains(n) { n += 1 }
        let ticks = String(repeating: "`", count: n)
        let allSpaces = code.utf8.allSatisfy { $0 == 0x20 }
        if allSpaces { return ticks + code + ticks }
        let pad = code.first == "`" || code.last == "`" || (code.first == " " && code.last == " ")
        return pad ? ticks + " " + code + " " + ticks : ticks + code + ticks
    }

    /// Text with whitespace runs as one space and Markdown's punctuation escaped where it
    /// could mean something (`&` only before a name or `#`, `<` only before a tag).
    static func appendText(_ s: String, to out: inout InlineOut) {
        let scalars = Array(s.unicodeScalars)
        for (k, c) in scalars.enumerated() {
            let isSpace = c == " " || c == "\n" || c == "\t" || c == "\r" || c == "\u{0C}"
            if isSpace {
                if out.atLineStart || out.text.last == " " { continue }
                out.text += " "
                continue
            }
            let next = k + 1 < scalars.count ? scalars[k + 1] : " "
            if out.atLineStart {
                out.atLineStart = false
                if "#-+=>".unicodeScalars.contains(c) {
                    out.text += "\\"
                    out.text.unicodeScalars.append(c)
                    continue
                }
            }
            var escape = "\\`*_[]|~".unicodeScalars.contains(c)
            if c == "&" { escape = next == "#" || (next.isASCII && next.properties.isAlphabetic) || (next >= "0" && next <= "9") }
            if c == "<" { escape = next == "/" || next == "!" || next == "?" || (next.isASCII && next.properties.isAlphabetic) }
            // `1.` or `1)` at the start of a line opens a list.
            if (c == "." || c == ")"), Self.endsWithLineStartDigits(out.text) { escape = true }
            if escape { out.text += "\\" }
            out.text.unicodeScalars.append(c)
        }
    }

    static func endsWithLineStartDigits(_ text: String) -> Bool {
        var sawDigit = false
        for c in text.unicodeScalars.reversed() {
            if c >= "0" && c <= "9" {
                sawDigit = true
                continue
            }
            return sawDigit && c == "\n"
        }
        return sawDigit
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
