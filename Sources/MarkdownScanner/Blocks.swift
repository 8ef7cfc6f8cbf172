/// What a line is, as far as the block structure goes.
public enum LineKind: UInt8, Sendable {
    case blank
    case frontMatter
    case paragraph
    case atxHeading
    case setextUnderline
    case thematicBreak
    case fenceOpen
    case fenceClose
    case fencedCode
    case indentedCode
    case html
    case linkDefinition
    /// A GFM table's header or body row (its cells are prose).
    case tableRow
    /// A GFM table's delimiter row (`| --- | :-: |`).
    case tableDelimiter

    /// Lines whose text rules must leave exactly as it is.
    public var isCode: Bool { self == .fenceOpen || self == .fenceClose || self == .fencedCode || self == .indentedCode }
}

public enum BlockKind: UInt8, Sendable {
    case paragraph, atxHeading, setextHeading, thematicBreak, fencedCode, indentedCode, html, linkDefinition, table

    /// Blocks whose inline content is prose (scanned for code spans, HTML, links).
    public var hasInlines: Bool {
        self == .paragraph || self == .atxHeading || self == .setextHeading || self == .table
    }
    public var isCode: Bool { self == .fencedCode || self == .indentedCode }
}

/// One line of the body, as the block pass saw it.
public struct LineInfo: Sendable, Equatable {
    public var kind: LineKind
    /// Offset after the container prefix (block quote markers, list item indentation).
    public var contentStart: Int
    /// Index into `BlockScan.blocks`, or -1 for blank and front matter lines.
    public var block: Int32
    /// Whether this line opens a list item (its prefix holds a list marker).
    public var opensListItem: Bool
    /// How many containers (block quotes, list items) hold this line.
    public var containerDepth: UInt32
    /// How many of them are list items.
    public var listDepth: UInt32 = 0
    /// How many block quotes open on this line.
    public var opensQuotes: UInt32 = 0
    /// A lazy continuation line: paragraph text that did not match all the containers
    /// of its paragraph (a line without `>` continuing a quoted paragraph).
    public var isLazy = false
    /// The column (tabs to multiples of 4) at `contentStart`.
    public var contentColumn: UInt32 = 0
    /// Whether `contentStart` is a tab that the container prefix consumed in part: its
    /// columns from `contentColumn` to the next tab stop are what is left of it (CommonMark §2.2).
    public var contentInTab = false
}

/// A leaf block: its kind and the lines it spans (inclusive).
public struct Block: Sendable, Equatable {
    public var kind: BlockKind
    public var firstLine: Int
    public var lastLine: Int
    /// 1...7 for HTML blocks, 0 otherwise.
    public var htmlType: UInt8
    /// The innermost container holding the block (index into `BlockScan.containers`), -1
    /// for the document.
    public var container: Int32 = -1
}

/// The block structure of a document: one `LineInfo` per line, and the leaf blocks.
public struct BlockScan: Sendable {
    public var lines: [LineInfo]
    public var blocks: [Block]
    /// The normalized labels of the document's link reference definitions.
    public var definitions: Set<String> = []
    /// Each definition with its destination, in document order (the first of two with
    /// the same label is the one links use).
    public var definitionList: [LinkDefinition] = []
    /// Block quotes and list items, in the order they open.
    public var containers: [ContainerBlock] = []
    /// The lists the list items form.
    public var lists: [ListBlock] = []

    public func block(ofLine i: Int) -> Block? {
        let b = lines[i].block
        return b >= 0 ? blocks[Int(b)] : nil
    }
}

/// A link reference definition: its normalized label and where its destination is.
public struct LinkDefinition: Sendable, Equatable {
    public var label: String
    /// The destination's bytes in the file, without angle brackets.
    public var destination: Range<Int>
    /// The title's bytes in the file with its delimiters (`"…"`, `'…'` or `(…)`); it may span
    /// lines, and then holds their container prefixes.
    public var title: Range<Int>? = nil
    /// Index into `BlockScan.blocks`.
    public var block: Int
}
