import Rendering

/// HTML as a reader's browser shows it, reduced to what a comparison needs: elements with
/// their attributes, text with whitespace collapsed outside `pre`, comments. A fix's
/// promise takes out what it may change (comments, U+00A0, emphasis tags, image or link
/// targets, empty paragraphs) before two views are compared.
struct RenderedView: Equatable {
    enum Unit: Equatable {
        case start(String, [HTMLAttribute])
        case end(String)
        /// Text outside code, whitespace collapsed.
        case text([Unicode.Scalar])
        /// Text inside `pre`, `code`, `textarea`, `script` or `style`, exactly.
        case code([Unicode.Scalar])
        case comment(String)
    }

    var units: [Unit]

    static let blockElements = TagNameSet([
        "address", "article", "aside", "blockquote", "body", "br", "caption", "center", "col", "colgroup", "dd", "details",
        "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
        "h5", "h6", "head", "header", "hr", "html", "iframe", "legend", "li", "link", "main", "menu", "meta", "nav",
        "ol", "optgroup", "option", "p", "param", "pre", "section", "source", "summary", "table", "tbody", "td",
        "tfoot", "th", "thead", "title", "tr", "track", "ul",
    ])
    static let verbatimElements = TagNameSet(["pre", "code", "textarea", "script", "style", "kbd", "samp"])
    static let emphasisElements = TagNameSet(["em", "strong"])

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
                if promise.contains(.changesEmphasis) && verbatim == 0 && Self.emphasisElements.contains(name) { continue }
                if Self.verbatimElements.contains(name) { verbatim += 1 }
                units.append(.start(name, Self.kept(attributes, of: name, promise)))
            case let .endTag(name):
                if promise.contains(.changesEmphasis) && verbatim == 0 && Self.emphasisElements.contains(name) { continue }
                if Self.verbatimElements.contains(name) { verbatim = max(0, verbatim - 1) }
                units.append(.end(name))
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

    /// Attributes that count: all of them, but the targets a promise lets change; the
    /// text of `title` and `alt` is text, where U+00A0 may become a space.
    static func kept(_ attributes: [HTMLAttribute], of element: String, _ promise: FixPromise) -> [HTMLAttribute] {
        attributes.compactMap { a in
            if promise.contains(.changesImageTargets) && ["img", "source"].contains(element) && ["src", "srcset"].contains(a.name) { return nil }
            if promise.contains(.changesLinkTargets) && element == "a" && a.name == "href" { return nil }
            if promise.contains(.nbspBecomesSpace) && (a.name == "title" || a.name == "alt") {
                return HTMLAttribute(name: a.name, value: String(String.UnicodeScalarView(collapsed(a.value.unicodeScalars.map { $0 == "\u{A0}" ? " " : $0 }))))
            }
            return a
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
            case let .start(name, _)?, let .end(name)?: blockElements.contains(name)
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
            if case .end("p") = unit, case .start("p", _)? = result.last {
                result.removeLast()
                continue
            }
            result.append(unit)
        }
        return result
    }

    /// Whether `after` shows what `self` shows, given what the promise lets go: with
    /// emphasis or stray delimiters promised, text may lose `*`, `_` and the spaces
    /// beside them; with text removal promised, text may lose up to `removals` runs of
    /// characters (one per edit), a paragraph of nothing else among them; otherwise the
    /// views must be equal.
    func matches(_ after: RenderedView, promise: FixPromise, removals: Int = 1) -> Bool {
        if promise.contains(.removesText) { return Self.losesOnlyText(units, after.units, runs: removals) }
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

    /// `after` has the elements of `before` in order, and its text is `before`'s with at
    /// most `runs` runs of characters left out; a paragraph whose text all went may go too.
    static func losesOnlyText(_ before: [Unit], _ after: [Unit], runs: Int) -> Bool {
        var i = 0, j = 0, removed = 0
        while i < before.count {
            let unit = before[i]
            // A paragraph of text only, all of it removed: what follows in `after` is not
            // a paragraph whose text this one's could have become.
            if case .start("p", _) = unit, i + 2 < before.count, case let .text(s) = before[i + 1], case .end("p") = before[i + 2] {
                var keeps = false
                if j + 2 < after.count, after[j] == unit, case let .text(t) = after[j + 1], after[j + 2] == before[i + 2] {
                    keeps = gaps(removing: s, to: t) != nil
                }
                if !keeps {
                    removed += 1
                    i += 3
                    continue
                }
            }
            if case let .text(s) = unit {
                if j < after.count, case let .text(t) = after[j] {
                    guard let gaps = gaps(removing: s, to: t) else { return false }
                    removed += gaps
                    j += 1
                } else {
                    removed += 1
                }
                i += 1
                continue
            }
            guard j < after.count, after[j] == unit else { return false }
            i += 1
            j += 1
        }
        return j == after.count && removed <= runs
    }

    /// How many runs of characters `before` loses to become `after` (leftmost matching;
    /// a run may leave one space in its place), or nil when `after` is not `before` so.
    static func gaps(removing before: [Unicode.Scalar], to after: [Unicode.Scalar]) -> Int? {
        var j = 0, runs = 0, inGap = false
        for c in before {
            if j < after.count && after[j] == c {
                j += 1
                inGap = false
            } else {
                if !inGap {
                    runs += 1
                    if j < after.count && after[j] == " " && c != " " { j += 1 }  // the run became a space
                }
                inGap = true
            }
        }
        return j == after.count ? runs : nil
    }

    static func isSubsequence(_ a: [Unicode.Scalar], of b: [Unicode.Scalar]) -> Bool {
        var j = 0
        for c in b where j < a.count && a[j] == c { j += 1 }
        return j == a.count
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
