import RuleEngine

/// `--format github`: one GitHub Actions workflow command per finding, so findings show
/// as annotations on the pull request, then the summary line. Escaping follows the
/// Actions toolkit (`escapeProperty`, `escapeData`); `%` is escaped first.
struct GitHubReporter: Reporter {
    func document(_ run: RunSummary) -> String {
        var out = ""
        for report in run.reports {
            let file = run.paths.display(report.path)
            if let error = report.error {
                out += "::error file=\(Self.property(file)),title=\(Self.property("galley: file not checked"))::\(Self.data(error))\n"
            }
            for r in report.findings { out += Self.command(r, file: file, fixLevel: run.fixLevel) + "\n" }
        }
        out += TextReporter(fixLevel: run.fixLevel).summary(run.reports)
        return out
    }

    static func command(_ r: ReportedFinding, file: String, fixLevel: Applicability) -> String {
        let f = r.finding
        var properties = "file=\(property(file)),line=\(r.start.line)"
        // The runner drops columns of a range over several lines; so do we.
        if r.start.line == r.end.line { properties += ",col=\(r.start.column)" }
        properties += ",endLine=\(r.end.line)"
        if r.start.line == r.end.line { properties += ",endColumn=\(r.end.column)" }
        properties += ",title=\(property("galley: \(f.ruleID)"))"
        return "::\(kind(f.severity)) \(properties)::\(data(message(f, fixLevel: fixLevel)))"
    }

    /// The finding's message, and on a second line what the fix does.
    static func message(_ f: Finding, fixLevel: Applicability) -> String {
        guard let fix = f.fix else { return f.message }
        if let why = fix.withheld { return f.message + "\nfix withheld: " + why }
        switch fix.applicability {
        case .safe: return f.message + "\nfix (galley fix): " + fix.title
        case .unsafe: return f.message + "\nunsafe fix (galley fix --unsafe-fixes): " + fix.title
        case .suggestion: return f.message + "\nsuggestion: " + fix.title
        }
    }

    static func kind(_ s: Severity) -> String {
        switch s {
        case .error: "error"
        case .warning: "warning"
        case .info: "notice"
        }
    }

    /// A message: `%`, CR and LF escaped (and nothing else, or it would show literally).
    static func data(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// A property value: as a message, plus `:` and `,`, which end or split properties.
    static func property(_ s: String) -> String {
        var out = ""
        for c in data(s).unicodeScalars {
            switch c {
            case ":": out += "%3A"
            case ",": out += "%2C"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    static let summaryLimit = 1_000_000

    /// The Markdown written to `$GITHUB_STEP_SUMMARY`: every finding, since the
    /// annotations show only ten per type and step.
    static func stepSummary(_ run: RunSummary) -> String {
        var out = "### galley\n\n"
        out += cell(TextReporter(fixLevel: run.fixLevel).summary(run.reports).trimmingCharacters(in: .newlines)) + "\n\n"
        let failed = run.failedFiles
        if !failed.isEmpty {
            out += "Not checked:\n\n"
            for r in failed { out += "- " + cell(r.path) + ": " + cell(r.error ?? "") + "\n" }
            out += "\n"
        }
        guard !run.findings.isEmpty else { return out }
        out += "| File | Line | Column | Severity | Rule | Message |\n| --- | ---: | ---: | --- | --- | --- |\n"
        var shown = 0
        rows: for report in run.reports {
            let file = cell(run.paths.display(report.path))
            for r in report.findings {
                let f = r.finding
                let row = "| \(file) | \(r.start.line) | \(r.start.column) | \(f.severity.rawValue) | \(cell(f.ruleID)) | \(cell(message(f, fixLevel: run.fixLevel))) |\n"
                // GitHub refuses a step summary over 1 MiB: stop short of it.
                if out.utf8.count + row.utf8.count > summaryLimit { break rows }
                out += row
                shown += 1
            }
        }
        let total = run.findings.count
        if shown < total { out += "\n\(total - shown) more findings are not listed here (the summary would exceed GitHub's 1 MiB limit); the job log has them all.\n" }
        return out + "\n"
    }

    /// Text for a Markdown table cell: characters that could start emphasis, code, links,
    /// HTML, entities, autolinks, math or a cell boundary are backslash-escaped so the text
    /// shows literally; line breaks become `<br>`.
    static func cell(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "\n": out += "<br>"
            case "\r": continue
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "&", "~", ":", "$":
                out += "\\"
                out.unicodeScalars.append(c)
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
