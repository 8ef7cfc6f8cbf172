/// What a rule is, independent of any document.
public struct RuleDescriptor: Sendable {
    public var id: String
    /// The rule's reference page (`rules/<id>.md`), UTF-8, as embedded in the binary.
    public var page: [UInt8]
    public var summary: String
    public var defaultSeverity: Severity
    /// The best applicability this rule's fixes can have, or nil when it never fixes.
    public var fix: Applicability?
    /// Option keys accepted in `.galley.yml`.
    public var options: [RuleOption]
    /// Whether the rule is on when the configuration does not mention it.
    public var enabledByDefault: Bool
    /// Whether the rule may search the whole site for a file by name (`Site.files(named:)`):
    /// a run of few posts prepares such searches before its first post (`Site.prepareSearches`).
    public var searchesSite: Bool

    public init(id: String, page: [UInt8], summary: String, defaultSeverity: Severity, fix: Applicability?,
                options: [RuleOption] = [], enabledByDefault: Bool = true, searchesSite: Bool = false) {
        self.id = id
        self.page = page
        self.summary = summary
        self.defaultSeverity = defaultSeverity
        self.fix = fix
        self.options = options
        self.enabledByDefault = enabledByDefault
        self.searchesSite = searchesSite
    }

    /// The reference page as text.
    public var documentation: String { String(decoding: page, as: UTF8.self) }
}
