import ArgumentParser
import RuleEngine
import Rules

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "explain", abstract: "Print a rule's reference page.")

    @Argument(help: "A rule id, as `galley rules` lists them.")
    var rule: String

    func run() throws {
        guard let descriptor = AllRules.rule(rule)?.descriptor else {
            let ids = AllRules.rules.map(\.descriptor.id).joined(separator: ", ")
            throw ValidationError("unknown rule `\(rule)`; the rules are: \(ids)")
        }
        let page = descriptor.documentation
        Output.write((page.hasSuffix("\n") ? page : page + "\n") + "\n" + Self.settingsTable(descriptor))
    }

    /// The settings a rule's section of `.galley.yml` takes, from its declaration.
    static func settingsTable(_ d: RuleDescriptor) -> String {
        var rows: [(String, String, String, String)] = [
            ("severity", "`off`, `error`, `warning`, `info`", "`\(d.enabledByDefault ? d.defaultSeverity.rawValue : "off")`",
             "How findings are reported (`off` turns the rule off); `rules: {\(d.id): error}` is short for it"),
        ]
        if let fix = d.fix {
            rows.append(("fix", "`safe`, `unsafe`, `suggestion`, `off`", "the rule's own (at best `\(fix.rawValue)`)",
                         "How far its fixes may go: `safe` promotes them (the proof still runs), the others demote, `off` drops them"))
        }
        for option in d.options {
            rows.append((option.name, option.allowedValues, "`\(option.defaultValue)`", option.summary))
        }
        var out = "## Settings\n\nIn `.galley.yml`, under `rules:` → `\(d.id):`\n\n| setting | values | default | what it does |\n|---|---|---|---|\n"
        for (name, values, defaultValue, summary) in rows {
            out += "| `\(name)` | \(values) | \(defaultValue) | \(summary) |\n"
        }
        return out
    }
}
