import ArgumentParser
import Glibc

extension GalleyCommand {
    /// Parses and runs; usage errors exit 2 (ArgumentParser's default would be 64).
    public static func runMain(_ arguments: [String]? = nil) -> Never {
        // `galley check | head`: a closed pipe ends the output quietly, not the process
        // with SIGPIPE, so the exit status still says clean / findings / error.
        signal(SIGPIPE, SIG_IGN)
        // A parent that ignores SIGCHLD (which exec keeps) would have the kernel reap git
        // before galley can read its exit status: git would seem not to run at all.
        signal(SIGCHLD, SIG_DFL)
        let arguments = arguments ?? Array(CommandLine.arguments.dropFirst())
        if let plain = PlainRun(arguments) { Glibc.exit(plain.run()) }
        do {
            let split = LongArgumentList.split(arguments)
            LongArgumentList.extraPaths = split.paths
            var command = try parseAsRoot(split.parse)
            try command.run()
            Glibc.exit(ExitStatus.clean)
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                Output.write("galley: " + fullMessage(for: error) + "\n", to: 2)
                Glibc.exit(ExitStatus.error)
            }
            exit(withError: error)
        }
    }
}
