import RuleEngine

/// `path:line:col: severity [rule-id] message [fix hint]`, one finding a line, then a summary.
struct TextReporter: Sendable {
    var policy: FixPolicy
    /// ANSI colours (`--color`).
    var color = false

    init(policy: FixPolicy, color: Bool = false) {
        self.policy = policy
        self.color = color
    }

    init(fixLevel: Applicability, color: Bool = false) {
        self.init(policy: FixPolicy(level: fixLevel), color: color)
    }

    /// The lines of one file's findings (rendered by the worker that checked the file).
    func lines(_ report: FileReport) -> [UInt8] {
        var out: [UInt8] = []
        guard !report.findings.isEmpty else { return out }
        out.reserveCapacity(report.findings.count * (report.path.utf8.count + 120))
        for k in report.findings.indices { line(report.findings[k], path: report.path, into: &out) }
        return out
    }

    /// One finding's line. (`borrowing`: read in place; a copy of each finding would retain
    /// its strings and edits.)
    private func line(_ r: borrowing ReportedFinding, path: String, into out: inout [UInt8]) {
        paint(&out, Style.bold) { $0.append(utf8: path) }
        out.append(0x3A)
        out.append(decimal: r.start.line)
        out.append(0x3A)
        out.append(decimal: r.start.column)
        out.append(contentsOf: [0x3A, 0x20])
        let severity = r.finding.severity
        paint(&out, Style.severity(severity)) { $0.append(utf8: severity.rawValue) }
        out.append(contentsOf: [0x20, 0x5B])
        let rule = r.finding.ruleID
        paint(&out, Style.rule) { $0.append(utf8: rule) }
        out.append(contentsOf: [0x5D, 0x20])
        out.append(utf8: r.finding.message)
        if let fix = r.finding.fix {
            out.append(0x20)
            paint(&out, Style.fix(fix.applicability, policy.level(for: rule))) { hint(fix, rule: rule, into: &$0) }
        }
        out.append(0x0A)
    }

    private func hint(_ fix: Fix, rule: String, into out: inout [UInt8]) {
        if let why = fix.withheld {
            out.append(ascii: "[fix withheld: ")
            out.append(utf8: why)
            out.append(0x5D)
            return
        }
        switch fix.applicability {
        case .safe: out.append(ascii: "[fix: ")
        case .unsafe: out.append(ascii: policy.level(for: rule) >= .unsafe ? "[fix: " : "[unsafe fix: ")
        case .suggestion:
            out.append(ascii: "[suggestion: ")
            out.append(utf8: fix.title)
            out.append(0x5D)
            return
        }
        out.append(utf8: fix.title)
        if let changes = fix.changes {
            out.append(ascii: "; it ")
            out.append(utf8: changes)
        }
        out.append(0x5D)
    }

    /// `N files, M findings, K fixable`, plus what `--unsafe-fixes` would add, baselined findings and errors.
    func summary(_ run: RunTotals) -> String {
        let unsafeOnly = policy.level < .unsafe ? run.fixableUnsafe - run.fixable : 0
        var line = "\(plural(run.checkedFiles, "file")), \(plural(run.findings, "finding")), \(run.fixable) fixable"
        if unsafeOnly > 0 { line += " (\(unsafeOnly) more with --unsafe-fixes)" }
        if run.baselined > 0 { line += "; \(run.baselined) more in the baseline" }
        if !run.failed.isEmpty { line += "; \(plural(run.failed.count, "file")) with errors (see above)" }
        var out: [UInt8] = []
        paint(&out, Style.bold) { $0.append(utf8: line) }
        out.append(0x0A)
        return String(reportBytes: out)
    }

    private func paint(_ out: inout [UInt8], _ code: StaticString, _ body: (inout [UInt8]) -> Void) {
        guard color && code.utf8CodeUnitCount > 0 else { return body(&out) }
        out.append(contentsOf: [0x1B, 0x5B])
        out.append(ascii: code)
        out.append(0x6D)
        body(&out)
        out.append(contentsOf: [0x1B, 0x5B, 0x30, 0x6D])
    }

    /// SGR codes.
    enum Style {
        static let bold: StaticString = "1"
        static let rule: StaticString = "36"  // cyan
        static func severity(_ s: Severity) -> StaticString {
            switch s {
            case .error: "1;31"  // bold red
            case .warning: "33"  // yellow
            case .info: "34"  // blue
            }
        }
        static func fix(_ a: Applicability, _ level: Applicability) -> StaticString {
            a <= level && a != .suggestion ? "32" : "2"  // green when this run applies it, dim otherwise
        }
    }
}

func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
