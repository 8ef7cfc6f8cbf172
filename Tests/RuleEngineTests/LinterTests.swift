import Testing
@testable import RuleEngine

@Suite struct LinterTests {
    @Test func checkSortsFindingsAndUsesTheConfiguredSeverity() throws {
        var config = Configuration()
        config.rules["letter-x"] = RuleSetting(severity: .error)
        let findings = makeLinter([LetterRule()], config).check(path: "a.md", bytes: Array("aX bX\n".utf8))
        #expect(findings.map(\.range.lowerBound) == [1, 4])
        #expect(findings.allSatisfy { $0.severity == .error })
    }

    @Test func selectIgnoreAndOffDecideWhichRulesRun() {
        let rules: [any Rule] = [LetterRule(), LetterRule(id: "letter-q", letter: 0x51)]
        let input = Array("X Q\n".utf8)
        #expect(makeLinter(rules).check(path: "a", bytes: input).count == 2)
        #expect(makeLinter(rules, select: ["letter-q"]).check(path: "a", bytes: input).map(\.ruleID) == ["letter-q"])
        #expect(makeLinter(rules, ignore: ["letter-q"]).check(path: "a", bytes: input).map(\.ruleID) == ["letter-x"])
        var off = Configuration()
        off.rules["letter-x"] = RuleSetting(enabled: false)
        #expect(makeLinter(rules, off).check(path: "a", bytes: input).map(\.ruleID) == ["letter-q"])
        // --select turns on a rule the configuration turned off.
        #expect(makeLinter(rules, off, select: ["letter-x"]).check(path: "a", bytes: input).map(\.ruleID) == ["letter-x"])
    }

    @Test func fixRepeatsUntilStable() {
        // Each fix turns X into XY's neighbour... here: X becomes Y, and a second rule turns Y into Z.
        let rules: [any Rule] = [
            LetterRule(),
            LetterRule(id: "letter-y", letter: 0x59, makeFix: { r, _ in
                Fix(title: "Y to Z", edits: [Edit(range: r, replacement: "Z")], applicability: .safe)
            }),
        ]
        let result = makeLinter(rules).fix(path: "a", bytes: Array("<!--aXa-->\n".utf8), upTo: .safe)
        #expect(text(result.bytes) == "<!--aZa-->\n")
        #expect(result.failure == nil)
        #expect(result.passes == 3)
        #expect(result.remaining.isEmpty)
    }

    @Test func aCycleIsReportedAndNothingChanges() {
        let rules: [any Rule] = [
            LetterRule(),  // X -> Y
            LetterRule(id: "letter-y", letter: 0x59, makeFix: { r, _ in
                Fix(title: "Y to X", edits: [Edit(range: r, replacement: "X")], applicability: .safe)
            }),
        ]
        let input = Array("<!--X-->\n".utf8)
        let result = makeLinter(rules).fix(path: "a", bytes: input, upTo: .safe)
        #expect(result.bytes == input)
        #expect(result.failure?.contains("do not converge") == true)
        #expect(result.applied == 0)
    }

    @Test func aFixThatNeverSettlesStopsAfterTenPasses() {
        let grow = LetterRule(makeFix: { r, _ in
            Fix(title: "Add another X", edits: [Edit(range: r, replacement: "XX")], applicability: .safe)
        })
        let input = Array("<!--X-->\n".utf8)
        let result = makeLinter([grow]).fix(path: "a", bytes: input, upTo: .safe)
        #expect(result.bytes == input)
        #expect(result.failure?.contains("10 passes") == true)
    }

    @Test func aFixThatBreaksFrontMatterIsDropped() {
        // Replacing the X in `title: X` by a quote makes the YAML invalid.
        let quote = LetterRule(makeFix: { r, _ in
            Fix(title: "Quote", edits: [Edit(range: r, replacement: "\"")], applicability: .safe)
        })
        struct FrontMatterX: Rule {
            let inner: LetterRule
            var descriptor: RuleDescriptor { inner.descriptor }
            func check(_ d: Document, _ context: RuleContext) {
                let b = d.bytes
                for i in b.indices where b[i] == 0x58 {
                    context.report(i..<(i + 1), "x", fix: inner.makeFix(i..<(i + 1), b))
                }
            }
        }
        let input = Array("---\ntitle: X\n---\nbody\n".utf8)
        let result = makeLinter([FrontMatterX(inner: quote)]).fix(path: "a", bytes: input, upTo: .safe)
        #expect(result.bytes == input)
        #expect(result.failure?.contains("front matter") == true)
    }

    @Test func unsafeAndSuggestedFixesNeedTheirLevel() {
        let unsafe = LetterRule(makeFix: { r, _ in
            Fix(title: "Drop", edits: [.delete(r)], applicability: .unsafe)
        })
        let suggestion = LetterRule(id: "letter-q", letter: 0x51, makeFix: { r, _ in
            Fix(title: "Drop", edits: [.delete(r)], applicability: .suggestion)
        })
        let input = Array("<!--aXbQc-->\n".utf8)
        let linter = makeLinter([unsafe, suggestion])
        #expect(text(linter.fix(path: "a", bytes: input, upTo: .safe).bytes) == "<!--aXbQc-->\n")
        #expect(text(linter.fix(path: "a", bytes: input, upTo: .unsafe).bytes) == "<!--abQc-->\n")
    }

    /// `fix:` in a rule's section promotes or demotes its fixes; a suggestion is never
    /// promoted, and `off` drops the fixes but keeps the findings.
    @Test(arguments: [
        (FixSetting.safe, Applicability.unsafe, "<!--aYbQc-->\n", "<!--aYbQc-->\n"),
        (.safe, .suggestion, "<!--aXbQc-->\n", "<!--aXbQc-->\n"),
        (.unsafe, .safe, "<!--aXbQc-->\n", "<!--aYbQc-->\n"),
        (.suggestion, .safe, "<!--aXbQc-->\n", "<!--aXbQc-->\n"),
        (.off, .safe, "<!--aXbQc-->\n", "<!--aXbQc-->\n"),
    ])
    func theFixSettingPromotesAndDemotes(_ setting: FixSetting, _ declared: Applicability, _ safeRun: String, _ unsafeRun: String) throws {
        let rule = LetterRule(makeFix: { r, _ in Fix(title: "Y", edits: [Edit(range: r, replacement: "Y")], applicability: declared) })
        var config = Configuration()
        config.rules["letter-x"] = RuleSetting(fix: setting)
        let linter = makeLinter([rule], config)
        let input = Array("<!--aXbQc-->\n".utf8)
        #expect(text(linter.fix(path: "a", bytes: input, upTo: .safe).bytes) == safeRun)
        #expect(text(linter.fix(path: "a", bytes: input, upTo: .unsafe).bytes) == unsafeRun)
        let finding = try #require(linter.check(path: "a", bytes: input).first)
        #expect((finding.fix == nil) == (setting == .off))
    }

    @Test func overlappingFixesLandOverSeveralPasses() {
        // Each X's fix deletes it and its right neighbour: in "XXXX" the fixes overlap pairwise.
        let eat = LetterRule(makeFix: { r, b in
            Fix(title: "Eat", edits: [.delete(r.lowerBound..<min(r.upperBound + 1, b.count))], applicability: .safe)
        })
        let result = makeLinter([eat]).fix(path: "a", bytes: Array("<!--XXXXa-->\n".utf8), upTo: .safe)
        #expect(text(result.bytes) == "<!--a-->\n")
        #expect(result.failure == nil)
    }
}
