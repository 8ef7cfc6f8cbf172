import MarkdownScanner
import RuleEngine

/// `--format json`: one document with every finding and a summary. The schema is in the
/// README; `version` changes only when a field changes meaning or disappears. Written as
/// it goes: the header, each file's findings as the file is done, then errors and summary.
struct JSONReporter {
    static let schemaVersion = 1
    /// Findings are elements of the root object's `findings` array.
    static let findingIndent = 4

    /// A file's findings, each rendered at the array's indentation (by the worker).
    static func pieces(_ report: FileReport, policy: FixPolicy) -> Pieces {
        var pieces = Pieces()
        guard !report.findings.isEmpty else { return pieces }
        var e = JSONEmitter(base: findingIndent, capacity: report.findings.count * 700)
        for r in report.findings {
            finding(r, path: report.path, policy: policy, into: &e)
            pieces.ends.append(e.out.count)
        }
        pieces.bytes = e.out
        return pieces
    }

    static func finding(_ r: ReportedFinding, path: String, policy: FixPolicy, into e: inout JSONEmitter) {
        let f = r.finding
        e.openObject()
        e.member("path", path)
        e.member("rule", f.ruleID)
        e.member("severity", f.severity.rawValue)
        e.member("message", f.message)
        e.key("range"); range(f.range, &e)
        e.key("start"); location(r.start, &e)
        e.key("end"); location(r.end, &e)
        e.member("fixable", policy.isFixable(f))
        e.key("fix")
        if let x = f.fix {
            e.openObject()
            e.member("title", x.title)
            e.member("applicability", x.applicability.rawValue)
            e.member("withheld", optional: x.withheld)
            e.member("changes", optional: x.changes)
            e.key("edits")
            e.openArray()
            for (edit, at) in zip(x.edits, r.editLocations) {
                e.item()
                e.openObject()
                e.key("range"); range(edit.range, &e)
                e.key("start"); location(at.start, &e)
                e.key("end"); location(at.end, &e)
                e.key("replacement"); e.out.appendJSONString(validating: edit.replacement)
                e.closeObject()
            }
            e.closeArray()
            e.closeObject()
        } else {
            e.null()
        }
        e.closeObject()
    }

    static func range(_ r: Range<Int>, _ e: inout JSONEmitter) {
        e.openObject()
        e.member("start", r.lowerBound)
        e.member("end", r.upperBound)
        e.closeObject()
    }

    static func location(_ l: SourceLocation, _ e: inout JSONEmitter) {
        e.openObject()
        e.member("line", l.line)
        e.member("column", l.column)
        e.closeObject()
    }

    // MARK: - The document, streamed

    private var e = JSONEmitter()

    init(fixMode: Bool, into sink: OutputSink) {
        e.openObject()
        e.member("version", Self.schemaVersion)
        e.key("tool")
        e.openObject()
        e.member("name", GalleyInfo.name)
        e.member("version", GalleyInfo.version)
        e.closeObject()
        e.member("mode", fixMode ? "fix" : "check")
        e.key("findings")
        e.openArray()
        flush(sink)
    }

    mutating func add(_ pieces: Pieces, into sink: OutputSink) {
        for i in 0..<pieces.count {
            e.item()
            e.raw(pieces.element(i))
        }
        flush(sink)
    }

    mutating func finish(_ run: RunTotals, into sink: OutputSink) {
        e.closeArray()
        e.objects("errors", run.failed) { e, failure in
            e.member("path", failure.path)
            e.member("message", failure.error)
        }
        e.key("summary")
        e.openObject()
        e.member("files", run.checkedFiles)
        e.member("findings", run.findings)
        e.member("fixable", run.fixable)
        e.member("fixed", run.fixed)
        e.member("baselined", run.baselined)
        e.member("errors", run.failed.count)
        e.objects("rules", run.statistics) { e, row in
            e.member("rule", row.rule)
            e.member("findings", row.findings)
            e.member("fixable", row.fixable)
        }
        e.closeObject()
        e.closeObject()
        e.out.append(0x0A)
        flush(sink)
    }

    private mutating func flush(_ sink: OutputSink) {
        sink.write(e.out)
        e.out.removeAll(keepingCapacity: true)
    }
}
