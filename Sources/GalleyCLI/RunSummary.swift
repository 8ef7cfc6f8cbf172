import RuleEngine

/// What one file adds to the run's counters, computed by the worker that checked it.
struct FileTally: Sendable {
    struct Rule: Sendable {
        var rule: String
        var findings = 0
        var fixable = 0
        /// Fixable with `--unsafe-fixes`.
        var fixableUnsafe = 0
        /// Fixes of the rule applied (fix mode) and fixes the proof withheld.
        var fixed = 0
        var withheld = 0
    }

    var rules: [Rule] = []
    var findings = 0
    var fixable = 0
    var fixableUnsafe = 0
    var fixesApplied = 0
    var baselined = 0
    var withheld = 0

    init() {}

    init(_ report: FileReport, policy: FixPolicy) {
        // A file has findings of a few rules: a search of them beats hashing each name.
        func slot(_ rule: String) -> Int {
            if let i = rules.firstIndex(where: { $0.rule == rule }) { return i }
            rules.append(Rule(rule: rule))
            return rules.count - 1
        }
        for i in report.findings.indices {
            let k = slot(report.findings[i].finding.ruleID)
            let f = report.findings[i].finding
            rules[k].findings += 1
            if policy.isFixable(f) { rules[k].fixable += 1 }
            if f.isFixable(upTo: .unsafe) { rules[k].fixableUnsafe += 1 }
            if f.fix?.withheld != nil {
                withheld += 1
                rules[k].withheld += 1
            }
        }
        for fix in report.change?.fixes ?? [] { rules[slot(fix.rule)].fixed += fix.count }
        for rule in rules {
            findings += rule.findings
            fixable += rule.fixable
            fixableUnsafe += rule.fixableUnsafe
        }
        fixesApplied = report.fixesApplied
        baselined = report.baselined
    }
}

/// The run's counters: all a summary, the statistics, a step summary or a document's
/// footer needs, kept while the files' reports stream out and are dropped.
struct RunTotals {
    var policy: FixPolicy
    /// `fix` that writes files (not `--diff`, not `check`).
    var fixMode: Bool
    var checkedFiles = 0
    var findings = 0
    var fixable = 0
    var fixableUnsafe = 0
    var fixed = 0
    var fixedFiles = 0
    var baselined = 0
    var withheld = 0
    /// Files that could not be read, checked or written, in path order.
    var failed: [(path: String, error: String)] = []
    private var rules: [String: RuleCount] = [:]

    init(policy: FixPolicy, fixMode: Bool) {
        self.policy = policy
        self.fixMode = fixMode
    }

    var fixLevel: Applicability { policy.level }

    mutating func add(path: String, error: String?, _ tally: FileTally) {
        if let error { failed.append((path, error)) } else { checkedFiles += 1 }
        findings += tally.findings
        fixable += tally.fixable
        fixableUnsafe += tally.fixableUnsafe
        fixed += tally.fixesApplied
        if tally.fixesApplied > 0 { fixedFiles += 1 }
        baselined += tally.baselined
        withheld += tally.withheld
        for r in tally.rules where r.findings > 0 {
            rules[r.rule, default: RuleCount(rule: r.rule, findings: 0, fixable: 0)].findings += r.findings
            rules[r.rule]!.fixable += r.fixable
        }
    }

    struct RuleCount: Equatable {
        var rule: String
        var findings: Int
        var fixable: Int
    }

    /// Findings and fixable findings per rule, most frequent first (ties by rule id).
    var statistics: [RuleCount] {
        rules.values.sorted { ($1.findings, $0.rule) < ($0.findings, $1.rule) }
    }
}

/// `--statistics`: a table of findings and fixable findings per rule.
enum StatisticsTable {
    static func render(_ run: RunTotals) -> String {
        let rows = run.statistics
        let width = max(4, rows.map(\.rule.count).max() ?? 0)
        func pad(_ s: String, _ n: Int) -> String { String(repeating: " ", count: max(0, n - s.count)) + s }
        var out = TextHelpers.padded("rule", to: width) + "  findings  fixable\n"
        for row in rows {
            out += TextHelpers.padded(row.rule, to: width)
                + "  " + pad(String(row.findings), 8) + "  " + pad(String(row.fixable), 7) + "\n"
        }
        let total = rows.reduce((0, 0)) { ($0.0 + $1.findings, $0.1 + $1.fixable) }
        out += TextHelpers.padded("total", to: width)
            + "  " + pad(String(total.0), 8) + "  " + pad(String(total.1), 7) + "\n"
        return out
    }
}
