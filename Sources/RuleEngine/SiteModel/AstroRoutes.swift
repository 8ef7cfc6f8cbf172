/// Astro's routes, from the file names under `src/pages` (never their code): a page file
/// is a route (`about.astro` is `/about/`, `blog/index.md` is `/blog/`); a folder's
/// `[slug].astro` or `[...slug].astro` is taken to show every entry of `src/content` under
/// that folder (by its `slug`, else its id), and a `[tag].astro` every tag of theirs.
struct AstroRoutes {
    /// The routes of the page files themselves.
    var staticPages: [PageTable.Page] = []
    /// Folders (`/blog`, "") whose dynamic route shows content entries, with that file.
    var entryRoutes: [(prefix: String, file: String)] = []
    var tagRoutes: [(prefix: String, file: String)] = []

    static let pageExtensions = ["astro", "md", "mdx", "html"]

    init(_ generator: SiteGenerator, fileSystem: any FileSystem) {
        guard generator.contentDirectories.count > 1 else { return }
        let pagesDirectory = generator.contentDirectories[1]
        var visited = Set<FileID>()
        var files: [String] = []
        DirectoryWalk.walk(pagesDirectory, in: fileSystem, visited: &visited) { event in
            if case let .file(path, name, _) = event, Self.pageExtensions.contains(PageTable.fileExtension(name)) { files.append(path) }
        }
        for path in files.sorted() {
            let relative = String(path.dropFirst(pagesDirectory.count))
            var parts = relative.split(separator: "/").map(String.init)
            let name = parts.removeLast()
            let base = name.utf8.lastIndex(of: 0x2E).map { String(name[..<$0]) } ?? name
            guard !parts.contains(where: { $0.hasPrefix("[") || $0.hasPrefix("_") }), !base.hasPrefix("_") else { continue }
            let prefix = parts.map { "/" + $0 }.joined()
            if base.hasPrefix("[") {
                let parameter = base.trimmingBrackets
                if parameter.contains("page") { continue }
                if parameter.contains("tag") || parameter.contains("categor") {
                    tagRoutes.append((prefix, path))
                } else {
                    entryRoutes.append((prefix, path))
                }
                continue
            }
            let route = prefix + (base == "index" ? "/" : "/" + base + "/")
            staticPages.append(PageTable.Page(route: route, source: path, why: "a page of `src/pages`"))
        }
    }

    /// The routes of one entry of `src/content/<collection>/…`.
    func routes(of post: PostFacts) -> [PageRoutes.Route] {
        let id = (post.directories.dropFirst() + [post.baseName == "index" ? "" : post.baseName])
            .filter { !$0.isEmpty }.map(PageRoutes.slugified).joined(separator: "/")
        let slug = post.slug ?? id
        var routes: [PageRoutes.Route] = entryRoutes.map { ("\($0.prefix)/\(slug)/", "`\(Path.lastComponent($0.file))` in `src/pages\($0.prefix)`") }
        for tag in post.fields["tags"] ?? [] {
            routes += tagRoutes.map { ("\($0.prefix)/\(PageRoutes.slugified(tag))/", "`\(Path.lastComponent($0.file))` in `src/pages\($0.prefix)`") }
        }
        return routes
    }
}

extension String {
    /// `[...slug]` as `slug`.
    var trimmingBrackets: String {
        var s = self
        if s.hasPrefix("[") { s.removeFirst() }
        if s.hasSuffix("]") { s.removeLast() }
        while s.hasPrefix(".") { s.removeFirst() }
        return s
    }
}
