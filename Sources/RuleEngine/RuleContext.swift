/// What the engine hands a rule besides the document: its configured severity and
/// options, and the configuration that applies to the document (for `site:` and
/// `front-matter:`).
public struct RuleContext: Sendable {
    public var severity: Severity
    public var options: RuleOptions
    public var configuration: Configuration

    public init(severity: Severity, options: RuleOptions = RuleOptions(), configuration: Configuration = .default) {
        self.severity = severity
        self.options = options
        self.configuration = configuration
    }
}
