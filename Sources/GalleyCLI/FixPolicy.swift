import RuleEngine

/// How far this run applies fixes: up to `level` for every rule, and up to `unsafe` for
/// the rules `--unsafe-fixes-for` names.
struct FixPolicy: Sendable {
    var level: Applicability
    var unsafeFor: Set<String> = []

    init(level: Applicability, unsafeFor: Set<String> = []) {
        self.level = level
        self.unsafeFor = unsafeFor
    }

    func level(for rule: String) -> Applicability {
        unsafeFor.contains(rule) ? max(level, .unsafe) : level
    }

    func isFixable(_ f: Finding) -> Bool { f.isFixable(upTo: level(for: f.ruleID)) }
}
