import ArgumentParser

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

    func run() throws {
        let mode: Runner.Mode = .fix(level: unsafeFixes ? .unsafe : .safe, diffOnly: diff)
        let status = Runner(options: options, mode: mode).run()
        if status != ExitStatus.clean { throw ExitCode(status) }
    }
}
