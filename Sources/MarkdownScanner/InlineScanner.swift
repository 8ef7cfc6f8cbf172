/// A range inside prose that rules must treat as not-prose.
public struct InlineSpan: Sendable, Equatable {
    public enum Kind: UInt8, Sendable {
        case codeSpan, autolink, rawHTML
        /// From the `(` after a link's text up to its title (or its `)` without a title).
        case linkDestination
        /// A link's quoted title with what follows it up to `)`: rendered text, not a URL.
        case linkTitle
        /// The `[label]` or `[]` after the text of a full or collapsed reference link.
        case linkLabel
    }
    public var kind: Kind
    public var range: Range<Int>
}

/// A run of `*` or `_` in prose, and what CommonMark's emphasis algorithm made of it.
/// Characters are consumed from the inner ends: a closer's from its start, an opener's
/// from its end; those in between stay literal text.
public struct DelimiterRun: Sendable, Equatable {
    public struct Flags: OptionSet, Sendable, Equatable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        public static let leftFlanking = Flags(rawValue: 1)
        public static let rightFlanking = Flags(rawValue: 2)
        public static let canOpen = Flags(rawValue: 4)
        public static let canClose = Flags(rawValue: 8)
        /// Inside the text of a link or an image (alt text).
        public static let inLinkText = Flags(rawValue: 16)
        public static let inImageText = Flags(rawValue: 32)
    }
    /// File offset of the first character.
    public var start: Int
    public var length: Int
    /// `*` or `_`.
    public var char: UInt8
    public var flags: Flags
    /// Characters used as closing emphasis, at the start of the run.
    public var consumedFront: Int
    /// Characters used as opening emphasis, at the end of the run.
    public var consumedBack: Int
    /// The block (index into `BlockScan.blocks`) holding the run.
    public var block: Int32

    public var range: Range<Int> { start..<(start + length) }
    /// The characters CommonMark prints as text.
    public var literalRange: Range<Int> { (start + consumedFront)..<(start + length - consumedBack) }
    public var isFullyConsumed: Bool { consumedFront + consumedBack == length }
}

/// The inline facts of a whole document, each list sorted by position.
public struct InlineIndex: Sendable {
    /// Code spans, autolinks, raw HTML and link tails.
    public let spans: [InlineSpan]
    /// Every `*` / `_` run in prose with its verdict.
    public let runs: [DelimiterRun]
    /// File offsets of backslash-escaped `*` and `_` (the offset of the `\`).
    public let escapes: [Int]
    /// The text of every link and image (between the brackets), sorted by start; nested
    /// ones overlap.
    public let linkTexts: [LinkText]
    /// The emphasis the runs make: per unit in the order the algorithm paired them.
    public let emphasis: [EmphasisMatch]

    public struct LinkText: Sendable, Equatable {
        public var range: Range<Int>
        public var isImage: Bool
        /// An inline link's destination in the file, without angle brackets (may be empty).
        public var destination: Range<Int>?
        /// A reference link's normalized label (see `BlockScan.definitionList`).
        public var label: String?
        /// An inline link's title in the file with its delimiters (it may span lines).
        public var title: Range<Int>? = nil
    }

    public init(spans: [InlineSpan], runs: [DelimiterRun] = [], escapes: [Int] = [], linkTexts: [LinkText] = [],
                emphasis: [EmphasisMatch] = []) {
        self.spans = spans
        self.runs = runs
        self.escapes = escapes
        self.linkTexts = linkTexts
        self.emphasis = emphasis
    }

    /// The first span that ends after `offset` (for a forward cursor over a line).
    public func firstIndex(endingAfter offset: Int) -> Int {
        spans.partitionPoint { $0.range.upperBound > offset }
    }

    /// The span holding `offset`, if any.
    public func span(containing offset: Int) -> InlineSpan? {
        let i = firstIndex(endingAfter: offset)
        return i < spans.count && spans[i].range.contains(offset) ? spans[i] : nil
    }

    /// Whether any span overlaps `range`.
    public func overlaps(_ range: Range<Int>) -> Bool {
        let i = firstIndex(endingAfter: range.lowerBound)
        return i < spans.count && spans[i].range.lowerBound < range.upperBound
    }
}

/// The inline pass. Each block with inline content (paragraph, heading, table cell) is
/// joined into one buffer (lines separated by `\n`, container prefixes and indentation
/// left out), parsed once from left to right, and its offsets mapped back to the file.
public enum InlineScanner {
    public static func scan(_ text: SourceText, _ blocks: BlockScan) -> InlineIndex {
        var out = InlineOutput()
        var unit = InlineUnit()
        for (index, block) in blocks.blocks.enumerated() where block.kind.hasInlines {
            if block.kind == .table {
                for segments in units(text, blocks, block) {
                    unit.reset()
                    for segment in segments { unit.append(text.bytes, segment) }
                    unit.parse(definitions: blocks.definitions, block: Int32(index), into: &out)
                }
            } else {
                // One unit, its lines appended as `units` gives them, without the list.
                unit.reset()
                forEachLine(text, blocks, block) { unit.append(text.bytes, $0) }
                unit.parse(definitions: blocks.definitions, block: Int32(index), into: &out)
            }
        }
        out.linkTexts.sort { $0.range.lowerBound < $1.range.lowerBound }
        return InlineIndex(spans: out.spans, runs: out.runs, escapes: out.escapes, linkTexts: out.linkTexts,
                           emphasis: out.emphasis)
    }

    /// The units of inline content of a block, each as the file ranges of its lines (one
    /// unit for a paragraph or heading, one per cell of each table row). The inline pass
    /// joins a unit's ranges with `\n` and parses the result.
    public static func segments(_ text: SourceText, _ blocks: BlockScan, _ block: Block) -> [[Range<Int>]] {
        units(text, blocks, block)
    }

    /// The delimiter runs of the units of one block that `edits` fall in, once the edits
    /// (sorted, each inside one line of the block's inline content) are applied, at their
    /// offsets in the edited file and sorted. Rules use it to prove that a fix makes
    /// emphasis of what was literal.
    public static func runs(_ text: SourceText, _ blocks: BlockScan, block index: Int,
                            applying edits: [(range: Range<Int>, replacement: [UInt8])]) -> [DelimiterRun] {
        var out = InlineOutput()
        var unit = InlineUnit()
        let b = text.bytes
        // Offsets before an edit's start keep their place; later ones shift by the edits before them.
        func shift(_ offset: Int) -> Int {
            edits.reduce(offset) { $1.range.upperBound <= offset ? $0 + $1.replacement.count - $1.range.count : $0 }
        }
        // Only the units the edits fall in (one cell of a long table, not the table).
        let lines = Set(edits.map { text.line(containing: $0.range.lowerBound) })
        for segments in units(text, blocks, blocks.blocks[index], tableRows: lines)
        where segments.contains(where: { s in edits.contains { s.lowerBound <= $0.range.lowerBound && $0.range.upperBound <= s.upperBound } }) {
            unit.reset()
            for segment in segments {
                var bytes: [UInt8] = []
                var pieces: [(virtual: Int, file: Int)] = [(0, shift(segment.lowerBound))]
                var cursor = segment.lowerBound
                for edit in edits where segment.lowerBound <= edit.range.lowerBound && edit.range.upperBound <= segment.upperBound {
                    bytes += b[cursor..<edit.range.lowerBound]
                    bytes += edit.replacement
                    cursor = edit.range.upperBound
                    pieces.append((bytes.count, shift(cursor)))
                }
                bytes += b[cursor..<segment.upperBound]
                unit.append(bytes, pieces: pieces)
            }
            unit.parse(definitions: blocks.definitions, block: Int32(index), into: &out)
        }
        return out.runs
    }

    /// The units of inline content of a block (one per paragraph or heading, one per table
    /// cell), each as the file ranges of its lines; of a table, only the rows in
    /// `tableRows` when given.
    static func units(_ text: SourceText, _ blocks: BlockScan, _ block: Block, tableRows: Set<Int>? = nil) -> [[Range<Int>]] {
        let b = text.bytes
        if block.kind == .table {
            var result: [[Range<Int>]] = []
            let rows = tableRows.map { Array($0).filter { block.firstLine <= $0 && $0 <= block.lastLine }.sorted() }
                ?? Array(block.firstLine...block.lastLine)
            for line in rows where blocks.lines[line].kind == .tableRow {
                for cell in TableSyntax.cells(b, from: blocks.lines[line].contentStart, end: text.contentEnd(line)) {
                    result.append([cell])
                }
            }
            return result
        }
        var segments: [Range<Int>] = []
        forEachLine(text, blocks, block) { segments.append($0) }
        return [segments]
    }

    /// The file range of each line of inline content of a block that is not a table (the
    /// one unit `segments` gives for it).
    @inline(__always)
    public static func forEachLine(_ text: SourceText, _ blocks: BlockScan, _ block: Block, _ body: (Range<Int>) -> Void) {
        let b = text.bytes
        for line in block.firstLine...block.lastLine {
            let info = blocks.lines[line]
            if info.kind == .setextUnderline { continue }
            let end = text.contentEnd(line)
            var start = LinkSyntax.skipSpaces(b, from: info.contentStart, end: end)
            var stop = end
            if block.kind == .atxHeading { (start, stop) = ATXSyntax.content(b, from: start, end: end) }
            body(start..<stop)
        }
    }
}

/// What the inline pass found, in file offsets.
struct InlineOutput {
    var spans: [InlineSpan] = []
    var runs: [DelimiterRun] = []
    var escapes: [Int] = []
    var linkTexts: [InlineIndex.LinkText] = []
    var emphasis: [EmphasisMatch] = []
}

/// One unit of inline content: its joined bytes and where each piece came from.
struct InlineUnit {
    var buffer: [UInt8] = []
    var pieces: [(virtual: Int, file: Int)] = []
    /// The parser's lists, reused from unit to unit.
    var storage = InlineParser.Storage()

    mutating func reset() {
        buffer.removeAll(keepingCapacity: true)
        pieces.removeAll(keepingCapacity: true)
    }

    mutating func append(_ b: [UInt8], _ range: Range<Int>) {
        if !pieces.isEmpty { buffer.append(0x0A) }
        pieces.append((buffer.count, range.lowerBound))
        buffer.append(contentsOf: b[range])
    }

    /// Appends one line made of pieces that are not contiguous in the file (an edited line).
    mutating func append(_ bytes: [UInt8], pieces linePieces: [(virtual: Int, file: Int)]) {
        if !pieces.isEmpty { buffer.append(0x0A) }
        for p in linePieces { pieces.append((buffer.count + p.virtual, p.file)) }
        buffer.append(contentsOf: bytes)
    }

    func map(_ v: Int) -> Int {
        let lo = max(0, pieces.partitionPoint { $0.virtual > v } - 1)
        return pieces[lo].file + (v - pieces[lo].virtual)
    }

    func map(_ r: Range<Int>) -> Range<Int> { map(r.lowerBound)..<map(r.upperBound) }

    mutating func parse(definitions: Set<String>, block: Int32, into out: inout InlineOutput) {
        guard !buffer.isEmpty else { return }
        var parser = InlineParser(v: buffer, definitions: definitions, storage: &storage)
        defer { parser.give(back: &storage) }
        parser.run()
        for s in parser.spans { out.spans.append(InlineSpan(kind: s.kind, range: map(s.range))) }
        for r in parser.runs {
            out.runs.append(DelimiterRun(start: map(r.start), length: r.length, char: r.char, flags: r.flags,
                                         consumedFront: r.consumedFront, consumedBack: r.consumedBack, block: block))
        }
        for e in parser.escapes { out.escapes.append(map(e)) }
        for var t in parser.linkTexts {
            t.range = map(t.range)
            t.destination = t.destination.map { map($0) }
            t.title = t.title.map { map($0) }
            out.linkTexts.append(t)
        }
        for m in parser.matches {
            out.emphasis.append(EmphasisMatch(opener: map(m.opener), closer: map(m.closer), count: m.count, block: block))
        }
    }
}

/// ATX heading content: after the opening `#`s, without the optional closing sequence.
public enum ATXSyntax {
    /// Where the text of a heading line starts: after its `#`s and the spaces after them
    /// (`start` is the first `#`).
    public static func contentStart(_ b: [UInt8], from start: Int, end: Int) -> Int {
        var s = start
        while s < end && b[s] == 0x23 { s += 1 }
        return LinkSyntax.skipSpaces(b, from: s, end: end)
    }

    static func content(_ b: [UInt8], from start: Int, end: Int) -> (Int, Int) {
        let s = contentStart(b, from: start, end: end)
        var e = end
        while e > s && ByteClass.isSpaceOrTab(b[e - 1]) { e -= 1 }
        var h = e
        while h > s && b[h - 1] == 0x23 { h -= 1 }
        if h < e && (h == s || ByteClass.isSpaceOrTab(b[h - 1])) {
            e = h
            while e > s && ByteClass.isSpaceOrTab(b[e - 1]) { e -= 1 }
        }
        return (s, e)
    }
}
