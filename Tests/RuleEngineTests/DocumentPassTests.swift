import Rendering
import Testing
@testable import RuleEngine

/// A pass of fixes makes the next document from the one before (`Document(earlier:)`): its
/// parsed front matter is taken over only where the front matter's bytes are the same.
@Suite struct DocumentPassTests {
    func document(_ text: String, earlier: Document? = nil) -> Document {
        Document(path: "a.md", bytes: Array(text.utf8), session: Session(rules: []), earlier: earlier)
    }

    @Test func frontMatterChangedInPlaceIsParsedAgain() {
        let before = document("---\ntitle: aaa\n---\nText&nbsp;here.\n")
        // Same length, same place: only the bytes say it changed.
        let after = document("---\ntitle: bbb\n---\nText here.\n", earlier: before)
        #expect(before.yaml?.root?["title"]?.scalar == "aaa")
        #expect(after.yaml?.root?["title"]?.scalar == "bbb")
    }

    @Test func frontMatterThatMovedOrBrokeIsParsedAgain() {
        let before = document("---\ntitle: a\n---\nBody.\n")
        let longer = document("---\ntitle: a b\n---\nBody.\n", earlier: before)
        #expect(longer.yaml?.root?["title"]?.scalar == "a b")
        let broken = document("---\ntitle: [a\n---\nBody.\n", earlier: before)
        #expect(broken.yaml?.hasSyntaxError == true)
        #expect(!Linter.frontMatterParses(broken))
        let none = document("Body.\n", earlier: before)
        #expect(none.yaml == nil)
        #expect(Linter.frontMatterParses(none))
    }

    @Test func aBodyFixKeepsWhatTheFrontMatterSaid() {
        let before = document("---\ntitle: \"Un été\"\ntags: [a, b]\n---\nText&nbsp;here.\n")
        let after = document("---\ntitle: \"Un été\"\ntags: [a, b]\n---\nText here.\n", earlier: before)
        #expect(after.yaml?.root == before.yaml?.root)
        #expect(after.yaml?.root?["tags"]?.sequence?.count == 2)
    }
}

/// The next pass's document takes the scans and HTML the proof made of the bytes that pass
/// writes (`FixProof.rendering(of:)`), and only of those bytes.
@Suite struct CarriedRenderingTests {
    static let text = "---\ntitle: a\n---\n# Hi&nbsp;there\n\n[a link][x] and `code&nbsp;`\n\n[x]: /a\n\nText&nbsp;here.\n"

    func fixed() -> (proof: FixProof, document: Document, bytes: [UInt8]) {
        let bytes = Array(Self.text.utf8)
        let document = Document(path: "a.md", bytes: bytes, session: Session(rules: []))
        var fixes: [Fix] = []
        var at = 0
        while let r = bytes[at...].firstRange(of: Array("&nbsp;".utf8)) {
            if !bytes[..<r.lowerBound].reversed().prefix(6).contains(0x60) {
                fixes.append(Fix(title: "", edits: [Edit(range: r, replacement: " ")], applicability: .safe, promise: .nbspBecomesSpace))
            }
            at = r.upperBound
        }
        let proof = FixProof(document)
        #expect(fixes.count == 2)
        #expect(proof.sameWhole(fixes))
        return (proof, document, FixApplier.apply(fixes, to: bytes).bytes)
    }

    @Test func theNextDocumentReadsAsOneMadeAfresh() throws {
        let (proof, document, after) = fixed()
        let rendering = try #require(proof.rendering(of: after))
        let carried = Document(path: "a.md", bytes: after, session: Session(rules: []), earlier: document, rendering: rendering)
        let fresh = Document(path: "a.md", bytes: after, session: Session(rules: []))
        let html = HTMLRenderer.rendered(fresh.source, blocks: fresh.blocks, inlines: fresh.inlines)
        #expect(carried.carriedHTML == html)
        #expect(HTMLRenderer.rendered(carried.source, blocks: carried.blocks, inlines: carried.inlines) == html)
        #expect(carried.blocks.lines.map(\.kind) == fresh.blocks.lines.map(\.kind))
        #expect(String(decoding: html.bytes, as: UTF8.self).contains("<h1>Hi there</h1>"))
    }

    @Test func otherBytesOrAnotherBodyTakeNothing() throws {
        let (proof, document, after) = fixed()
        #expect(proof.rendering(of: document.bytes) == nil)
        var other = after
        other[other.count - 2] = 0x21  // "here!"
        #expect(proof.rendering(of: other) == nil)
        // The same bytes scanned with another body start are not taken.
        let rendering = try #require(proof.rendering(of: after))
        let moved = Document.Rendering(bytes: rendering.bytes, bodyStart: rendering.bodyStart + 1, blocks: rendering.blocks,
                                       inlines: rendering.inlines, html: rendering.html)
        let carried = Document(path: "a.md", bytes: after, session: Session(rules: []), earlier: document, rendering: moved)
        #expect(carried.carriedHTML == nil)
    }
}
