import Testing
@testable import RuleEngine
@testable import Rules

@Suite struct GhostCardMarkerRuleTests {
    let id = ["ghost-card-marker"]

    @Test(arguments: [
        "<!--kg-card-begin: markdown-->", "<!--kg-card-end: html-->", "<!-- kg-card-begin: html -->",
        "<!--kg-card-begin:html-->", "<!--KG-CARD-END: Gallery-->", "<!--members-only-->",
        "{/*kg-card-begin: html*/}", "{/* kg-card-end: html */}", "kg-card-begin: html", "kg-card-end:code",
    ])
    func everySpellingIsFlaggedAloneOnALine(_ marker: String) {
        let text = "Before.\n\n\(marker)\n\nAfter.\n"
        #expect(flagged(text, lint(text, id)) == [marker])
        #expect(fixed(text, id) == "Before.\n\nAfter.\n")
    }

    @Test(arguments: [
        "Say `<!--kg-card-end: html-->` here.\n",
        "```\n<!--kg-card-end: html-->\n```\n",
        "    <!--kg-card-end: html-->\n",
        "A paragraph that mentions kg-card-begin: html in passing.\n",
        "<!-- kg-card-begin is a marker -->\n",
        "<!--kg-card-begin: -->\n",
    ])
    func notFlagged(_ text: String) {
        #expect(lint(text, id).isEmpty)
    }

    func messages(_ text: String) -> [String] { lint(text, id).map(\.message) }

    @Test func aWellFormedPairIsLeftover() {
        #expect(messages("<!--kg-card-begin: html-->\n<p>x</p>\n<!--kg-card-end: html-->\n") == [
            "Ghost card marker `kg-card-begin: html` left over from the export",
            "Ghost card marker `kg-card-end: html` left over from the export",
        ])
    }

    @Test func damagedPairsAreNamed() {
        #expect(messages("Text.\n\n<!--kg-card-end: markdown-->\n") == [
            "orphaned `kg-card-end: markdown`: no `kg-card-begin: markdown` opens it",
        ])
        #expect(messages("<!--kg-card-begin: markdown--><!--kg-card-begin: markdown--><p>x</p>\n\n<!--kg-card-end: markdown-->\n")[1]
                == "doubled `kg-card-begin: markdown`: the card opened on line 1 is still open")
        #expect(messages("<!--kg-card-begin: html-->\n\n<!--kg-card-end: markdown-->\n")[1]
                == "`kg-card-end: markdown` does not pair with `kg-card-begin: html` on line 1")
        #expect(messages("<!--kg-card-begin: html-->\n\ntext\n") == ["`kg-card-begin: html` is never closed"])
        #expect(messages("kg-card-end: html\n").first?.hasSuffix("(its comment delimiters were stripped)") == true)
    }

    @Test func aMarkerGluedToProseLosesOnlyItself() {
        #expect(fixed("Some text<!--kg-card-end: markdown-->\n", id) == "Some text\n")
        #expect(fixed("Some text <!--members-only--> more\n", id) == "Some text more\n")
    }

    /// The marker's comment ended the HTML block on its line; without it, `<p>` would
    /// run on into the next line, so a blank line keeps the two apart.
    @Test func aMarkerGluedToHTMLLeavesABlankLineSoTheNextParagraphStays() {
        let text = "<!--kg-card-end: markdown--><p>In this part</p>\nA Markdown paragraph.\n"
        let findings = lint(text, id)
        #expect(findings.first?.fix?.applicability == .safe)
        #expect(findings.first?.fix?.withheld == nil)
        #expect(fixed(text, id) == "<p>In this part</p>\n\nA Markdown paragraph.\n")
        // The same card followed by a heading (the shape that lost 17 headings on real blogs).
        let heading = "<!--kg-card-begin: image--><figure><img src=\"/a.png\" alt=\"a\"></figure><!--kg-card-end: image-->\n# Next\n"
        #expect(fixed(heading, id) == "<figure><img src=\"/a.png\" alt=\"a\"></figure>\n\n# Next\n")
    }

    @Test func aMarkerLineInsideAnHTMLBlockGoesWithoutABlankLine() {
        #expect(fixed("<div>\n<!--kg-card-end: html-->\n</div>\n", id) == "<div>\n</div>\n")
    }

    @Test func markerLinesAtTheStartOfAFileTakeTheBlankLineAfterThem() {
        #expect(fixed("<!--kg-card-begin: markdown-->\n\nText.\n", id) == "Text.\n")
    }

    @Test func consecutiveMarkerLinesAreOneGroup() {
        #expect(fixed("A.\n\n<!--kg-card-end: html-->\n<!--kg-card-begin: markdown-->\n\nB.\n", id) == "A.\n\nB.\n")
    }

    @Test func aMarkerInABlockQuote() {
        #expect(fixed("> Quote.\n>\n> <!--kg-card-end: markdown-->\n", id) == "> Quote.\n")
    }

    @Test func noFinalNewlineStaysThatWay() {
        #expect(fixed("Text.\n\n<!--kg-card-end: markdown-->", id) == "Text.")
        #expect(fixed("x\n\n\n<!--kg-card-end: markdown-->", id) == "x")
    }
}

/// Containers, raw-text HTML and code spans around markers (found in review).
@Suite struct GhostCardMarkerContainerTests {
    let id = ["ghost-card-marker"]

    @Test func aMarkerBetweenTwoQuotedParagraphsLeavesAQuotedBlankLine() {
        #expect(fixed("> a\n> <!--kg-card-end: markdown-->\n> b\n", id) == "> a\n>\n> b\n")
    }

    @Test func aMarkerOpeningAListItemKeepsTheItem() {
        let text = "- one\n- <!--kg-card-end: markdown-->\n- two\n"
        #expect(fixed(text, id) == "- one\n-\n- two\n")
    }

    @Test func aQuoteHoldingOnlyAMarkerKeepsItsQuote() {
        #expect(fixed("Text.\n\n> <!--kg-card-begin: html-->\n\nMore.\n", id) == "Text.\n\n>\n\nMore.\n")
    }

    @Test func markerLinesBetweenTwoListsAreNotSafeToRemove() {
        let text = "- a\n- b\n\n<!--kg-card-end: markdown-->\n<!--kg-card-begin: markdown-->\n\n- c\n"
        #expect(lint(text, id).allSatisfy { $0.fix?.applicability == .unsafe })
        #expect(fixed(text, id) == text)
    }

    @Test func markersInRawTextHTMLStay() {
        let text = "<script>\nvar s = \"<!--kg-card-begin: html-->\";\n</script>\n\n<pre>\nkg-card-begin: html\n</pre>\n"
        #expect(lint(text, id).isEmpty)
    }

    @Test func aBareMarkerInsideAMultiLineCodeSpanStays() {
        #expect(lint("Ghost writes `<!--\nkg-card-begin: html\n-->` around cards.\n", id).isEmpty)
    }

    @Test func bareMarkersNeedAGhostCardName() {
        #expect(lint("kg-card-end: htmlIntro\n", id).isEmpty)
        #expect(lint("A.\n\nkg-card-end: html<!--kg-card-end: html-->Intro\n", id).count == 1)
        #expect(fixed("A.\n\nkg-card-end: html<!--kg-card-end: html-->Intro\n", id) == "A.\n\nkg-card-end: htmlIntro\n")
    }
}

@Suite struct FixInteractionTests {
    @Test func twoFixesThatAreSafeAloneButNotTogetherAreSpreadOverPasses() {
        let text = "{/*kg-card-end: html*/}&nbsp;# Title\n"
        // Together they would make a heading; the marker goes, the entity's fix is then unsafe.
        #expect(fixed(text) == "&nbsp;# Title\n")
    }

    @Test func aSuppressedMarkerIsNotRemovedByItsGroup() {
        let text = "Intro.\n\n<!-- galley-disable-next-line ghost-card-marker -->\n<!--kg-card-begin: html-->\n<!--kg-card-end: html-->\n\nOutro.\n"
        #expect(fixed(text) == text)
        let spacer = "A.\n\n<!-- galley-disable-next-line nbsp-entity -->\n&nbsp;\n&nbsp;\n\nB.\n"
        #expect(fixed(spacer) == spacer)
        #expect(lint(spacer).count == 1)
    }
}

/// A card's two markers go together or not at all (found on 1,000 migration posts: a safe
/// pass that took one marker of a pair left 212 posts with a begin marker never closed,
/// which no later pass removed).
@Suite struct GhostMarkerPairTests {
    let id = ["ghost-card-marker"]

    /// An html card of Markdown on one line: the end marker alone is an invisible comment,
    /// the begin marker is not (the line would stop being HTML), so neither goes.
    let oneLineCard = "Intro.\n\n<!--kg-card-begin: html-->[![map](/m.png)](/m.png)<!--kg-card-end: html-->\n\nAfter.\n"

    @Test func aPairWithAWithheldMarkerIsWithheldWhole() {
        let findings = lint(oneLineCard, id)
        #expect(findings.count == 2)
        #expect(findings.allSatisfy { $0.fix?.withheld == "would turn the HTML on line 3 into text" })
        #expect(fixed(oneLineCard, id) == oneLineCard)
    }

    @Test func aSafePassThenAnUnsafePassEndsWhereAnUnsafePassAloneDoes() {
        let direct = fixed(oneLineCard, upTo: .unsafe)
        #expect(direct == "Intro.\n\n[![map](/m.png)](/m.png)\n\nAfter.\n")
        #expect(fixed(fixed(oneLineCard), upTo: .unsafe) == direct)
    }

    /// A pair more than two lines apart keeps two fixes (one proof of the whole card per
    /// fix inside it would cost too much): here the begin marker goes in the safe pass,
    /// and the end marker, whose removal would join the lists around it, is unsafe.
    @Test func aLongCardsMarkersKeepTheirOwnFixes() {
        let text = "Intro.\n\n<!--kg-card-begin: markdown-->\n\n- a\n- b\n\n<!--kg-card-end: markdown-->\n\n- c\n"
        let findings = lint(text, id)
        #expect(findings.map { $0.fix?.applicability } == [.safe, .unsafe])
        #expect(findings.allSatisfy { $0.fix?.title == "Remove the marker line" })
        #expect(fixed(text, id) == "Intro.\n\n- a\n- b\n\n<!--kg-card-end: markdown-->\n\n- c\n")
    }

    @Test func markerLinesApartByBlankLinesGoAsOneRun() {
        // Each line's own fix keeps a blank line for the other's sake; together they must
        // not leave a blank line at the end of the file.
        #expect(fixed("Text.\n\n<!--kg-card-begin: html-->\n\n<!--kg-card-end: html-->\n", id) == "Text.\n")
        #expect(fixed("Text.\n\nkg-card-begin: html\n\n{/*kg-card-end: html*/}\n", id) == "Text.\n")
    }

    @Test func aSuppressedMarkerKeepsItsPartner() {
        let text = "Intro.\n\n<!-- galley-disable-next-line ghost-card-marker -->\n<!--kg-card-begin: html-->\n<div>x</div>\n<!--kg-card-end: html-->\n\nOutro.\n"
        let findings = lint(text, id)
        #expect(findings.count == 1)
        #expect(findings.first?.fix?.withheld == "would also change line 4, where a galley-disable comment keeps `ghost-card-marker`'s finding")
        #expect(fixed(text, id) == text)
    }

    @Test func unpairedMarkersKeepTheirOwnFixes() {
        // A doubled begin and an end of another name pair with nothing: each goes alone.
        let text = "<!--kg-card-begin: html-->\n<!--kg-card-begin: html--><p>x</p>\n\n<!--kg-card-end: markdown-->\n\nText.\n"
        let findings = lint(text, id)
        #expect(findings.map { $0.fix?.title } == ["Remove the marker line", "Remove the marker", "Remove the marker line"])
    }

    /// One promise for markers of different forms would let the comment marker's removal
    /// turn `*text*` in an HTML block into emphasis, as the JSX marker's may (found in
    /// review): such markers keep their own fixes, and the begin marker stays withheld.
    @Test func markersThatPromiseDifferentThingsAreNotJoined() {
        let text = "- <!--kg-card-begin: markdown-->Some *text* here.\n  <!--kg-card-end: markdown-->\n{/*kg-card-begin: hr*/}\n"
        let findings = lint(text, id)
        #expect(findings.first?.fix?.withheld == "would turn the HTML on line 1 into text")
        #expect(fixed(text, id).hasPrefix("- <!--kg-card-begin: markdown-->Some *text* here.\n"))
    }

    /// The blank line a glued begin marker leaves after its card is not added where the
    /// end marker's line, emptied, is that blank line already (found in review).
    @Test func aGluedCardDoesNotGetTwoBlankLines() {
        let text = "<!--kg-card-begin: image--><figure class=\"kg-card kg-image-card\"><img src=\"/a.png\" alt=\"a\"></figure>\n<!--kg-card-end: image-->\n# Next\n"
        #expect(fixed(text, id) == "<figure class=\"kg-card kg-image-card\"><img src=\"/a.png\" alt=\"a\"></figure>\n\n# Next\n")
    }

    @Test func editsThatMeetAreMerged() {
        let b = Array(String(repeating: "a", count: 9).utf8) + [0x0A] + Array("<!--x-->\nText\n".utf8)
        // A blank line inserted where a deleted line starts goes in front of it...
        let insert = Edit(range: 10..<10, replacement: "\n"), delete = Edit.delete(10..<19)
        #expect(GhostMarkerFixes.merged([delete, insert], in: b) == [Edit(range: 10..<19, replacement: "\n")])
        // ... and is dropped where the deletion leaves that line, empty, in place.
        #expect(GhostMarkerFixes.merged([.delete(10..<18), insert], in: b) == [.delete(10..<18)])
        #expect(GhostMarkerFixes.merged([.delete(0..<5), .delete(3..<8), .delete(3..<8)], in: b) == [.delete(0..<8)])
        #expect(GhostMarkerFixes.merged([.delete(0..<5), .delete(5..<8)], in: b) == [.delete(0..<5), .delete(5..<8)])
        #expect(GhostMarkerFixes.merged([.delete(0..<5), Edit(range: 3..<3, replacement: "x")], in: b) == nil)
        #expect(GhostMarkerFixes.merged([Edit(range: 3..<3, replacement: "x"), Edit(range: 3..<3, replacement: "y")], in: b) == nil)
    }
}

/// A pair of markers that alone make their card a card (hr, code, html, markdown) waits
/// for the card's conversion: taken by a safe pass first, the conversion would no longer
/// find the card, and `fix` then `fix --unsafe-fixes` would end elsewhere than
/// `fix --unsafe-fixes` alone (202 of 1,000 migration posts did).
@Suite struct GhostMarkerGroundTests {
    let hrCard = "Intro.\n\n<!--kg-card-begin: hr-->\n<hr>\n<!--kg-card-end: hr-->\n\nAfter.\n"

    @Test func theMarkersOfAnHrCardWaitForItsConversion() {
        let markers = lint(hrCard).filter { $0.ruleID == "ghost-card-marker" }
        #expect(markers.count == 2)
        #expect(markers.allSatisfy {
            $0.fix?.applicability == .unsafe && $0.fix?.changes == "waits for `ghost-card`, whose fix needs the card's markers"
        })
        #expect(fixed(hrCard) == hrCard)
        let direct = fixed(hrCard, upTo: .unsafe)
        #expect(direct == "Intro.\n\n---\n\nAfter.\n")
        #expect(fixed(fixed(hrCard), upTo: .unsafe) == direct)
    }

    @Test func withoutTheConversionRuleTheMarkersGoAsBefore() {
        #expect(fixed(hrCard, ["ghost-card-marker"]) == "Intro.\n\n<hr>\n\nAfter.\n")
    }

    @Test func aPromotedFixDoesNotWait() throws {
        let promoted = try configuration("rules:\n  ghost-card-marker:\n    fix: safe\n")
        #expect(fixed(hrCard, configuration: promoted) == "Intro.\n\n<hr>\n\nAfter.\n")
    }

    /// An image card carries its `kg-image-card` class: its conversion finds it without
    /// the markers, which go in the safe pass.
    @Test func theMarkersOfACardNamedByItsClassDoNotWait() {
        let text = "Intro.\n\n<!--kg-card-begin: html-->\n<figure class=\"kg-card kg-image-card\"><img src=\"/a.png\" alt=\"a\"></figure>\n<!--kg-card-end: html-->\n\nAfter.\n"
        let markers = lint(text).filter { $0.ruleID == "ghost-card-marker" }
        #expect(markers.count == 2 && markers.allSatisfy { $0.fix?.applicability == .safe })
        #expect(!fixed(text).contains("kg-card-begin"))
        #expect(fixed(fixed(text), upTo: .unsafe) == fixed(text, upTo: .unsafe))
    }

    /// A markdown card of rendered HTML is only HTML without its markers.
    @Test func theMarkersOfARenderedMarkdownCardWaitForItsConversion() {
        let text = "Intro.\n\n<!--kg-card-begin: markdown--><h2 id=\"plan\">Plan</h2>\n<p>Some <em>text</em>.</p>\n<!--kg-card-end: markdown-->\n\nAfter.\n"
        #expect(fixed(text) == text)
        let direct = fixed(text, upTo: .unsafe)
        #expect(!direct.contains("kg-card") && direct.contains("## Plan"))
        #expect(fixed(fixed(text), upTo: .unsafe) == direct)
    }
}
