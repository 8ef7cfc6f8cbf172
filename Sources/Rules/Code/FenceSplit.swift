import MarkdownScanner
import RuleEngine

/// Where, inside one fenced code block, the code ends and the Markdown the author meant
/// begins. The last line that reads as code ends the code; after it, the block must hold
/// plain Markdown: a heading (with a blank line before and after it, and more after
/// that), an image or link line, or two lines of prose (or one and a fence with a
/// language). A fence with a language after the code opens Markdown's own code block:
/// its lines, up to its closing fence, are part of the Markdown, not of this code.
struct FenceSplit {
    /// The last line of code, if the block has one before the Markdown.
    var lastCode: Int?
    /// The first line of evidence, and what it is.
    var evidence: Int
    var what: String
    /// Whether the place of the closing fence is certain: after a line of code, with a
    /// blank line or the evidence right after it.
    var certain: Bool

    static func find(_ document: Document, lines content: ClosedRange<Int>, proseCounts: Bool) -> FenceSplit? {
        let b = document.bytes, source = document.source
        var reading: [FenceLine] = []
        reading.reserveCapacity(content.count)
        for l in content {
            reading.append(FenceLine.read(b, document.line(l).contentStart..<source.contentEnd(l), proseCounts: proseCounts))
        }
        // A heading counts with a blank line (or the block's start) before it and a blank
        // line after it, with more of the block after that: a `# comment` line of a
        // script sits right above its command, or ends the block.
        for k in reading.indices where reading[k] == .evidence(.heading) {
            let before = k == 0 || reading[k - 1] == .blank
            let after = k + 1 < reading.count && reading[k + 1] == .blank
                && reading[(k + 1)...].contains { $0 != .blank }
            if !(before && after) { reading[k] = .neutral }
        }
        // The last code line, skipping fenced regions that a fence with a language opens.
        var lastCode: Int?
        var inner: (char: UInt8, length: Int)?
        var openers: [Int] = []
        for (k, r) in reading.enumerated() {
            if let open = inner {
                if case let .fence(c, n, info) = r, c == open.char, n >= open.length, !info { inner = nil }
                continue
            }
            switch r {
            case let .fence(c, n, true):
                inner = (c, n)
                openers.append(k)
            case .code, .fence:
                lastCode = k
            default:
                break
            }
        }
        let tail = (lastCode.map { $0 + 1 } ?? 0)..<reading.count
        var score = 0, first: Int?, what = ""
        for k in tail {
            let weight: Int
            switch reading[k] {
            case .evidence(.prose): weight = 1
            case .evidence: weight = 2
            default: continue
            }
            score += weight
            if first == nil, case let .evidence(e) = reading[k] {
                first = k
                what = e.rawValue
            }
        }
        score += openers.filter { tail.contains($0) }.count
        guard let first, score >= 2 else { return nil }
        let next = tail.lowerBound
        let certain = lastCode != nil && next < reading.count
            && (reading[next] == .blank || next == first || openers.contains(next))
        return FenceSplit(lastCode: lastCode.map { content.lowerBound + $0 }, evidence: content.lowerBound + first,
                          what: what, certain: certain)
    }
}
