import MarkdownScanner

/// How one line inside a fenced code block reads: as code, as Markdown the author meant
/// (evidence that the block ran on past its code), or neither.
enum FenceLine: Equatable {
    case blank
    case code
    case neutral
    case evidence(Evidence)
    /// A fence line: `hasInfo` when an info string (a language) follows it.
    case fence(char: UInt8, length: Int, hasInfo: Bool)

    enum Evidence: String {
        case heading = "a heading", image = "an image", link = "a link", prose = "a paragraph of prose"
    }

    /// Reads `b[r]` (the line after its container prefix). ATX headings are returned as
    /// evidence here; whether one counts depends on the lines around it (`FenceSplit`).
    static func read(_ b: [UInt8], _ r: Range<Int>, proseCounts: Bool) -> FenceLine {
        var s = r.lowerBound
        while s < r.upperBound && ByteClass.isSpaceOrTab(b[s]) { s += 1 }
        var e = r.upperBound
        while e > s && ByteClass.isSpaceOrTab(b[e - 1]) { e -= 1 }
        guard s < e else { return .blank }
        let t = b[s..<e]
        if s - r.lowerBound <= 3, let fence = fence(t) { return fence }
        if s - r.lowerBound >= 4 { return CodeLineReading.isCodeLike(t) ? .code : .neutral }
        if isATXHeading(t) { return .evidence(.heading) }
        if isImageLine(t) { return .evidence(.image) }
        if isLinkLine(t) { return .evidence(.link) }
        if CodeLineReading.isCodeLike(t) { return .code }
        if proseCounts && CodeLineReading.isProse(t) { return .evidence(.prose) }
        return .neutral
    }

    private static func fence(_ t: ArraySlice<UInt8>) -> FenceLine? {
        guard let c = t.first, c == 0x60 || c == 0x7E else { return nil }
        let run = t.prefix { $0 == c }.count
        guard run >= 3 else { return nil }
        let info = t.dropFirst(run)
        if c == 0x60 && info.contains(0x60) { return nil }
        return .fence(char: c, length: run, hasInfo: info.contains { !ByteClass.isSpaceOrTab($0) })
    }

    /// `#` to `######`, a space, then text with a letter and no code punctuation.
    private static func isATXHeading(_ t: ArraySlice<UInt8>) -> Bool {
        let hashes = t.prefix { $0 == 0x23 }.count
        guard (1...6).contains(hashes), t.count > hashes + 1, ByteClass.isSpaceOrTab(t[t.startIndex + hashes]) else { return false }
        let text = t.dropFirst(hashes + 1)
        return text.contains { ByteClass.isLetter($0) || $0 >= 0x80 } && !text.contains(where: CodeLineReading.isCodePunctuation)
    }

    /// `![alt](target)`, or a linked image `[![alt](target)](link)`.
    private static func isImageLine(_ t: ArraySlice<UInt8>) -> Bool {
        (t.starts(with: [0x21, 0x5B]) || t.starts(with: [0x5B, 0x21, 0x5B])) && t.last == 0x29 && containsLinkTail(t)
    }

    /// `[text](target)`, alone on its line, with a letter in the text.
    private static func isLinkLine(_ t: ArraySlice<UInt8>) -> Bool {
        guard t.first == 0x5B, t.last == 0x29, let close = t.firstIndex(of: 0x5D), close + 1 < t.endIndex,
              t[close + 1] == 0x28 else { return false }
        return t[t.startIndex..<close].contains { ByteClass.isLetter($0) || $0 >= 0x80 }
    }

    private static func containsLinkTail(_ t: ArraySlice<UInt8>) -> Bool {
        zip(t, t.dropFirst()).contains { $0 == 0x5D && $1 == 0x28 }
    }
}
