/// The leading metadata block of a Markdown file, located by byte ranges.
public struct FrontMatterBlock: Sendable, Equatable {
    public enum Kind: String, Sendable { case yaml, toml }

    public let kind: Kind
    /// The opening fence line, including its line break.
    public let openFence: Range<Int>
    /// The bytes between the fences (what a YAML parser sees).
    public let content: Range<Int>
    /// The closing fence line including its line break, or nil when the block is never closed.
    public let closeFence: Range<Int>?

    /// Where the Markdown body starts: after the closing fence, or (unclosed) at the
    /// opening fence, since then the file has no front matter.
    public var bodyStart: Int { closeFence?.upperBound ?? openFence.lowerBound }
    public var isClosed: Bool { closeFence != nil }
    /// Everything the block occupies in the file.
    public var range: Range<Int> { openFence.lowerBound..<bodyStart }
}

public enum FrontMatter {
    /// Finds a leading `---` (YAML) or `+++` (TOML) block, after an optional UTF-8 BOM.
    /// YAML closes with `---` or `...`, TOML with `+++`; fences may carry trailing blanks.
    public static func split(_ bytes: [UInt8]) -> FrontMatterBlock? {
        let start = hasBOM(bytes) ? 3 : 0
        guard let first = nextLine(bytes, from: start) else { return nil }
        let kind: FrontMatterBlock.Kind
        if isFence(bytes, first.content, char: 0x2D) {
            kind = .yaml
        } else if isFence(bytes, first.content, char: 0x2B) {
            kind = .toml
        } else {
            return nil
        }
        var cursor = first.end
        while let line = nextLine(bytes, from: cursor) {
            let closes = kind == .yaml
                ? isFence(bytes, line.content, char: 0x2D) || isFence(bytes, line.content, char: 0x2E)
                : isFence(bytes, line.content, char: 0x2B)
            if closes {
                return FrontMatterBlock(kind: kind, openFence: start..<first.end,
                                        content: first.end..<line.content.lowerBound,
                                        closeFence: line.content.lowerBound..<line.end)
            }
            cursor = line.end
        }
        return FrontMatterBlock(kind: kind, openFence: start..<first.end,
                                content: first.end..<bytes.count, closeFence: nil)
    }

    static func hasBOM(_ b: [UInt8]) -> Bool {
        b.count >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF
    }

    /// The line starting at `from`: its content range and the offset after its line break.
    static func nextLine(_ b: [UInt8], from: Int) -> (content: Range<Int>, end: Int)? {
        guard from < b.count else { return nil }
        var i = from
        while i < b.count && b[i] != 0x0A && b[i] != 0x0D { i += 1 }
        var end = i
        if end < b.count && b[end] == 0x0D { end += 1 }
        if end < b.count && b[end] == 0x0A && (end == i || b[end - 1] == 0x0D) { end += 1 }
        return (from..<i, end)
    }

    /// Exactly three `char` followed only by spaces or tabs.
    static func isFence(_ b: [UInt8], _ r: Range<Int>, char: UInt8) -> Bool {
        guard r.count >= 3, b[r.lowerBound] == char, b[r.lowerBound + 1] == char,
              b[r.lowerBound + 2] == char else { return false }
        return b[(r.lowerBound + 3)..<r.upperBound].allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }
}
