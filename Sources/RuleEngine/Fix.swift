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
