import FrontMatter
import MarkdownScanner
import Rendering

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
    /// The document's HTML, when the proof that made these bytes rendered them
    /// (`Rendering`); the proof of this pass's fixes takes it instead of rendering again.
    let carriedHTML: RenderedHTML?
    /// Views derived from the document (`urls(imageKeys:)` and the like), each made on
    /// first use. A document is used by one thread at a time.
    private var views: [String: Any] = [:]

    /// `earlier`: the same file before a pass of fixes; its parsed front matter is taken
    /// when the front matter's bytes are the same, where they are the same (fixes of the
    /// body leave it as it was, and a parse is a tenth of a check).
    public convenience init(path: String, bytes: [UInt8], session: Session, earlier: Document? = nil) {
        self.init(path: path, bytes: bytes, session: session, earlier: earlier, rendering: nil)
    }

    /// The scans and HTML of a document's bytes, made by the proof of the fixes that
    /// produced them (`FixProof.sameWhole`, which scans and renders the document after
    /// every fix of a pass), for the next pass's document to take instead of making them
    /// again: the same calls on the same bytes.
    struct Rendering {
        let bytes: [UInt8]
        let bodyStart: Int
        let blocks: BlockScan
        let inlines: InlineIndex
        let html: RenderedHTML
    }

    /// `rendering`: taken when it is of these bytes with this body (the front matter ends
    /// where it did).
    init(path: String, bytes: [UInt8], session: Session, earlier: Document?, rendering: Rendering?) {
        self.path = path
        self.session = session
        source = SourceText(bytes)
        let fm = FrontMatter.split(bytes)
        frontMatter = fm
        if let fm, fm.isClosed, fm.kind == .yaml {
            if let earlier, let parsed = earlier.yaml, earlier.frontMatter == fm,
               earlier.bytes[fm.content].elementsEqual(bytes[fm.content]) {
                yaml = parsed
            } else {
                yaml = YAMLParser.parse(bytes, range: fm.content)
            }
        } else {
            yaml = nil
        }
        // Front matter that is never closed: the whole file is taken as front matter, so
        // no rule reads or rewrites it as Markdown until the block is fixed (the
        // front-matter-syntax rule says what is wrong).
        bodyStart = fm.map { $0.isClosed ? $0.bodyStart : bytes.count } ?? 0
        if let rendering, rendering.bodyStart == bodyStart, ByteSearch.same(rendering.bytes, bytes) {
            blocks = rendering.blocks
            inlineCache = rendering.inlines
            carriedHTML = rendering.html
        } else {
            blocks = BlockScanner.scan(source, bodyStart: bodyStart)
            carriedHTML = nil
        }
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

