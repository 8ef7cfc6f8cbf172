import ArgumentParser
import Rules

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "explain", abstract: "Print a rule's reference page.")

    @Argument(help: "A rule id, as `galley rules` lists them.")
    var rule: String

    func run() throws {
        guard let page = AllRules.documentation(rule) else {
            let ids = AllRules.rules.map(\.descriptor.id).joined(separator: ", ")
            throw ValidationError("unknown rule `\(rule)`; the rules are: \(ids)")
        }
        Output.write(page.hasSuffix("\n") ? page : page + "\n")
    }
}
