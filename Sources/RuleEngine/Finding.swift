/// One problem a rule found, where it is, and (when possible) how to fix it.
public struct Finding: Sendable, Hashable {
    public var ruleID: String
    /// Byte range of the flagged text.
    public var range: Range<Int>
    /// States the problem, no trailing period.
    public var message: String
    public var severity: Severity
    public var fix: Fix?

    public init(ruleID: String, range: Range<Int>, message: String, severity: Severity, fix: Fix? = nil) {
        self.ruleID = ruleID
        self.range = range
        self.message = message
        self.severity = severity
        self.fix = fix
    }

    /// Whether the fix is applied by a run allowing fixes up to `level`.
    public func isFixable(upTo level: Applicability) -> Bool {
        guard let fix, fix.applicability != .suggestion, fix.withheld == nil else { return false }
        return fix.applicability <= level
    }
}
