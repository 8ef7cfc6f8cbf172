import Testing
@testable import MarkdownScanner

/// `&nbsp;` is decoded without the table; every other name still goes through it.
@Suite struct CharacterReferenceTests {
    @Test(arguments: [
        ("&nbsp;", [0xC2, 0xA0] as [UInt8]),
        ("&amp;", [0x26]),
        ("&nbspx;", nil),
        ("&NBSP;", nil),
        ("&nbsp", nil),
        ("&nbs;", nil),
        ("&#160;", [0xC2, 0xA0]),
        ("&ngE;", Array("\u{2267}\u{0338}".utf8)),
    ] as [(String, [UInt8]?)])
    func namedAndNumericReferencesDecode(_ text: String, _ expected: [UInt8]?) {
        let b = Array(text.utf8)
        var out: [UInt8] = []
        let end = CharacterReference.decode(b, at: 0, end: b.count, into: &out)
        #expect(end == (expected == nil ? nil : b.count))
        #expect(expected == nil ? out.isEmpty : out == expected)
    }
}
