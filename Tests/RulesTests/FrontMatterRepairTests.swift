import Foundation
import Testing
@testable import RuleEngine
@testable import Rules

/// front-matter-syntax's repairs: what is repaired (safe, proven by parsing), what is not.
@Suite struct FrontMatterRepairTests {
    let id = ["front-matter-syntax"]

    func post(_ frontMatter: String) -> String { "---\n" + frontMatter + "\ndate: 2020-01-01\n---\n\nBody.\n" }

    @Test(arguments: [
        ("title: \"\\uD83D\\uDE80 Launch\"", "title: \"🚀 Launch\""),
        ("title: \"Forest \\ud83c\\udf32 and sea \\ud83c\\udf0a\"", "title: \"Forest 🌲 and sea 🌊\""),
        ("tags:\n  - \"Rocket \\ud83d\\ude80\"", "tags:\n  - \"Rocket 🚀\""),
        ("title: \"A long title \\ud83d\\ude80\n  over two lines \\ud83c\\udf32\"", "title: \"A long title 🚀\n  over two lines 🌲\""),
        ("title: \"It\\'s here\"", "title: \"It's here\""),
        ("title: Docker: the basics", "title: \"Docker: the basics\""),
        ("title: Notes:", "title: \"Notes:\""),
        ("author:\n  name: Jane: the writer", "author:\n  name: \"Jane: the writer\""),
        ("parts:\n  - title: Docker: the basics", "parts:\n  - title: \"Docker: the basics\""),
        ("title: @home with \"quotes\" and \\ too", "title: \"@home with \\\"quotes\\\" and \\\\ too\""),
        ("title: `code` in titles", "title: \"`code` in titles\""),
        ("title: %d items", "title: \"%d items\""),
        ("title: - draft", "title: \"- draft\""),
        ("title: \"Quoted\" and more", "title: \"\\\"Quoted\\\" and more\""),
        ("title: 'Don't panic'", "title: 'Don''t panic'"),
        ("title: \"The \"best\" tool\"", "title: \"The \\\"best\\\" tool\""),
        ("title: \"\\ud83d\\ude80 Launch\"\nsubtitle: Docker: the basics", "title: \"🚀 Launch\"\nsubtitle: \"Docker: the basics\""),
    ])
    func repairs(_ before: String, _ after: String) throws {
        let text = post(before)
        let findings = lint(text, id)
        #expect(findings.count == 1)
        let fix = try #require(findings.first?.fix)
        #expect(fix.applicability == .safe && fix.promise == .frontMatter)
        #expect(fixed(text, id) == post(after))
        #expect(lint(post(after), id).isEmpty)
    }

    /// Where the intended value is not certain, the error is reported without a fix.
    @Test(arguments: [
        "title: \"C:\\Users\\me\"",            // a path, or escapes meant? (`\U` wants 8 hex digits)
        "title: [Draft] post",                 // a list was perhaps meant
        "title: Docker: the basics #1",        // ` #` may start a comment
        "title: \"\\ud83d alone\"",            // a lone surrogate: no character to make
        "title: 'It''s Bob's'",                // escaped and unescaped quotes mixed
        "title: ok\n\tdate: 2020",             // a tab as indentation
        "title: \"never closed\nauthor: me",   // an unclosed quote
        "tags: [a, b",                         // an unclosed list
        "title: Docker: x\n\tbad: tab",        // one repair, but the block still fails
    ])
    func notRepaired(_ frontMatter: String) {
        let text = post(frontMatter)
        let findings = lint(text, id)
        #expect(!findings.isEmpty)
        #expect(findings.allSatisfy { $0.fix == nil })
    }

    /// Lines that only look like `key: value` keep their text: a block scalar's lines and
    /// a single-quoted value (where `\u` is text) are not touched, though the block needs
    /// a repair elsewhere.
    @Test func otherScalarsAreLeftAsWritten() throws {
        let text = post("excerpt: >-\n  Docker: the basics\n  in two lines\nnote: '\\ud83d\\ude80 stays'\ntitle: Docker: the basics")
        #expect(fixed(text, id) == post("excerpt: >-\n  Docker: the basics\n  in two lines\nnote: '\\ud83d\\ude80 stays'\ntitle: \"Docker: the basics\""))
    }

    @Test func crlfAndBOMStay() {
        let text = "\u{FEFF}---\r\ntitle: \"\\ud83d\\ude80 Launch\"\r\ncover: a: b\r\n---\r\n\r\nBody.\r\n"
        #expect(fixed(text, id) == "\u{FEFF}---\r\ntitle: \"🚀 Launch\"\r\ncover: \"a: b\"\r\n---\r\n\r\nBody.\r\n")
    }

    /// Once repaired, the other rules read the front matter: the cover of a post whose title
    /// had a surrogate pair is checked, and its size variant repaired, in the same `fix`.
    @Test func theOtherRulesRunOnTheRepairedFrontMatter() throws {
        let site = TestSite(files: ["content/images/2021/05/cover.jpg"])
        let text = "---\ntitle: \"Launch \\ud83d\\ude80\"\ncover: /content/images/size/w600/2021/05/cover.jpg\n"
            + "image: /content/images/2021/05/gone.jpg\n---\n\nBody.\n"
        let linter = try site.linter(["front-matter-syntax", "missing-image"])
        #expect(linter.check(path: site.root + "/posts/p.md", bytes: Array(text.utf8)).map(\.ruleID) == ["front-matter-syntax"])
        let result = linter.fix(path: site.root + "/posts/p.md", bytes: Array(text.utf8), upTo: .safe)
        #expect(result.failure == nil)
        #expect(String(decoding: result.bytes, as: UTF8.self)
                == "---\ntitle: \"Launch 🚀\"\ncover: /content/images/2021/05/cover.jpg\nimage: /content/images/2021/05/gone.jpg\n---\n\nBody.\n")
        #expect(result.applied == 2 && result.passes >= 3)
        #expect(result.remaining.map(\.ruleID) == ["missing-image"])
        #expect(result.remaining.first?.message.contains("gone.jpg") == true)
    }

    /// The proof itself: an escape repair outside a double-quoted scalar changes what the
    /// document means (the two spellings differ), and a value repair must hold the text.
    @Test func theProofRefusesRepairsThatChangeMeaning() {
        let text = Array("---\nnote: '\\ud83d\\ude80'\ntitle: Docker: x\n---\n".utf8)
        let escape = FrontMatterRepair(kind: .surrogatePair, edit: Edit(range: 11..<23, replacement: Array("🚀".utf8)),
                                       alternative: Array("\\U0001F680".utf8))
        let quote = FrontMatterRepair(kind: .quoted, edit: Edit(range: 32..<41, replacement: Array("\"Docker: x\"".utf8)),
                                      intended: "Docker: x")
        #expect(String(decoding: text[11..<23], as: UTF8.self) == "\\ud83d\\ude80")
        #expect(String(decoding: text[32..<41], as: UTF8.self) == "Docker: x")
        #expect(FrontMatterRepairProof.holds([quote], in: text))
        #expect(!FrontMatterRepairProof.holds([quote, escape], in: text))
        var wrong = quote
        wrong.intended = "Docker"
        #expect(!FrontMatterRepairProof.holds([wrong], in: text))
    }
}
