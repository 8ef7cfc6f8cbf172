import Foundation
import MarkdownScanner
import RuleEngine
import Rules

/// One `check` or `fix` run: discover files, resolve their configuration, process them
/// on all cores, print the report in path order, and return the exit status.
struct Runner {
    enum Mode: Sendable {
        case check
        case fix(level: Applicability, diffOnly: Bool)
    }

    let options: RunOptions
    let mode: Mode

    private struct Job: Sendable {
        var path: String
        var linter: Linter
    }

    func run() -> Int32 {
        let resolver = ConfigurationResolver(overridePath: options.config)
        if let error = resolver.overrideError {
            Self.printError("\(error)")
            return ExitStatus.error
        }
        let discovery = FileDiscovery.discover(options.paths + LongArgumentList.extraPaths)
        var reports = discovery.errors.map { FileReport(path: $0.path, error: $0.message) }
        let session = Session(rules: AllRules.rules)
        var jobs: [Job] = []
        var reportedConfigErrors = Set<String>()
        for path in discovery.files {
            switch resolver.configuration(forFile: path) {
            case .failure(let error):
                let key = error.path ?? ""
                if reportedConfigErrors.insert(key).inserted { Self.printError("\(error)") }
                reports.append(FileReport(path: path, error: "not checked: its configuration \(key) is invalid"))
            case .success(let config):
                if ConfigurationResolver.isExcluded(path, by: config) {
                    if options.verbose { Self.printNote("\(path): excluded by \(config.path ?? "the configuration")") }
                    continue
                }
                jobs.append(Job(path: path, linter: Linter(session: session, configuration: config,
                                                           select: options.selected, ignore: options.ignored)))
            }
        }
        let mode = self.mode
        let verbose = options.verbose
        let workers = options.jobs ?? ProcessInfo.processInfo.activeProcessorCount
        let reporter = self.reporter
        reports += Parallel.map(jobs, workers: workers) { job in
            var report = Self.process(job.path, job.linter, mode: mode, verbose: verbose)
            report.rendered = reporter.lines(report)
            return report
        }
        reports.sort { $0.path < $1.path }
        return report(reports)
    }

    private var reporter: TextReporter {
        if case let .fix(level, _) = mode { return TextReporter(fixLevel: level) }
        return TextReporter(fixLevel: .safe)
    }

    private func report(_ reports: [FileReport]) -> Int32 {
        var diffOnly = false
        if case let .fix(_, d) = mode { diffOnly = d }
        for r in reports {
            for note in r.notes { Self.printNote(note) }
            if let error = r.error { Self.printError("\(r.path): \(error)") }
        }
        let anyError = reports.contains { $0.error != nil }
        if diffOnly {
            let diffs = reports.compactMap(\.diff)
            Output.write(diffs.joined())
            let n = reports.reduce(0) { $0 + $1.fixesApplied }
            Self.printNote("would fix \(plural(n, "finding")) in \(plural(diffs.count, "file"))")
            return anyError ? ExitStatus.error : (diffs.isEmpty ? ExitStatus.clean : ExitStatus.findings)
        }
        var out = ""
        out.reserveCapacity(reports.reduce(0) { $0 + $1.rendered.utf8.count } + 200)
        for r in reports { out += r.rendered }
        if case .fix = mode {
            let fixed = reports.filter { $0.fixesApplied > 0 }
            out += "fixed \(plural(fixed.reduce(0) { $0 + $1.fixesApplied }, "finding")) in \(plural(fixed.count, "file"))\n"
        }
        out += reporter.summary(reports)
        Output.write(out)
        if anyError { return ExitStatus.error }
        return reports.contains { !$0.findings.isEmpty } ? ExitStatus.findings : ExitStatus.clean
    }

    /// Reads, checks and (in fix mode) fixes one file. Never throws; problems go in the report.
    static func process(_ path: String, _ linter: Linter, mode: Mode, verbose: Bool) -> FileReport {
        var report = FileReport(path: path)
        let bytes: [UInt8]
        do {
            bytes = try FileReader.read(path)
        } catch {
            report.error = "\(error)"
            return report
        }
        if let bad = FileReader.firstInvalidUTF8(bytes) {
            let at = SourceText(bytes).location(of: bad)
            report.error = "not valid UTF-8 (byte 0x\(String(bytes[bad], radix: 16, uppercase: true)) at line \(at.line), column \(at.column)); the file was not checked"
            return report
        }
        // Fix mode scans in its own passes: the file as read is scanned here only when needed.
        var scanned: Document?
        func document() -> Document {
            if let scanned { return scanned }
            let made = Document(path: path, bytes: bytes, session: linter.session)
            scanned = made
            return made
        }
        if verbose, let fm = document().frontMatter, fm.kind == .toml {
            report.notes.append("\(path): skipped TOML front matter (`+++`, lines 1-\(document().source.location(of: fm.range.upperBound - 1).line)); only YAML front matter is checked")
        }
        switch mode {
        case .check:
            report.findings = ReportedFinding.locate(linter.check(document()), in: document().source)
        case let .fix(level, diffOnly):
            let result = linter.fix(path: path, bytes: bytes, upTo: level)
            let source = SourceText(result.bytes)
            report.findings = ReportedFinding.locate(result.remaining, in: source)
            if let failure = result.failure {
                report.error = failure
                return report
            }
            guard result.bytes != bytes else { return report }
            report.fixesApplied = result.applied
            if diffOnly {
                report.diff = UnifiedDiff.make(old: bytes, new: result.bytes, oldName: path, newName: path)
                return report
            }
            do {
                try AtomicWriter.replace(path, with: result.bytes, expecting: bytes)
            } catch {
                report.error = "\(error)"
                report.fixesApplied = 0
                report.findings = ReportedFinding.locate(linter.check(document()), in: document().source)
            }
        }
        return report
    }

    static func printError(_ message: String) {
        FileHandle.standardError.write(Data("galley: error: \(message)\n".utf8))
    }

    static func printNote(_ message: String) {
        FileHandle.standardError.write(Data("galley: \(message)\n".utf8))
    }
}
