import ArgumentParser
import Rules

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rules", abstract: "List the rules.")

    func run() throws {
        let width = AllRules.rules.map(\.descriptor.id.count).max() ?? 0
        var out = ""
        for rule in AllRules.rules {
            let d = rule.descriptor
            let fix = d.fix.map { "fix: \($0.rawValue)" } ?? "no fix"
            let on = d.enabledByDefault ? "" : " (off by default)"
            out += d.id.padding(toLength: width, withPad: " ", startingAt: 0)
                + "  \(d.defaultSeverity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0))  "
                + "\(fix.padding(toLength: 11, withPad: " ", startingAt: 0))  \(d.summary)\(on)\n"
        }
        Output.write(out)
    }
}
