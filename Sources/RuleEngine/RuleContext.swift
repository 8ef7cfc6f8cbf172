/// What the engine hands a rule besides the document: its configured severity and options.
public struct RuleContext: Sendable {
    public var severity: Severity
    public var options: RuleOptions

    public init(severity: Severity, options: RuleOptions = RuleOptions()) {
        self.severity = severity
        self.options = options
    }
}
