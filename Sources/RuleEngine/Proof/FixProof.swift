import FrontMatter
import MarkdownScanner
import Rendering

/// The engine's proof of fixes: the blocks an edit touches, with a neighbour on each
/// side, are rendered alone before and after the edit (with the whole document's link
/// definitions) and compared as a reader sees them (`RenderedView`, `ReaderView`). The
/// whole document is rendered only where a window cannot decide: an edit that changes
/// a link reference definition, which links elsewhere may use.
///
/// One per document and pass; renderings of the document's windows are cached.
final class FixProof {
    let document: Document
    let source: SourceText
    let definitions: LinkDefinitions
    /// Lines at which the document can be cut (blank lines outside every block).
    let boundaries: [Int]
    let firstBodyLine: Int
    private var beforeHTML: [Range<Int>: RenderedHTML] = [:]
    private var beforeScans: [Range<Int>: (SourceText, BlockScan)] = [:]
    private var beforeTokens: [Range<Int>: (tokens: [HTMLToken], endsInData: Bool)] = [:]
    private var wholeBefore: [HTMLToken]?
    private var wholeHTML: RenderedHTML?
    private var wholeClosed: Bool?
    private var seams: [Range<Int>: Seam] = [:]
    /// How many times a proof rendered the whole document after edits (what the
    /// settlement keeps from growing with the fixes: `FixSettlement.provenTogether`).
    private(set) var wholeRenderings = 0

    init(_ document: Document) {
        self.document = document
        source = document.source
        definitions = LinkDefinitions.collect(document.source, document.blocks)
        boundaries = HTMLRenderer.windowBoundaries(document.blocks)
        firstBodyLine = document.blocks.lines.firstIndex { $0.kind != .frontMatter } ?? document.blocks.lines.count
    }

    /// The verdict on applying `fixes` together: the edits of those that convert a card
    /// are read as card HTML before (see `convertsCard`).
    func prove(_ fixes: [Fix]) -> ProofVerdict {
        let promise = Self.promise(of: fixes)
        let cards = fixes.filter { $0.promise.contains(.convertsCard) }.flatMap { $0.edits.map(\.range) }
        let key = ProofKey(edits: fixes.flatMap(\.edits), promise: promise, cards: cards)
        if let known = verdicts[key] { return known }
        let made = prove(key.edits, promise: promise, cards: cards)
        verdicts[key] = made
        return made
    }

    /// Whether `prove(fixes)` can be `.same`: not where one of them converts a card in the
    /// body (a card is read as Ghost served it, and its verdict is `cardVerdict`'s, at best
    /// `.readerSame`). Lets check mode, which takes a cluster only when it is `.same`, skip
    /// the proof of a cluster that cannot be.
    func maybeSame(_ fixes: [Fix]) -> Bool {
        !fixes.contains { fix in
            fix.promise.contains(.convertsCard) && fix.edits.contains { $0.range.upperBound > document.bodyStart }
        }
    }

    /// What the fixes promise together.
    static func promise(of fixes: [Fix]) -> FixPromise { fixes.reduce(into: FixPromise()) { $0.formUnion($1.promise) } }

    /// Where the body starts (the end of closed front matter, the end of the file for
    /// front matter never closed), nil without front matter.
    static func frontMatterEnd(_ bytes: [UInt8]) -> Int? {
        FrontMatter.split(bytes).map { $0.isClosed ? $0.bodyStart : bytes.count }
    }

    /// What a verdict depends on: the same edits with the same promise, proven twice in a
    /// pass (`fix` decides what to apply, then says what is left), get one proof.
    private struct ProofKey: Hashable {
        let edits: [Edit]
        let promise: FixPromise
        let cards: [Range<Int>]
    }
    private var verdicts: [ProofKey: ProofVerdict] = [:]

    /// The verdict on applying `edits` together, with what their fixes promise; `cards`
    /// are the byte ranges (of edits) that hold Ghost card HTML.
    func prove(_ edits: [Edit], promise: FixPromise, cards: [Range<Int>] = []) -> ProofVerdict {
        let body = edits.filter { $0.range.upperBound > document.bodyStart || ($0.range.isEmpty && $0.range.lowerBound >= document.bodyStart) }
            .sorted { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
        // Edits that overlap are never applied together (`FixApplier`): no proof of them.
        if !Edit.inOrderApart(body) {
            return .broken("would apply edits that overlap")
        }
        // Front matter is not rendered: its edits are the rule's to prove (values compared
        // after a parse) and the linter's (front matter that parsed must still parse).
        guard let first = body.map(\.range.lowerBound).min(), let last = body.map(\.range.upperBound).max() else { return .same }
        let lines = window(first, last)
        let range = bytes(of: lines)
        let slice = Array(source.bytes[range])
        let shifted = body.map { Edit(range: ($0.range.lowerBound - range.lowerBound)..<($0.range.upperBound - range.lowerBound),
                                      replacement: $0.replacement) }
        let edited = FixApplier.apply([Fix(title: "", edits: shifted, applicability: .safe)], to: slice).bytes
        // At the top of the body, the edits must not make front matter of the first lines
        // (nor end the front matter there was): the body would start elsewhere.
        if lines.lowerBound == firstBodyLine {
            var whole = source.bytes
            whole.replaceSubrange(range, with: edited)
            let was = Self.frontMatterEnd(source.bytes), now = Self.frontMatterEnd(whole)
            if was != now {
                return .broken(was == nil ? "would turn the first lines into front matter" : "would change where the front matter ends")
            }
        }
        let (beforeText, beforeScan) = scanned(lines)
        let afterText = SourceText(edited), afterScan = BlockScanner.scan(afterText)
        let before: [HTMLToken], after: [HTMLToken]
        if !cards.isEmpty {
            // The card as Ghost served it, between the other lines as CommonMark reads them
            // alone; the result as CommonMark reads it, whole.
            var reading: [HTMLToken] = []
            var at = 0
            for card in cards.map({ ($0.lowerBound - range.lowerBound)..<($0.upperBound - range.lowerBound) }).sorted(by: { $0.lowerBound < $1.lowerBound }) {
                guard card.lowerBound >= at, card.upperBound <= slice.count else { return .broken("would convert overlapping cards") }
                if card.lowerBound > at {
                    let piece = SourceText(Array(slice[at..<card.lowerBound]))
                    reading += tokens(piece, BlockScanner.scan(piece))
                }
                reading += CardReading.read(slice[card])
                at = card.upperBound
            }
            if at < slice.count {
                let piece = SourceText(Array(slice[at...]))
                reading += tokens(piece, BlockScanner.scan(piece))
            }
            return cardVerdict(reading, tokens(afterText, afterScan), promise: promise)
        }
        if lines.lowerBound > openFrom || definesDifferently(beforeText, beforeScan, afterText, afterScan) {
            // Links anywhere may change, or raw HTML before the window leaves an element
            // open that reads into it (a card's `<pre><code>` cut at a blank line): compare
            // the whole documents.
            var whole = source.bytes
            whole.replaceSubrange(range, with: edited)
            wholeRenderings += 1
            before = wholeDocumentBefore()
            after = HTMLTokenizer.tokenize(HTMLRenderer.render(SourceText(whole), bodyStart: document.bodyStart))
        } else {
            if sameByCore(first, last, window: lines, bytes: range, edited: edited, afterText, afterScan,
                          promise: promise, removals: body.count) {
                return .same
            }
            let beforeHTML = cachedBefore(lines)
            let afterHTML = html(afterText, afterScan)
            if let decided = Self.decidedByBytes(beforeHTML, afterHTML, promise: promise) { return decided }
            before = HTMLTokenizer.tokenize(beforeHTML.bytes)
            after = HTMLTokenizer.tokenize(afterHTML.bytes)
        }
        return verdict(before, after, promise: promise, removals: body.count) {
            LineChange.describe(beforeText, beforeScan, afterText, afterScan, edits: shifted, firstLine: lines.lowerBound)
        }
    }

    /// Whether the edited blocks alone (the core window) read the same before and after,
    /// where that settles the whole window: after the edits the window still cuts at the
    /// core's edges (so its HTML is the neighbours', unchanged, around the edited blocks'
    /// rendered alone: RenderWindowTests), the HTML before each seam is closed and each
    /// seam is hard (`Seam`), before and after the edits. Then the views of the window are
    /// the views of the edited blocks between the same neighbours. Only `.same` is taken
    /// from the core; anything else is decided on the whole window, with its reasons.
    private func sameByCore(_ first: Int, _ last: Int, window lines: Range<Int>, bytes range: Range<Int>, edited: [UInt8],
                            _ afterText: SourceText, _ afterScan: BlockScan, promise: FixPromise, removals: Int) -> Bool {
        if promise.contains(.closesCodeBlock) { return false }
        let core = coreWindow(first, last)
        guard core != lines, core.lowerBound >= lines.lowerBound, core.upperBound <= lines.upperBound else { return false }
        let coreBytes = bytes(of: core)
        let prefix = coreBytes.lowerBound - range.lowerBound, suffix = range.upperBound - coreBytes.upperBound
        let afterCoreEnd = edited.count - suffix
        guard afterCoreEnd >= prefix else { return false }
        let cuts = HTMLRenderer.windowBoundaries(afterScan)
        func cutsAt(_ line: Int) -> Bool {
            let k = cuts.partitionPoint { $0 >= line }
            return k < cuts.count && cuts[k] == line
        }
        if prefix > 0 && !cutsAt(core.lowerBound - lines.lowerBound - 1) { return false }
        if suffix > 0 {
            let seam = afterText.line(containing: afterCoreEnd)
            guard afterText.lineStart(seam) == afterCoreEnd, cutsAt(seam) else { return false }
        }
        let before = seam(lines.lowerBound..<core.lowerBound), next = seam(core.upperBound..<lines.upperBound)
        guard before.closed else { return false }
        let afterCore = SourceText(Array(edited[prefix..<afterCoreEnd]))
        let beforeHTML = cachedBefore(core)
        let afterHTML = html(afterCore, BlockScanner.scan(afterCore))
        let plain = !beforeHTML.containsRawHTML && !afterHTML.containsRawHTML
        if plain && before.endsHard && next.startsHard, let decided = Self.decidedByBytes(beforeHTML, afterHTML, promise: promise) {
            return decided == .same
        }
        let a = beforeTokenization(core, beforeHTML), b = HTMLTokenizer.tokenization(afterHTML.bytes)
        let edgesBefore = Seam(a.tokens, endsInData: a.endsInData), edgesAfter = Seam(b.tokens, endsInData: b.endsInData)
        guard edgesBefore.closed, edgesAfter.closed else { return false }
        guard Seam.hard(after: before, edited: [edgesBefore, edgesAfter]), Seam.hard(before: next, edited: [edgesBefore, edgesAfter]) else {
            return false
        }
        if let decided = Self.decidedByBytes(beforeHTML, afterHTML, promise: promise) { return decided == .same }
        return verdict(a.tokens, b.tokens, promise: promise, removals: removals) { nil } == .same
    }

    /// The last line of the first piece of the body (between window boundaries) whose
    /// HTML is not closed (`Seam`): raw HTML that leaves an element open, or the tokenizer
    /// inside a tag, so that what follows reads differently than alone. Windows after it
    /// are not proven alone. `Int.max` when every piece is closed (pieces without `<` are).
    private(set) lazy var openFrom: Int = {
        // Known without looking, where the whole document's rendering was taken apart
        // (`sameWhole`) and each of its pieces of raw HTML is closed: the renderer's own
        // HTML closes what it opens and ends in the data state, so every piece of the
        // body, its HTML and closed raw HTML one after the other, is closed.
        if wholeClosed == true { return Int.max }
        var start = firstBodyLine
        var k = boundaries.partitionPoint { $0 >= start }
        while start < source.lineCount {
            let end = k < boundaries.count ? boundaries[k] : source.lineCount
            if end > start && !seam(start..<end).closed { return end - 1 }
            start = end + 1
            k += 1
        }
        return Int.max
    }()

    /// How the lines' HTML meets what is beside it (see `Seam`).
    private func seam(_ lines: Range<Int>) -> Seam {
        guard !lines.isEmpty else { return .empty }
        if let known = seams[lines] { return known }
        let made: Seam
        if !source.bytes[bytes(of: lines)].contains(0x3C) {
            made = .plain
        } else {
            let t = beforeTokenization(lines, cachedBefore(lines))
            made = Seam(t.tokens, endsInData: t.endsInData)
        }
        seams[lines] = made
        return made
    }

    /// Lines `[from, to)` from the last boundary before the edited lines to the first
    /// after them (a boundary an edit takes away does not count): the blocks the edits touch.
    func coreWindow(_ first: Int, _ last: Int) -> Range<Int> { window(first, last, neighbours: 0) }

    /// The core window with the block before it and the block after it: what a proof renders.
    func window(_ first: Int, _ last: Int) -> Range<Int> { window(first, last, neighbours: 1) }

    /// The core window and the window of the bytes `first..<last`, their lines found once.
    func windows(_ first: Int, _ last: Int) -> (core: Range<Int>, window: Range<Int>) {
        let firstLine = source.line(containing: first)
        let lastLine = source.line(containing: max(first, last - 1))
        return (window(lines: firstLine, lastLine, neighbours: 0), window(lines: firstLine, lastLine, neighbours: 1))
    }

    /// From the boundary `neighbours` blocks before the edited lines to the one
    /// `neighbours` blocks after them; a run of blank boundary lines counts as one.
    private func window(_ first: Int, _ last: Int, neighbours: Int) -> Range<Int> {
        window(lines: source.line(containing: first), source.line(containing: max(first, last - 1)), neighbours: neighbours)
    }

    private func window(lines firstLine: Int, _ lastLine: Int, neighbours: Int) -> Range<Int> {
        // Before: the nearest boundary before the first edited line, then, per neighbour,
        // the boundary before the block in front of the boundary run.
        var k = boundaries.partitionPoint { $0 >= firstLine } - 1
        for _ in 0..<neighbours where k >= 0 {
            while k > 0 && boundaries[k - 1] == boundaries[k] - 1 { k -= 1 }
            k -= 1
        }
        let from = k >= 0 ? boundaries[k] + 1 : firstBodyLine
        var j = boundaries.partitionPoint { $0 > lastLine }
        for _ in 0..<neighbours where j < boundaries.count {
            while j + 1 < boundaries.count && boundaries[j + 1] == boundaries[j] + 1 { j += 1 }
            j += 1
        }
        let to = j < boundaries.count ? boundaries[j] : source.lineCount
        return max(firstBodyLine, min(from, firstLine))..<max(to, lastLine + 1)
    }

    private func html(_ text: SourceText, _ scan: BlockScan) -> RenderedHTML {
        var blocks = scan
        if !definitions.isEmpty { blocks.definitions.formUnion(definitions.labels) }
        let inlines = InlineScanner.scan(text, blocks)
        return HTMLRenderer.rendered(text, blocks: blocks, inlines: inlines, definitions: definitions, precedence: .given)
    }

    private func tokens(_ text: SourceText, _ scan: BlockScan) -> [HTMLToken] {
        HTMLTokenizer.tokenize(html(text, scan).bytes)
    }

    /// Where the document's lines are, as bytes (to the end of the last one's line break).
    private func bytes(of lines: Range<Int>) -> Range<Int> {
        source.lineStart(lines.lowerBound)..<source.lineEnd(lines.upperBound - 1)
    }

    /// The document's lines as a text of their own, and its block scan (kept: the windows
    /// of fixes in one block are the same lines).
    private func scanned(_ lines: Range<Int>) -> (SourceText, BlockScan) {
        if let known = beforeScans[lines] { return known }
        let text = SourceText(Array(source.bytes[bytes(of: lines)]))
        let made = (text, BlockScanner.scan(text))
        beforeScans[lines] = made
        return made
    }

    /// The HTML of the document's lines rendered alone (kept by the lines).
    private func cachedBefore(_ lines: Range<Int>) -> RenderedHTML {
        if let cached = beforeHTML[lines] { return cached }
        let (text, blocks) = scanned(lines)
        let made = html(text, blocks)
        beforeHTML[lines] = made
        return made
    }

    /// The tokens of `html`, the rendering of the document's lines alone (kept by the lines).
    private func beforeTokenization(_ lines: Range<Int>, _ html: RenderedHTML) -> (tokens: [HTMLToken], endsInData: Bool) {
        if let known = beforeTokens[lines] { return known }
        let made = HTMLTokenizer.tokenization(html.bytes)
        beforeTokens[lines] = made
        return made
    }

    /// The verdict where the rendered bytes settle it without taking the HTML apart, nil
    /// where the views must (the fast path of an exact proof: it accepts only what the
    /// views would accept). The same bytes read the same, unless the fix is meant to
    /// change how the page reads (markup rewritten, a code block closed). Where the
    /// promise lets U+00A0 become a space, comments or spacer paragraphs go, bytes that
    /// differ only so read the same too (`differOnlyAsPromised`). Raw HTML (other than
    /// whole comments) may stand in both renderings when it pairs up piece by piece, the
    /// same bytes or pieces that read alike, and each piece is closed (`Seam`: the
    /// tokenizer back in the data state, no heading, link, code or raw text element left
    /// open), so that every byte outside it is read as where the renderer wrote it.
    /// `beforeClosed`: whether `before`'s pieces are closed, when known.
    static func decidedByBytes(_ before: RenderedHTML, _ after: RenderedHTML, promise: FixPromise,
                               beforeClosed: Bool? = nil, byBlock: [Int: FixPromise]? = nil) -> ProofVerdict? {
        if promise.contains(.convertsMarkup) || promise.contains(.closesCodeBlock) { return nil }
        if before.bytes == after.bytes { return .same }
        let nbsp = promise.contains(.nbspBecomesSpace), comments = promise.contains(.removesComments)
        let spacers = promise.contains(.removesEmptyBlocks)
        let delimiters = promise.contains(.changesEmphasis) || promise.contains(.removesStrayDelimiters)
        let images = promise.contains(.changesImageTargets)
        guard nbsp || comments || spacers || delimiters || images, before.rawRanges.count == after.rawRanges.count else { return nil }
        guard beforeClosed ?? rawIsClosed(before) else { return nil }
        return differOnlyAsPromised(before, after, promise: promise, byBlock: byBlock) ? .same : nil
    }

    /// Where the spacer paragraph the renderer wrote at `i` ends (with its line break):
    /// `<p>` and `</p>` around nothing but spaces, line breaks and (`nbsp`) U+00A0, which
    /// the views drop as an empty paragraph when U+00A0 may become a space. Nil if none.
    static func spacerEnd(_ x: [UInt8], at i: Int, nbsp: Bool) -> Int? {
        guard i + 7 <= x.count, x[i] == 0x3C, x[i + 1] == 0x70, x[i + 2] == 0x3E else { return nil }
        var k = i + 3
        while k < x.count {
            if x[k] == 0x20 || x[k] == 0x0A {
                k += 1
            } else if nbsp && x[k] == 0xC2 && k + 1 < x.count && x[k + 1] == 0xA0 {
                k += 2
            } else {
                break
            }
        }
        guard k + 4 <= x.count, x[k] == 0x3C, x[k + 1] == 0x2F, x[k + 2] == 0x70, x[k + 3] == 0x3E else { return nil }
        return k + 4 < x.count && x[k + 4] == 0x0A ? k + 5 : k + 4
    }

    /// Whether each piece of raw HTML in `html`, tokenized alone, is closed (`Seam`).
    static func rawIsClosed(_ html: RenderedHTML) -> Bool {
        html.rawRanges.allSatisfy { isClosed(html.bytes[$0]) }
    }

    static func isClosed(_ piece: ArraySlice<UInt8>) -> Bool {
        let t = HTMLTokenizer.tokenization(piece)
        return Seam(t.tokens, endsInData: t.endsInData).closed
    }

    /// Whether `b` is `a` with (`nbsp`) some U+00A0 (`C2 A0`) of text outside `<code>`, or
    /// of an `alt` or `title` value, written as a space; (`comments`) some comments gone,
    /// each with the line break after it (a marker's line: the HTML block of a comment
    /// renders as the comment and a line break, between the blocks around it); and
    /// (`spacers`) spacer paragraphs gone (`spacerEnd`); (emphasis or stray delimiters
    /// promised) `*` and `_` of text outside code gone, with a space beside one of them
    /// (`RenderedView.losesOnlyDelimiters`), each text that loses one keeping a character
    /// of its own; and (emphasis) the renderer's `<em>` and `<strong>` tags outside code
    /// gone or come, as the views drop them; (image targets) the `src` of the renderer's
    /// `<img>` tags changed. Text outside code reads as the
    /// views read it: a run of whitespace (U+00A0 among it where it may become a space)
    /// as one space, and none next to a block element's tag, so runs may differ so far.
    /// Outside their raw HTML (`rawRanges`, which must pair up, byte for byte, and stand
    /// between the renderer's tags) both are HTML the renderer wrote, and comments.
    /// Anything else differs.
    /// `byBlock`: where fixes far apart are proven together (the whole document), what each
    /// leaf block's fixes promise (by its index, `RenderedHTML.leafBlocks`): emphasis, stray
    /// delimiters and image targets may change only in a block whose fixes promise it, so
    /// that one fix's promise never excuses what another does elsewhere (a stray escape
    /// dropped that makes italics, beside an emphasis repair in another paragraph).
    static func differOnlyAsPromised(_ html: RenderedHTML, _ other: RenderedHTML, promise: FixPromise,
                                     byBlock: [Int: FixPromise]? = nil) -> Bool {
        let nbsp = promise.contains(.nbspBecomesSpace), comments = promise.contains(.removesComments)
        let spacers = promise.contains(.removesEmptyBlocks)
        let emphasis = promise.contains(.changesEmphasis)
        let delimiters = emphasis || promise.contains(.removesStrayDelimiters)
        let images = promise.contains(.changesImageTargets)
        /// What of the changes confined to blocks (`confinedToBlocks`) a promise allows.
        struct Allowed {
            var emphasis: Bool, delimiters: Bool, images: Bool

            init(_ promise: FixPromise) {
                emphasis = promise.contains(.changesEmphasis)
                delimiters = !promise.isDisjoint(with: [.changesEmphasis, .removesStrayDelimiters])
                images = promise.contains(.changesImageTargets)
            }
        }
        /// What the fixes of the leaf block at a byte of `a` allow (all of `promise` without
        /// `byBlock`), kept for the block last asked about. (A struct, not captured
        /// variables, so that asking costs no dynamic exclusivity check.)
        struct Local {
            let html: RenderedHTML, byBlock: [Int: FixPromise]?, everywhere: Allowed
            var hint = 0, leaf = Int.min, allowed: Allowed

            mutating func at(_ i: Int) -> Allowed {
                guard let byBlock else { return everywhere }
                let leaf = html.leafBlock(at: i, hint: &hint)
                if leaf != self.leaf {
                    self.leaf = leaf
                    allowed = Allowed(byBlock[leaf] ?? [])
                }
                return allowed
            }
        }
        var local = Local(html: html, byBlock: byBlock, everywhere: Allowed(promise), allowed: Allowed(promise))
        let a = html.bytes, b = other.bytes
        guard emphasis || images || a.count > b.count else { return false }
        let rawA = html.rawRanges, rawB = other.rawRanges
        guard rawA.count == rawB.count else { return false }
        var k = 0  // the next raw piece of each
        var i = 0, j = 0
        var inTag = false, readingName = false, inValue = false
        var attribute: [UInt8] = []
        var code = 0
        // What the bytes consumed last were: whitespace of text (on both sides), or the
        // end of a tag (its name at `lastTag` of `a`), or the start of the document.
        var afterSpace = false, afterTag = true
        var lastTag: Range<Int>? = nil
        var nameStart = 0
        // The text of `a` since its last tag (emphasis tags aside, where they may go):
        // whether a delimiter went from it, whether a character of its own stayed; and
        // whether the byte of `a` consumed last was a delimiter that went.
        var lostDelimiter = false, keptText = false, afterDelimiter = false
        /// The end of a text of `a`: one that lost a delimiter must keep a character (a
        /// text that goes altogether is a unit fewer in the views).
        func endText() -> Bool {
            defer { (lostDelimiter, keptText, afterDelimiter) = (false, false, false) }
            return !lostDelimiter || keptText
        }
        /// Whether the bytes consumed last end a block element's tag (or start the document).
        func afterBlock() -> Bool {
            guard afterTag else { return false }
            guard let t = lastTag else { return true }
            return Self.isBlockElement(a[t])
        }
        /// The end of the run of text whitespace at `i` of `x` (`i` itself when none).
        func spaceRun(_ x: [UInt8], _ i: Int) -> Int {
            var e = i
            while e < x.count {
                if Self.isHTMLSpace(x[e]) {
                    e += 1
                } else if nbsp && x[e] == 0xC2 && e + 1 < x.count && x[e + 1] == 0xA0 {
                    e += 2
                } else {
                    break
                }
            }
            return e
        }
        while i < a.count && j < b.count {
            if !inTag {
                // Text the same on both sides, up to the next tag (raw pieces, comments and
                // spacers all start at a `<`).
                let start = i, n = min(a.count - i, b.count - j)
                let m = ByteSearch.alikeUntil(0x3C, a, from: i, b, from: j, count: n)
                if m > 0 {
                    i += m
                    j += m
                    afterDelimiter = false
                    afterSpace = Self.isHTMLSpace(a[i - 1])
                    if !afterSpace || a[start..<i].contains(where: { !Self.isHTMLSpace($0) }) {
                        afterTag = false
                        // (U+00A0 that may become a space is whitespace to the views.)
                        if !keptText, !nbsp || a[start..<i].contains(where: { !Self.isHTMLSpace($0) && $0 != 0xC2 && $0 != 0xA0 }) {
                            keptText = true
                        }
                    }
                }
                guard i < a.count && j < b.count else { break }
            } else if inValue {
                // An attribute's value the same on both sides, up to its closing quote (and
                // never past the start of a raw piece).
                var n = min(a.count - i, b.count - j)
                if k < rawA.count { n = min(n, max(0, rawA[k].lowerBound - i)) }
                if k < rawB.count { n = min(n, max(0, rawB[k].lowerBound - j)) }
                let m = ByteSearch.alikeUntil(0x22, a, from: i, b, from: j, count: n)
                if m > 0 {
                    i += m
                    j += m
                    afterDelimiter = false
                    guard i < a.count && j < b.count else { break }
                }
            }
            let aAtRaw = k < rawA.count && i == rawA[k].lowerBound
            let bAtRaw = k < rawB.count && j == rawB[k].lowerBound
            // The renderer's emphasis tags may go or come where the promise says so (a tag
            // on both sides, the same, is read in step below).
            if emphasis && !inTag && code == 0 {
                let ea = aAtRaw ? nil : Self.emphasisTagEnd(a, at: i), eb = bAtRaw ? nil : Self.emphasisTagEnd(b, at: j)
                if ea != nil || eb != nil, local.at(i).emphasis {
                    if let ea, eb.map({ !a[i..<ea].elementsEqual(b[j..<$0]) }) ?? true {
                        i = ea
                        afterDelimiter = false
                        continue
                    }
                    if let eb, ea == nil {
                        j = eb
                        afterDelimiter = false
                        continue
                    }
                }
            }
            if aAtRaw {
                guard endText() else { return false }
                // Raw HTML stays as it was, where it was, outside the renderer's tags.
                let r = rawA[k], q = rawB[k]
                // (`a`'s pieces are closed; one of `b`'s is where it is not the same bytes.)
                guard !inTag, bAtRaw, a[r].elementsEqual(b[q]) || (Self.isClosed(b[q]) && Self.piecesReadAlike(a[r], b[q], promise: promise)) else {
                    return false
                }
                i = r.upperBound
                j = q.upperBound
                k += 1
                afterSpace = false
                afterTag = false
                continue
            }
            // Spacer paragraphs may go, on either side (the views drop them both times).
            // Where one goes from one side only, the whitespace around it, which its tags
            // drop, must drop on the other side too: next to a block's tag, or none there
            // (between two comments it is text of its own in the views).
            if spacers && !inTag && (a[i] == 0x3C || b[j] == 0x3C) {
                let ea = Self.spacerEnd(a, at: i, nbsp: nbsp), eb = bAtRaw ? nil : Self.spacerEnd(b, at: j, nbsp: nbsp)
                func dropsSpace(_ x: [UInt8], _ k: Int) -> Bool {
                    let e = spaceRun(x, k)
                    // (The whitespace before may end a piece of raw HTML.)
                    return afterBlock() || Self.startsBlockTag(x, at: e) || (e == k && !(k > 0 && Self.isHTMLSpace(x[k - 1])))
                }
                if let ea, let eb {
                    guard endText() else { return false }
                    i = ea
                    j = eb
                    continue
                }
                if let ea {
                    guard endText(), dropsSpace(b, j) else { return false }
                    i = ea
                    continue
                }
                if let eb {
                    guard dropsSpace(a, i) else { return false }
                    j = eb
                    continue
                }
            }
            let x = a[i]
            // A comment (the only raw HTML outside the raw pieces) stays as it was, byte for
            // byte, or goes.
            if !inTag && x == 0x3C && HTMLComment.starts(a, at: i, end: a.count) {
                guard let e = HTMLComment.end(a, at: i, end: a.count), endText() else { return false }
                if !bAtRaw && j + (e - i) <= b.count && a[i..<e].elementsEqual(b[j..<(j + e - i)]) {
                    j += e - i
                    i = e
                    afterSpace = false
                    afterTag = false
                    continue
                }
                guard comments else { return false }
                i = e < a.count && a[e] == 0x0A ? e + 1 : e
                continue
            }
            if bAtRaw { return false }
            if x != b[j] {
                if delimiters && !inTag && code == 0 && local.at(i).delimiters {
                    // A delimiter goes; a space goes beside one that goes (after it, or
                    // with the one right after it).
                    let star = x == 0x2A || x == 0x5F
                    let before = x == 0x20 && i + 1 < a.count && (a[i + 1] == 0x2A || a[i + 1] == 0x5F) && a[i + 1] != b[j]
                    if star || before || (x == 0x20 && afterDelimiter) {
                        i += before ? 2 : 1
                        if star || before { lostDelimiter = true }
                        afterDelimiter = star || before
                        afterSpace = false
                        afterTag = false
                        continue
                    }
                }
                if !inTag && code == 0 {
                    // Runs of text whitespace: one space each, or none at a block's edge.
                    let ea = spaceRun(a, i), eb = spaceRun(b, j)
                    if ea > i || eb > j {
                        let spaced = (ea > i || afterSpace) && (eb > j || afterSpace)
                        guard spaced || afterBlock() || (Self.startsBlockTag(a, at: ea) && Self.startsBlockTag(b, at: eb)) else {
                            return false
                        }
                        i = ea
                        j = eb
                        afterSpace = true
                        continue
                    }
                }
                if images && inTag && inValue && attribute == Self.src, let t = lastTag, a[t].elementsEqual(Self.img), local.at(i).images {
                    // An image's target, to the end of the value (a `"` is escaped in it).
                    while i < a.count && a[i] != 0x22 { i += 1 }
                    while j < b.count && b[j] != 0x22 { j += 1 }
                    continue
                }
                let space = nbsp && x == 0xC2 && i + 1 < a.count && a[i + 1] == 0xA0 && b[j] == 0x20
                guard space && inTag && inValue && (attribute == Self.alt || attribute == Self.title) else {
                    return false
                }
                i += 2
                j += 1
                continue
            }
            i += 1
            j += 1
            afterDelimiter = false
            if !inTag {
                if x == 0x3C {
                    // A tag ends the text (an emphasis tag does not, where it may go).
                    guard (emphasis && Self.emphasisTagEnd(a, at: i - 1) != nil && local.at(i - 1).emphasis) || endText() else { return false }
                    inTag = true
                    readingName = true
                    nameStart = i
                    lastTag = i..<i
                    // A tag the same on both sides is read at once, as the bytes below
                    // would read it (most of the renderer's tags are).
                    if let tag = Self.sameTag(a, from: i, b, from: j, limitA: k < rawA.count ? rawA[k].lowerBound : a.count,
                                              limitB: k < rawB.count ? rawB[k].lowerBound : b.count) {
                        lastTag = i..<tag.nameEnd
                        code += Self.codeDepthChange(a[i..<tag.nameEnd])
                        inTag = false
                        afterTag = true
                        afterSpace = false
                        j += tag.end - i
                        i = tag.end
                    }
                } else {
                    afterSpace = Self.isHTMLSpace(x)
                    if !afterSpace {
                        afterTag = false
                        if !nbsp || (x != 0xC2 && x != 0xA0) { keptText = true }
                    }
                }
            } else if inValue {
                if x == 0x22 { inValue = false }
            } else if x == 0x3E {
                inTag = false
                if readingName { lastTag = nameStart..<(i - 1) }
                if let t = lastTag { code += Self.codeDepthChange(a[t]) }
                afterTag = true
                afterSpace = false
            } else if readingName {
                if x == 0x20 || x == 0x0A {
                    readingName = false
                    lastTag = nameStart..<(i - 1)
                    attribute.removeAll(keepingCapacity: true)
                }
            } else if x == 0x22 {
                inValue = true
            } else if x == 0x20 || x == 0x0A {
                attribute.removeAll(keepingCapacity: true)
            } else if x != 0x3D {
                attribute.append(x)
            }
        }
        // Comments may end `a`.
        while comments && j == b.count && i < a.count && HTMLComment.starts(a, at: i, end: a.count),
              let e = HTMLComment.end(a, at: i, end: a.count) {
            i = e < a.count && a[e] == 0x0A ? e + 1 : e
        }
        return i == a.count && j == b.count && k == rawA.count && endText()
    }

    /// A tag whose bytes after its `<` (from `i` of `a`, `j` of `b`) are alike on both
    /// sides up to its `>` (one outside a quoted value; a `"` in the name is the name's),
    /// before `limitA` and `limitB` (the next raw pieces): where its name ends (at the
    /// first space or line feed, or the `>`) and the index after its `>` in `a`. nil
    /// where the two differ first (the caller reads the tag a byte at a time).
    static func sameTag(_ a: [UInt8], from i: Int, _ b: [UInt8], from j: Int,
                        limitA: Int, limitB: Int) -> (nameEnd: Int, end: Int)? {
        let n = min(limitA - i, limitB - j)
        guard n > 0 else { return nil }
        return a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                var d = 0, nameEnd = -1, inValue = false
                while d < n {
                    let x = a[i &+ d]
                    guard x == b[j &+ d] else { return nil }
                    if inValue {
                        if x == 0x22 { inValue = false }
                    } else if x == 0x3E {
                        return (nameEnd < 0 ? i &+ d : nameEnd, i &+ d &+ 1)
                    } else if nameEnd < 0 {
                        if x == 0x20 || x == 0x0A { nameEnd = i &+ d }
                    } else if x == 0x22 {
                        inValue = true
                    }
                    d &+= 1
                }
                return nil
            }
        }
    }

    /// Where the emphasis tag the renderer wrote at `i` of `x` ends, nil if none is there
    /// (`<em>`, `</em>`, `<strong>`, `</strong>`).
    static func emphasisTagEnd(_ x: [UInt8], at i: Int) -> Int? {
        guard i + 3 < x.count, x[i] == 0x3C else { return nil }
        var k = i + 1
        if x[k] == 0x2F { k += 1 }
        func follows(_ name: StaticString) -> Int? {
            let n = name.utf8CodeUnitCount
            guard k + n < x.count, x[k + n] == 0x3E else { return nil }
            return name.withUTF8Buffer { u in (0..<n).allSatisfy { x[k + $0] == u[$0] } } ? k + n + 1 : nil
        }
        switch x[k] {
        case 0x65: return follows("em")
        case 0x73: return follows("strong")
        default: return nil
        }
    }

    /// Whether two pieces of raw HTML (each closed, `rawIsClosed`), in the same place
    /// between the renderer's HTML, read the same there: their views are equal and each
    /// starts and ends with whitespace, or not, as the other does (a view trims the
    /// whitespace at its edges, which the text beside the piece may keep).
    static func piecesReadAlike(_ x: ArraySlice<UInt8>, _ y: ArraySlice<UInt8>, promise: FixPromise) -> Bool {
        guard let xf = x.first, let yf = y.first, let xl = x.last, let yl = y.last,
              isHTMLSpace(xf) == isHTMLSpace(yf), isHTMLSpace(xl) == isHTMLSpace(yl) else { return false }
        return RenderedView(HTMLTokenizer.tokenize(Array(x)), promise: promise) == RenderedView(HTMLTokenizer.tokenize(Array(y)), promise: promise)
    }

    private static let code = Array("code".utf8), endCode = Array("/code".utf8)

    /// How a tag of this name changes the depth of code: `code` opens, `/code` closes.
    private static func codeDepthChange(_ name: ArraySlice<UInt8>) -> Int {
        name.elementsEqual(code) ? 1 : name.elementsEqual(endCode) ? -1 : 0
    }
    private static let alt = Array("alt".utf8), title = Array("title".utf8)
    private static let src = Array("src".utf8), img = Array("img".utf8)

    /// Whether a tag's name (`/` before it for an end tag, `/` after it as in `<br />`)
    /// names a block element.
    static func isBlockElement(_ name: ArraySlice<UInt8>) -> Bool {
        var n = name
        if n.first == 0x2F { n = n.dropFirst() }
        if n.last == 0x2F { n = n.dropLast() }
        return RenderedView.blockElements.contains(n)
    }

    static func isHTMLSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D || c == 0x0C }

    /// Whether a block element's start or end tag (as the renderer writes them) begins at
    /// `i` of `x`, or `x` ends there.
    static func startsBlockTag(_ x: [UInt8], at i: Int) -> Bool {
        guard i < x.count else { return true }
        guard x[i] == 0x3C else { return false }
        var e = i + 1
        if e < x.count && x[e] == 0x2F { e += 1 }
        let start = e
        while e < x.count, (0x61...0x7A).contains(x[e]) || (0x30...0x39).contains(x[e]) { e += 1 }
        guard e > start, e < x.count, x[e] == 0x3E || x[e] == 0x20 || x[e] == 0x2F || x[e] == 0x0A else { return false }
        return isBlockElement(x[start..<e])
    }

    /// Whether `fixes` applied together leave the whole document reading the same
    /// (`.same`), decided on the whole document rendered before and after: the exact
    /// proof, with no window to trust. The fast path of `FixSettlement` where nearly every
    /// fix passes (one rendering of each side for all of them); anything but `.same`
    /// (and any fix that converts a card, which is read as Ghost served it, or edits
    /// front matter) is left to the windows, which say which fix is responsible and why.
    func sameWhole(_ fixes: [Fix]) -> Bool {
        let key = ProofKey(edits: fixes.flatMap(\.edits), promise: Self.promise(of: fixes), cards: [])
        if let known = wholeVerdicts[key] { return known }
        let made = sameWholeUncached(fixes, key)
        wholeVerdicts[key] = made
        return made
    }
    private var wholeVerdicts: [ProofKey: Bool] = [:]
    /// The document after the fixes `sameWhole` proved last: its scans and HTML.
    private var lastWhole: Document.Rendering?

    /// The scans and HTML of `bytes` when they are the document after the fixes proved
    /// last by `sameWhole` (what a pass that applies them all writes), for the next
    /// pass's document.
    func rendering(of bytes: [UInt8]) -> Document.Rendering? {
        guard let lastWhole, ByteSearch.same(lastWhole.bytes, bytes) else { return nil }
        return lastWhole
    }

    private func sameWholeUncached(_ fixes: [Fix], _ key: ProofKey) -> Bool {
        let edits = key.edits, promise = key.promise
        guard !edits.isEmpty, edits.allSatisfy({ $0.range.lowerBound >= document.bodyStart }) else { return false }
        if promise.contains(.convertsCard) { return false }
        let (whole, taken) = FixApplier.applied(fixes, to: source.bytes)
        guard taken == fixes.count else { return false }
        guard Self.frontMatterEnd(whole) == Self.frontMatterEnd(source.bytes) else { return false }
        let text = SourceText(whole)
        wholeRenderings += 1
        let scan = BlockScanner.scan(text, bodyStart: document.bodyStart)
        let inlines = InlineScanner.scan(text, scan)
        let after = HTMLRenderer.rendered(text, blocks: scan, inlines: inlines)
        lastWhole = Document.Rendering(bytes: whole, bodyStart: document.bodyStart, blocks: scan, inlines: inlines, html: after)
        let before = wholeDocumentHTML()
        if wholeClosed == nil { wholeClosed = Self.rawIsClosed(before) }
        return Self.decidedByBytes(before, after, promise: promise, beforeClosed: wholeClosed,
                                   byBlock: blockPromises(fixes, promise)) == .same
    }

    /// The changes the whole-document walk allows only in a block whose own fixes promise
    /// them (`differOnlyAsPromised`'s `byBlock`).
    static let confinedToBlocks: FixPromise = [.changesEmphasis, .removesStrayDelimiters, .changesImageTargets]

    /// What the fixes that edit each leaf block promise (by the block's index), where
    /// together they promise changes the byte walk confines to their blocks (emphasis,
    /// stray delimiters, image targets); nil where they promise none.
    private func blockPromises(_ fixes: [Fix], _ promise: FixPromise) -> [Int: FixPromise]? {
        guard !promise.isDisjoint(with: Self.confinedToBlocks) else { return nil }
        var byBlock: [Int: FixPromise] = [:]
        let lines = document.blocks.lines
        for fix in fixes {
            for edit in fix.edits {
                let first = source.line(containing: edit.range.lowerBound)
                let last = source.line(containing: max(edit.range.lowerBound, edit.range.upperBound - 1))
                for line in first...last where lines[line].block >= 0 {
                    byBlock[Int(lines[line].block), default: []].formUnion(fix.promise)
                }
            }
        }
        return byBlock
    }

    /// The document's HTML as it is, from the scans the rules used.
    private func wholeDocumentHTML() -> RenderedHTML {
        if let wholeHTML { return wholeHTML }
        let made = document.carriedHTML ?? HTMLRenderer.rendered(source, blocks: document.blocks, inlines: document.inlines)
        wholeHTML = made
        return made
    }

    private func wholeDocumentBefore() -> [HTMLToken] {
        if let wholeBefore { return wholeBefore }
        let made = HTMLTokenizer.tokenize(wholeDocumentHTML().bytes)
        wholeBefore = made
        return made
    }

    /// A fence that closes a code block where its code ends: the code blocks stay as they
    /// were up to the one it closes, which keeps the start of its text (no byte of code
    /// changes); what the block swallowed renders as Markdown, by design.
    static func closing(_ before: ReaderView, _ after: ReaderView) -> ProofVerdict {
        guard let k = zip(before.codeBlocks, after.codeBlocks).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset
                ?? (before.codeBlocks.count == after.codeBlocks.count ? nil : min(before.codeBlocks.count, after.codeBlocks.count)),
              k < before.codeBlocks.count, k < after.codeBlocks.count else { return .broken("would not end a code block") }
        guard before.codeBlocks[k].hasPrefix(after.codeBlocks[k]) else { return .broken("would change the text of a code block") }
        return .readerSame("ends a code block where its code ends; what it swallowed renders as Markdown")
    }

    /// The text of each link that shows a target, `<a href=X>X</a>` (or `mailto:X`) or an
    /// absolute URL (an autolink made a link with its old address as text), replaced by
    /// one placeholder.
    static func maskingAutolinkText(_ tokens: [HTMLToken]) -> [HTMLToken] {
        var out = tokens
        for k in out.indices.dropLast() {
            guard case let .startTag("a", attributes, _) = out[k], let href = attributes.first(where: { $0.name == "href" })?.value,
                  case let .text(text) = out[k + 1] else { continue }
            let showsAddress = text.hasPrefix("http://") || text.hasPrefix("https://") || text.hasPrefix("__GHOST_URL__")
            if text == href || "mailto:" + text == href || Self.percentDecoded(href) == text || showsAddress {
                out[k + 1] = .text("\u{FFFC}")
            }
        }
        return out
    }

    /// `%XX` decoded where it makes UTF-8 (CommonMark percent-encodes an autolink's href).
    static func percentDecoded(_ s: String) -> String {
        guard s.utf8.contains(0x25) else { return s }
        var bytes: [UInt8] = []
        let u = Array(s.utf8)
        var i = 0
        func hex(_ c: UInt8) -> UInt8? {
            switch c {
            case 0x30...0x39: c - 0x30
            case 0x41...0x46: c - 0x37
            case 0x61...0x66: c - 0x57
            default: nil
            }
        }
        while i < u.count {
            if u[i] == 0x25, i + 2 < u.count, let h = hex(u[i + 1]), let l = hex(u[i + 2]) {
                bytes.append(h << 4 | l)
                i += 3
            } else {
                bytes.append(u[i])
                i += 1
            }
        }
        return String(validating: bytes, as: UTF8.self) ?? s
    }

    /// Whether the window's link reference definitions differ after the edits.
    private func definesDifferently(_ a: SourceText, _ aScan: BlockScan, _ b: SourceText, _ bScan: BlockScan) -> Bool {
        if aScan.definitionList.isEmpty && bScan.definitionList.isEmpty { return false }
        let x = LinkDefinitions.collect(a, aScan), y = LinkDefinitions.collect(b, bScan)
        return Set(x.labels) != Set(y.labels) || x.labels.contains { x[$0] != y[$0] }
    }

    /// A card converted: the reader sees the same (code blocks compared without the line
    /// break that ends a fenced block's text), or the conversion is withheld.
    private func cardVerdict(_ before: [HTMLToken], _ after: [HTMLToken], promise: FixPromise) -> ProofVerdict {
        let attributes = promise.contains(.headingAttributes)
        let x = CardReading.comparable(CardReading.browserReading(before), headingAttributes: false)
        let y = CardReading.comparable(CardReading.browserReading(after), headingAttributes: attributes)
        var r = ReaderView(x, promise: promise), s = ReaderView(y, promise: promise)
        func trimmed(_ code: String) -> String { code.hasSuffix("\n") ? String(code.dropLast()) : code }
        r.codeBlocks = r.codeBlocks.map(trimmed)
        s.codeBlocks = s.codeBlocks.map(trimmed)
        if let why = r.difference(to: s, promise: promise) { return .broken(why) }
        // Emphasis is part of what the card says (the reader view leaves it out).
        if CardReading.emphasis(x) != CardReading.emphasis(y) { return .broken("would change the emphasis") }
        return .readerSame("converts a Ghost card to Markdown")
    }

    /// `lineChange` says what happens to the lines the edits leave alone, when asked.
    private func verdict(_ before: [HTMLToken], _ after: [HTMLToken], promise: FixPromise, removals: Int,
                         lineChange: () -> String?) -> ProofVerdict {
        // A link whose text is its target (an autolink) shows the target: where targets
        // may change, so may that text.
        let linksMayChange = promise.contains(.changesLinkTargets)
        let before = linksMayChange ? Self.maskingAutolinkText(before) : before
        let after = linksMayChange ? Self.maskingAutolinkText(after) : after
        if promise.contains(.convertsMarkup) {
            let r = ReaderView(before, promise: promise), s = ReaderView(after, promise: promise)
            if let why = r.difference(to: s, promise: promise) { return .broken(why) }
            return RenderedView(before, promise: promise).matches(RenderedView(after, promise: promise), promise: promise, removals: removals)
                ? .same : .readerSame("rewrites HTML as Markdown")
        }
        if promise.contains(.closesCodeBlock) { return Self.closing(ReaderView(before, promise: promise), ReaderView(after, promise: promise)) }
        if RenderedView(before, promise: promise).matches(RenderedView(after, promise: promise), promise: promise, removals: removals) { return .same }
        let r = ReaderView(before, promise: promise), s = ReaderView(after, promise: promise)
        if let why = r.difference(to: s, promise: promise) { return .broken(lineChange() ?? why) }
        return .readerSame(lineChange().map(Self.saying) ?? "changes the page's markup")
    }

    /// "would move line 2 into a list" as what a fix does: "moves line 2 into a list"
    /// (`LineChange`'s verbs are regular: make, end, move, turn, take).
    static func saying(_ wouldChange: String) -> String {
        let rest = wouldChange.hasPrefix("would ") ? wouldChange.dropFirst("would ".count) : wouldChange[...]
        guard let space = rest.firstIndex(of: " ") else { return String(rest) }
        return String(rest[..<space]) + "s" + String(rest[space...])
    }
}
