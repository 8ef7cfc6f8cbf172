import Foundation
import Testing
import MarkdownScanner
import Rendering

/// A document cut at `HTMLRenderer.windowBoundaries`, each piece rendered alone with the
/// whole document's definitions, renders to exactly the whole document's HTML.
@Suite struct RenderWindowTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static var documents: [(name: String, bytes: [UInt8])] {
        var docs = SpecExamples.examples.map { ("example \($0.example)", Array($0.markdown.utf8)) }
        docs.append(("all examples", Array(SpecExamples.examples.map(\.markdown).joined(separator: "\n").utf8)))
        let files = ["fixtures/nbsp-french-post/input.md", "fixtures/ghost-card-marker-html/input.md",
                     "fixtures/code-untouched/input.md", "fixtures/crlf-and-bom/input.md",
                     "../shared/seed/000_d78fb32e70f7dcdf.txt"]
        for f in files {
            if let data = FileManager.default.contents(atPath: root.appendingPathComponent(f).path) { docs.append((f, [UInt8](data))) }
        }
        return docs
    }

    static func windowed(_ bytes: [UInt8]) -> (whole: [UInt8], pieces: [UInt8], count: Int) {
        let text = SourceText(bytes)
        let blocks = BlockScanner.scan(text)
        let definitions = LinkDefinitions.collect(text, blocks)
        let whole = HTMLRenderer.render(text)
        var cuts = HTMLRenderer.windowBoundaries(blocks).filter { $0 > 0 }
        cuts.append(text.lineCount)
        var pieces: [UInt8] = []
        var first = 0
        for cut in cuts where cut > first {
            let slice = Array(bytes[text.lineStart(first)..<text.lineEnd(cut - 1)])
            pieces += HTMLRenderer.render(SourceText(slice), definitions: definitions, precedence: .given)
            first = cut
        }
        return (whole, pieces, cuts.count)
    }

    @Test func piecesRenderAsTheWhole() {
        var cutDocuments = 0
        for doc in Self.documents {
            let r = Self.windowed(doc.bytes)
            if r.count > 1 { cutDocuments += 1 }
            if r.whole != r.pieces { Issue.record("\(doc.name): the pieces render differently") }
        }
        #expect(cutDocuments > 100)
    }

    @Test func boundaries() {
        func cuts(_ s: String) -> [Int] { HTMLRenderer.windowBoundaries(BlockScanner.scan(SourceText(Array(s.utf8)))) }
        #expect(cuts("a\n\nb\n\n> q\n\nc\n") == [1, 3, 5])
        // Inside a list (also between its items at the top level), code and HTML blocks.
        #expect(cuts("* a\n*\n\n* c\n\nd\n") == [4])
        #expect(cuts("- a\n\n- b\n\n\nc\n") == [3, 4])
        #expect(cuts("    x\n\n    y\n\nz\n") == [3])
        #expect(cuts("<!--\n\n-->\n\nz\n") == [3])
        #expect(cuts("```\n\n```\n\nz\n") == [3])
        // Empty items parted by a blank line are one list (a blank line ends an empty item,
        // not its list): found when the proof took a marker removal that merged two lists.
        #expect(cuts("+\n\n+") == [])
        #expect(cuts("+\n\n+\n\nz\n") == [3])
        #expect(cuts("1.\n\n2.\n") == [])
    }

    /// Definitions passed in resolve references the piece does not define.
    @Test func definitionsFromTheWholeDocument() {
        var defs = LinkDefinitions()
        defs.add(label: "ref", .init(destination: Array("/u".utf8), title: Array("T".utf8)))
        let html = HTMLRenderer.render(SourceText(Array("[x][Ref] and [ref]\n".utf8)), definitions: defs)
        #expect(String(decoding: html, as: UTF8.self)
            == "<p><a href=\"/u\" title=\"T\">x</a> and <a href=\"/u\" title=\"T\">ref</a></p>\n")
        // The document's own definition comes first.
        let source = SourceText(Array("[ref]\n\n[ref]: /own\n".utf8))
        let own = HTMLRenderer.render(source, definitions: defs)
        #expect(String(decoding: own, as: UTF8.self) == "<p><a href=\"/own\">ref</a></p>\n")
        // Unless the given ones are the whole document's, defined earlier.
        let given = HTMLRenderer.render(source, definitions: defs, precedence: .given)
        #expect(String(decoding: given, as: UTF8.self) == "<p><a href=\"/u\" title=\"T\">ref</a></p>\n")
    }
}
