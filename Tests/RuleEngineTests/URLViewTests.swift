import Testing
@testable import RuleEngine

/// `Document.urls`: every URL of a document with its kind, its use, its exact bytes and
/// its value as a renderer reads it.
@Suite struct URLViewTests {
    func view(_ text: String, imageKeys: [String] = ["cover"]) -> (URLView, [UInt8]) {
        let document = Document(path: "/p.md", bytes: Array(text.utf8), session: Session(rules: []))
        return (document.urls(imageKeys: imageKeys), document.bytes)
    }

    func describe(_ text: String) -> [String] {
        let (view, _) = view(text)
        return view.urls.map { url in
            let uses = [("link", DocumentURL.Uses.link), ("image", .image), ("other", .other)]
                .filter { url.uses.contains($0.1) }.map(\.0).joined(separator: "+")
            return "\(url.kind) \(url.attribute ?? "")\(url.attribute == nil ? "" : " ")\(uses.isEmpty ? "unused" : uses) \(url.written)"
        }
    }

    @Test func everyKindInOrderOfPosition() {
        let text = """
        ---
        cover: "/c.jpg"
        title: /not-an-image
        ---
        [a](<https://a.example/x y> "T") ![i](/i.png) <https://auto.example/> <me@mail.example>
        [r][d] ![ri][d] <a href='/inline'>x</a>

        <figure><img src="/s.png" srcset="/s-600.png 600w, /s.png 2x"><video poster="/p.jpg" src="/v.mp4"></video></figure>

        [d]: /defined "Title"
        [unused]: /nowhere
        """
        #expect(describe(text) == [
            "frontMatter image /c.jpg",
            "link link https://a.example/x y",
            "image image /i.png",
            "autolink link https://auto.example/",
            "autolink link me@mail.example",
            "html href link /inline",
            "html src image /s.png",
            "html srcset image /s-600.png",
            "html srcset image /s.png",
            "html poster image /p.jpg",
            "html src other /v.mp4",
            "definition link+image /defined",
            "definition unused /nowhere",
        ])
        let (view, _) = view(text)
        #expect(view.urls[1].isAngleBracketed)
        #expect(view.urls[4].isEmail && !view.urls[3].isEmail)
        #expect(view.tags.map(\.name) == ["a", "img", "video"])
        // Each reference knows its URL, and the definition knows both of its references.
        #expect(view.references.map { view.urls[$0.url].written } == ["https://a.example/x y", "/i.png", "/defined", "/defined"])
        #expect(view.urls[11].references == [2, 3])
    }

    @Test func nothingInCodeCommentsOrRawTextIsAURL() {
        let text = "`[a](/code)` and <!-- <a href=\"/comment\"> -->\n\n    [b](/indented)\n\n```\n<a href=\"/fenced\">\n```\n\n<pre><a href=\"/pre\"></pre>\n\n<div><!-- <img src=\"/c.png\"> --><script>'<a href=\"/s\">'</script><a href=\"/real\">r</a></div>\n"
        #expect(describe(text) == ["html href link /real"])
    }

    @Test func attributesAreReadAfterCharacterReferences() {
        let text = "<a href=\"https://x.example/?a=1&amp;ref=b&#x3D;c&#61;d&ampx=1&amp,z\">x</a>\n"
        let (view, bytes) = view(text)
        let url = view.urls[0]
        #expect(url.decoded.string == "https://x.example/?a=1&ref=b=c=d&ampx=1&,z")
        // Deleting `&ref=b=c=d` from the value deletes the bytes that wrote it, references and all.
        let value = url.decoded.string.utf8
        let start = value.firstIndex(of: UInt8(ascii: "&"))!
        let from = value.distance(from: value.startIndex, to: start)
        let edit = url.edit(replacingValue: from..<(from + "&ref=b=c=d".utf8.count))
        #expect(String(decoding: bytes[edit.range], as: UTF8.self) == "&amp;ref=b&#x3D;c&#61;d")
        // What is written in is written the way this attribute writes it.
        #expect(String(decoding: url.edit(replacingValue: from..<from, with: "&q=\"1\"").replacement, as: UTF8.self)
                == "&amp;q=&quot;1&quot;")
    }

    @Test func destinationsAreReadAfterEscapesAndEntities() {
        let (view, _) = view("[a](https://x.example/a\\_b?x=1&amp;y=2&#x26;z&unknown;) <https://x.example/?a&amp;b\\_>\n")
        #expect(view.urls.map(\.decoded.string) == ["https://x.example/a_b?x=1&y=2&z&unknown;", "https://x.example/?a&amp;b\\_"])
        #expect(view.urls[0].decoded.offsets != nil && view.urls[1].decoded.offsets == nil)
        // A space written into a bare destination is percent-encoded; into `<…>` it is not.
        #expect(view.urls[0].encoded(" (x)") == Array("%20%28x%29".utf8))
    }

    @Test func aTagThatNeverClosesEndsTheScan() {
        // As a browser reads it: the quote never closes, so the rest is the title's value.
        let text = "<div>\n<a href=\"/one\" title='unclosed\n<a href=\"/two\">\n</div>\n"
        #expect(describe(text).isEmpty)
    }

    @Test func theViewIsMadeOnceAndShared() {
        final class Counter { var made = 0 }
        let counter = Counter()
        let document = Document(path: "/p.md", bytes: Array("[a](/b)\n".utf8), session: Session(rules: []))
        for _ in 0..<3 {
            let count = document.view("test") { _ in
                counter.made += 1
                return counter.made
            }
            #expect(count == 1)
        }
        #expect(counter.made == 1)
        _ = document.urls(imageKeys: [])
        _ = document.urls(imageKeys: [])
        #expect(document.cachedViewCount == 2)
    }
}
