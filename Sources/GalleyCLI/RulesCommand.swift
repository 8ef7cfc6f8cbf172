import ArgumentParser
import RuleEngine
import Rules

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rules", abstract: "List the rules.")

    func run() throws {
        let width = AllRules.rules.map(\.descriptor.id.count).max() ?? 0
        func fix(_ d: RuleDescriptor) -> String { d.fix.map { "fix: \($0.rawValue)" } ?? "no fix" }
        let fixWidth = AllRules.rules.map { fix($0.descriptor).count }.max() ?? 0
        var out = ""
        for rule in AllRules.rules {
            let d = rule.descriptor
            let on = d.enabledByDefault ? "" : " (off by default)"
            out += TextHelpers.padded(d.id, to: width)
                + "  \(TextHelpers.padded(d.defaultSeverity.rawValue, to: 7))  "
                + "\(TextHelpers.padded(fix(d), to: fixWidth))  \(d.summary)\(on)\n"
        }
        Output.write(out)
    }
}
