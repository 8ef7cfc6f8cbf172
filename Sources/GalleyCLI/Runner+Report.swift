import GalleyIO
import Glibc
import RuleEngine

/// Writes the run's report as files finish, in path order: each file's notes and errors
/// on standard error, its part of the report in the chosen format, of the baseline and
/// of the step summary; then the summary from the run's counters. Nothing of a file is
/// kept once it is written.
final class ReportWriter {
    let runner: Runner
    let options: RunSettings
    let paths: RepositoryPaths
    let text: TextReporter
    let sink: OutputSink
    private(set) var totals: RunTotals
    private var json: JSONReporter?
    private var sarif: SARIFReporter?
    private var junit: JUnitReporter?
    private var baseline: Baseline.Writer?
    private let stepSummaryFile: String?
    private var stepSummary: GitHubReporter.StepSummary?
    private var diffFiles = 0
    private var fixReport: FixReportWriter?
    private var backupsKept = 0
    /// Set when a signal stopped the run (the exit status it gives).
    var interruptedStatus: Int32?

    init(runner: Runner, paths: RepositoryPaths, text: TextReporter, stepSummaryFile: String?) throws {
        self.runner = runner
        options = runner.options
        self.paths = paths
        self.text = text
        self.stepSummaryFile = stepSummaryFile
        sink = OutputSink(fd: runner.reportFD)
        sink.eager = isatty(runner.reportFD) != 0
        totals = RunTotals(policy: runner.policy, fixMode: runner.isFix && !runner.diffOnly)
        if let file = options.writeBaseline {
            do {
                baseline = try Baseline.Writer(file: file)
            } catch {
                throw Baseline.Failure(description: "\(file): cannot write the baseline: \(error)")
            }
        }
        if stepSummaryFile != nil { stepSummary = GitHubReporter.StepSummary() }
        if let file = runner.fixSettings?.report { fixReport = try FixReportWriter(file: file, policy: runner.policy) }
        guard !runner.diffOnly else { return }
        switch options.format {
        case .json: json = JSONReporter(fixMode: totals.fixMode, into: sink)
        case .sarif: sarif = SARIFReporter(paths: paths, automationID: options.shard?.automationID)
        case .junit: junit = JUnitReporter()
        case .text, .github: break
        }
    }

    private var progress: Progress?

    /// Shows the progress line while files are written: it steps aside for whatever else
    /// goes to standard error, and for the report when that goes to the same terminal.
    func show(_ progress: Progress) {
        self.progress = progress
        if isatty(runner.reportFD) != 0 {
            sink.beforeWrite = { progress.hold() }
            sink.afterWrite = { progress.resume() }
        }
    }

    /// A signal stopped the run after `done` of `total` files.
    func interrupted(status: Int32, done: Int, of total: Int) {
        interruptedStatus = status
        progress?.stop()
        sink.flush()
        Runner.printNote("interrupted after \(done) of \(plural(total, "file")); the other files were not \(runner.isFix && !runner.diffOnly ? "checked or fixed" : "checked")")
    }

    /// Messages on standard error come after the report of the files before them.
    private func printError(_ message: String) {
        sink.flush()
        progress?.hold()
        Runner.printError(message)
        progress?.resume()
    }

    private func printNote(_ message: String) {
        sink.flush()
        progress?.hold()
        Runner.printNote(message)
        progress?.resume()
    }

    func add(_ file: FileOutput) {
        for note in file.notes { printNote(note) }
        if let error = file.error { printError("\(file.path): \(error)") }
        totals.add(path: file.path, error: file.error, file.tally)
        if runner.diffOnly {
            if let diff = file.diff, !diff.isEmpty {
                diffFiles += 1
                sink.write(diff)
            }
        } else {
            switch options.format {
            case .text, .github: sink.write(file.main.bytes)
            case .json: json!.add(file.main, into: sink)
            case .sarif: sarif!.add(file.main)
            case .junit: junit!.add(file.main.bytes, findings: file.tally.findings)
            }
        }
        baseline?.add(file.baseline)
        stepSummary?.add(file.summaryRows)
        fixReport?.add(file)
        if file.backupKept { backupsKept += 1 }
        sink.pieceDone()
        progress?.advance(findings: file.tally.findings, fixes: file.tally.fixesApplied)
    }

    /// Writes the end of the report, the step summary and the baseline when asked, and
    /// returns the exit status.
    func finish() -> Int32 {
        progress?.stop()
        sink.beforeWrite = nil
        sink.afterWrite = nil
        let status = finishReport()
        return interruptedStatus ?? status
    }

    private func finishReport() -> Int32 {
        let run = totals
        var anyError = !run.failed.isEmpty
        if let fixReport {
            do {
                try fixReport.finish(run, interrupted: interruptedStatus != nil)
            } catch {
                Runner.printError("\(error)")
                anyError = true
            }
        }
        if backupsKept > 0, !options.quiet, let backup = runner.fixSettings?.backup {
            Runner.printNote("kept \(plural(backupsKept, "earlier backup")) in \(backup.directory) as they were (a backup is never overwritten)")
        }
        if runner.diffOnly {
            sink.flush()
            if !options.quiet { Runner.printNote("would fix \(plural(run.fixed, "finding")) in \(plural(diffFiles, "file"))") }
            if options.statistics { Output.write(StatisticsTable.render(run), to: 2) }
            if anyError { return ExitStatus.error }
            return diffFiles == 0 || options.exitZero ? ExitStatus.clean : ExitStatus.findings
        }
        var failed = anyError
        switch options.format {
        case .text:
            if !options.quiet {
                if run.fixMode { sink.write("fixed \(plural(run.fixed, "finding")) in \(plural(run.fixedFiles, "file"))\n") }
                sink.write(text.summary(run))
            }
            if options.statistics { sink.write(StatisticsTable.render(run)) }
        case .json: json!.finish(run, into: sink)
        case .sarif:
            sarif!.finish(run, into: sink)
            if let why = sarif!.spoolFailure {
                Runner.printError(why)
                failed = true
            }
        case .junit:
            junit!.finish(run, into: sink)
            if let why = junit!.spoolFailure {
                Runner.printError(why)
                failed = true
            }
        case .github:
            if !options.quiet { sink.write(TextReporter(policy: run.policy).summary(run)) }
        }
        sink.flush()
        if let sarif, sarif.omitted > 0 {
            Runner.printNote("SARIF holds at most \(sarif.limit) results per run (GitHub's limit): wrote the first \(sarif.limit) in path order and left out \(sarif.omitted); report fewer with --baseline (to hide known findings) or --select (to split the rules over several uploads)")
        }
        if options.statistics && options.format != .text { Output.write(StatisticsTable.render(run), to: 2) }
        if let file = stepSummaryFile, let stepSummary {
            do {
                try Self.append(stepSummary.document(run), to: file)
            } catch {
                Runner.printError("\(file): cannot write the step summary: \(error)")
                failed = true
            }
        }
        if let baseline {
            do {
                try baseline.finish()
                if !options.quiet { Runner.printNote("wrote \(plural(baseline.entries, "finding")) to the baseline \(baseline.file)") }
            } catch {
                Runner.printError("\(baseline.file): cannot write the baseline: \(error)")
                return ExitStatus.error
            }
            return failed ? ExitStatus.error : ExitStatus.clean
        }
        if failed { return ExitStatus.error }
        return run.findings == 0 || options.exitZero ? ExitStatus.clean : ExitStatus.findings
    }

    private static func append(_ text: String, to file: String) throws {
        let fd = open(file, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw FileReader.Failure(description: String(cString: strerror(errno))) }
        defer { close(fd) }
        var text = text
        let ok = text.withUTF8 { Output.write(UnsafeRawBufferPointer($0), to: fd) }
        if !ok { throw FileReader.Failure(description: String(cString: strerror(errno))) }
    }
}
