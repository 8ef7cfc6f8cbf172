import Testing
@testable import RuleEngine
@testable import Rules

/// Fixes after raw HTML that leaves an element open (here a link, `<a href>` with no
/// `</a>`) cannot be proven by their windows: each is proven on the whole document. They
/// are proven together, and half by half where one fails, so a long post of them costs a
/// few renderings of the document, not one per fix (FuzzFix found a 39 KB post that took
/// seconds), and each keeps the verdict it has alone.
@Suite struct ProofAfterOpenHTMLTests {
    /// `count` paragraphs with an entity each, after an open link; the entity of paragraph
    /// `bad` starts it before `2. ` (replaced, it makes a list item).
    static func post(_ count: Int, bad: Int) -> String {
        var s = "Intro.\n\n<a href=\"https://example.com/x\">Intro\n\n"
        for k in 0..<count {
            s += k == bad ? "&nbsp;2. item\n\n" : "Word\(k)&nbsp;word.\n\n"
        }
        return s
    }

    @Test func fixesAfterOpenHTMLAreProvenTogetherAndKeepTheirVerdicts() {
        let text = Self.post(64, bad: 37)
        let linter = linter(["nbsp-entity"])
        let document = Document(path: "test.md", bytes: Array(text.utf8), session: linter.session)
        let proof = FixProof(document)
        #expect(proof.openFrom < Int.max)
        var findings = linter.unproven(document)
        linter.prove(&findings, in: document, proof: proof)
        #expect(findings.count == 64)
        let withheld = findings.filter { $0.fix?.withheld != nil }
        #expect(positions(text, withheld) == ["79:1"])
        #expect(withheld.first?.fix?.withheld == "would make line 79 a list item")
        #expect(findings.filter { $0.fix?.withheld == nil && $0.fix?.applicability == .safe }.count == 63)
        // One try of the byte proof, then halves down to the one that fails: about
        // 2 log2(64), where one rendering per fix was 64 and more.
        #expect(proof.wholeRenderings <= 2 * 6 + 4, "\(proof.wholeRenderings) renderings of the whole document")
    }

    @Test func fixAppliesEveryFixAfterOpenHTMLButTheOneThatFails() {
        let text = Self.post(16, bad: 9)
        var expected = ""
        expected += "Intro.\n\n<a href=\"https://example.com/x\">Intro\n\n"
        for k in 0..<16 { expected += k == 9 ? "&nbsp;2. item\n\n" : "Word\(k) word.\n\n" }
        #expect(fixed(text, ["nbsp-entity"]) == expected)
        // Two in one paragraph (one cluster, which fails): the one that passes is applied.
        let one = "<a href=\"https://example.com/x\">Intro\n\n&nbsp;2. item&nbsp;word\n\n"
        #expect(fixed(one, ["nbsp-entity"]) == "<a href=\"https://example.com/x\">Intro\n\n&nbsp;2. item word\n\n")
    }
}
