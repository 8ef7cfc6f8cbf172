import Foundation

/// `--write-baseline FILE` records the findings of a run; `--baseline FILE` then reports
/// only findings that are not in it. A finding is matched on its rule, its file's path
/// relative to the repository root, a hash of the text of the line it starts on, and
/// how many findings of that rule come before it in the file on lines with the same
/// text: not on line numbers, so editing other parts of a file keeps the baseline valid.
struct Baseline: Sendable {
    static let version = 1

    struct Key: Hashable {
        var rule: String
        var path: String
        var lineHash: UInt64
        var occurrence: Int
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    var keys: Set<Key>

    static func key(_ r: ReportedFinding, path: String) -> Key {
        Key(rule: r.finding.ruleID, path: path, lineHash: r.lineHash, occurrence: r.occurrence)
    }

    static func load(_ file: String) throws -> Baseline {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw Failure(description: "\(file): cannot read the baseline")
        }
        let bad = Failure(description: "\(file): not a galley baseline (expected a JSON object with `version` \(version) and `findings`)")
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              object["version"] as? Int == version, let list = object["findings"] as? [[String: Any]] else { throw bad }
        var keys = Set<Key>()
        for entry in list {
            guard let rule = entry["rule"] as? String, let path = entry["path"] as? String,
                  let hashText = entry["lineHash"] as? String, let hash = UInt64(hashText, radix: 16),
                  let occurrence = entry["occurrence"] as? Int else { throw bad }
            keys.insert(Key(rule: rule, path: path, lineHash: hash, occurrence: occurrence))
        }
        return Baseline(keys: keys)
    }

    /// Drops the findings the baseline has and counts them.
    func filter(_ report: inout FileReport, paths: RepositoryPaths) {
        let path = paths.display(report.path)
        let before = report.findings.count
        report.findings.removeAll { keys.contains(Self.key($0, path: path)) }
        report.baselined += before - report.findings.count
    }

    /// The baseline file for these reports. `line` and `message` are there for people
    /// reading it; matching ignores them.
    static func document(_ reports: [FileReport], paths: RepositoryPaths) -> String {
        var entries: [JSONValue] = []
        for report in reports {
            let path = paths.display(report.path)
            for r in report.findings {
                entries.append(.object([
                    ("rule", .string(r.finding.ruleID)),
                    ("path", .string(path)),
                    ("lineHash", .string(LineHash.hex(r.lineHash))),
                    ("occurrence", .int(r.occurrence)),
                    ("line", .int(r.start.line)),
                    ("message", .string(r.finding.message)),
                ]))
            }
        }
        return JSONValue.object([
            ("version", .int(version)),
            ("tool", .string("galley")),
            ("findings", .array(entries)),
        ]).rendered()
    }
}
