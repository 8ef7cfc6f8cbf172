import MarkdownScanner

/// CommonMark 0.31.2 HTML (with GFM pipe tables), built on galley's scanner, byte for byte
/// as the spec's reference output.
public enum HTMLRenderer {
    /// The HTML of the body of `source` (lines starting before `bodyStart` are front matter
    /// and are skipped). `definitions`: extra link reference definitions (normalized label ->
    /// target) that apply as if the document defined them after its own (used when a window
    /// of a document is rendered alone).
    /// With `precedence: .given`, `definitions` come first instead: pass the whole
    /// document's definitions so that a window that redefines a label the document defined
    /// earlier renders as the whole document does.
    public static func render(_ source: SourceText, bodyStart: Int = 0, definitions: LinkDefinitions = .init(),
                              precedence: DefinitionPrecedence = .document) -> [UInt8] {
        var blocks = BlockScanner.scan(source, bodyStart: bodyStart)
        if !definitions.isEmpty { blocks.definitions.formUnion(definitions.labels) }
        let inlines = InlineScanner.scan(source, blocks)
        return render(source, blocks: blocks, inlines: inlines, definitions: definitions, precedence: precedence)
    }

    /// The HTML of a document the caller already scanned. `inlines` must come from
    /// `InlineScanner.scan` of `blocks` whose `definitions` include the labels of `definitions`.
    public static func render(_ source: SourceText, blocks: BlockScan, inlines: InlineIndex,
                              definitions: LinkDefinitions = .init(), precedence: DefinitionPrecedence = .document) -> [UInt8] {
        rendered(source, blocks: blocks, inlines: inlines, definitions: definitions, precedence: precedence).bytes
    }

    /// As `render(_:blocks:inlines:definitions:precedence:)`, saying whether raw HTML is in it.
    public static func rendered(_ source: SourceText, blocks: BlockScan, inlines: InlineIndex,
                                definitions: LinkDefinitions = .init(), precedence: DefinitionPrecedence = .document) -> RenderedHTML {
        let own = LinkDefinitions.collect(source, blocks)
        let all = precedence == .document ? own.adding(definitions) : definitions.adding(own)
        var renderer = BlockRenderer(source, blocks, inlines, all)
        renderer.run()
        return RenderedHTML(bytes: renderer.out.bytes, rawRanges: renderer.out.rawRanges,
                            leafStarts: renderer.out.leafStarts, leafBlocks: renderer.out.leafBlocks)
    }
}

/// Rendered HTML, and whether any of it is the source's own raw HTML other than whole
/// comments (HTML blocks of comments and whitespace only, inline comments: Ghost's card
/// markers). Without such raw HTML every `<` in `bytes` begins a tag the renderer wrote
/// (text has `&lt;`) or a comment (`<!--`), and attribute values are in double quotes with
/// `"` written as `&quot;`.
public struct RenderedHTML: Sendable, Equatable {
    public let bytes: [UInt8]
    /// Where the source's raw HTML other than whole comments is in `bytes`, in order (an
    /// HTML block's lines as one range, each inline tag as one).
    public let rawRanges: [Range<Int>]
    /// Where the HTML of each leaf block starts in `bytes` (what comes before the next
    /// one's start, closing tags of containers included, is the block's), and the block's
    /// index in the scan, in order.
    public let leafStarts: [Int]
    public let leafBlocks: [Int]
    public var containsRawHTML: Bool { !rawRanges.isEmpty }

    public init(bytes: [UInt8], rawRanges: [Range<Int>], leafStarts: [Int] = [], leafBlocks: [Int] = []) {
        self.bytes = bytes
        self.rawRanges = rawRanges
        self.leafStarts = leafStarts
        self.leafBlocks = leafBlocks
    }

    /// The index of the leaf block whose HTML holds byte `i`, -1 before the first; `hint`
    /// (a position into `leafStarts`, only moving forward) makes a walk from start to end
    /// linear.
    public func leafBlock(at i: Int, hint: inout Int) -> Int {
        guard !leafStarts.isEmpty, i >= leafStarts[0] else { return -1 }
        if hint >= leafStarts.count || leafStarts[hint] > i { hint = 0 }
        while hint + 1 < leafStarts.count && leafStarts[hint + 1] <= i { hint += 1 }
        return leafBlocks[hint]
    }
}

public enum HTMLComment {
    /// Where the comment that starts at `i` (`<!--`) ends, as the HTML5 tokenizer reads it
    /// (`<!-->` and `<!--->` are empty comments; otherwise the first `-->` or `--!>`), or
    /// nil when it does not end before `end`.
    public static func end(_ b: [UInt8], at i: Int, end: Int) -> Int? {
        var k = i + 4
        if k < end && b[k] == 0x3E { return k + 1 }
        if k + 1 < end && b[k] == 0x2D && b[k + 1] == 0x3E { return k + 2 }
        while k + 2 < end {
            if b[k] == 0x2D && b[k + 1] == 0x2D {
                if b[k + 2] == 0x3E { return k + 3 }
                if k + 3 < end && b[k + 2] == 0x21 && b[k + 3] == 0x3E { return k + 4 }
            }
            k += 1
        }
        return nil
    }

    /// Whether `b[i] ... b[i + 3]` is `<!--`.
    @inline(__always) public static func starts(_ b: [UInt8], at i: Int, end: Int) -> Bool {
        i + 3 < end && b[i] == 0x3C && b[i + 1] == 0x21 && b[i + 2] == 0x2D && b[i + 3] == 0x2D
    }

    /// Whether `b[range]` is only whole comments and ASCII whitespace.
    public static func onlyComments(_ b: [UInt8], _ range: Range<Int>) -> Bool {
        var i = range.lowerBound
        let n = range.upperBound
        while i < n {
            let c = b[i]
            if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C {
                i += 1
            } else if starts(b, at: i, end: n), let e = end(b, at: i, end: n) {
                i = e
            } else {
                return false
            }
        }
        return true
    }
}

/// Which definitions win when the document and the definitions given define one label.
public enum DefinitionPrecedence: Sendable {
    /// The document's own (the given ones apply as if defined after it).
    case document
    /// The given ones (they are the whole document's, the source a window of it).
    case given
}
