import ArgumentParser
import Rules

struct FixCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fix",
        abstract: "Apply safe fixes in place, then report what remains."
    )

    @OptionGroup var options: RunOptions

    @Flag(name: .long, help: "Also apply fixes that may change the meaning.")
    var unsafeFixes = false

    @Flag(name: .long, help: "Print a unified diff of the fixes and write nothing.")
    var diff = false

    @Option(name: .customLong("unsafe-fixes-for"), parsing: .singleValue, help: ArgumentHelp(
        "Also apply the unsafe fixes of these rules only (comma-separated, repeatable).", valueName: "RULE"))
    var unsafeFixesFor: [String] = []

    @Option(name: .long, help: ArgumentHelp(
        "Write a JSON report of the run to FILE: each changed file's SHA-256 before and after, the fixes applied, the fixes withheld and why.",
        valueName: "FILE"))
    var report: String?

    @Option(name: .long, help: ArgumentHelp(
        "Before replacing a file, keep its original under DIR at the same relative path (an existing backup is never overwritten).",
        valueName: "DIR"))
    var backup: String?

    var unsafeRules: Set<String> {
        Set(unsafeFixesFor.flatMap { $0.split(separator: ",") }.map { TextHelpers.trimmingBlanks($0) }.filter { !$0.isEmpty })
    }

    func validate() throws {
        for id in unsafeRules.sorted() where AllRules.rule(id) == nil {
            throw ValidationError("unknown rule `\(id)` in --unsafe-fixes-for; `galley rules` lists them")
        }
        if !unsafeFixesFor.isEmpty && unsafeRules.isEmpty { throw ValidationError("--unsafe-fixes-for needs a rule id") }
        if diff && report != nil { throw ValidationError("--report records what fix wrote; it cannot be used with --diff") }
        if diff && backup != nil { throw ValidationError("--backup keeps the originals of files fix replaces; it cannot be used with --diff") }
        if options.stdin && (report != nil || backup != nil) {
            throw ValidationError("--report and --backup are for files; they cannot be used with --stdin")
        }
        if let backup, backup.isEmpty { throw ValidationError("--backup needs a folder") }
    }

    /// What this run of `fix` applies and keeps.
    var settings: Runner.FixSettings {
        Runner.FixSettings(level: unsafeFixes ? .unsafe : .safe, unsafeFor: unsafeRules, diffOnly: diff,
                           report: report, backup: backup.map { Backup(directory: $0) })
    }

    func run() throws {
        let status = Runner(options: options.settings, mode: .fix(settings)).run()
        if status != ExitStatus.clean { throw ExitCode(status) }
    }
}
