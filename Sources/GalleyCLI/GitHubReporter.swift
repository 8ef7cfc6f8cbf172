import RuleEngine

/// `--format github`: one GitHub Actions workflow command per finding, so findings show
/// as annotations on the pull request, then the summary line. Escaping follows the
/// Actions toolkit (`escapeProperty`, `escapeData`); `%` is escaped first.
struct GitHubReporter {
    /// A file's commands (rendered by the worker): its error, then one line per finding.
    static func lines(_ report: FileReport, paths: RepositoryPaths, policy: FixPolicy) -> [UInt8] {
        var out: [UInt8] = []
        guard report.error != nil || !report.findings.isEmpty else { return out }
        let file = paths.display(report.path)
        if let error = report.error {
            out.append(ascii: "::error file=")
            appendProperty(file, &out)
            out.append(ascii: ",title=galley%3A file not checked::")
            appendData(error, &out)
            out.append(0x0A)
        }
        for r in report.findings {
            command(r, file: file, fixLevel: policy.level, into: &out)
            out.append(0x0A)
        }
        return out
    }

    static func command(_ r: ReportedFinding, file: String, fixLevel: Applicability) -> String {
        var out: [UInt8] = []
        command(r, file: file, fixLevel: fixLevel, into: &out)
        return String(reportBytes: out)
    }

    static func command(_ r: ReportedFinding, file: String, fixLevel: Applicability, into out: inout [UInt8]) {
        let f = r.finding
        out.append(contentsOf: [0x3A, 0x3A])
        out.append(utf8: kind(f.severity))
        out.append(ascii: " file=")
        appendProperty(file, &out)
        out.append(ascii: ",line=")
        out.append(decimal: r.start.line)
        // The runner drops columns of a range over several lines; so do we.
        let oneLine = r.start.line == r.end.line
        if oneLine {
            out.append(ascii: ",col=")
            out.append(decimal: r.start.column)
        }
        out.append(ascii: ",endLine=")
        out.append(decimal: r.end.line)
        if oneLine {
            out.append(ascii: ",endColumn=")
            out.append(decimal: r.end.column)
        }
        out.append(ascii: ",title=galley%3A ")
        appendProperty(f.ruleID, &out)
        out.append(contentsOf: [0x3A, 0x3A])
        appendData(f.message, &out)
        if let tail = fixLine(f) {
            out.append(ascii: "%0A")
            appendData(tail, &out)
        }
    }

    /// The finding's message, and on a second line what the fix does.
    static func message(_ f: Finding, fixLevel: Applicability) -> String {
        guard let tail = fixLine(f) else { return f.message }
        return f.message + "\n" + tail
    }

    private static func fixLine(_ f: Finding) -> String? {
        guard let fix = f.fix else { return nil }
        if let why = fix.withheld { return "fix withheld: " + why }
        switch fix.applicability {
        case .safe: return "fix (galley fix): " + fix.title
        case .unsafe: return "unsafe fix (galley fix --unsafe-fixes): " + fix.title
        case .suggestion: return "suggestion: " + fix.title
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
        var out: [UInt8] = []
        appendData(s, &out)
        return String(reportBytes: out)
    }

    /// A property value: as a message, plus `:` and `,`, which end or split properties.
    static func property(_ s: String) -> String {
        var out: [UInt8] = []
        appendProperty(s, &out)
        return String(reportBytes: out)
    }

    /// A workflow command's data escapes `%`, CR and LF.
    static func dataEscape(_ b: UInt8) -> StaticString? {
        switch b {
        case 0x25: "%25"
        case 0x0D: "%0D"
        case 0x0A: "%0A"
        default: nil
        }
    }

    static func appendData(_ s: String, _ out: inout [UInt8]) {
        out.append(utf8: s, escaping: dataEscape)
    }

    /// A property escapes what data does, and `:` and `,`.
    static func appendProperty(_ s: String, _ out: inout [UInt8]) {
        out.append(utf8: s) { b in
            switch b {
            case 0x3A: "%3A"
            case 0x2C: "%2C"
            default: dataEscape(b)
            }
        }
    }

    // MARK: - The step summary

    static let summaryLimit = 1_000_000

    /// A file's rows of the step summary's table (rendered by the worker).
    static func summaryRows(_ report: FileReport, paths: RepositoryPaths, policy: FixPolicy) -> Pieces {
        var rows = Pieces()
        guard !report.findings.isEmpty else { return rows }
        let file = cell(paths.display(report.path))
        for r in report.findings {
            let f = r.finding
            rows.add(Array("| \(file) | \(r.start.line) | \(r.start.column) | \(f.severity.rawValue) | \(cell(f.ruleID)) | \(cell(message(f, fixLevel: policy.level))) |\n".utf8))
        }
        return rows
    }

    /// The Markdown written to `$GITHUB_STEP_SUMMARY`: every finding, since the
    /// annotations show only ten per type and step. The rows are collected as files
    /// finish, as many as can fit in GitHub's limit (1 MiB); the rest are counted.
    struct StepSummary {
        private var rows: [UInt8] = []
        private var ends: [Int] = []
        private var full = false

        mutating func add(_ pieces: Pieces) {
            for i in 0..<pieces.count where !full {
                let row = pieces.element(i)
                if rows.count + row.count > summaryLimit {
                    full = true
                    break
                }
                rows.append(contentsOf: row)
                ends.append(rows.count)
            }
        }

        func document(_ run: RunTotals) -> String {
            var out = "### galley\n\n"
            out += cell(TextHelpers.trimmingLineBreaks(TextReporter(policy: run.policy).summary(run))) + "\n\n"
            if !run.failed.isEmpty {
                out += "Not checked:\n\n"
                for r in run.failed { out += "- " + cell(r.path) + ": " + cell(r.error) + "\n" }
                out += "\n"
            }
            guard run.findings > 0 else { return out }
            out += "| File | Line | Column | Severity | Rule | Message |\n| --- | ---: | ---: | --- | --- | --- |\n"
            var bytes = Array(out.utf8)
            var shown = 0
            var start = 0
            for end in ends {
                // GitHub refuses a step summary over 1 MiB: stop short of it.
                if bytes.count + (end - start) > summaryLimit { break }
                bytes.append(contentsOf: rows[start..<end])
                start = end
                shown += 1
            }
            if shown < run.findings {
                bytes.append(utf8: "\n\(run.findings - shown) more findings are not listed here (the summary would exceed GitHub's 1 MiB limit); the job log has them all.\n")
            }
            bytes.append(0x0A)
            return String(reportBytes: bytes)
        }
    }

    /// Text for a Markdown table cell: characters that could start emphasis, code, links,
    /// HTML, entities, autolinks, math or a cell boundary are backslash-escaped so the text
    /// shows literally; line breaks become `<br>`.
    static func cell(_ s: String) -> String {
        var out: [UInt8] = []
        out.append(utf8: s) { b in
            switch b {
            case 0x0A: "<br>"
            case 0x0D: ""
            case 0x5C: "\\\\"
            case 0x60: "\\`"
            case 0x2A: "\\*"
            case 0x5F: "\\_"
            case 0x5B: "\\["
            case 0x5D: "\\]"
            case 0x3C: "\\<"
            case 0x3E: "\\>"
            case 0x7C: "\\|"
            case 0x26: "\\&"
            case 0x7E: "\\~"
            case 0x3A: "\\:"
            case 0x24: "\\$"
            default: nil
            }
        }
        return String(reportBytes: out)
    }
}
