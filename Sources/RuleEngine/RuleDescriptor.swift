/// What a rule is, independent of any document.
public struct RuleDescriptor: Sendable {
    public var id: String
    public var summary: String
    public var defaultSeverity: Severity
    /// The best applicability this rule's fixes can have, or nil when it never fixes.
    public var fix: Applicability?
    /// Option keys accepted in `.galley.yml`.
    public var options: [RuleOption]
    /// Whether the rule is on when the configuration does not mention it.
    public var enabledByDefault: Bool

    public init(id: String, summary: String, defaultSeverity: Severity, fix: Applicability?,
                options: [RuleOption] = [], enabledByDefault: Bool = true) {
        self.id = id
        self.summary = summary
        self.defaultSeverity = defaultSeverity
        self.fix = fix
        self.options = options
        self.enabledByDefault = enabledByDefault
    }
}
