import FoundationEssentials
import GalleyIO
import Glibc
import MarkdownScanner
import RuleEngine
import Rules
import Synchronization

/// One `check` or `fix` run: discover files (or read standard input), resolve their
/// configuration, process them on all cores, drop baselined findings, print the report
/// in path order in the chosen format, and return the exit status.
struct Runner {
    enum Mode: Sendable {
        case check
        case fix(FixSettings)
    }

    /// What `fix` applies and keeps.
    struct FixSettings: Sendable {
        var level: Applicability = .safe
        /// `--unsafe-fixes-for`: rules whose unsafe fixes are applied too.
        var unsafeFor: Set<String> = []
        /// `--diff`: print a diff, write nothing.
        var diffOnly = false
        /// `--report FILE`.
        var report: String?
        /// `--backup DIR`.
        var backup: Backup?
    }

    let options: RunSettings
    let mode: Mode

    /// One entry of the run, in path order: a file to process, or a report made already
    /// (a path that does not exist, a file whose configuration is invalid).
    enum Item: Sendable {
        /// `linter`: an index into the run's linters (one per configuration file), so an
        /// item stays a few words however large a `Linter` is.
        case job(path: String, linter: Int)
        /// A file reported as not checked, and why.
        case failed(path: String, error: String)

        var path: String {
            switch self {
            case .job(let path, _): path
            case .failed(let path, _): path
            }
        }

        /// A file to lint: its path and its linter.
        var job: (path: String, linter: Int)? {
            if case let .job(path, linter) = self { return (path, linter) }
            return nil
        }
    }

    var fixSettings: FixSettings? {
        if case let .fix(settings) = mode { return settings }
        return nil
    }

    var fixLevel: Applicability { fixSettings?.level ?? .safe }

    var policy: FixPolicy { FixPolicy(level: fixLevel, unsafeFor: fixSettings?.unsafeFor ?? []) }

    var diffOnly: Bool { fixSettings?.diffOnly ?? false }

    /// Where the report goes: standard error when `fix --stdin` prints the document.
    var reportFD: Int32 {
        if options.stdin, isFix, !diffOnly { return 2 }
        return 1
    }

    func run() -> Int32 {
        let resolver = ConfigurationResolver(overridePath: options.config)
        if let error = resolver.overrideError {
            Self.printError("\(error)")
            return ExitStatus.error
        }
        let baseline: Baseline?
        do {
            baseline = try options.baseline.map(Baseline.load)
        } catch {
            Self.printError("\(error)")
            return ExitStatus.error
        }
        let paths = RepositoryPaths.current()
        let policy = self.policy
        let text = TextReporter(policy: policy, color: options.format == .text && options.color.enabled(for: reportFD))
        let stepSummaryFile = options.format == .github
            ? Environment.process["GITHUB_STEP_SUMMARY"].flatMap { $0.isEmpty ? nil : $0 } : nil
        let renderer = OutputRenderer(format: options.format, policy: policy, paths: paths, text: text, diffOnly: diffOnly,
                                      baseline: options.writeBaseline != nil, stepSummary: stepSummaryFile != nil,
                                      fixReport: fixSettings?.report != nil)
        @Sendable func finish(_ report: FileReport) -> FileOutput {
            var report = report
            if let baseline { baseline.filter(&report, paths: paths) }
            return renderer.render(report)
        }
        // Made once nothing can stop the run any more, as it starts writing the report.
        func makeWriter() -> ReportWriter? {
            do {
                return try ReportWriter(runner: self, paths: paths, text: text, stepSummaryFile: stepSummaryFile)
            } catch {
                Self.printError("\(error)")
                return nil
            }
        }

        if options.stdin {
            switch readStdin(resolver, Session(rules: AllRules.rules, fileSystem: FileDiscovery.fileSystem, fileCount: 1)) {
            case .report(let r):
                guard let writer = makeWriter() else { return ExitStatus.error }
                writer.add(finish(r))
                return writer.finish()
            case .status(let s): return s
            }
        }
        // Where written files' folders wait for their flush (a second signal flushes them too).
        let directories = isFix && !diffOnly ? DirectorySync() : nil
        let interruption = Interruption(flushing: directories)
        var discovery = FileDiscovery.discover(options.paths + LongArgumentList.extraPaths, useGit: !options.noGit)
        if let ref = options.changedSince {
            do {
                let changed = try ChangedFiles(since: ref)
                discovery.files = discovery.files.filter { changed.contains($0) }
                if options.verbose { Self.printNote("\(plural(discovery.files.count, "file")) changed since \(ref)") }
            } catch {
                Self.printError("\(error)")
                return ExitStatus.error
            }
        }
        if let backup = fixSettings?.backup {
            // The backup folder is never linted.
            discovery.files.removeAll { backup.contains($0) }
        }
        var items: [Item] = discovery.errors.map { .failed(path: $0.path, error: $0.message) }
        items.reserveCapacity(items.count + discovery.files.count)
        let session = Session(rules: AllRules.rules, fileSystem: FileDiscovery.fileSystem, fileCount: discovery.files.count,
                              listingStore: options.cache.store)
        var reportedConfigErrors = Set<String>()
        var linters: [Linter] = []
        var linterIndex: [String: Int] = [:]
        for path in discovery.files {
            switch resolver.configuration(forFile: path) {
            case .failure(let error):
                let key = error.path ?? ""
                if reportedConfigErrors.insert(key).inserted { Self.printError("\(error)") }
                items.append(.failed(path: path, error: "not checked: its configuration \(key) is invalid"))
            case .success(let config):
                if ConfigurationResolver.isExcluded(path, by: config) {
                    if options.verbose { Self.printNote("\(path): excluded by \(config.path ?? "the configuration")") }
                    continue
                }
                let key = (config.path ?? "") + "\u{0}" + config.directory
                let index: Int
                if let known = linterIndex[key] {
                    index = known
                } else {
                    index = linters.count
                    linterIndex[key] = index
                    linters.append(linter(session, config))
                }
                items.append(.job(path: path, linter: index))
            }
        }
        if let shard = options.shard {
            items.removeAll { !shard.contains($0.path, paths: paths) }
            if options.verbose { Self.printNote("shard \(shard.index) of \(shard.count): \(plural(items.count, "file"))") }
        }
        // Path order, as the reports are written; a discovery error keeps its place among the
        // files. (Sorted by their indices, four bytes each: a sorted copy of the items with
        // their offsets was the run's peak of memory, 118 bytes a file, 2.4 MB for 20,000.)
        let order = items.indices.map { Int32($0) }.sorted { a, b in (items[Int(a)].path, a) < (items[Int(b)].path, b) }
        items = order.map { items[Int($0)] }
        let mode = self.mode
        let verbose = options.verbose
        // Temporaries that killed runs left beside the posts (never a running process's).
        if isFix && !diffOnly {
            let jobPaths = items.compactMap { $0.job?.path }
            for removed in TemporaryFiles.removeStale(near: jobPaths) where verbose {
                Self.printNote("removed \(removed), a temporary file of a galley run that is gone")
            }
        }
        // A run of few posts (a hook's) takes the stamps of the site's directories on another
        // thread while the first post is read and scanned, for a search of the site
        // (after the stale temporaries are gone: they are the site's entries too).
        if let (path, linter) = items.lazy.compactMap(\.job).first, linters[linter].searchesSite {
            session.site(for: path, configuration: linters[linter].configuration).prepareSearches { WorkerThread.detached($0) }
        }
        // (One file takes one worker however many cores there are: the count of cores, which
        // Foundation reads from the cgroup's files, is not asked for it.)
        let workers = options.jobs ?? (items.count <= 1 ? 1
            : Self.defaultWorkers(cores: ProcessInfo.processInfo.activeProcessorCount, writesFiles: isFix && !diffOnly && !options.stdin))
        guard let writer = makeWriter() else { return ExitStatus.error }
        if Progress.wanted(quiet: options.quiet, disabled: options.noProgress) {
            writer.show(Progress(total: items.count, showFixes: isFix && !diffOnly))
        }
        let delay = Self.testDelay
        let runLinters = linters
        let done = Parallel.stream(items, workers: workers, stop: interruption.stop, { item in
            switch item {
            case let .failed(path, error): return finish(FileReport(path: path, error: error))
            case let .job(path, linter):
                if delay > 0 { usleep(delay) }
                return finish(Self.process(path, runLinters[linter], mode: mode, verbose: verbose, directories: directories))
            }
        }, consume: writer.add)
        // The renames made durable, each folder once (an interrupted run's too).
        let unsynced = directories?.flush() ?? []
        for (directory, error) in unsynced {
            Self.printError("files fixed in \(directory) were replaced, but the folder could not be flushed to disk (\(error))")
        }
        if let status = interruption.status {
            writer.interrupted(status: status, done: done, of: items.count)
        }
        if verbose { Self.printSites(session, resolver) }
        let status = writer.finish()
        Self.lastSession.withLock { $0 = session }
        // (An interrupted run keeps the signal's status; the error is printed above.)
        return unsynced.isEmpty || interruption.status != nil ? status : ExitStatus.error
    }

    /// The session of the last run, kept for the process's exit to let go of: releasing its
    /// sites, listing and mapped record one object at a time, and unmapping the record,
    /// was about 0.2 ms of a run on one post, spent just before `exit`. (Kept until the
    /// next run in the same process, as in tests.)
    private static let lastSession = Mutex<Session?>(nil)

    /// Files processed at once without `--jobs`: one per core; four per core (up to 64,
    /// never fewer than the cores)
    /// where files are written, since each write waits for the disk (`fsync` of the file
    /// and of its folder) and a core would otherwise idle through it. `fix` on a copy of
    /// the 20,000-post corpus, 2 cores: 2 workers 23.0 s, 4 17.5 s, 8 16.0 s (user time
    /// about the same).
    static func defaultWorkers(cores: Int, writesFiles: Bool) -> Int {
        let cores = max(cores, 1)
        return writesFiles ? max(cores, min(cores * 4, 64)) : cores
    }

    /// `GALLEY_TEST_FILE_DELAY_MS`: for the interruption tests only, a pause before each
    /// file, so that a signal reliably lands in the middle of a run.
    static var testDelay: UInt32 {
        UInt32(Environment.process["GALLEY_TEST_FILE_DELAY_MS"].flatMap { UInt32($0) } ?? 0) * 1000
    }

    var isFix: Bool {
        if case .fix = mode { return true }
        return false
    }

    func linter(_ session: Session, _ config: Configuration) -> Linter {
        Linter(session: session, configuration: config, select: options.selected, ignore: options.ignored)
    }

    /// Reads (unless `input` is given), checks and (in fix mode) fixes one file. Never
    /// throws; problems go in the report. With `input` (standard input), the fixed
    /// document goes in `output` instead of being written, and is the input when fixing fails.
    /// `directories`: where the folders of the files written wait for their flush (see
    /// `DirectorySync`); nil flushes each after its file.
    static func process(_ path: String, _ linter: Linter, mode: Mode, verbose: Bool, input: [UInt8]? = nil,
                        directories: DirectorySync? = nil) -> FileReport {
        var report = FileReport(path: path)
        let bytes: [UInt8]
        if let input {
            bytes = input
        } else {
            do {
                bytes = try FileReader.read(path)
            } catch {
                report.error = "\(error)"
                return report
            }
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
        case let .fix(settings):
            let result = linter.fix(path: path, bytes: bytes, upTo: settings.level, unsafeFor: settings.unsafeFor)
            let source = SourceText(result.bytes)
            report.findings = ReportedFinding.locate(result.remaining, in: source)
            if let failure = result.failure {
                report.error = failure
                return report
            }
            guard result.bytes != bytes else { return report }
            report.fixesApplied = result.applied
            if settings.diffOnly {
                report.diff = UnifiedDiff.bytes(old: bytes, new: result.bytes, oldName: path, newName: path)
                return report
            }
            if input != nil {
                report.output = result.bytes
                return report
            }
            var change: FileChange?
            if settings.report != nil {
                change = FileChange(sha256Before: SHA256.hex(bytes), sha256After: SHA256.hex(result.bytes))
                change!.fixes = Self.fixesByLine(result.appliedFixes, in: SourceText(bytes))
            }
            var backupKept = false
            let save: ((mode_t) throws -> Void)? = settings.backup.map { backup in
                { mode in backupKept = !(try backup.save(bytes, of: path, mode: mode)) }
            }
            do {
                try AtomicWriter.replace(path, with: result.bytes, expecting: bytes, beforeWriting: save, syncingLater: directories)
                change?.backup = settings.backup?.location(of: path)
                change?.backupKept = backupKept
                report.change = change
            } catch let failure as AtomicWriter.Failure where failure.replaced {
                report.error = "\(failure)"  // written, but the directory's sync failed
                change?.backup = settings.backup?.location(of: path)
                change?.backupKept = backupKept
                report.change = change
            } catch {
                report.error = "\(error)"
                report.fixesApplied = 0
                report.findings = ReportedFinding.locate(linter.check(document()), in: document().source)
            }
        }
        return report
    }

    /// Applied fixes counted per rule and line of the file as read, in order of position.
    static func fixesByLine(_ applied: [Linter.AppliedFix], in source: SourceText) -> [(rule: String, line: Int, count: Int)] {
        var counts: [String: [Int: Int]] = [:]
        for fix in applied { counts[fix.ruleID, default: [:]][source.line(containing: min(fix.offset, max(0, source.bytes.count - 1))) + 1, default: 0] += 1 }
        return counts.flatMap { rule, lines in lines.map { (rule: rule, line: $0.key, count: $0.value) } }
            .sorted { ($0.line, $0.rule) < ($1.line, $1.rule) }
    }

    /// For `--verbose`: each site the rules looked at, what was detected and from which
    /// file, and what could not be read.
    static func printSites(_ session: Session, _ resolver: ConfigurationResolver) {
        for site in session.madeSites {
            let configuration = (try? resolver.configuration(forFile: site.root + "/post.md").get()) ?? .default
            for line in SiteDescription(site: site, configuration: configuration).summary { printNote(line) }
        }
    }

    static func printError(_ message: String) {
        Output.write("galley: error: \(message)\n", to: 2)
    }

    static func printNote(_ message: String) {
        Output.write("galley: \(message)\n", to: 2)
    }
}
