/// `--format junit`: one `testsuite` per file, one failing `testcase` per finding (a file
/// without findings gets one passing case), and an `error` case for a file that could not
/// be checked. Case names are unique within a file, as GitLab keeps only the first of a name.
///
/// The root element's attributes count every case, so the suites are spooled (memory up
/// to 1 MB, then a temporary file) and written after the header at the end.
struct JUnitReporter {
    /// A file's `testsuite` element (rendered by the worker).
    static func suite(_ report: FileReport) -> [UInt8] {
        var out: [UInt8] = []
        let file = escape(report.path)
        let isError = report.error != nil
        let tests = isError ? 1 : max(1, report.findings.count)
        out.append(utf8: "  <testsuite name=\"\(file)\" tests=\"\(tests)\" failures=\"\(report.findings.count)\" errors=\"\(isError ? 1 : 0)\" skipped=\"0\" time=\"0\">\n")
        if let error = report.error {
            out.append(utf8: "    <testcase classname=\"\(file)\" name=\"galley\" file=\"\(file)\" time=\"0\">\n")
            out.append(utf8: "      <error message=\"\(escape(error))\" type=\"error\">\(escape(error, attribute: false))</error>\n")
            out.append(utf8: "    </testcase>\n")
        } else if report.findings.isEmpty {
            out.append(utf8: "    <testcase classname=\"\(file)\" name=\"galley\" file=\"\(file)\" time=\"0\"/>\n")
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
            out.append(utf8: "    <testcase classname=\"\(file)\" name=\"\(escape(name))\" file=\"\(file)\" line=\"\(r.start.line)\" time=\"0\">\n")
            out.append(utf8: "      <failure message=\"\(escape(f.message))\" type=\"\(f.severity.rawValue)\">\(escape(body, attribute: false))</failure>\n")
            out.append(utf8: "    </testcase>\n")
        }
        out.append(utf8: "  </testsuite>\n")
        return out
    }

    private let spool = Spool()
    private var tests = 0

    mutating func add(_ suite: [UInt8], findings: Int) {
        tests += max(1, findings)
        spool.write(suite)
    }

    func finish(_ run: RunTotals, into sink: OutputSink) {
        sink.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        sink.write("<testsuites name=\"galley\" tests=\"\(tests)\" failures=\"\(run.findings)\" errors=\"\(run.failed.count)\" time=\"0\">\n")
        spool.drain(into: sink)
        sink.write("</testsuites>\n")
    }

    var spoolFailure: String? { spool.failure }

    /// XML text: `& < >` (and in attributes `"`, `'` and line breaks, which attribute
    /// normalisation would turn into spaces) as references; characters XML 1.0 cannot
    /// hold at all become U+FFFD.
    static func escape(_ s: String, attribute: Bool = true) -> String {
        var out: [UInt8] = []
        var s = s
        s.withUTF8 { bytes in
            out.reserveCapacity(bytes.count + 16)
            var run = 0
            var i = 0
            func put(_ replacement: StaticString, skipping n: Int) {
                if run < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i])) }
                out.append(ascii: replacement)
                i += n
                run = i
            }
            while i < bytes.count {
                let b = bytes[i]
                switch b {
                case 0x26: put("&amp;", skipping: 1)
                case 0x3C: put("&lt;", skipping: 1)
                case 0x3E: put("&gt;", skipping: 1)
                case 0x22 where attribute: put("&quot;", skipping: 1)
                case 0x27 where attribute: put("&apos;", skipping: 1)
                case 0x0A where attribute: put("&#10;", skipping: 1)
                case 0x0D: put("&#13;", skipping: 1)
                case 0x09 where attribute: put("&#9;", skipping: 1)
                case 0x09, 0x0A: i += 1
                case ..<0x20: put("\u{FFFD}", skipping: 1)
                // U+FFFE and U+FFFF: EF BF BE / EF BF BF.
                case 0xEF where i + 2 < bytes.count && bytes[i + 1] == 0xBF && (bytes[i + 2] == 0xBE || bytes[i + 2] == 0xBF):
                    put("\u{FFFD}", skipping: 3)
                default: i += 1
                }
            }
            if run < bytes.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...])) }
        }
        return String(reportBytes: out)
    }
}
