/// A rule reads a `Document` and appends findings; each finding carries the exact fix,
/// so there is no separate fix function that could disagree with `check`.
public protocol Rule: Sendable {
    var descriptor: RuleDescriptor { get }
    /// Checks one document; `context` carries the configured severity and options.
    func check(_ document: Document, context: RuleContext, into findings: inout [Finding])
}
