/// A rule reads a `Document` and reports findings through its context; each finding
/// carries the exact fix, so there is no separate fix function that could disagree with
/// `check`. A rule keeps no state of its own between documents.
public protocol Rule: Sendable {
    var descriptor: RuleDescriptor { get }
    /// Checks one document; `context` carries the configured severity, options and site.
    func check(_ document: Document, _ context: RuleContext)
}
