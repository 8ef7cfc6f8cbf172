import GalleyIO
import Foundation
import RuleEngine

extension Runner {
    /// Prints the run's report in the chosen format, writes the step summary and the
    /// baseline when asked, and returns the exit status.
    func report(_ run: RunSummary, text: TextReporter) -> Int32 {
        let fd = reportFD
        for r in run.reports {
            for note in r.notes { Self.printNote(note) }
            if let error = r.error { Self.printError("\(r.path): \(error)") }
        }
        let anyError = !run.failedFiles.isEmpty
        if diffOnly {
            let diffs = run.reports.compactMap(\.diff)
            Output.write(diffs.joined())
            if !options.quiet { Self.printNote("would fix \(plural(run.fixed, "finding")) in \(plural(diffs.count, "file"))") }
            if options.statistics { Output.write(StatisticsTable.render(run), to: 2) }
            if anyError { return ExitStatus.error }
            return diffs.isEmpty || options.exitZero ? ExitStatus.clean : ExitStatus.findings
        }
        var out: String
        switch options.format {
        case .text:
            out = ""
            out.reserveCapacity(run.reports.reduce(0) { $0 + $1.rendered.utf8.count } + 200)
            for r in run.reports { out += r.rendered }
            if !options.quiet {
                if run.fixMode {
                    let fixed = run.reports.filter { $0.fixesApplied > 0 }
                    out += "fixed \(plural(run.fixed, "finding")) in \(plural(fixed.count, "file"))\n"
                }
                out += text.summary(run.reports)
            }
            if options.statistics { out += StatisticsTable.render(run) }
        case .json: out = JSONReporter().document(run)
        case .sarif: out = SARIFReporter().document(run)
        case .junit: out = JUnitReporter().document(run)
        case .github:
            out = GitHubReporter().document(run)
            if options.quiet, let last = out.dropLast().lastIndex(of: "\n") {
                out = String(out[...last])  // the summary line is the last one
            } else if options.quiet {
                out = ""
            }
        }
        Output.write(out, to: fd)
        if options.statistics && options.format != .text { Output.write(StatisticsTable.render(run), to: 2) }
        var failed = anyError
        if options.format == .github, let file = ProcessInfo.processInfo.environment["GITHUB_STEP_SUMMARY"], !file.isEmpty {
            do {
                try Self.append(GitHubReporter.stepSummary(run), to: file)
            } catch {
                Self.printError("\(file): cannot write the step summary: \(error)")
                failed = true
            }
        }
        if let file = options.writeBaseline {
            do {
                try Data(Baseline.document(run.reports, paths: run.paths).utf8).write(to: URL(fileURLWithPath: file), options: .atomic)
                if !options.quiet { Self.printNote("wrote \(plural(run.findings.count, "finding")) to the baseline \(file)") }
            } catch {
                Self.printError("\(file): cannot write the baseline: \(error.localizedDescription)")
                return ExitStatus.error
            }
            return failed ? ExitStatus.error : ExitStatus.clean
        }
        if failed { return ExitStatus.error }
        return run.findings.isEmpty || options.exitZero ? ExitStatus.clean : ExitStatus.findings
    }

    private static func append(_ text: String, to file: String) throws {
        let fd = open(file, O_WRONLY | O_APPEND | O_CREAT, 0o644)
        guard fd >= 0 else { throw FileReader.Failure(description: String(cString: strerror(errno))) }
        defer { close(fd) }
        var text = text
        let ok = text.withUTF8 { Output.write(UnsafeRawBufferPointer($0), to: fd) }
        if !ok { throw FileReader.Failure(description: String(cString: strerror(errno))) }
    }
}
