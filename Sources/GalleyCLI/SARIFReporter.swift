import FoundationEssentials
import Glibc
import MarkdownScanner
import RuleEngine
import Rules

/// `--format sarif`: SARIF 2.1.0 as GitHub code scanning reads it. Columns count Unicode
/// code points (`columnKind: unicodeCodePoints`); URIs are relative to the repository root.
///
/// Streamed: results are written (to a `Spool`, as the run's notifications of files that
/// failed come before them in the document) as files finish; the header goes out at the
/// end. GitHub takes at most 25,000 results per run: past that the first ones in path
/// order are kept and the rest counted (`omitted`).
struct SARIFReporter {
    static let resultIndent = 8
    static let defaultLimit = 25_000

    /// Results per run (`GALLEY_SARIF_LIMIT` lowers it for tests).
    static var limit: Int {
        if let text = Environment.process["GALLEY_SARIF_LIMIT"], let n = Int(text), n >= 0 { return n }
        return defaultLimit
    }

    static let ruleIndex: [String: Int] = Dictionary(uniqueKeysWithValues: AllRules.rules.enumerated().map { ($1.descriptor.id, $0) })

    /// A file's results, each rendered at the `results` array's indentation (by the worker).
    static func pieces(_ report: FileReport, paths: RepositoryPaths) -> Pieces {
        var pieces = Pieces()
        guard !report.findings.isEmpty else { return pieces }
        let uri = paths.uri(report.path)
        var e = JSONEmitter(base: resultIndent, capacity: report.findings.count * 1200)
        for r in report.findings {
            result(r, uri: uri, into: &e)
            pieces.ends.append(e.out.count)
        }
        pieces.bytes = e.out
        return pieces
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
            let text = TextHelpers.trimmingBlanks(line)
            if text.hasPrefix("#") { if lines.isEmpty { continue } else { break } }
            if text.isEmpty { if lines.isEmpty { continue } else { break } }
            lines.append(Substring(text))
        }
        return lines.isEmpty ? nil : lines.joined(separator: " ")
    }

    static func result(_ r: ReportedFinding, uri: String, into e: inout JSONEmitter) {
        let f = r.finding
        e.openObject()
        e.member("ruleId", f.ruleID)
        if let index = ruleIndex[f.ruleID] { e.member("ruleIndex", index) }
        e.member("level", level(f.severity))
        e.key("message"); e.openObject(); e.member("text", f.message); e.closeObject()
        e.key("locations")
        e.openArray(); e.item(); e.openObject()
        e.key("physicalLocation")
        e.openObject()
        e.key("artifactLocation"); e.openObject(); e.member("uri", uri); e.closeObject()
        e.key("region"); region(r.start, r.end, bytes: nil, &e)
        e.closeObject()
        e.closeObject(); e.closeArray()
        e.key("partialFingerprints")
        e.openObject()
        e.key("primaryLocationLineHash")
        e.out.append(0x22)
        e.out.append(utf8: LineHash.hex(r.lineHash))
        e.out.append(0x3A)
        e.out.append(decimal: r.occurrence + 1)
        e.out.append(0x22)
        e.closeObject()
        if let why = f.fix?.withheld {
            e.key("properties"); e.openObject(); e.member("fixWithheld", why); e.closeObject()
        } else if let fix = f.fix {
            e.key("fixes")
            e.openArray(); e.item(); e.openObject()
            e.key("description"); e.openObject(); e.member("text", fix.title); e.closeObject()
            e.key("artifactChanges")
            e.openArray(); e.item(); e.openObject()
            e.key("artifactLocation"); e.openObject(); e.member("uri", uri); e.closeObject()
            e.key("replacements")
            e.openArray()
            for (edit, at) in zip(fix.edits, r.editLocations) {
                e.item()
                e.openObject()
                e.key("deletedRegion"); region(at.start, at.end, bytes: edit.range, &e)
                e.key("insertedContent")
                e.openObject(); e.key("text"); e.out.appendJSONString(validating: edit.replacement); e.closeObject()
                e.closeObject()
            }
            e.closeArray()
            e.closeObject(); e.closeArray()
            e.key("properties"); e.openObject(); e.member("applicability", fix.applicability.rawValue); e.closeObject()
            e.closeObject(); e.closeArray()
        }
        e.closeObject()
    }

    /// Lines and columns (what GitHub reads); for a replacement also the UTF-8 byte range
    /// of the file as read, which says exactly the same.
    static func region(_ start: SourceLocation, _ end: SourceLocation, bytes: Range<Int>?, _ e: inout JSONEmitter) {
        e.openObject()
        e.member("startLine", start.line)
        e.member("startColumn", start.column)
        e.member("endLine", end.line)
        e.member("endColumn", end.column)
        if let bytes {
            e.member("byteOffset", bytes.lowerBound)
            e.member("byteLength", bytes.count)
        }
        e.closeObject()
    }

    // MARK: - The document, streamed

    let paths: RepositoryPaths
    /// `runAutomationDetails.id` (with `--shard`), nil for none.
    let automationID: String?
    let limit: Int
    private let spool = Spool()
    private(set) var written = 0
    private(set) var omitted = 0

    init(paths: RepositoryPaths, automationID: String? = nil, limit: Int = SARIFReporter.limit) {
        self.paths = paths
        self.automationID = automationID
        self.limit = limit
    }

    mutating func add(_ pieces: Pieces) {
        var separator: [UInt8] = [0x2C, 0x0A]
        separator.append(spaces: Self.resultIndent)
        for i in 0..<pieces.count {
            guard written < limit else {
                omitted += pieces.count - i
                return
            }
            spool.write(written == 0 ? separator[1...] : separator[...])
            spool.write(pieces.element(i))
            written += 1
        }
    }

    func finish(_ run: RunTotals, into sink: OutputSink) {
        var e = JSONEmitter()
        e.openObject()
        e.member("$schema", "https://json.schemastore.org/sarif-2.1.0.json")
        e.member("version", "2.1.0")
        e.key("runs")
        e.openArray(); e.item(); e.openObject()
        e.key("tool")
        e.openObject()
        e.key("driver")
        JSONValue.object([
            ("name", .string(GalleyInfo.name)),
            ("version", .string(GalleyInfo.version)),
            ("semanticVersion", .string(GalleyInfo.version)),
            ("informationUri", .string(GalleyInfo.informationURI)),
            ("rules", .array(AllRules.rules.map(\.descriptor).map(Self.descriptor))),
        ]).write(into: &e)
        e.closeObject()
        if let automationID {
            e.key("automationDetails"); e.openObject(); e.member("id", automationID); e.closeObject()
        }
        e.key("invocations")
        e.openArray(); e.item(); e.openObject()
        e.member("executionSuccessful", run.failed.isEmpty)
        e.objects("toolExecutionNotifications", run.failed) { e, failure in
            e.member("level", "error")
            e.key("message"); e.openObject(); e.member("text", failure.error); e.closeObject()
            e.objects("locations", [failure.path]) { e, path in
                e.key("physicalLocation"); e.openObject()
                e.key("artifactLocation"); e.openObject(); e.member("uri", paths.uri(path)); e.closeObject()
                e.closeObject()
            }
        }
        e.closeObject(); e.closeArray()
        e.member("columnKind", "unicodeCodePoints")
        e.key("results")
        e.openArray()
        sink.write(e.out)
        e.out.removeAll()
        spool.drain(into: sink)
        e.markItems(written)
        e.closeArray()
        e.closeObject(); e.closeArray()
        e.closeObject()
        e.out.append(0x0A)
        sink.write(e.out)
    }

    var spoolFailure: String? { spool.failure }
}
