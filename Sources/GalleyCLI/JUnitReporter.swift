/// `--format junit`: one `testsuite` per file, one failing `testcase` per finding (a file
/// without findings gets one passing case), and an `error` case for a file that could not
/// be checked. Case names are unique within a file, as GitLab keeps only the first of a name.
struct JUnitReporter: Reporter {
    func document(_ run: RunSummary) -> String {
        let total = run.reports.reduce(0) { $0 + max(1, $1.findings.count) }
        let failures = run.findings.count
        let errors = run.failedFiles.count
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"galley\" tests=\"\(total)\" failures=\"\(failures)\" errors=\"\(errors)\" time=\"0\">\n"
        for report in run.reports {
            let file = Self.escape(report.path)
            let isError = report.error != nil
            let tests = isError ? 1 : max(1, report.findings.count)
            out += "  <testsuite name=\"\(file)\" tests=\"\(tests)\" failures=\"\(report.findings.count)\" errors=\"\(isError ? 1 : 0)\" skipped=\"0\" time=\"0\">\n"
            if let error = report.error {
                out += "    <testcase classname=\"\(file)\" name=\"galley\" file=\"\(file)\" time=\"0\">\n"
                out += "      <error message=\"\(Self.escape(error))\" type=\"error\">\(Self.escape(error, attribute: false))</error>\n"
                out += "    </testcase>\n"
            } else if report.findings.isEmpty {
                out += "    <testcase classname=\"\(file)\" name=\"galley\" file=\"\(file)\" time=\"0\"/>\n"
            }
            var used: [String: Int] = [:]
            for r in report.findings {
                let f = r.finding
                var name = "\(f.ruleID) \(r.start.line):\(r.start.column)"
                let n = used[name, default: 0] + 1
                used[name] = n
                if n > 1 { name += " (\(n))" }
                let position = "\(r.start.line):\(r.start.column)-\(r.end.line):\(r.end.column)"
                var body = "rule: \(f.ruleID)\nposition: \(report.path):\(position)\nseverity: \(f.severity.rawValue)\nmessage: \(f.message)"
                if let why = f.fix?.withheld {
                    body += "\nfix withheld: \(why)"
                } else if let fix = f.fix {
                    body += "\nfix (\(fix.applicability.rawValue)): \(fix.title)" + (fix.changes.map { "; it \($0)" } ?? "")
                }
                out += "    <testcase classname=\"\(file)\" name=\"\(Self.escape(name))\" file=\"\(file)\" line=\"\(r.start.line)\" time=\"0\">\n"
                out += "      <failure message=\"\(Self.escape(f.message))\" type=\"\(f.severity.rawValue)\">\(Self.escape(body, attribute: false))</failure>\n"
                out += "    </testcase>\n"
            }
            out += "  </testsuite>\n"
        }
        out += "</testsuites>\n"
        return out
    }

    /// XML text: `& < >` (and in attributes `"`, `'` and line breaks, which attribute
    /// normalisation would turn into spaces) as references; characters XML 1.0 cannot
    /// hold at all become U+FFFD.
    static func escape(_ s: String, attribute: Bool = true) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "'" where attribute: out += "&apos;"
            case "\n" where attribute: out += "&#10;"
            case "\r": out += "&#13;"
            case "\t" where attribute: out += "&#9;"
            default:
                let v = c.value
                if (v < 0x20 && v != 0x09 && v != 0x0A) || v == 0xFFFE || v == 0xFFFF {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(c)
                }
            }
        }
        return out
    }
}
