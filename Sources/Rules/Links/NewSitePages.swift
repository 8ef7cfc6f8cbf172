import RuleEngine

/// Whether a page of the new site answers a path: a route of its page table (posts,
/// pages, tag routes), or a file one of its served folders holds (`/about.html`,
/// `/files/cv.pdf`, `/x/` with `x/index.html`).
struct NewSitePages {
    let site: Site

    /// How the path is answered ("a page of this site (`_posts/2020-01-01-x.md`, its
    /// slug `x`)", "a file of this site (`public/cv.pdf`)"), or nil. `path` is decoded,
    /// without query or fragment.
    func answer(_ path: String) -> String? {
        if let page = site.pages.page(at: path) {
            return page.source.isEmpty ? page.why + " of this site" : "a page of this site (`\(shown(page.source))`, \(page.why))"
        }
        for dir in site.servedDirectories {
            let file = Path.normalize("." + path, relativeTo: dir)
            for candidate in path.hasSuffix("/") ? [Path.join(file, "index.html")] : [file, Path.join(file, "index.html")]
            where site.fileExists(candidate) {
                return "a file of this site (`\(shown(candidate))`)"
            }
        }
        return nil
    }

    /// A path relative to the site's root.
    func shown(_ path: String) -> String {
        let base = site.root == "/" ? "/" : site.root + "/"
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
    }
}
