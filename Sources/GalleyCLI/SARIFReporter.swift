import MarkdownScanner
import RuleEngine
import Rules

/// `--format sarif`: SARIF 2.1.0 as GitHub code scanning reads it. Columns count Unicode
/// code points (`columnKind: unicodeCodePoints`); URIs are relative to the repository root.
struct SARIFReporter: Reporter {
    func document(_ run: RunSummary) -> String {
        let rules = AllRules.rules.map(\.descriptor)
        let index = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })
        var results: [JSONValue] = []
        for report in run.reports {
            let uri = run.paths.uri(report.path)
            for r in report.findings { results.append(result(r, uri: uri, ruleIndex: index[r.finding.ruleID])) }
        }
        let notifications: [JSONValue] = run.failedFiles.map { report in
            .object([
                ("level", .string("error")),
                ("message", .object([("text", .string(report.error ?? "error"))])),
                ("locations", .array([.object([("physicalLocation", .object([
                    ("artifactLocation", .object([("uri", .string(run.paths.uri(report.path)))])),
                ]))])])),
            ])
        }
        let driver = JSONValue.object([
            ("name", .string(GalleyInfo.name)),
            ("version", .string(GalleyInfo.version)),
            ("semanticVersion", .string(GalleyInfo.version)),
            ("informationUri", .string(GalleyInfo.informationURI)),
            ("rules", .array(rules.map(Self.descriptor))),
        ])
        return JSONValue.object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            ("runs", .array([.object([
                ("tool", .object([("driver", driver)])),
                ("invocations", .array([.object([
                    ("executionSuccessful", .bool(notifications.isEmpty)),
                    ("toolExecutionNotifications", .array(notifications)),
                ])])),
                ("columnKind", .string("unicodeCodePoints")),
                ("results", .array(results)),
            ])])),
        ]).rendered()
    }

    static func level(_ s: Severity) -> String {
        switch s {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    /// A rule's reportingDescriptor, its descriptions taken from its reference page.
    static func descriptor(_ d: RuleDescriptor) -> JSONValue {
        let page = AllRules.documentation(d.id) ?? d.summary
        return .object([
            ("id", .string(d.id)),
            ("name", .string(d.id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined())),
            ("shortDescription", .object([("text", .string(d.summary))])),
            ("fullDescription", .object([("text", .string(firstParagraph(page) ?? d.summary))])),
            ("help", .object([("text", .string(page)), ("markdown", .string(page))])),
            ("defaultConfiguration", .object([
                ("enabled", .bool(d.enabledByDefault)),
                ("level", .string(level(d.defaultSeverity))),
            ])),
            ("properties", .object([
                ("tags", .array([.string("markdown")])),
                ("fix", .string(d.fix?.rawValue ?? "none")),
            ])),
        ])
    }

    /// The first paragraph after the page's title, its lines joined with spaces.
    static func firstParagraph(_ page: String) -> String? {
        var lines: [Substring] = []
        for line in page.split(separator: "\n", omittingEmptySubsequences: false) {
            let text = line.trimmingCharacters(in: .whitespaces)
            if text.hasPrefix("#") { if lines.isEmpty { continue } else { break } }
            if text.isEmpty { if lines.isEmpty { continue } else { break } }
            lines.append(Substring(text))
        }
        return lines.isEmpty ? nil : lines.joined(separator: " ")
    }

    private func result(_ r: ReportedFinding, uri: String, ruleIndex: Int?) -> JSONValue {
        let f = r.finding
        var members: [(String, JSONValue)] = [("ruleId", .string(f.ruleID))]
        if let ruleIndex { members.append(("ruleIndex", .int(ruleIndex))) }
        members += [
            ("level", .string(Self.level(f.severity))),
            ("message", .object([("text", .string(f.message))])),
            ("locations", .array([.object([("physicalLocation", .object([
                ("artifactLocation", .object([("uri", .string(uri))])),
                ("region", Self.region(r.start, r.end, bytes: nil)),
            ]))])])),
            ("partialFingerprints", .object([
                ("primaryLocationLineHash", .string("\(LineHash.hex(r.lineHash)):\(r.occurrence + 1)")),
            ])),
        ]
        if let why = f.fix?.withheld {
            members.append(("properties", .object([("fixWithheld", .string(why))])))
        } else if let fix = f.fix {
            let replacements: [JSONValue] = zip(fix.edits, r.editLocations).map { edit, at in
                .object([
                    ("deletedRegion", Self.region(at.start, at.end, bytes: edit.range)),
                    ("insertedContent", .object([("text", .string(String(decoding: edit.replacement, as: UTF8.self)))])),
                ])
            }
            members.append(("fixes", .array([.object([
                ("description", .object([("text", .string(fix.title))])),
                ("artifactChanges", .array([.object([
                    ("artifactLocation", .object([("uri", .string(uri))])),
                    ("replacements", .array(replacements)),
                ])])),
                ("properties", .object([("applicability", .string(fix.applicability.rawValue))])),
            ])])))
        }
        return .object(members)
    }

    /// Lines and columns (what GitHub reads); for a replacement also the UTF-8 byte range
    /// of the file as read, which says exactly the same.
    static func region(_ start: SourceLocation, _ end: SourceLocation, bytes: Range<Int>?) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("startLine", .int(start.line)),
            ("startColumn", .int(start.column)),
            ("endLine", .int(end.line)),
            ("endColumn", .int(end.column)),
        ]
        if let bytes { members += [("byteOffset", .int(bytes.lowerBound)), ("byteLength", .int(bytes.count))] }
        return .object(members)
    }
}
