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
}

