import ArgumentParser

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Report problems; exit 0 when clean, 1 on findings, 2 on usage, configuration or I/O errors."
    )

    @OptionGroup var options: RunOptions

    func run() throws {
        let status = Runner(options: options.settings, mode: .check).run()
        if status != ExitStatus.clean { throw ExitCode(status) }
    }
}
