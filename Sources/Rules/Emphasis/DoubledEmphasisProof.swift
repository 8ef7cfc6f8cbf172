import MarkdownScanner
import RuleEngine

/// Proves doubled-emphasis's fixes by parsing the block again with the edits applied:
/// every other run of the block keeps its verdict, a collapsed pair is still one pair
/// consumed whole, and a removed `****` is simply gone. Then the rendered text is what
/// it was: the same words, emphasised alike, one `<strong>` less.
struct DoubledEmphasisProof {
    struct Change {
        var edits: [Edit]
        /// Run index to its new length (the pair's runs, consumed whole again).
        var replaced: [Int: Int]
        var removed: [Int]
        /// The collapsed pair (opener, closer), which must still close each other.
        var pair: (opener: Int, closer: Int)?
    }

    let ctx: EmphasisContext
    let indices: Range<Int>
    /// One parse proves all the changes of a block together; past that, each is proven
    /// alone, at most this many times per block (the others come without a fix).
    static let maxSingleProofs = 16

    func prove(_ changes: [Change]) -> [Bool] {
        if holds(changes) { return changes.map { _ in true } }
        guard changes.count > 1 else { return [false] }
        return changes.enumerated().map { $0.offset < Self.maxSingleProofs && holds([$0.element]) }
    }

    func holds(_ changes: [Change]) -> Bool {
        let edits = changes.flatMap(\.edits).sorted { $0.range.lowerBound < $1.range.lowerBound }
        if zip(edits, edits.dropFirst()).contains(where: { $0.range.upperBound > $1.range.lowerBound }) { return false }
        let runs = ctx.runs, document = ctx.document
        let block = Int(runs[indices.lowerBound].block)
        let after = InlineScanner.runs(document.source, document.blocks, block: block,
                                       applying: edits.map { ($0.range, $0.replacement) })
        // The same units unedited (of a table, only the edited cells are parsed again).
        let before = InlineScanner.runs(document.source, document.blocks, block: block,
                                        applying: edits.map { ($0.range, Array(document.bytes[$0.range])) })
        let parsed = Set(before.map(\.start))
        func shift(_ offset: Int) -> Int {
            edits.reduce(offset) { $1.range.upperBound <= offset ? $0 + $1.replacement.count - $1.range.count : $0 }
        }
        let removed = Set(changes.flatMap(\.removed))
        let replaced = changes.reduce(into: [Int: Int]()) { $0.merge($1.replaced) { a, _ in a } }
        var expected: [DelimiterRun] = []
        var pairs: [(Int, Int)] = []
        var openerAt: [Int: Int] = [:]
        var openerOf: [Int: Int] = [:]
        for case let (o, c)? in changes.map(\.pair) { openerOf[c] = o }
        for k in indices where !removed.contains(k) && parsed.contains(runs[k].start) {
            var r = runs[k]
            if let keep = replaced[k] {
                if r.consumedBack > 0 {
                    r.start = shift(r.start + r.length - keep)
                    r.consumedBack = keep
                    openerAt[k] = expected.count
                } else {
                    r.start = shift(r.start)
                    r.consumedFront = keep
                    if let o = openerOf[k], let index = openerAt[o] { pairs.append((index, expected.count)) }
                }
                r.length = keep
            } else {
                r.start = shift(r.start)
            }
            expected.append(r)
        }
        func key(_ r: DelimiterRun) -> [Int] { [r.start, r.length, Int(r.char), r.consumedFront, r.consumedBack] }
        guard expected.map(key) == after.map(key) else { return false }
        let whole = EmphasisPairing.wholePairs(after, after.indices) ?? []
        return pairs.allSatisfy { p in whole.contains { $0.opener == p.0 && $0.closer == p.1 } }
    }
}
