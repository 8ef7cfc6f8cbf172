import RuleEngine

/// `path:line:col: severity [rule-id] message [fix hint]`, one finding a line, then a summary.
struct TextReporter {
    var fixLevel: Applicability
    /// ANSI colours (`--color`).
    var color = false

    /// The lines of one file's findings (rendered by the worker that checked the file).
    func lines(_ report: FileReport) -> String {
        var out = ""
        for r in report.findings {
            let f = r.finding
            out += paint(report.path, Style.bold) + ":\(r.start.line):\(r.start.column): "
                + paint(f.severity.rawValue, Style.severity(f.severity))
                + " [" + paint(f.ruleID, Style.rule) + "] \(f.message)"
            if let fix = f.fix { out += " " + paint(hint(fix), Style.fix(fix.applicability, fixLevel)) }
            out += "\n"
        }
        return out
    }

    private func hint(_ fix: Fix) -> String {
        if let why = fix.withheld { return "[fix withheld: \(why)]" }
        let changes = fix.changes.map { "; it \($0)" } ?? ""
        switch fix.applicability {
        case .safe: return "[fix: \(fix.title)\(changes)]"
        case .unsafe: return fixLevel >= .unsafe ? "[fix: \(fix.title)\(changes)]" : "[unsafe fix: \(fix.title)\(changes)]"
        case .suggestion: return "[suggestion: \(fix.title)]"
        }
    }

    /// `N files, M findings, K fixable`, plus what `--unsafe-fixes` would add, baselined findings and errors.
    func summary(_ reports: [FileReport]) -> String {
        let findings = reports.flatMap(\.findings).map(\.finding)
        let fixable = findings.filter { $0.isFixable(upTo: fixLevel) }.count
        let unsafeOnly = fixLevel < .unsafe ? findings.filter { $0.isFixable(upTo: .unsafe) }.count - fixable : 0
        let checked = reports.filter { $0.error == nil }.count
        var line = "\(plural(checked, "file")), \(plural(findings.count, "finding")), \(fixable) fixable"
        if unsafeOnly > 0 { line += " (\(unsafeOnly) more with --unsafe-fixes)" }
        let baselined = reports.reduce(0) { $0 + $1.baselined }
        if baselined > 0 { line += "; \(baselined) more in the baseline" }
        let failed = reports.count - checked
        if failed > 0 { line += "; \(plural(failed, "file")) with errors (see above)" }
        return paint(line, Style.bold) + "\n"
    }

    private func paint(_ text: String, _ code: String) -> String {
        color && !code.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    /// SGR codes.
    enum Style {
        static let bold = "1"
        static let rule = "36"  // cyan
        static func severity(_ s: Severity) -> String {
            switch s {
            case .error: "1;31"  // bold red
            case .warning: "33"  // yellow
            case .info: "34"  // blue
            }
        }
        static func fix(_ a: Applicability, _ level: Applicability) -> String {
            a <= level && a != .suggestion ? "32" : "2"  // green when this run applies it, dim otherwise
        }
    }
}

func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
