import Testing
@testable import RuleEngine
@testable import Rules

/// What real exports carry that is not debris (issue 15): the rule says nothing and
/// offers no fix, not even an unsafe one; and the real debris next to it is still found.
@Suite struct MismatchedEmphasisPrecisionTests {
    let id = ["mismatched-emphasis"]

    /// Each of these was flagged before issue 15.
    @Test(arguments: [
        // A footnote mark: the author wants a literal `*`.
        "\\*_Diagram taken from the vendor's guide._",
        "\\* **Prices** include taxes.",
        "- \\*_Measured on the test bench._",
        // Wildcard imports and other dotted identifiers.
        "import Sensors.Reader._",
        "import Telemetry.Hub.\\_",
        "In Scala, write import a.b._",
        "The glob matches x.y.\\_",
        // Pieces of snake_case names, escaped.
        "Open _the key HKEY\\_LOCAL\\_MACHINE\\_",
        "Use _any value for my\\_own\\_",
    ])
    func textIsLeftAlone(_ text: String) {
        #expect(lint(text + "\n", id).isEmpty)
        #expect(fixed(text + "\n", id, upTo: .unsafe) == text + "\n")
    }

    @Test(arguments: [
        ("It came back in the third minute.\\_", "1:34", "\\_"),
        ("**Efficiency** \\_", "1:16", "\\_"),
        ("> _ **Travel** , Food, Notes_", "1:3", "_"),
        ("Set **HKEY\\_CURRENT\\_USER\\Software\\Vendor\\**", "1:42", "\\*"),
        ("_ **Keep one backlog per team** _.", "1:1", "_"),
        ("See (_ **this** _) first.", "1:6", "_"),
    ])
    func debrisIsStillFound(_ text: String, _ position: String, _ flaggedText: String) {
        let findings = lint(text + "\n", id)
        #expect(positions(text + "\n", findings) == [position])
        #expect(flagged(text + "\n", findings) == [flaggedText])
    }

    /// Punctuation outside a spaced pair only counts around emphasis that formed.
    @Test(arguments: ["See (* the note *) below.", "See (_ note_) here.", "Is it _ right _?"])
    func punctuationAloneMakesNoPair(_ text: String) {
        #expect(lint(text + "\n", id).isEmpty)
    }

    /// A spaced pair followed (or preceded) by punctuation: the punctuation made the
    /// outer delimiter look like an opener (a closer), and the fix is safe.
    @Test(arguments: [
        ("_ **Keep one backlog per team** _.", "_**Keep one backlog per team**_."),
        ("See (_ **this** _) first.", "See (_**this**_) first."),
    ])
    func aSpacedPairNextToPunctuationIsFixed(_ text: String, _ expected: String) throws {
        let fix = try #require(lint(text + "\n", id).first?.fix)
        #expect(fix.applicability == .safe)
        #expect(fixed(text + "\n", id) == expected + "\n")
    }

    /// The mangled heading: its last `****` closes nothing; the first one is consumed.
    /// mismatched-emphasis owns it (one finding, no fix), doubled-emphasis stays silent.
    @Test func theMangledHeadingHasOneFinding() {
        let text = "### ****📦 Latest** r**elease: 1.2**3**.0****\n"
        let findings = lint(text, ["mismatched-emphasis", "doubled-emphasis"])
        #expect(findings.map(\.ruleID) == ["mismatched-emphasis"])
        #expect(positions(text, findings) == ["1:41"])
        #expect(findings.allSatisfy { $0.fix == nil })
    }
}
