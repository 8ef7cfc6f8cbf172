import RuleEngine

/// `old-site-link`: links to pages of the old site, its `site.url` origins or Ghost's
/// `__GHOST_URL__` placeholder, made site-relative. Safe when a page of the new site
/// answers the path (its page table, or a file it serves), unsafe otherwise, and the
/// message says which. Images on the old address are `missing-image`'s.
struct OldSiteLinkRule: Rule {
    let descriptor = RuleDescriptor(
        id: "old-site-link",
        page: PackageResources.old_site_link_md,
        summary: "Links to the old site's pages (`site.url`, `__GHOST_URL__`) instead of the new site's",
        defaultSeverity: .warning,
        fix: .safe
    )

    func check(_ document: Document, _ context: RuleContext) {
        let view = document.urls(imageKeys: context.configuration.site.imageKeys)
        let old = OldSiteAddress(urls: context.configuration.site.urls)
        let found = view.urls.compactMap { url in url.isLinkTarget ? old.match(url.value).map { (url, $0) } : nil }
        // Only a post with such a link pays for the site's pages.
        guard !found.isEmpty else { return }
        let site = context.site
        let pages = NewSitePages(site: site)
        for (url, match) in found {
            let rest = Array(url.value[match.prefix...])
            let startsPath = rest.first == 0x2F
            let path = startsPath ? rest : [0x2F] + rest
            let pagePath = Array(path[..<URLBytes.firstIndex(of: [0x3F, 0x23], in: path)])
            let target = site.generator?.basePath ?? ""
            let relative = URLBytes.string(Array(target.utf8) + path)
            let answer = pages.answer(URLBytes.string(URLBytes.percentDecoded(pagePath[...])))
            var message = match.isPlaceholder
                ? "link to `\(url.written)`, Ghost's placeholder for the old site's address"
                : "link to the old site's page `\(url.written)`"
            let applicability: Applicability
            if let answer {
                message += "; `\(relative)` is \(answer)"
                applicability = .safe
            } else {
                message += match.isPlaceholder
                    ? "; no page of this site answers `\(relative)` (the link points nowhere now, and would then point to a missing page)"
                    : "; no page of this site answers `\(relative)` (the old address may still redirect, the relative link would not)"
                applicability = .unsafe
            }
            let prefix = target + (startsPath ? "" : "/")
            let edit = url.kind == .autolink
                ? Self.inlineLink(replacing: url, destination: relative)
                : url.edit(replacingValue: 0..<match.prefix, with: prefix)
            context.report(url.range, message, fix: Fix(title: "Link to `\(relative)`", edits: [edit],
                                                        applicability: applicability, promise: .changesLinkTargets))
        }
    }

    /// An autolink cannot be relative (`</x/>` is no link): it becomes an inline link
    /// whose text is the old URL as it showed, `[https://old.example/x/](/x/)`.
    static func inlineLink(replacing url: DocumentURL, destination: String) -> Edit {
        var text: [UInt8] = []
        for c in url.written.utf8 {
            // Whatever Markdown could read as markup is escaped, so the text shows as before.
            if "\\`*_[]<>&!~|".utf8.contains(c) { text.append(0x5C) }
            text.append(c)
        }
        var target: [UInt8] = []
        for c in destination.utf8 {
            if c <= 0x20 || c == 0x28 || c == 0x29 || c == 0x3C || c == 0x3E || c == 0x5C {
                target += Array("%\(c < 16 ? "0" : "")\(String(c, radix: 16, uppercase: true))".utf8)
            } else {
                target.append(c)
            }
        }
        let span = (url.range.lowerBound - 1)..<(url.range.upperBound + 1)
        return Edit(range: span, replacement: [0x5B] + text + Array("](".utf8) + target + [0x29])
    }
}
