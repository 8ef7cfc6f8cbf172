/// Replace the bytes of `range` with `replacement`: an empty range inserts, an empty
/// replacement deletes. Offsets are UTF-8 byte offsets into the file as read.
public struct Edit: Sendable, Hashable {
    public var range: Range<Int>
    public var replacement: [UInt8]

    public init(range: Range<Int>, replacement: [UInt8]) {
        self.range = range
        self.replacement = replacement
    }

    public init(range: Range<Int>, replacement: String) {
        self.init(range: range, replacement: Array(replacement.utf8))
    }

    public static func delete(_ range: Range<Int>) -> Edit { Edit(range: range, replacement: []) }

    /// Two edits conflict when they touch the same bytes, or insert at the same point.
    public func overlaps(_ other: Edit) -> Bool {
        if range.isEmpty || other.range.isEmpty {
            return range.lowerBound == other.range.lowerBound
                || (range.lowerBound > other.range.lowerBound && range.lowerBound < other.range.upperBound)
                || (other.range.lowerBound > range.lowerBound && other.range.lowerBound < range.upperBound)
        }
        return range.overlaps(other.range)
    }
}

/// How far galley may go in applying a fix on its own.
public enum Applicability: String, Sendable, Comparable, CaseIterable {
    /// Applied by `galley fix`: the rendered document keeps its meaning.
    case safe
    /// Applied only with `--unsafe-fixes`: probably right, but may change meaning.
    case unsafe
    /// Shown to the user, never applied.
    case suggestion

    private var rank: Int {
        switch self {
        case .safe: 0
        case .unsafe: 1
        case .suggestion: 2
        }
    }

    public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }
}

/// A change that resolves a finding: all of its edits are applied, or none.
public struct Fix: Sendable, Hashable {
    /// Imperative, no trailing period: "Replace the entity with a space".
    public var title: String
    public var edits: [Edit]
    public var applicability: Applicability

    public init(title: String, edits: [Edit], applicability: Applicability) {
        self.title = title
        self.edits = edits.sorted { $0.range.lowerBound < $1.range.lowerBound }
        self.applicability = applicability
    }

    /// The same fix with a lower applicability (for example after a safety check failed).
    public func downgraded(to a: Applicability) -> Fix {
        Fix(title: title, edits: edits, applicability: max(applicability, a))
    }
}
