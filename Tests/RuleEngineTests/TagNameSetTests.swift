import Testing
@testable import RuleEngine

@Suite struct TagNameSetTests {
    let names = ["p", "h1", "h6", "pre", "code", "blockquote", "figcaption", "abcdefghijklmnop"]

    @Test func holdsEachOfItsNamesAsStringAndAsBytes() {
        let set = TagNameSet(names)
        for (k, name) in names.enumerated() {
            #expect(set.index(of: name) == k, "\(name)")
            #expect(set.contains(name), "\(name)")
            #expect(set.contains(ArraySlice(name.utf8)), "\(name)")
        }
    }

    @Test func holdsNoOtherName() {
        let set = TagNameSet(names)
        // Prefixes, extensions, neighbours in the sorted list, case, a 17th byte, a NUL
        // before a member's bytes (which packed naively would be the member), nothing.
        for other in ["", "h", "h10", "h2", "h7", "pr", "pree", "P", "H1", "cod", "codes", "a", "z", "blockquot",
                      "abcdefghijklmnopq", "bcdefghijklmnop", "\0p", "p\0", "\0\0h1"] {
            #expect(!set.contains(other) && set.index(of: other) == nil, "\(other.debugDescription)")
            #expect(!set.contains(ArraySlice(other.utf8)), "\(other.debugDescription)")
        }
    }

    @Test func theProofsSetsAgreeWithTheirLists() {
        #expect(RenderedView.blockElements.contains("blockquote") && RenderedView.blockElements.contains("ul"))
        #expect(!RenderedView.blockElements.contains("em") && !RenderedView.blockElements.contains("span"))
        #expect(RenderedView.verbatimElements.contains("textarea") && !RenderedView.verbatimElements.contains("p"))
        #expect(CardReading.isVoid("wbr") && CardReading.isVoid("img") && !CardReading.isVoid("figure"))
        #expect(CardReading.closesParagraph.contains("figcaption") && !CardReading.closesParagraph.contains("span"))
    }

    @Test func theReaderViewTellsTagsByTheirNamesBytes() {
        let roles: [String: ReaderView.Role] = [
            "a": .link, "h1": .heading(1), "h6": .heading(6), "pre": .pre, "img": .image, "code": .code,
            "style": .hidden, "script": .hidden, "template": .hidden,
        ]
        for (name, role) in roles { #expect(ReaderView.Role(name) == role, "\(name)") }
        for other in ["", "b", "A", "h0", "h7", "H1", "hr", "p", "pr", "pres", "IMG", "codes", "styles", "scripts", "templat", "span"] {
            #expect(ReaderView.Role(other) == .other, "\(other)")
        }
    }
}
