/// The URLs a generator gives a post, from its file and front matter: Jekyll's
/// `permalink` patterns, Hugo's sections, `[permalinks]` and taxonomies, Astro's page
/// routes, Eleventy's folders; for plain folders, the slug, the permalink and the file
/// name (the routes a Ghost export keeps). Each route comes with why it exists.
enum PageRoutes {
    typealias Route = (path: String, why: String)

    // MARK: Jekyll

    static let jekyllStyles = [
        "date": "/:categories/:year/:month/:day/:title:output_ext",
        "pretty": "/:categories/:year/:month/:day/:title/",
        "ordinal": "/:categories/:year/:y_day/:title:output_ext",
        "none": "/:categories/:title:output_ext",
    ]

    /// A Jekyll post (`_posts/…`) or page.
    static func jekyll(_ post: PostFacts, _ generator: SiteGenerator) -> [Route] {
        if let permalink = post.field("permalink") {
            return [(expandJekyll(permalink, post), "its permalink `\(permalink)`")]
        }
        guard let postsAt = post.directories.firstIndex(of: "_posts") else {
            // A page: its path, `.html` for Markdown.
            let folders = post.directories.map { $0 + "/" }.joined()
            let name = post.baseName == "index" ? "" : post.baseName + ".html"
            return [("/" + folders + name, "a page of the site")]
        }
        guard post.date != nil else { return [] }
        let configured = generator.permalinks["posts"] ?? "date"
        let pattern = jekyllStyles[configured] ?? configured
        var p = post
        // Folders around `_posts` are categories, as Jekyll reads them.
        // A category written as one string is a list of words (`categories: a b`).
        let key = post.fields["categories"] != nil ? "categories" : "category"
        let written = post.fields[key] ?? []
        let own = post.lists.contains(key) ? written : written.flatMap { $0.split(separator: " ").map(String.init) }
        p.fields["categories"] = Array(post.directories[..<postsAt]) + own
        return [(expandJekyll(pattern, p), "Jekyll's permalink `\(configured)`")]
    }

    static func expandJekyll(_ pattern: String, _ post: PostFacts) -> String {
        let title = post.slug ?? post.stem
        let categories = (post.fields["categories"] ?? []).map(slugified)
        let month = post.date?.month ?? "", day = post.date?.day ?? ""
        let values: [(String, String)] = [
            (":categories", categories.joined(separator: "/")), (":output_ext", ".html"),
            (":short_year", String((post.date?.year ?? "").suffix(2))), (":year", post.date?.year ?? ""),
            (":i_month", String(Int(month) ?? 0)), (":month", month), (":i_day", String(Int(day) ?? 0)), (":day", day),
            (":title", title), (":slug", slugified(title)), (":name", post.baseName),
        ]
        return collapsed(substitute(pattern, values))
    }

    // MARK: Hugo

    static func hugo(_ post: PostFacts, _ generator: SiteGenerator) -> [Route] {
        var routes: [Route] = []
        let section = post.directories.first ?? ""
        let isList = post.baseName == "_index"
        if let url = post.field("url") {
            routes.append((url, "its `url`"))
        } else if isList {
            routes.append(("/" + post.directories.joined(separator: "/") + "/", "a section of the site"))
        } else if let pattern = generator.permalinks[section] ?? (section.isEmpty ? nil : generator.permalinks["page"]) {
            let title = post.title.map(slugified) ?? ""
            let values: [(String, String)] = [
                (":year", post.date?.year ?? ""), (":month", post.date?.month ?? ""), (":day", post.date?.day ?? ""),
                (":slugorcontentbasename", post.slug ?? post.stem), (":slugorfilename", post.slug ?? post.stem),
                (":contentbasename", post.stem), (":filename", post.stem), (":slug", post.slug ?? title),
                (":title", title), (":sections", post.directories.joined(separator: "/")), (":section", section),
            ]
            routes.append((collapsed(substitute(pattern, values)), "Hugo's permalink `\(pattern)` for `\(section)`"))
        } else {
            // A bundle (`posts/a/index.md`) is its folder; otherwise the file, its slug in its place.
            let folders = post.baseName == "index" ? post.directories.dropLast() : post.directories[...]
            routes.append(("/" + folders.map { $0 + "/" }.joined() + (post.slug ?? post.stem) + "/", "its place in `content/`"))
        }
        for alias in post.fields["aliases"] ?? [] { routes.append((alias, "one of its `aliases`")) }
        return routes
    }

    /// `/tags/go/` for each term of each taxonomy, and `/tags/` itself.
    static func hugoTaxonomies(_ post: PostFacts, _ generator: SiteGenerator) -> [Route] {
        generator.taxonomies.flatMap { taxonomy -> [Route] in
            let terms = post.fields[taxonomy] ?? []
            return terms.isEmpty ? [] : [("/\(taxonomy)/", "Hugo's taxonomy `\(taxonomy)`")]
                + terms.map { ("/\(taxonomy)/\(slugified($0))/", "Hugo's taxonomy `\(taxonomy)`") }
        }
    }

    // MARK: Eleventy and plain folders

    /// Eleventy: the file's folders and name (`index` is its folder), or its permalink.
    static func eleventy(_ post: PostFacts) -> [Route] {
        if let permalink = post.field("permalink"), permalink != "false" { return [(permalink, "its permalink")] }
        let name = post.baseName == "index" ? "" : post.baseName + "/"
        return [("/" + post.directories.map { $0 + "/" }.joined() + name, "its place in the input folder")]
    }

    /// A site without a generator: what the post itself says (its `permalink` or `url`,
    /// its `slug` at the root, as Ghost served it) and its file name at the root.
    static func plain(_ post: PostFacts) -> [Route] {
        var routes: [Route] = []
        for key in ["permalink", "url"] {
            if let value = post.field(key), value.hasPrefix("/") { routes.append((value, "its `\(key)`")) }
        }
        if let slug = post.slug { routes.append(("/\(slug)/", "its slug `\(slug)`")) }
        routes.append(("/\(post.stem)/", "its file name"))
        return routes
    }

    // MARK: helpers

    static func substitute(_ pattern: String, _ values: [(String, String)]) -> String {
        var out = pattern
        // Longest names first, so `:month` is not read as `:mont` + `h` and `:slugorfilename` before `:slug`.
        for (name, value) in values.sorted(by: { $0.0.count > $1.0.count }) { out = out.replacing(name, with: value) }
        return out
    }

    /// No doubled slashes (an empty `:categories`), always a leading one.
    static func collapsed(_ path: String) -> String {
        var out: [UInt8] = [0x2F]
        for c in path.utf8 where !(c == 0x2F && out.last == 0x2F) { out.append(c) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Lower-case, runs of spaces and punctuation as one `-` (Jekyll's and Hugo's `urlize`,
    /// for ASCII; other letters are kept).
    static func slugified(_ text: String) -> String {
        var out: [UInt8] = []
        for c in text.utf8 {
            if c >= 0x80 || (c | 0x20 >= 0x61 && c | 0x20 <= 0x7A) || (c >= 0x30 && c <= 0x39) || c == 0x5F {
                out.append(c >= 0x41 && c <= 0x5A ? c | 0x20 : c)
            } else if out.last != 0x2D && !out.isEmpty {
                out.append(0x2D)
            }
        }
        while out.last == 0x2D { out.removeLast() }
        return String(decoding: out, as: UTF8.self)
    }
}
