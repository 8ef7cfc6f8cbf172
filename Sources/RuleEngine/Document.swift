import FrontMatter
import MarkdownScanner

/// One file as every rule sees it: built once per file per pass, read-only, shared.
public final class Document {
    public let path: String
    public let source: SourceText
    /// The leading `---` / `+++` block, closed or not.
    public let frontMatter: FrontMatterBlock?
    /// The parsed YAML front matter (nil for TOML, unclosed or absent front matter).
    public let yaml: YAMLDocument?
    public let blocks: BlockScan
    /// Where the Markdown body starts (after the front matter; the end of the file when
    /// the front matter is never closed).
    public let bodyStart: Int
    public let session: Session
    private var inlineCache: InlineIndex?
    /// Views derived from the document (`urls(imageKeys:)` and the like), each made on
    /// first use. A document is used by one thread at a time.
    private var views: [String: Any] = [:]

    public init(path: String, bytes: [UInt8], session: Session) {
        self.path = path
        self.session = session
        source = SourceText(bytes)
        let fm = FrontMatter.split(bytes)
        frontMatter = fm
        if let fm, fm.isClosed, fm.kind == .yaml {
            yaml = YAMLParser.parse(bytes, range: fm.content)
        } else {
            yaml = nil
        }
        // Front matter that is never closed: the whole file is taken as front matter, so
        // no rule reads or rewrites it as Markdown until the block is fixed (the
        // front-matter-syntax rule says what is wrong).
        bodyStart = fm.map { $0.isClosed ? $0.bodyStart : bytes.count } ?? 0
        blocks = BlockScanner.scan(source, bodyStart: bodyStart)
    }

    public var bytes: [UInt8] { source.bytes }

    /// Code spans, autolinks, raw inline HTML and link destinations, computed on first use.
    public var inlines: InlineIndex {
        if let inlineCache { return inlineCache }
        let index = InlineScanner.scan(source, blocks)
        inlineCache = index
        return index
    }

    public func line(_ i: Int) -> LineInfo { blocks.lines[i] }

    /// The view stored under `key`, made by `make` the first time it is asked for; two
    /// rules that need the same derived facts (every URL, every `<img>` tag) share them.
    public func view<View>(_ key: String, _ make: (Document) -> View) -> View {
        if let made = views[key] as? View { return made }
        let made = make(self)
        views[key] = made
        return made
    }

    /// How many views have been made (for tests of the cache).
    var cachedViewCount: Int { views.count }
}

