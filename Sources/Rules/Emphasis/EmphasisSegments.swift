import MarkdownScanner
import RuleEngine

/// What CommonMark printed as text of the `*` / `_` in one paragraph, heading or table
/// row: each group of literal characters of a run, and each backslash escape (`\_`,
/// with consecutive ones of the same character as one group), with the neighbourhood
/// the emphasis heuristics look at. Consumed delimiters never become segments, so no
/// finding built on segments can flag a character CommonMark consumed.
struct EmphasisSegment {
    enum Shape { case opener, closer, intra, isolated }

    /// The flagged bytes (for an escape, from the backslash to the last escaped character).
    var range: Range<Int>
    var char: UInt8
    /// Characters (escaped ones counted once).
    var length: Int
    var isEscape: Bool
    /// From the characters around it, as if unescaped: left-flanking only (opener),
    /// right-flanking only (closer), both (intra) or neither (isolated).
    var shape: Shape
    var line: Int
    var atLineStart: Bool
    var atLineEnd: Bool
    /// The length of the whole run the segment belongs to (1 for an escape): a fix must
    /// not glue it to a neighbouring run of the same character.
    var runLength = 1
    /// Part of the text around it, not a delimiter anyone meant as emphasis (see
    /// `EmphasisText`): never flagged, never the partner of another segment.
    var isText = false

    var charString: String { char == 0x2A ? "*" : "_" }
    var text: String { String(repeating: charString, count: length) }
}

/// The segments of a document, grouped by unit of inline text, with lookups into the
/// scanner's verdicts.
struct EmphasisContext {
    let document: Document
    let runs: [DelimiterRun]
    let b: [UInt8]

    init(_ document: Document) {
        self.document = document
        self.runs = document.inlines.runs
        self.b = document.bytes
    }

    /// Segments per unit (a block; a table row), in order; image alt text is left out.
    func groups() -> [[EmphasisSegment]] {
        let index = document.inlines
        let images = ImageTexts(index)
        func inImage(_ offset: Int) -> Bool { images.contains(offset) }
        var keyed: [(key: Int, segment: EmphasisSegment)] = []
        let source = document.source
        for run in runs where !run.literalRange.isEmpty && !inImage(run.start) {
            let line = source.line(containing: run.start)
            var s = segment(run.literalRange, char: run.char, length: run.literalRange.count, escape: false, line: line)
            s.runLength = run.length
            s.isText = s.isText || EmptyStrong.isEmptyStrong(s)
            keyed.append((unitKey(run.block, line), s))
        }
        var k = 0
        let escapes = index.escapes
        while k < escapes.count {
            let start = escapes[k], char = b[start + 1]
            var end = start + 2, count = 1
            while k + 1 < escapes.count && escapes[k + 1] == end && b[end + 1] == char {
                k += 1
                end += 2
                count += 1
            }
            k += 1
            guard !inImage(start) else { continue }
            let line = source.line(containing: start)
            let block = document.line(line).block
            guard block >= 0 else { continue }
            keyed.append((unitKey(block, line), segment(start..<end, char: char, length: count, escape: true, line: line)))
        }
        keyed.sort { ($0.key, $0.segment.range.lowerBound) < ($1.key, $1.segment.range.lowerBound) }
        var result: [[EmphasisSegment]] = []
        var last = Int.min
        for (key, segment) in keyed {
            if key != last { result.append([]) }
            result[result.count - 1].append(segment)
            last = key
        }
        return result
    }

    /// Blocks are units; a table's rows are units of their own (cells, really: the
    /// heuristics below do not pair across a `|`).
    private func unitKey(_ block: Int32, _ line: Int) -> Int {
        let kind = document.blocks.blocks[Int(block)].kind
        return kind == .table ? (Int(block) << 32) | line : Int(block) << 32
    }

    /// Where the line's inline text starts and ends (after container prefixes and
    /// indentation, and a heading's `#` marks).
    func lineContent(_ line: Int) -> Range<Int> {
        var start = document.line(line).contentStart
        let end = document.source.contentEnd(line)
        while start < end && ByteClass.isSpaceOrTab(b[start]) { start += 1 }
        if document.line(line).kind == .atxHeading { start = ATXSyntax.contentStart(b, from: start, end: end) }
        var e = end
        while e > start && ByteClass.isSpaceOrTab(b[e - 1]) { e -= 1 }
        return start..<e
    }

    func segment(_ range: Range<Int>, char: UInt8, length: Int, escape: Bool, line: Int) -> EmphasisSegment {
        let content = lineContent(line)
        let atStart = range.lowerBound <= content.lowerBound
        let atEnd = range.upperBound >= content.upperBound
        let p: CharacterClass = atStart ? .whitespace : .before(b, range.lowerBound)
        let n: CharacterClass = atEnd ? .whitespace : .at(b, range.upperBound)
        let (left, right) = CharacterClass.flanking(before: p, after: n)
        let shape: EmphasisSegment.Shape = left && right ? .intra : left ? .opener : right ? .closer : .isolated
        var s = EmphasisSegment(range: range, char: char, length: length, isEscape: escape, shape: shape,
                                line: line, atLineStart: atStart, atLineEnd: atEnd)
        if shape != .intra { s.isText = EmphasisText.isText(s, in: b, content: content) }
        return s
    }

    /// Whether the character at `offset` is a delimiter CommonMark consumed as emphasis.
    func isConsumed(_ offset: Int) -> Bool {
        let lo = runs.partitionPoint { $0.start + $0.length > offset }
        guard lo < runs.count, runs[lo].range.contains(offset) else { return false }
        return !runs[lo].literalRange.contains(offset)
    }

    /// A consumed delimiter right after the segment, or after one space.
    func consumedAfter(_ s: EmphasisSegment) -> Bool {
        var p = s.range.upperBound
        if p < b.count && b[p] == 0x20 { p += 1 }
        return p < b.count && isConsumed(p)
    }

    /// A consumed delimiter right before the segment, or before one space.
    func consumedBefore(_ s: EmphasisSegment) -> Bool {
        var p = s.range.lowerBound
        if p > 0 && b[p - 1] == 0x20 { p -= 1 }
        return p > 0 && isConsumed(p - 1)
    }

    /// The whitespace right after (`after`) or right before the segment, within its line.
    func space(_ s: EmphasisSegment, after: Bool) -> Range<Int> {
        if after {
            var e = s.range.upperBound
            while e < b.count && ByteClass.isSpaceOrTab(b[e]) { e += 1 }
            return s.range.upperBound..<e
        }
        var a = s.range.lowerBound
        while a > 0 && ByteClass.isSpaceOrTab(b[a - 1]) { a -= 1 }
        return a..<s.range.lowerBound
    }

    /// The word next to the segment (up to whitespace), on the side `after` or before.
    func token(_ s: EmphasisSegment, after: Bool) -> ArraySlice<UInt8> {
        let content = lineContent(s.line)
        if after {
            var a = s.range.upperBound
            while a < content.upperBound && ByteClass.isSpaceOrTab(b[a]) { a += 1 }
            var e = a
            while e < content.upperBound && !ByteClass.isSpaceOrTab(b[e]) { e += 1 }
            return b[a..<e]
        }
        var e = s.range.lowerBound
        while e > content.lowerBound && ByteClass.isSpaceOrTab(b[e - 1]) { e -= 1 }
        var a = e
        while a > content.lowerBound && !ByteClass.isSpaceOrTab(b[a - 1]) { a -= 1 }
        return b[a..<e]
    }

    /// The adjacent word, without the whitespace search: what the segment is glued to.
    func gluedToken(_ s: EmphasisSegment, after: Bool) -> ArraySlice<UInt8> {
        let content = lineContent(s.line)
        if after {
            var e = s.range.upperBound
            while e < content.upperBound && !ByteClass.isSpaceOrTab(b[e]) { e += 1 }
            return b[s.range.upperBound..<e]
        }
        var a = s.range.lowerBound
        while a > content.lowerBound && !ByteClass.isSpaceOrTab(b[a - 1]) { a -= 1 }
        return b[a..<s.range.lowerBound]
    }

    /// Whether the word glued to the segment on that side is only ASCII punctuation other
    /// than `*`, `_`, `\\` and `` ` `` (`_.`, `(_`).
    func onlyPunctuationGlued(_ s: EmphasisSegment, after: Bool) -> Bool {
        let token = gluedToken(s, after: after)
        return !token.isEmpty && token.allSatisfy {
            ByteClass.isASCIIPunctuation($0) && $0 != 0x2A && $0 != 0x5F && $0 != 0x5C && $0 != 0x60
        }
    }

    /// Whether `b[range]` holds a letter or a digit (any non-ASCII byte counts).
    func hasWord(_ range: Range<Int>) -> Bool {
        range.lowerBound < range.upperBound && b[range].contains { ByteClass.isAlnum($0) || $0 >= 0x80 }
    }
}
