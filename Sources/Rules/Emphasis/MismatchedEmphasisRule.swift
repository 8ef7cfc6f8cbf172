import MarkdownScanner
import RuleEngine

/// `mismatched-emphasis`: `*` and `_` that CommonMark prints as characters where the
/// author meant emphasis (the cases ME1 to ME4 of rules/mismatched-emphasis.md). Only
/// characters the scanner calls literal can be flagged: consumed delimiters, code, HTML,
/// autolinks and link destinations never form segments.
struct MismatchedEmphasisRule: Rule {
    let descriptor = RuleDescriptor(
        id: "mismatched-emphasis",
        page: PackageResources.mismatched_emphasis_md,
        summary: "Emphasis the author meant but CommonMark prints as characters (`_ **x** _`, unclosed `**`, leftover `\\_`)",
        defaultSeverity: .warning,
        fix: .safe,
        options: [RuleOption("confidence", .string, choices: ["medium", "high"], default: "medium",
                             "`high` drops the cases most often deliberate: lone `*` or `_` spaced on both sides, spaced and mixed pairs of single characters, a dangling `_` after a sentence")]
    )

    func check(_ document: Document, _ context: RuleContext) {
        let index = document.inlines
        guard index.runs.contains(where: { !$0.isFullyConsumed }) || !index.escapes.isEmpty else { return }
        let ctx = EmphasisContext(document)
        let high = context.options.string("confidence", default: "medium") == "high"
        // Groups come in document order, so one forward cursor places every segment.
        var cursor = LocationCursor(document.source)
        for group in ctx.groups() {
            let locations = group.map { cursor.location(of: $0.range.lowerBound) }
            var detector = EmphasisDetector(ctx: ctx, s: group, locations: locations, high: high, context: context)
            detector.run()
        }
    }
}

/// The four cases over the segments of one unit, each segment used by one finding at most.
struct EmphasisDetector {
    let ctx: EmphasisContext
    let s: [EmphasisSegment]
    /// Line and column of each segment, for messages that name a partner.
    let locations: [SourceLocation]
    let high: Bool
    let context: RuleContext
    var claimed: [Bool]
    /// For each segment (escapes too), the next and the previous run segment (not an
    /// escape) of the same character, -1 if none; `nextPairable` skips the intra ones.
    let nextSame: [Int], previousSame: [Int], nextPairable: [Int]
    /// How many run segments of each character (`*`, `_`) the unit has.
    let runCount: (star: Int, underscore: Int)
    /// Fixes are proven by re-parsing the paragraph; past this many in one unit, the
    /// findings come without fixes, so a paragraph full of debris stays linear.
    static let maxProofs = 64
    var proofs = 0

    init(ctx: EmphasisContext, s: [EmphasisSegment], locations: [SourceLocation], high: Bool, context: RuleContext) {
        self.ctx = ctx
        self.s = s
        self.locations = locations
        self.high = high
        self.context = context
        claimed = Array(repeating: false, count: s.count)
        var next = Array(repeating: -1, count: s.count), pairable = next, previous = next
        var lastSeen: [UInt8: Int] = [:], lastPairable: [UInt8: Int] = [:]
        // Segments that are text (an identifier's `_`, an empty strong) are nobody's partner.
        for i in s.indices.reversed() {
            next[i] = lastSeen[s[i].char] ?? -1
            pairable[i] = lastPairable[s[i].char] ?? -1
            guard !s[i].isEscape, !s[i].isText else { continue }
            lastSeen[s[i].char] = i
            if s[i].shape != .intra { lastPairable[s[i].char] = i }
        }
        lastSeen = [:]
        for i in s.indices {
            previous[i] = lastSeen[s[i].char] ?? -1
            if !s[i].isEscape && !s[i].isText { lastSeen[s[i].char] = i }
        }
        nextSame = next
        previousSame = previous
        nextPairable = pairable
        runCount = (s.count { !$0.isEscape && $0.char == 0x2A }, s.count { !$0.isEscape && $0.char == 0x5F })
    }

    mutating func run() {
        spacedPairs()
        mixedPairs()
        unclosed()
        leftoverEscapes()
    }

    func report(_ segment: EmphasisSegment, _ message: String, _ fix: Fix?) {
        context.report(segment.range, message, fix: fix)
    }

    func at(_ index: Int) -> String { "\(locations[index].line):\(locations[index].column)" }

    // MARK: ME1 and ME1b: a pair with whitespace on its inner side

    mutating func spacedPairs() {
        for i in s.indices where !claimed[i] && !s[i].isEscape && !s[i].isText {
            let a = s[i]
            // Around emphasis that formed, a closer-shaped run with only punctuation glued
            // before it opens the pair all the same (`(_ **x** _)`): the punctuation is
            // what made it a closer.
            guard a.shape == .opener || (a.shape == .isolated && !a.atLineEnd)
                    || (a.shape == .closer && ctx.onlyPunctuationGlued(a, after: false) && ctx.consumedAfter(a)) else { continue }
            // `_ item` at the start of a line is a pseudo-bullet, not an opener.
            if a.shape == .isolated && a.length == 1 && a.atLineStart && !ctx.consumedAfter(a) { continue }
            let j = nextPairable[i]
            guard j >= 0, !claimed[j] else { continue }
            let b = s[j]
            // And an opener-shaped one with only punctuation after it closes (`_ **x** _.`).
            guard b.length == a.length, b.shape == .closer || (b.shape == .isolated && !b.atLineStart)
                    || (b.shape == .opener && ctx.onlyPunctuationGlued(b, after: true) && ctx.consumedBefore(b)) else { continue }
            let innerA = ctx.space(a, after: true), innerB = ctx.space(b, after: false)
            guard !innerA.isEmpty || !innerB.isEmpty, ctx.hasWord(a.range.upperBound..<b.range.lowerBound) else { continue }
            let anchored = (a.atLineStart || ctx.consumedAfter(a)) && (b.atLineEnd || ctx.consumedBefore(b))
            let bothIsolated = a.shape == .isolated && b.shape == .isolated
            var edits: [Edit] = []
            if !innerA.isEmpty { edits.append(.delete(innerA)) }
            if !innerB.isEmpty { edits.append(.delete(innerB)) }
            let message: String
            var applicability: Applicability
            if bothIsolated && !anchored {
                // ME1b: only when no neighbour looks like an operand (`2 * 3 * 4`).
                guard !high else { continue }
                let tokens = [ctx.token(a, after: false), ctx.token(a, after: true), ctx.token(b, after: false), ctx.token(b, after: true)]
                guard !tokens.contains(where: { !$0.isEmpty && isOperandLike($0) }) else { continue }
                message = "`\(a.text)` here and `\(b.text)` at \(at(j)) have spaces on both sides, "
                    + "so CommonMark prints them as characters; emphasis was probably meant"
                applicability = .suggestion
            } else {
                // With `confidence: high`, single characters count only around emphasis.
                let hugsEmphasis = ctx.consumedAfter(a) && ctx.consumedBefore(b)
                guard !(high && a.length == 1 && !hugsEmphasis) else { continue }
                if hugsEmphasis {
                    message = "`\(a.text)` here and `\(b.text)` at \(at(j)) around the emphasized text have spaces inside them, "
                        + "so CommonMark prints them as characters"
                } else {
                    message = "`\(a.text)` here and `\(b.text)` at \(at(j)) have a space on their inner side, "
                        + "so CommonMark prints them as characters instead of emphasis"
                }
                let sameSpacing = !innerA.isEmpty && ctx.b[innerA] == ctx.b[innerB]
                applicability = sameSpacing ? .safe : .suggestion
            }
            claimed[i] = true
            claimed[j] = true
            let fix = makesEmphasis(edits, of: [a, b])
                ? Fix(title: "Remove the spaces inside the delimiters", edits: edits, applicability: applicability,
                      promise: .changesEmphasis) : nil
            report(a, message, fix)
        }
    }

    /// With punctuation stripped: nothing, a number, or one character. (A line edge, where
    /// there is no token at all, is no operand.)
    func isOperandLike(_ token: ArraySlice<UInt8>) -> Bool {
        let core = token.filter { !ByteClass.isASCIIPunctuation($0) }
        if core.isEmpty || core.allSatisfy(ByteClass.isDigit) { return true }
        return String(decoding: core, as: UTF8.self).unicodeScalars.count == 1
    }

    /// Whether, once `edits` are applied, every character of `segments` is consumed as
    /// emphasis (a fix is offered only then).
    mutating func makesEmphasis(_ edits: [Edit], of segments: [EmphasisSegment]) -> Bool {
        guard proofs < Self.maxProofs else { return false }
        proofs += 1
        let document = ctx.document
        let block = Int(document.line(segments[0].line).block)
        let sorted = edits.sorted { $0.range.lowerBound < $1.range.lowerBound }
        let runs = InlineScanner.runs(document.source, document.blocks, block: block,
                                      applying: sorted.map { ($0.range, $0.replacement) })
        func shifted(_ offset: Int) -> Int {
            sorted.reduce(offset) { $1.range.upperBound <= offset ? $0 + $1.replacement.count - $1.range.count : $0 }
        }
        // Each flagged group must now be consumed whole, in a run as long as the one it
        // came from: removing a space must not glue `*` to a neighbouring `*` (`* *a* *`
        // would become `**a**`, strong instead of the emphasis that was there).
        return segments.allSatisfy { segment in
            let start = shifted(segment.range.lowerBound)
            let lo = runs.partitionPoint { $0.range.upperBound > start }
            guard lo < runs.count, runs[lo].range.contains(start), runs[lo].length == segment.runLength else { return false }
            return !runs[lo].literalRange.overlaps(start..<(start + segment.length))
        }
    }

    // MARK: ME3: an opener closed by the other character

    mutating func mixedPairs() {
        for i in s.indices where i + 1 < s.count && !claimed[i] && !claimed[i + 1] {
            let a = s[i], b = s[i + 1]
            guard !a.isEscape, !b.isEscape, !a.isText, !b.isText, a.shape == .opener, b.shape == .closer, a.char != b.char,
                  a.length == b.length, !(high && a.length == 1),
                  ctx.hasWord(a.range.upperBound..<b.range.lowerBound) else { continue }
            claimed[i] = true
            claimed[i + 1] = true
            report(a, "`\(a.text)` opened here is closed by `\(b.text)` at \(at(i + 1)), which cannot close it, "
                + "so CommonMark prints both as characters", nil)
        }
    }

    // MARK: ME2: an unmatched strong run, or a dangling `_` after a sentence

    mutating func unclosed() {
        for i in s.indices where !claimed[i] && !s[i].isEscape && !s[i].isText {
            let x = s[i]
            if (x.shape == .opener || x.shape == .closer) && x.length >= 2 {
                let alone = (x.char == 0x2A ? runCount.star : runCount.underscore) == 1
                guard alone, !isCodeLike(ctx.gluedToken(x, after: x.shape == .opener)) else { continue }
                claimed[i] = true
                let message = x.shape == .opener
                    ? "`\(x.text)` opened here is never closed in this paragraph, so CommonMark prints it"
                    : "`\(x.text)` here closes nothing in this paragraph, so CommonMark prints it"
                report(x, message, nil)
            } else if x.char == 0x5F && x.length == 1 && x.shape == .closer && x.atLineEnd && !high
                        && endsSentence(before: x.range.lowerBound) {
                claimed[i] = true
                report(x, "`_` after the end of the sentence closes nothing, so CommonMark prints it", nil)
            }
        }
    }

    /// `f(*args, **kwargs)`, `**kwargs)`: a word with `_ ( [ =`, or an identifier ending
    /// in `) ] , :`, is code-like, not prose.
    func isCodeLike(_ token: ArraySlice<UInt8>) -> Bool {
        if token.contains(where: { $0 == 0x5F || $0 == 0x28 || $0 == 0x5B || $0 == 0x3D }) { return true }
        guard let last = token.last, [0x29, 0x5D, 0x2C, 0x3A].contains(last) else { return false }
        let name = token.dropLast()
        return !name.isEmpty && name.allSatisfy(ByteClass.isAlnum)
    }

    /// Whether the text before `offset` ends with `.`, `!`, `?`, `;`, `:` or `…`.
    func endsSentence(before offset: Int) -> Bool {
        let b = ctx.b
        guard offset > 0 else { return false }
        if [0x2E, 0x21, 0x3F, 0x3B, 0x3A].contains(b[offset - 1]) { return true }
        return offset >= 3 && b[(offset - 3)..<offset].elementsEqual([0xE2, 0x80, 0xA6])
    }

    // MARK: ME4: a leftover escape

    mutating func leftoverEscapes() {
        let b = ctx.b
        for i in s.indices where !claimed[i] && s[i].isEscape && !s[i].isText && s[i].length == 1 && s[i].shape != .intra {
            let e = s[i]
            let spaceBefore = e.range.lowerBound > 0 && ByteClass.isSpaceOrTab(b[e.range.lowerBound - 1])
            let spaceAfter = e.range.upperBound < b.count && ByteClass.isSpaceOrTab(b[e.range.upperBound])
            let nextToEmphasis = (ctx.consumedBefore(e) && (e.atLineEnd || spaceAfter))
                || (ctx.consumedAfter(e) && (e.atLineStart || spaceBefore))
            let afterSentence = e.char == 0x5F && e.atLineEnd && endsSentence(before: e.range.lowerBound)
            var partnerIndex: Int?
            if e.shape == .closer, case let k = previousSame[i], k >= 0, !claimed[k], s[k].shape == .opener, s[k].length == 1 {
                partnerIndex = k
            } else if e.shape == .opener, case let k = nextSame[i], k >= 0, !claimed[k], s[k].shape == .closer, s[k].length == 1 {
                partnerIndex = k
            }
            let escaped = "`\\\(e.charString)`"
            if nextToEmphasis || afterSentence {
                // The escaped character was a converter's leftover: it goes, with the space
                // that would be left before it at the end of the line, or doubled.
                var range = e.range
                let before = ctx.space(e, after: false)
                if e.atLineEnd { range = before.lowerBound..<range.upperBound } else if spaceBefore && spaceAfter {
                    range = (range.lowerBound - 1)..<range.upperBound
                }
                let message = nextToEmphasis
                    ? "escaped \(escaped) next to emphasis prints as `\(e.charString)`: a converter's leftover"
                    : "escaped \(escaped) after the end of the sentence prints as `\(e.charString)`: a converter's leftover"
                claimed[i] = true
                report(e, message, Fix(title: "Remove the escaped \(e.charString == "_" ? "underscore" : "asterisk")",
                                                        edits: [.delete(range)], applicability: .unsafe,
                                                        promise: .removesStrayDelimiters))
            } else if let partnerIndex {
                let partner = s[partnerIndex]
                claimed[i] = true
                // The backslash goes, so the two pair.
                let edits: [Edit] = [.delete(e.range.lowerBound..<(e.range.lowerBound + 1))]
                let unescaped = EmphasisSegment(range: (e.range.lowerBound + 1)..<e.range.upperBound, char: e.char, length: 1,
                                                isEscape: false, shape: e.shape, line: e.line,
                                                atLineStart: e.atLineStart, atLineEnd: e.atLineEnd)
                let fix = makesEmphasis(edits, of: [partner, unescaped])
                    ? Fix(title: "Remove the backslash", edits: edits, applicability: .unsafe, promise: .changesEmphasis) : nil
                report(e, "escaped \(escaped) cannot pair with the `\(partner.text)` at \(at(partnerIndex)), "
                    + "so both print as characters", fix)
            }
        }
    }
}
