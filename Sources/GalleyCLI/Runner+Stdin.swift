import GalleyIO
import RuleEngine

extension Runner {
    enum StdinOutcome {
        case report(FileReport)
        case status(Int32)
    }

    /// `--stdin`: one document from standard input, named by `--stdin-filename` for
    /// reports, configuration lookup and excludes.
    func readStdin(_ resolver: ConfigurationResolver, _ session: Session) -> StdinOutcome {
        let name = options.stdinFilename ?? "<stdin>"
        let bytes: [UInt8]
        do {
            bytes = try FileReader.readAll(0, what: "standard input")
        } catch {
            Self.printError("\(error)")
            return .status(ExitStatus.error)
        }
        let echo = reportFD == 2  // fix --stdin: whatever happens, the document goes back out
        switch resolver.configuration(forFile: name) {
        case .failure(let error):
            Self.printError("\(error)")
            if echo { Output.write(bytes, to: 1) }
            return .status(ExitStatus.error)
        case .success(let config):
            if ConfigurationResolver.isExcluded(name, by: config) {
                if options.verbose { Self.printNote("\(name): excluded by \(config.path ?? "the configuration")") }
                if echo { Output.write(bytes, to: 1) }
                return .report(FileReport(path: name))
            }
            var report = Self.process(name, linter(session, config), mode: mode, verbose: options.verbose, input: bytes)
            if echo {
                Output.write(report.output ?? bytes, to: 1)
                report.output = nil
            }
            return .report(report)
        }
    }
}
