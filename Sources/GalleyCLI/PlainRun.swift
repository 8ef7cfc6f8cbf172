/// `galley check FILE...` or `galley fix FILE...` with no option at all: what the
/// pre-commit hooks run on every commit. Such a command line means the options' defaults
/// and the paths in order, so it is run without ArgumentParser, whose reflection over
/// the commands' options was 17.6 M of the 29.3 M instructions of a run on one post
/// (`CheckCommand`'s arguments read four times over, the completion-script request
/// checked). Anything else (an option, `--`, `-` for standard input, an empty argument,
/// another command, `--help`) goes to ArgumentParser; a test checks that every command
/// line taken here is read by ArgumentParser as the same run.
struct PlainRun {
    let mode: Runner.Mode
    let settings: RunSettings

    init?(_ arguments: [String]) {
        guard let command = arguments.first else { return nil }
        let paths = arguments.dropFirst()
        guard paths.allSatisfy({ !$0.isEmpty && !$0.hasPrefix("-") }) else { return nil }
        switch command {
        case "check": mode = .check
        case "fix": mode = .fix(Runner.FixSettings())
        default: return nil
        }
        settings = RunSettings(paths: Array(paths))
    }

    /// The run's exit status.
    func run() -> Int32 { Runner(options: settings, mode: mode).run() }
}
