import Glibc
import RuleEngine

/// `fix --report FILE`: a JSON record of the run, kept with the migration commit. Every
/// file that was changed, refused, or kept a fix back has an entry, in path order:
///
/// ```json
/// {
///   "version": 1,
///   "tool": { "name": "galley", "version": "0.1.0" },
///   "unsafeFixes": false, "unsafeFixesFor": ["missing-image"],
///   "files": [
///     { "path": "_posts/a.md", "status": "fixed",
///       "sha256Before": "…", "sha256After": "…",
///       "backup": "bk/_posts/a.md", "backupKept": false,
///       "fixes": [ { "rule": "nbsp-entity", "line": 13, "count": 2 } ],
///       "withheld": [ { "rule": "mismatched-emphasis", "line": 20, "reason": "…" } ] }
///   ],
///   "totals": { "files": 2, "changed": 1, "refused": 0, "fixes": 2, "withheld": 1,
///               "rules": [ { "rule": "nbsp-entity", "fixed": 2, "withheld": 0 } ] },
///   "interrupted": false
/// }
/// ```
///
/// `status` is `fixed`, `unchanged` (only withheld fixes to report) or `refused` (with
/// `error`: nothing was written). A fix's `line` is in the file as read, a withheld one's
/// in the file as written. Written as the run goes to a temporary beside FILE, renamed
/// over it at the end.
final class FixReportWriter {
    static let version = 1

    /// A file's entry (rendered by the worker), nil when there is nothing to say.
    static func entry(_ report: FileReport) -> [UInt8]? {
        let withheld = report.findings.filter { $0.finding.fix?.withheld != nil }
        guard report.change != nil || report.error != nil || !withheld.isEmpty else { return nil }
        var e = JSONEmitter(base: 4)
        e.openObject()
        e.member("path", report.path)
        if let error = report.error, report.change == nil {
            e.member("status", "refused")
            e.member("error", error)
        } else {
            e.member("status", report.change == nil ? "unchanged" : "fixed")
        }
        if let change = report.change {
            e.member("sha256Before", change.sha256Before)
            e.member("sha256After", optional: change.sha256After)
            e.member("backup", optional: change.backup)
            e.member("backupKept", change.backupKept)
            e.objects("fixes", change.fixes) { e, fix in
                e.member("rule", fix.rule)
                e.member("line", fix.line)
                e.member("count", fix.count)
            }
            if let error = report.error { e.member("error", error) }
        }
        e.objects("withheld", withheld) { e, r in
            e.member("rule", r.finding.ruleID)
            e.member("line", r.start.line)
            e.member("reason", r.finding.fix?.withheld ?? "")
        }
        e.closeObject()
        return e.out
    }

    let file: String
    private let output: ReplacementFile
    private let sink: OutputSink
    private var e = JSONEmitter()
    private var changed = 0
    private var refused = 0
    private var fixes = 0
    private var withheld = 0
    private var rules: [String: (fixed: Int, withheld: Int)] = [:]

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    init(file: String, policy: FixPolicy) throws {
        self.file = file
        do {
            output = try ReplacementFile(replacing: file)
        } catch {
            throw Failure(description: "\(file): cannot write the report: \(error)")
        }
        sink = OutputSink(fd: output.fd)
        e.openObject()
        e.member("version", Self.version)
        e.key("tool")
        e.openObject()
        e.member("name", GalleyInfo.name)
        e.member("version", GalleyInfo.version)
        e.closeObject()
        e.member("unsafeFixes", policy.level >= .unsafe)
        e.key("unsafeFixesFor")
        e.openArray()
        for rule in policy.unsafeFor.sorted() {
            e.item()
            e.string(rule)
        }
        e.closeArray()
        e.key("files")
        e.openArray()
    }

    func add(_ file: FileOutput) {
        for r in file.tally.rules where r.fixed > 0 || r.withheld > 0 {
            let old = rules[r.rule] ?? (0, 0)
            rules[r.rule] = (old.fixed + r.fixed, old.withheld + r.withheld)
        }
        fixes += file.tally.fixesApplied
        withheld += file.tally.withheld
        guard let entry = file.fixReport else { return }
        if file.tally.fixesApplied > 0 { changed += 1 } else if file.error != nil { refused += 1 }
        e.item()
        e.raw(entry)
        sink.write(e.out)
        e.out.removeAll(keepingCapacity: true)
    }

    func finish(_ run: RunTotals, interrupted: Bool) throws {
        e.closeArray()
        e.key("totals")
        e.openObject()
        e.member("files", run.checkedFiles + run.failed.count)
        e.member("changed", changed)
        e.member("refused", refused)
        e.member("fixes", fixes)
        e.member("withheld", withheld)
        e.key("rules")
        e.openArray()
        for (rule, counts) in rules.sorted(by: { $0.key < $1.key }) {
            e.item()
            e.openObject()
            e.member("rule", rule)
            e.member("fixed", counts.fixed)
            e.member("withheld", counts.withheld)
            e.closeObject()
        }
        e.closeArray()
        e.closeObject()
        e.member("interrupted", interrupted)
        e.closeObject()
        e.out.append(0x0A)
        sink.write(e.out)
        sink.flush()
        do throws(ReplacementFile.Failure) {
            guard !sink.failed else { throw ReplacementFile.Failure(description: String(cString: strerror(errno))) }
            try output.commit()
        } catch {
            throw Failure(description: "\(file): cannot write the report: \(error)")
        }
    }
}
