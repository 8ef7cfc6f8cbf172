import RuleEngine

/// `ghost-link-tracking`: the `ref=<the site's own host>` parameter Ghost adds to every
/// outbound link when newsletter analytics is on (`?ref=oldblog.example.com`), in Markdown
/// links, reference definitions, autolinks and `<a href>`. A `ref` naming anything else
/// (an affiliate code, another site's tag) is not Ghost's and stays.
struct GhostLinkTrackingRule: Rule {
    let descriptor = RuleDescriptor(
        id: "ghost-link-tracking",
        page: PackageResources.ghost_link_tracking_md,
        summary: "Ghost's `?ref=<site>` tracking tag on outbound links",
        defaultSeverity: .warning,
        fix: .safe
    )

    static let needle = Array("ref=".utf8)

    func check(_ document: Document, _ context: RuleContext) {
        let view = document.urls(imageKeys: context.configuration.site.imageKeys)
        let candidates = view.urls.filter { $0.isLinkTarget && Self.mayHaveRef($0.value) }
        guard !candidates.isEmpty else { return }
        let hosts = OwnHosts(urls: context.configuration.site.urls, newAddress: context.site.generator?.address)
        for url in candidates {
            guard let query = QueryString(url.value) else { continue }
            for (k, parameter) in query.parameters.enumerated() where parameter.name.elementsEqual(Self.needle.dropLast()) {
                let host = URLBytes.percentDecoded(parameter.value)
                guard hosts.contains(host) else { continue }
                let written = URLBytes.string(url.value[parameter.range])
                let fix = Fix(title: "Remove the `ref` parameter", edits: [url.edit(replacingValue: query.deletion(of: k))],
                              applicability: .safe, promise: .changesLinkTargets)
                context.report(url.writtenRange(ofValue: parameter.range),
                               "Ghost's tracking tag `\(written)` on a link (the site's own host, added for newsletter analytics)", fix: fix)
            }
        }
    }

    /// A cheap test before parsing: `ref=` somewhere in the value.
    static func mayHaveRef(_ value: [UInt8]) -> Bool {
        guard value.count >= 4 else { return false }
        var i = 0
        while i + 4 <= value.count {
            if value[i] == 0x72 && value[i + 1] == 0x65 && value[i + 2] == 0x66 && value[i + 3] == 0x3D { return true }
            i += 1
        }
        return false
    }
}
