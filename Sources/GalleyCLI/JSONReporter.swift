import MarkdownScanner
import RuleEngine

/// `--format json`: one document with every finding and a summary. The schema is in the
/// README; `version` changes only when a field changes meaning or disappears.
struct JSONReporter: Reporter {
    static let schemaVersion = 1

    func document(_ run: RunSummary) -> String {
        var findings: [JSONValue] = []
        for report in run.reports {
            for r in report.findings { findings.append(Self.finding(r, path: report.path, fixLevel: run.fixLevel)) }
        }
        let errors: [JSONValue] = run.failedFiles.map {
            .object([("path", .string($0.path)), ("message", .string($0.error ?? ""))])
        }
        let rules: [JSONValue] = run.statistics.map {
            .object([("rule", .string($0.rule)), ("findings", .int($0.findings)), ("fixable", .int($0.fixable))])
        }
        return JSONValue.object([
            ("version", .int(Self.schemaVersion)),
            ("tool", .object([("name", .string(GalleyInfo.name)), ("version", .string(GalleyInfo.version))])),
            ("mode", .string(run.fixMode ? "fix" : "check")),
            ("findings", .array(findings)),
            ("errors", .array(errors)),
            ("summary", .object([
                ("files", .int(run.checkedFiles)),
                ("findings", .int(run.findings.count)),
                ("fixable", .int(run.fixable)),
                ("fixed", .int(run.fixed)),
                ("baselined", .int(run.baselined)),
                ("errors", .int(errors.count)),
                ("rules", .array(rules)),
            ])),
        ]).rendered()
    }

    static func finding(_ r: ReportedFinding, path: String, fixLevel: Applicability) -> JSONValue {
        let f = r.finding
        var fix = JSONValue.null
        if let x = f.fix {
            let edits: [JSONValue] = zip(x.edits, r.editLocations).map { edit, at in
                .object([
                    ("range", range(edit.range)),
                    ("start", location(at.start)),
                    ("end", location(at.end)),
                    ("replacement", .string(String(decoding: edit.replacement, as: UTF8.self))),
                ])
            }
            fix = .object([
                ("title", .string(x.title)),
                ("applicability", .string(x.applicability.rawValue)),
                ("withheld", x.withheld.map(JSONValue.string) ?? .null),
                ("changes", x.changes.map(JSONValue.string) ?? .null),
                ("edits", .array(edits)),
            ])
        }
        return .object([
            ("path", .string(path)),
            ("rule", .string(f.ruleID)),
            ("severity", .string(f.severity.rawValue)),
            ("message", .string(f.message)),
            ("range", range(f.range)),
            ("start", location(r.start)),
            ("end", location(r.end)),
            ("fixable", .bool(f.isFixable(upTo: fixLevel))),
            ("fix", fix),
        ])
    }

    static func range(_ r: Range<Int>) -> JSONValue {
        .object([("start", .int(r.lowerBound)), ("end", .int(r.upperBound))])
    }

    static func location(_ l: SourceLocation) -> JSONValue {
        .object([("line", .int(l.line)), ("column", .int(l.column))])
    }
}
