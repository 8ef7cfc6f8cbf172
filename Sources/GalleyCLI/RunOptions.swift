import ArgumentParser
import Foundation
import RuleEngine
import Rules

/// Options shared by `check` and `fix`.
struct RunOptions: ParsableArguments {
    @Argument(help: "Files or directories (default: the current directory).")
    var paths: [String] = []

    @Option(name: .long, help: "Use this configuration file instead of looking for .galley.yml.")
    var config: String?

    @Option(name: .long, parsing: .singleValue, help: "Run only these rules (comma-separated, repeatable).")
    var select: [String] = []

    @Option(name: .long, parsing: .singleValue, help: "Do not run these rules (comma-separated, repeatable).")
    var ignore: [String] = []

    @Option(name: .long, help: "Output format.")
    var format: OutputFormat = .text

    @Option(name: .long, help: "Files processed at once (default: one per core).")
    var jobs: Int?

    @Flag(name: .long, help: "Say more about what is skipped and why.")
    var verbose = false

    enum OutputFormat: String, ExpressibleByArgument {
        case text
    }

    func validate() throws {
        for id in ruleIDs(select) + ruleIDs(ignore) where AllRules.rule(id) == nil {
            throw ValidationError("unknown rule `\(id)`; `galley rules` lists them")
        }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    var selected: Set<String>? { select.isEmpty ? nil : Set(ruleIDs(select)) }
    var ignored: Set<String> { Set(ruleIDs(ignore)) }

    private func ruleIDs(_ values: [String]) -> [String] {
        values.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
