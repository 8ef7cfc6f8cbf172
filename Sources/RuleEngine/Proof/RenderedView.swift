import Rendering

/// HTML as a reader's browser shows it, reduced to what a comparison needs: elements with
/// their attributes, text with whitespace collapsed outside `pre`, comments. A fix's
/// promise takes out what it may change (comments, U+00A0, emphasis tags, image or link
/// targets, empty paragraphs) before two views are compared.
struct RenderedView: Equatable {
    enum Unit: Equatable {
        case open(String, [HTMLAttribute])
        case close(String)
        /// Text outside code, whitespace collapsed.
        case text([Unicode.Scalar])
        /// Text inside `pre`, `code`, `textarea`, `script` or `style`, exactly.
        case code([Unicode.Scalar])
        case comment(String)
    }

    var units: [Unit]

    static let blockElements: Set<String> = [
        "address", "article", "aside", "blockquote", "body", "br", "caption", "center", "col", "colgroup", "dd", "details",
        "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
        "h5", "h6", "head", "header", "hr", "html", "iframe", "legend", "li", "link", "main", "menu", "meta", "nav",
        "ol", "optgroup", "option", "p", "param", "pre", "section", "source", "summary", "table", "tbody", "td",
        "tfoot", "th", "thead", "title", "tr", "track", "ul",
    ]
    static let verbatimElements: Set<String> = ["pre", "code", "textarea", "script", "style", "kbd", "samp"]
    static let emphasisElements: Set<String> = ["em", "strong"]

    init(_ tokens: [HTMLToken], promise: FixPromise) {
        var units: [Unit] = []
        var verbatim = 0
        func appendText(_ scalars: [Unicode.Scalar], code: Bool) {
            if code {
                if case let .code(previous)? = units.last {
                    units[units.count - 1] = .code(previous + scalars)
                } else {
                    units.append(.code(scalars))
                }
                return
            }
            if case let .text(previous)? = units.last {
                units[units.count - 1] = .text(Self.collapsed(previous + scalars))
            } else {
                units.append(.text(Self.collapsed(scalars)))
            }
        }
        for token in tokens {
            switch token {
            case let .startTag(name, attributes, _):
                if promise.contains(.changesEmphasis) && Self.emphasisElements.contains(name) { continue }
                if Self.verbatimElements.contains(name) { verbatim += 1 }
                units.append(.open(name, Self.kept(attributes, of: name, promise)))
            case let .endTag(name):
                if promise.contains(.changesEmphasis) && Self.emphasisElements.contains(name) { continue }
                if Self.verbatimElements.contains(name) { verbatim = max(0, verbatim - 1) }
                units.append(.close(name))
            case let .text(text):
                var scalars = Array(text.unicodeScalars)
                let inCode = verbatim > 0
                if promise.contains(.nbspBecomesSpace) && (!inCode || promise.contains(.changesCode)) {
                    scalars = scalars.map { $0 == "\u{A0}" ? " " : $0 }
                }
                appendText(scalars, code: inCode)
            case let .comment(text):
                if !promise.contains(.removesComments) { units.append(.comment(text)) }
            case let .doctype(text):
                units.append(.comment("!DOCTYPE " + text))
            case let .cdata(text):
                appendText(Array(text.unicodeScalars), code: verbatim > 0)
            }
        }
        self.units = Self.trimmed(units, removingEmptyParagraphs: promise.contains(.removesEmptyBlocks))
    }

    /// Attributes that count: all of them, but the targets a promise lets change.
    static func kept(_ attributes: [HTMLAttribute], of element: String, _ promise: FixPromise) -> [HTMLAttribute] {
        attributes.filter { a in
            if promise.contains(.changesImageTargets) && ["img", "source"].contains(element) && ["src", "srcset"].contains(a.name) { return false }
            if promise.contains(.changesLinkTargets) && element == "a" && a.name == "href" { return false }
            return true
        }
    }

    /// Runs of HTML whitespace as one space; U+00A0 is not whitespace here.
    static func collapsed(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(s.count)
        for c in s {
            let space = c == " " || c == "\n" || c == "\t" || c == "\r" || c == "\u{0C}"
            if space {
                if out.last != " " { out.append(" ") }
            } else {
                out.append(c)
            }
        }
        return out
    }

    /// Spaces next to a block boundary are not shown; text that is only spaces there goes.
    static func trimmed(_ units: [Unit], removingEmptyParagraphs: Bool) -> [Unit] {
        func isBoundary(_ u: Unit?) -> Bool {
            switch u {
            case nil: true
            case let .open(name, _)?, let .close(name)?: blockElements.contains(name)
            default: false
            }
        }
        var out: [Unit] = []
        for (k, unit) in units.enumerated() {
            guard case var .text(s) = unit else {
                out.append(unit)
                continue
            }
            if isBoundary(out.last), s.first == " " { s.removeFirst() }
            if isBoundary(k + 1 < units.count ? units[k + 1] : nil), s.last == " " { s.removeLast() }
            if !s.isEmpty { out.append(.text(s)) }
        }
        guard removingEmptyParagraphs else { return out }
        var result: [Unit] = []
        for unit in out {
            if case .close("p") = unit, case .open("p", _)? = result.last {
                result.removeLast()
                continue
            }
            result.append(unit)
        }
        return result
    }

    /// Whether `after` shows what `self` shows, given what the promise lets go: with
    /// emphasis or stray delimiters promised, text may lose `*`, `_` and the spaces
    /// beside them; otherwise the views must be equal.
    func matches(_ after: RenderedView, promise: FixPromise) -> Bool {
        guard promise.contains(.changesEmphasis) || promise.contains(.removesStrayDelimiters) else { return self == after }
        guard units.count == after.units.count else { return false }
        for (x, y) in zip(units, after.units) {
            switch (x, y) {
            case let (.text(s), .text(t)):
                if !Self.losesOnlyDelimiters(s, t) { return false }
            default:
                if x != y { return false }
            }
        }
        return true
    }

    /// `after` is `before` with some `*` and `_` left out, and spaces beside them.
    static func losesOnlyDelimiters(_ before: [Unicode.Scalar], _ after: [Unicode.Scalar]) -> Bool {
        var skipped = [Bool](repeating: false, count: before.count)
        var j = 0
        for (i, c) in before.enumerated() {
            if j < after.count && after[j] == c {
                j += 1
            } else if c == "*" || c == "_" || c == " " {
                skipped[i] = true
            } else {
                return false
            }
        }
        guard j == after.count else { return false }
        func isDelimiter(_ i: Int) -> Bool { i >= 0 && i < before.count && skipped[i] && before[i] != " " }
        for i in before.indices where skipped[i] && before[i] == " " {
            if !isDelimiter(i - 1) && !isDelimiter(i + 1) { return false }
        }
        return true
    }
}
