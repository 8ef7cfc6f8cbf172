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
        return RenderedHTML(bytes: renderer.out.bytes, containsRawHTML: renderer.out.wroteRawHTML)
    }
}

/// Rendered HTML, and whether any of it is the source's own raw HTML. Without raw HTML
/// every `<` in `bytes` begins a tag the renderer wrote (text has `&lt;`), and attribute
/// values are in double quotes with `"` written as `&quot;`.
public struct RenderedHTML: Sendable, Equatable {
    public let bytes: [UInt8]
    public let containsRawHTML: Bool
}

/// Which definitions win when the document and the definitions given define one label.
public enum DefinitionPrecedence: Sendable {
    /// The document's own (the given ones apply as if defined after it).
    case document
    /// The given ones (they are the whole document's, the source a window of it).
    case given
}
