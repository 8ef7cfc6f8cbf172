import Testing
@testable import RuleEngine
@testable import Rules

/// `check` labels each fix as `fix` applies it: a safe fix as plain `fix` takes it, among
/// the other safe fixes, even where an unsafe one (a card conversion, which plain `fix`
/// leaves) sits in the blocks beside it.
@Suite struct CheckAsFixTakesItTests {
    /// Two Ghost gallery cards (their conversions unsafe) around a spacer paragraph in a
    /// Markdown card, as a real export carries it (a post of the generated migration
    /// corpus, cut down).
    static let post: String = {
        let gallery = #"<!--kg-card-begin: gallery--><figure class="kg-card kg-gallery-card kg-width-wide"><div class="kg-gallery-container"><div class="kg-gallery-row"><div class="kg-gallery-image"><img src="https://example.com/a.jpg" width="1200" height="800" loading="lazy" alt></div></div></div></figure><!--kg-card-end: gallery-->"#
        return gallery + "\n\n<!--kg-card-begin: markdown-->\n\n&nbsp;\n\n<!--kg-card-end: markdown-->\n\n" + gallery + "\n"
    }()

    @Test func aSafeFixBesideAnUnsafeCardConversionIsLabelledAsFixAppliesIt() {
        let findings = lint(Self.post)
        let spacer = findings.first { $0.ruleID == "nbsp-entity" }
        #expect(spacer?.fix?.title == "Remove the spacer paragraph")
        #expect(spacer?.fix?.applicability == .safe)
        #expect(spacer?.fix?.changes == nil)
        #expect(spacer?.isFixable(upTo: .safe) == true)
        // The card conversions stay unsafe, as they were.
        #expect(findings.filter { $0.ruleID == "ghost-card" }.allSatisfy { $0.fix?.applicability == .unsafe })
        // And `fix` does what `check` says: every fix it labelled safe, the spacer's too.
        let result = linter().fix(path: "test.md", bytes: Array(Self.post.utf8), upTo: .safe)
        #expect(result.applied == findings.filter { $0.isFixable(upTo: .safe) }.count)
        #expect(!String(decoding: result.bytes, as: UTF8.self).contains("&nbsp;"))
    }
}
