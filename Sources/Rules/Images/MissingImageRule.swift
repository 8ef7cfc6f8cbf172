import RuleEngine

/// `missing-image`: images that resolve to no file of the site, in the body (Markdown
/// images, reference definitions, `<img src>` and `srcset`) and in front matter. Remote
/// URLs outside `site.url` are never fetched and never reported.
struct MissingImageRule: Rule {
    let descriptor = RuleDescriptor(
        id: "missing-image",
        page: PackageResources.missing_image_md,
        summary: "Images that point to no file of the site (Ghost's /content/images/, __GHOST_URL__, size variants)",
        defaultSeverity: .error,
        fix: .safe,
        // (A missing image's repair looks for a unique file of its name anywhere on the site.)
        searchesSite: true
    )

    func check(_ document: Document, _ context: RuleContext) {
        let site = context.configuration.site
        let local = ImageReference.all(in: document, imageKeys: site.imageKeys).compactMap { reference in
            let location = ImageLocation(reference.url, siteURLs: site.urls, decoding: reference.origin.decoding)
            return location.target == .elsewhere ? nil : (reference, location)
        }
        // Only a post with a local image pays for the index of the site.
        guard !local.isEmpty else { return }
        let resolver = SiteResolver(document: document, context: context)
        for (reference, location) in local {
            let repair: SiteResolver.Repair?
            var message: String
            if resolver.exists(location) {
                // `__GHOST_URL__/…` never resolves, and the old blog's address will not
                // last: the file is here, so the path alone is what the reference needs.
                guard location.droppedOrigin else { continue }
                message = "image `\(reference.url)` points to the old blog's address"
            } else {
                message = "image `\(reference.url)` not found"
            }
            repair = resolver.repair(location)
            var fix: Fix?
            if let repair, reference.editable {
                message += "; \(repair.reason)"
                fix = Fix(title: "Point to `\(repair.url)`",
                          edits: [Edit(range: reference.range, replacement: repair.url)], applicability: repair.applicability,
                          promise: .changesImageTargets)
            } else if let repair {
                message += "; \(repair.reason) (the value is not rewritten: it has escapes or spans lines)"
            } else {
                message += resolver.notFoundDetail(location)
            }
            context.report(reference.range, message, fix: fix)
        }
    }
}

/// The site as one document sees it (the session's `Site`, from the rule's context), and
/// the ways a broken Ghost path can be repaired.
struct SiteResolver {
    let site: Site
    /// Where `/…` resolves: the root (unless the generator serves from elsewhere) and the
    /// static directories.
    let served: [String]
    let documentDirectory: String
    let remap: [(from: String, to: String)]

    init(document: Document, context: RuleContext) {
        site = context.site
        served = site.servedDirectories
        documentDirectory = context.fileSystem.absolute(Path.directory(of: document.path))
        remap = context.configuration.site.remap
    }

    func exists(_ location: ImageLocation) -> Bool {
        switch location.target {
        case let .site(path): existsOnSite(path, location)
        case let .relative(path): existsFile(Path.normalize(location.decoded(path), relativeTo: documentDirectory))
        case .elsewhere: true
        }
    }

    func existsOnSite(_ path: String, _ location: ImageLocation) -> Bool {
        let decoded = location.decoded(path)
        // Under each served folder: `/a/b` as `a/b` (what `./a/b` normalizes to, and
        // already normal, unlike `./`), so `Path.normalize` need not build it again.
        let relative = decoded.utf8.first == 0x2F ? String(decoded.drop { $0 == "/" }) : "." + decoded
        return served.contains { existsFile(Path.normalize(relative, relativeTo: $0)) }
    }

    private func existsFile(_ absolute: String) -> Bool { site.fileExists(absolute) }

    struct Repair {
        var url: String
        var applicability: Applicability
        var reason: String
    }

    /// The first repair whose target exists: a remap entry, then the original of a Ghost
    /// size or format variant, then the path without its old origin (all safe, and all
    /// site-absolute, so an old origin goes too), then the only file of that name under
    /// the roots (unsafe).
    func repair(_ location: ImageLocation) -> Repair? {
        let suffix = String(location.suffix)
        if case let .site(path) = location.target {
            if let mapped = remapped(path), existsOnSite(mapped, location) {
                return Repair(url: mapped + suffix, applicability: .safe, reason: "`site.remap` moves it to `\(mapped)`, which exists")
            }
            if let original = ImageLocation.originalOfVariant(path) {
                if existsOnSite(original, location) {
                    return Repair(url: original + suffix, applicability: .safe,
                                  reason: "it is a Ghost size variant of `\(original)`, which exists")
                }
                if let mapped = remapped(original), existsOnSite(mapped, location) {
                    return Repair(url: mapped + suffix, applicability: .safe,
                                  reason: "it is a Ghost size variant of `\(original)`, which `site.remap` moves to `\(mapped)`")
                }
            }
            if location.droppedOrigin && existsOnSite(path, location) {
                return Repair(url: path + suffix, applicability: .safe, reason: "`\(path)` exists on this site")
            }
        }
        let name = Path.lastComponent(location.decoded(path(of: location)))
        let candidates = servedFiles(named: name)
        if candidates.count == 1, let sitePath = site.sitePath(of: candidates[0]) {
            let url = ImageLocation.percentEncoded(sitePath)
            return Repair(url: url + suffix, applicability: .unsafe,
                          reason: "the only file named `\(name)` on the site is `\(sitePath)`")
        }
        return nil
    }

    private func path(of location: ImageLocation) -> String {
        switch location.target {
        case let .site(p), let .relative(p): p
        case .elsewhere: ""
        }
    }

    /// The path with its first matching `site.remap` prefix replaced. The new prefix is
    /// text from `.galley.yml`, so it is percent-encoded (`/my images/` becomes
    /// `/my%20images/`); the rest is the reference's own, already in URL form.
    func remapped(_ path: String) -> String? {
        for (from, to) in remap where path.hasPrefix(from) {
            return ImageLocation.percentEncoded(to) + path.dropFirst(from.count)
        }
        return nil
    }

    /// The files of this name that the site serves (a file in Astro's `src/` is not served,
    /// and the path of one in `public/` never names `public/`: see `Site.sitePath`).
    func servedFiles(named name: String) -> [String] {
        name.isEmpty ? [] : site.files(named: name).filter { site.sitePath(of: $0) != nil }
    }

    /// What was looked for, for a reference with no repair.
    func notFoundDetail(_ location: ImageLocation) -> String {
        var tried: [String] = []
        if case let .site(path) = location.target {
            let places = served.map { "`\($0)`" }.joined(separator: ", ")
            tried.append("looked under \(places)")
            if let mapped = remapped(path) { tried.append("remapped to `\(mapped)`") }
            if let original = ImageLocation.originalOfVariant(path) { tried.append("as the original `\(original)`") }
        } else {
            tried.append("looked in `\(documentDirectory)`")
        }
        let name = Path.lastComponent(location.decoded(path(of: location)))
        let count = servedFiles(named: name).count
        tried.append(count == 0 ? "no file named `\(name)` on the site" : "\(count) files named `\(name)` on the site, so none is chosen")
        return " (" + tried.joined(separator: "; ") + ")"
    }
}
