import RuleEngine

/// What the site's generator does with heading ids: the id it derives from a heading's
/// text, and whether it reads `{#id}` after a heading (kramdown's IAL; goldmark's
/// `parser.attribute.title`, on in Hugo by default). Ghost's ids (`id=""` for CJK
/// headings, `gettingthingsreadyforsearch` before Ghost 4) rarely match either.
struct HeadingIDs {
    var generator: SiteGenerator.Kind?

    var readsAttributes: Bool { generator == .hugo || generator == .jekyll }

    /// The id the generator gives a heading, or nil when it gives none (Eleventy's
    /// markdown-it without anchors, a site with no generator found).
    func derived(_ text: String) -> String? {
        switch generator {
        case .hugo?, .astro?: Self.githubSlug(text)
        case .jekyll?: Self.kramdownSlug(text)
        default: nil
        }
    }

    /// GitHub's slug (goldmark's `github` autoHeadingID, github-slugger): lower case,
    /// letters, digits, `-` and `_` kept, spaces as `-`, the rest dropped.
    static func githubSlug(_ text: String) -> String {
        var out = ""
        for c in text.trimmingSpaces.lowercased().unicodeScalars {
            if c == " " { out += "-" } else if c == "-" || c == "_" || c.properties.isAlphabetic || c.properties.numericType != nil {
                out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// kramdown's auto id: letters, digits, spaces and `-` kept (leading non-letters
    /// dropped), spaces as `-`, lower case.
    static func kramdownSlug(_ text: String) -> String {
        var out = ""
        for c in text.lowercased().unicodeScalars {
            if out.isEmpty && !(c.isASCII && c.properties.isAlphabetic) { continue }
            if c == " " { out += "-" } else if c == "-" || (c.isASCII && (c.properties.isAlphabetic || c.properties.numericType != nil)) {
                out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// What to write after a heading for Ghost's `id`, and the note for the message.
    func suffix(text: String, id: String) -> (suffix: String?, note: String?) {
        if id.isEmpty || derived(text) == id { return (nil, nil) }
        let plain = id.unicodeScalars.allSatisfy { !($0 == " " || $0 == "}" || $0 == "{" || $0 == "\n" || $0 == "\t") }
        if readsAttributes && plain { return (" {#\(id)}", "keeps the heading id `\(id)` as `{#\(id)}`") }
        return (nil, "drops the heading id `\(id)` (links to `#\(id)` would break)")
    }
}
