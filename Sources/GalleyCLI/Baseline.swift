import FoundationEssentials
import Glibc

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
        guard let file = try? JSONDecoder().decode(File.self, from: data), file.version == version else { throw bad }
        var keys = Set<Key>()
        for entry in file.findings {
            guard let hash = UInt64(entry.lineHash, radix: 16) else { throw bad }
            keys.insert(Key(rule: entry.rule, path: entry.path, lineHash: hash, occurrence: entry.occurrence))
        }
        return Baseline(keys: keys)
    }

    /// What a baseline file holds (other members, such as each finding's message, are
    /// for the reader).
    private struct File: Decodable {
        struct Entry: Decodable {
            var rule: String
            var path: String
            var lineHash: String
            var occurrence: Int
        }
        var version: Int
        var findings: [Entry]
    }

    /// Drops the findings the baseline has and counts them.
    func filter(_ report: inout FileReport, paths: RepositoryPaths) {
        let path = paths.display(report.path)
        let before = report.findings.count
        report.findings.removeAll { keys.contains(Self.key($0, path: path)) }
        report.baselined += before - report.findings.count
    }

    /// A file's entries of the baseline file (rendered by the worker). `line` and
    /// `message` are there for people reading it; matching ignores them.
    static func pieces(_ report: FileReport, paths: RepositoryPaths) -> Pieces {
        var pieces = Pieces()
        guard !report.findings.isEmpty else { return pieces }
        let path = paths.display(report.path)
        var e = JSONEmitter(base: 4)
        for r in report.findings {
            e.openObject()
            e.member("rule", r.finding.ruleID)
            e.member("path", path)
            e.member("lineHash", LineHash.hex(r.lineHash))
            e.member("occurrence", r.occurrence)
            e.member("line", r.start.line)
            e.member("message", r.finding.message)
            e.closeObject()
            pieces.ends.append(e.out.count)
        }
        pieces.bytes = e.out
        return pieces
    }

    /// `--write-baseline`: the file, written as the run goes to a temporary beside it and
    /// renamed over it at the end.
    final class Writer {
        let file: String
        private let output: ReplacementFile
        private let sink: OutputSink
        private var e = JSONEmitter()
        private(set) var entries = 0

        init(file: String) throws {
            self.file = file
            do {
                output = try ReplacementFile(replacing: file)
            } catch {
                throw Failure(description: error.description)
            }
            sink = OutputSink(fd: output.fd)
            e.openObject()
            e.member("version", Baseline.version)
            e.member("tool", "galley")
            e.key("findings")
            e.openArray()
        }

        func add(_ pieces: Pieces) {
            for i in 0..<pieces.count {
                e.item()
                e.raw(pieces.element(i))
            }
            entries += pieces.count
            sink.write(e.out)
            e.out.removeAll(keepingCapacity: true)
        }

        func finish() throws {
            e.closeArray()
            e.closeObject()
            e.out.append(0x0A)
            sink.write(e.out)
            sink.flush()
            do throws(ReplacementFile.Failure) {
                guard !sink.failed else { throw ReplacementFile.Failure(description: String(cString: strerror(errno))) }
                try output.commit()
            } catch {
                throw Failure(description: error.description)
            }
        }
    }
}
