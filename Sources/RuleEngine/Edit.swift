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

    /// The range and the replacement's bytes in one call (an array of bytes hashes a
    /// `Hasher` call a byte: a card's Markdown is hundreds). Equal edits hash alike.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(range.lowerBound)
        hasher.combine(range.upperBound)
        hasher.combine(replacement.count)
        replacement.withUnsafeBytes { hasher.combine(bytes: $0) }
    }

    /// Whether `edits` (in the order given) go forward without touching: what `FixApplier`
    /// can apply as one fix.
    public static func inOrderApart(_ edits: [Edit]) -> Bool {
        !zip(edits, edits.dropFirst()).contains(where: { $0.overlaps($1) || $0.range.upperBound > $1.range.lowerBound })
    }

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
