/// The pages of the new site: every route its generator makes from the posts and pages
/// it finds (`PageRoutes`), with the file each comes from. Built once per run per site,
/// through the `FileSystem`, the first time a rule asks whether a page exists.
public struct PageTable: Sendable {
    public struct Page: Sendable, Equatable {
        /// As the generator writes it (`/2020/01/02/title.html`, `/my-post/`).
        public var route: String
        /// The file it comes from (absolute).
        public var source: String
        /// Why it is a page: "its slug `x`", "Jekyll's permalink `pretty`".
        public var why: String
    }

    /// By `key(_:)`, the first page of each route.
    private let byKey: [String: Page]
    /// Every page, in order of source then route.
    public let pages: [Page]
    /// Posts and pages read.
    public let postCount: Int

    static let extensions = ["md", "markdown", "mdx"]

    init(site: Site) {
        let generator = site.generator
        let fileSystem = site.fileSystem
        var pages: [Page] = []
        var count = 0
        var visited = Set<FileID>()
        for dir in generator?.outputDirectories ?? [] {
            if let id = fileSystem.status(dir)?.id { visited.insert(id) }
        }
        let astro = generator?.kind == .astro ? AstroRoutes(generator!, fileSystem: fileSystem) : nil
        let contentDirectories = generator.map { $0.kind == .astro ? [$0.contentDirectories[0]] : $0.contentDirectories } ?? [site.root]
        for content in contentDirectories {
            var files: [String] = []
            DirectoryWalk.walk(content, in: fileSystem, visited: &visited) { event in
                if case let .file(path, name, _) = event, Self.extensions.contains(Self.fileExtension(name)) { files.append(path) }
            }
            for path in files.sorted() {
                guard let post = PostFacts(path: path, contentDirectory: content, fileSystem: fileSystem), !post.isDraft else { continue }
                if generator?.kind == .jekyll, Self.jekyllSkips(post) { continue }
                count += 1
                let routes: [PageRoutes.Route]
                switch generator?.kind {
                case .jekyll: routes = PageRoutes.jekyll(post, generator!)
                case .hugo: routes = PageRoutes.hugo(post, generator!) + PageRoutes.hugoTaxonomies(post, generator!)
                case .eleventy: routes = PageRoutes.eleventy(post)
                case .astro: routes = astro!.routes(of: post)
                case nil: routes = PageRoutes.plain(post)
                }
                pages += routes.map { Page(route: $0.path, source: path, why: $0.why) }
            }
        }
        if let astro { pages += astro.staticPages }
        var byKey: [String: Page] = [:]
        for page in pages where byKey[Self.key(page.route)] == nil { byKey[Self.key(page.route)] = page }
        self.byKey = byKey
        self.pages = pages
        postCount = count
    }

    /// The page at `path` (decoded, without query and fragment, relative to the site's base
    /// path). The home page always exists.
    public func page(at path: String) -> Page? {
        let key = Self.key(path)
        if key == "/" { return Page(route: "/", source: "", why: "the home page") }
        return byKey[key]
    }

    /// Routes compare without a trailing slash or `index.html`: `/a`, `/a/` and
    /// `/a/index.html` are one page.
    static func key(_ route: String) -> String {
        var r = route.hasPrefix("/") ? route : "/" + route
        for suffix in ["/index.html", "/index.htm"] where r.hasSuffix(suffix) { r.removeLast(suffix.count - 1) }
        while r.count > 1 && r.hasSuffix("/") { r.removeLast() }
        return r
    }

    /// Jekyll builds neither `_drafts` nor other `_` folders but `_posts`.
    static func jekyllSkips(_ post: PostFacts) -> Bool {
        post.directories.contains { $0.hasPrefix("_") && $0 != "_posts" } || post.fields.isEmpty && !post.directories.contains("_posts")
    }

    static func fileExtension(_ name: String) -> String {
        guard let dot = name.utf8.lastIndex(of: 0x2E) else { return "" }
        return String(name[name.utf8.index(after: dot)...]).lowercased()
    }
}
