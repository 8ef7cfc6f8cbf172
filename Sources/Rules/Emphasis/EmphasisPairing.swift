import MarkdownScanner

/// Which consumed delimiters close which. CommonMark drops every delimiter between an
/// opener and the closer it matches, so the consumed characters of a block nest like
/// brackets (link texts and table cells are balanced inside), and one stack over them,
/// in order, pairs each closing character with its opening one.
enum EmphasisPairing {
    /// The runs `runs[indices]` (one block, in order) whose consumed opening characters
    /// were all closed, at once, by the first characters of one closer run that closes
    /// nothing else: `(opener, closer)` index pairs, as in `**text**` and `****text****`.
    /// nil when the characters do not nest (not a verdict of CommonMark's algorithm).
    static func wholePairs(_ runs: [DelimiterRun], _ indices: Range<Int>) -> [(opener: Int, closer: Int)]? {
        var stack: [(run: Int, left: Int)] = []
        var pairs: [(opener: Int, closer: Int)] = []
        for i in indices {
            let run = runs[i]
            var need = run.consumedFront
            if let top = stack.last, need > 0, need == top.left, runs[top.run].consumedBack == need {
                pairs.append((top.run, i))
            }
            while need > 0 {
                guard let top = stack.last, runs[top.run].char == run.char else { return nil }
                let take = min(need, top.left)
                need -= take
                if take == top.left { stack.removeLast() } else { stack[stack.count - 1].left -= take }
            }
            if run.consumedBack > 0 { stack.append((i, run.consumedBack)) }
        }
        return stack.isEmpty ? pairs : nil
    }
}
