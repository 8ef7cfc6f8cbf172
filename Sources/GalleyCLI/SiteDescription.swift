import RuleEngine

/// The site model galley sees, as `galley site` prints it and `--verbose` summarizes it:
/// generator and marker file, root and served folders, old and new addresses, posts,
/// image files, remaps, and what could not be read.
struct SiteDescription {
    let site: Site
    let configuration: Configuration

    static let imageExtensions: Set<String> = ["png", "jpg", "jpeg", "gif", "webp", "avif", "svg", "bmp", "ico", "tif", "tiff", "heic"]

    /// `dir` relative to the site's root (`.` for the root itself).
    func shown(_ dir: String) -> String {
        if dir == site.root { return "." }
        let base = site.root == "/" ? "/" : site.root + "/"
        return dir.hasPrefix(base) ? String(dir.dropFirst(base.count)) : dir
    }

    var generatorLine: String {
        guard let g = site.generator else { return "none found (plain folders)" }
        return "\(g.kind.name), detected from \(shown(g.configFile))"
    }

    var newAddress: String? {
        guard let g = site.generator else { return nil }
        return g.address?.description ?? (g.basePath.isEmpty ? nil : g.basePath)
    }

    /// One line for `--verbose`, and one per note.
    var summary: [String] {
        var parts = ["site \(site.root): \(generatorLine)", "served at /: " + site.servedDirectories.map(shown).joined(separator: ", ")]
        if let newAddress { parts.append("new address \(newAddress)") }
        if !configuration.site.urls.isEmpty { parts.append("old addresses " + configuration.site.urls.joined(separator: ", ")) }
        if let counts = site.listingCounts {
            parts.append("listing: \(counts.reused) \(counts.reused == 1 ? "directory" : "directories") from the cache, \(counts.listed) read")
        }
        return [parts.joined(separator: "; ")] + (site.generator?.notes ?? []).map { "site \(site.root): \($0)" }
    }

    func text(pages: Bool) -> String {
        let g = site.generator
        var rows: [(String, String)] = [
            ("site", site.root),
            ("generator", generatorLine),
            ("configuration", configuration.path ?? "none (.galley.yml not found)"),
            ("served at /", site.servedDirectories.map(shown).joined(separator: ", ")),
        ]
        if let outputs = g?.outputDirectories, !outputs.isEmpty {
            rows.append(("build output", outputs.map(shown).joined(separator: ", ") + " (not part of the site)"))
        }
        rows.append(("old addresses", configuration.site.urls.isEmpty ? "none (site.url in .galley.yml)" : configuration.site.urls.joined(separator: ", ")))
        rows.append(("new address", newAddress ?? "unknown"))
        let table = site.pages
        rows.append(("posts", "\(table.postCount) (\(table.pages.count) \(table.pages.count == 1 ? "page" : "pages") of the new site)"))
        rows.append(("image files", "\(imageCount)"))
        rows.append(("remap", configuration.site.remap.isEmpty ? "none" : configuration.site.remap.map { "\($0.from) -> \($0.to)" }.joined(separator: ", ")))
        let width = rows.map(\.0.count).max() ?? 0
        var out = rows.map { TextHelpers.padded($0.0, to: width) + "  " + $0.1 }.joined(separator: "\n") + "\n"
        if let notes = g?.notes, !notes.isEmpty {
            out += "\nnot read:\n" + notes.map { "  \($0)\n" }.joined()
        }
        if pages {
            out += "\npages:\n" + table.pages.map { "  \($0.route)  \(shown($0.source)) (\($0.why))\n" }.joined()
        }
        return out
    }

    func json(pages: Bool) -> String {
        let g = site.generator
        func strings(_ list: [String]) -> JSONValue { .array(list.map { .string($0) }) }
        let table = site.pages
        var members: [(String, JSONValue)] = [
            ("version", .int(1)),
            ("root", .string(site.root)),
            ("generator", g.map { .object([("name", .string($0.kind.rawValue)), ("file", .string($0.configFile))]) } ?? .null),
            ("configuration", configuration.path.map { .string($0) } ?? .null),
            ("served", strings(site.servedDirectories)),
            ("output", strings(g?.outputDirectories ?? [])),
            ("oldAddresses", strings(configuration.site.urls)),
            ("newAddress", newAddress.map { .string($0) } ?? .null),
            ("basePath", .string(g?.basePath ?? "")),
            ("posts", .int(table.postCount)),
            ("imageFiles", .int(imageCount)),
            ("remap", .array(configuration.site.remap.map { .object([("from", .string($0.from)), ("to", .string($0.to))]) })),
            ("imageKeys", strings(configuration.site.imageKeys)),
            ("notes", strings(g?.notes ?? [])),
        ]
        if pages {
            members.append(("pages", .array(table.pages.map {
                .object([("route", .string($0.route)), ("source", .string($0.source)), ("why", .string($0.why))])
            })))
        }
        return JSONValue.object(members).rendered()
    }

    var imageCount: Int {
        site.countFiles { name in
            guard let dot = name.utf8.lastIndex(of: 0x2E) else { return false }
            return Self.imageExtensions.contains(String(name[name.utf8.index(after: dot)...]).lowercased())
        }
    }
}
