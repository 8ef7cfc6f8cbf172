import MarkdownScanner

/// Link reference definitions by normalized label (as the scanner normalizes labels):
/// each destination and title with backslash escapes and character references decoded.
public struct LinkDefinitions: Sendable {
    public struct Target: Sendable, Equatable {
        public var destination: [UInt8]
        public var title: [UInt8]?

        public init(destination: [UInt8], title: [UInt8]? = nil) {
            self.destination = destination
            self.title = title
        }
    }

    var targets: [String: Target] = [:]

    public init() {}

    public var isEmpty: Bool { targets.isEmpty }
    public var count: Int { targets.count }
    public var labels: Dictionary<String, Target>.Keys { targets.keys }

    public subscript(label: String) -> Target? { targets[label] }

    /// Adds a definition unless `label` has one already (the first definition wins).
    public mutating func add(label: String, _ target: Target) {
        if targets[label] == nil { targets[label] = target }
    }

    /// These definitions, then those of `later` whose labels are not defined here.
    public func adding(_ later: LinkDefinitions) -> LinkDefinitions {
        guard !later.isEmpty else { return self }
        var merged = self
        for (label, target) in later.targets { merged.add(label: label, target) }
        return merged
    }

    /// The document's own definitions (the first of two with one label wins).
    public static func collect(_ source: SourceText, _ blocks: BlockScan) -> LinkDefinitions {
        var result = LinkDefinitions()
        let b = source.bytes
        for d in blocks.definitionList {
            var title: [UInt8]?
            if let t = d.title {
                let joined = joinedLines(source, blocks, t)
                title = Decoding.decoded(joined, 1..<(joined.count - 1))
            }
            result.add(label: d.label, Target(destination: Decoding.decoded(b, d.destination), title: title))
        }
        return result
    }

    /// The bytes of `range` as the scanner reads text that spans lines: each later line from
    /// its content start, leading spaces and tabs left out, lines joined by `\n`.
    static func joinedLines(_ source: SourceText, _ blocks: BlockScan, _ range: Range<Int>) -> [UInt8] {
        let b = source.bytes
        let first = source.line(containing: range.lowerBound)
        let last = source.line(containing: max(range.lowerBound, range.upperBound - 1))
        guard first < last else { return Array(b[range]) }
        var out = Array(b[range.lowerBound..<source.contentEnd(first)])
        for l in (first + 1)...last {
            out.append(0x0A)
            let end = l == last ? range.upperBound : source.contentEnd(l)
            var s = blocks.lines[l].contentStart
            while s < end && ByteClass.isSpaceOrTab(b[s]) { s += 1 }
            out.append(contentsOf: b[s..<end])
        }
        return out
    }
}
