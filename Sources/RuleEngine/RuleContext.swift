/// What the engine hands a rule with each document: its configured severity and
/// options, the configuration that applies to the document (`site:`, `front-matter:`),
/// the document's site, and `report`, the one way a rule says what it found.
public final class RuleContext {
    public private(set) var severity: Severity
    public private(set) var options: RuleOptions
    public let configuration: Configuration
    private let session: Session
    private let documentPath: String
    private var ruleID = ""
    private var fixSetting: FixSetting?
    private(set) var findings: [Finding] = []
    private var resolvedSite: Site?

    init(document: Document, configuration: Configuration) {
        self.configuration = configuration
        session = document.session
        documentPath = document.path
        severity = .warning
        options = RuleOptions()
    }

    /// Points the context at the next rule.
    func begin(_ id: String, severity: Severity, options: RuleOptions, fix: FixSetting?) {
        ruleID = id
        fixSetting = fix
        self.severity = severity
        self.options = options
    }

    /// The site the document belongs to (made once per run for each set of roots).
    public var site: Site {
        if let resolvedSite { return resolvedSite }
        let site = session.site(for: documentPath, configuration: configuration)
        resolvedSite = site
        return site
    }

    /// The file system, for what the site does not answer (a path relative to the document).
    public var fileSystem: any FileSystem { session.fileSystem }

    /// Records a finding of the current rule at its configured severity, its fix as the
    /// rule's `fix:` setting makes it.
    public func report(_ range: Range<Int>, _ message: String, fix: Fix? = nil) {
        let fix = fixSetting.map { setting in fix.flatMap(setting.applied(to:)) } ?? fix
        findings.append(Finding(ruleID: ruleID, range: range, message: message, severity: severity, fix: fix))
    }

    /// Takes the findings recorded so far.
    func takeFindings() -> [Finding] {
        defer { findings = [] }
        return findings
    }
}
