import Foundation
import Testing

/// What `safe` promises, checked with a reference renderer: on generated Ghost-export
/// posts, cmark renders each post before and after `galley fix` to the same HTML, up to
/// what the fixes are meant to change (marker comments gone, non-breaking spaces become
/// spaces, empty spacer paragraphs gone, whitespace). Runs when `cmark` (Debian package
/// `cmark`) and `../shared/bench/gen_corpus.py` are present; `.ci/run` installs cmark.
@Suite struct RenderingOracleTests {
    static let cmark = ["/usr/bin/cmark", "/usr/local/bin/cmark"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let generator = Galley.repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/bench/gen_corpus.py")

    static var available: Bool {
        cmark != nil && FileManager.default.fileExists(atPath: generator.path)
    }

    func render(_ bytes: [UInt8]) throws -> String {
        var input = bytes
        if input.starts(with: [0xEF, 0xBB, 0xBF]) { input.removeFirst(3) }
        // cmark knows no front matter: render the body only.
        if let text = String(bytes: input, encoding: .utf8), text.hasPrefix("---"),
           let close = text.range(of: "\n---", range: text.index(text.startIndex, offsetBy: 3)..<text.endIndex) {
            input = Array(text[close.upperBound...].utf8)
        }
        return String(decoding: try Sandbox.filter(Self.cmark!, ["--unsafe"], input: input), as: UTF8.self)
    }

    /// Removes what the safe fixes are meant to change, and nothing else.
    func normalize(_ html: String) -> String {
        var h = html
        let patterns = [
            #"(?i)<!--\s*kg-card-(begin|end)\s*:\s*[\w-]+\s*-->"#,        // card markers, any case
            #"(?i)<!--\s*members-only\s*-->"#,
            #"(?i)\{/<em>\s*kg-card-(begin|end)\s*:\s*[\w-]+\s*</em>/\}"#, // JSX form, as cmark renders it
            #"(?im)^<p>kg-card-(begin|end):\s?[\w-]+</p>$"#,            // stripped delimiters, alone
            #"\s+"#,
        ]
        for (k, pattern) in patterns.enumerated() {
            h = h.replacingOccurrences(of: pattern, with: k == patterns.count - 1 ? " " : "", options: .regularExpression)
            if k == 0 { h = h.replacingOccurrences(of: "\u{A0}", with: " ") }
        }
        h = h.replacingOccurrences(of: "\u{A0}", with: " ")
        h = h.replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression)
        h = h.replacingOccurrences(of: #" ?(<[^>]+>) ?"#, with: "$1", options: .regularExpression)
        h = h.replacingOccurrences(of: "<p></p>", with: "")
        return h.trimmingCharacters(in: .whitespaces)
    }

    /// Inputs where a careless fix changes the rendering (each was once a bug or a
    /// review finding): emphasis next to entities, block syntax before entities, spacers
    /// and markers between lists, in quotes and list items, tabs, code, raw-text HTML.
    static let risky: [String] = [
        "**Astuce**&nbsp;: voici\n\nx **&nbsp;bold**\n\nVoir (_&nbsp;note_) ici\n\n*a&nbsp;*\n",
        "Intro :\n-&nbsp;premier point\n-&nbsp;second point\n\n#&nbsp;1 du classement\n\n1.&nbsp;Premier\n",
        "Title\n==&nbsp;\n\n# foo&nbsp;#\n\n&nbsp;# Not a heading\n\nIntro\n&nbsp;- not an item\n",
        "- a\n- b\n\n&nbsp;\n\n- c\n- d\n\n1. a\n\n&nbsp;\n\n1. b\n\n- a\n\n  &nbsp;\n- b\n",
        "- a\n- b\n\n<!--kg-card-end: markdown-->\n<!--kg-card-begin: markdown-->\n\n- c\n",
        "> a\n> <!--kg-card-end: markdown-->\n> b\n\n- one\n- <!--kg-card-end: markdown-->\n- two\n\n- a\n  <!--kg-card-end: markdown-->\n  b\n",
        "Text.\n\n> <!--kg-card-begin: html-->\n\nMore.\n\n> &nbsp;\n\nEnd.\n",
        "- a\n\n\t  b&nbsp;c\n\n>\t  a&nbsp;b\n\n> 1.  a\n>\n>     b&nbsp;c\n",
        "<script>\nvar s = \"<!--kg-card-begin: html-->\";\n</script>\n\n<pre>\nkg-card-begin: html\n</pre>\n",
        "Ghost writes `<!--\nkg-card-begin: html\n-->` around cards.\n\nkg-card-end: html<!--kg-card-end: html-->Intro\n",
        "{/*kg-card-end: html*/}&nbsp;# Title\n\n<!--kg-card-end: markdown--><p>In this part</p>\nA Markdown paragraph.\n",
        "Intro.\n\n    code one\n\n\n&nbsp;\n\n\n    code two\n\nOutro.\n",
        "[Note]: the price is&nbsp;high\n\n  [a]: /u<!--kg-card-begin: markdown--><p>x</p>\n",
        "Prix&NBSP;: 12 euros, « &nbsp;simple&#xa0;», fin&nbsp;!\n",
        // Minimal failures found by a fuzzing review with cmark as the oracle.
        ">\n&#xA0;",
        "0.\n<!--members-only-->",
        // U+00A0 characters in prose (nbsp-char): at line starts, ends, around emphasis, in
        // headings, items, quotes, tables, and a spacer paragraph.
        "\u{A0}\u{A0}- not an item\n\nIntro\n\u{A0}\u{A0}# not a heading\n\nword\u{A0}\u{A0}\n\nx\u{A0}  \nnext\n",
        "# Title\u{A0}#\n\n- a\n\n  \u{A0}\n- b\n\n> \u{A0}\n> quote\u{A0}text\n\n1.\u{A0}one\n",
        "*a\u{A0}*b*\u{A0}c* and _x_\u{A0}_y_ and **\u{A0}bold\u{A0}** and (_\u{A0}note_)\n",
        "First.\n\n\u{A0}\n\nSecond.\n\n| a\u{A0}b | c |\n|---|---|\n\n[a\u{A0}b]\n\n[a\u{A0}b]: /u\n",
        "`{/*kg-card-begin:y */}*",
        "# #&#xA0;",
        ">&#Xa0;\n1.",
        "*\n&NonBreakingSpace;",
        ">\n<!--kg-card-begin:n-->",
        "|  \n&#Xa0;",
        "-\r<!--KG-CARD-end:k-->",
        "0.\r&#160;",
        "</script>&#160;",
        "[a&nbsp;b]\n\n[a&nbsp;b]:/",
        "<!--Kg-Card-begin:n-->\n-",
        "&nbsp;\n>",
        "1.\nkg-card-end:bookmark",
        ";*{/* kg-card-end:m*/}",
        "\\\n&nbsp;",
        "-\n&nbsp;&#xa0;&#xa0;<!--Kg-Card-end:e-->",
        "kg-card-end:embed  \rq",
        "&nbsp;kg-card-begin:markdown&nbsp;  \nb",
        "`;`<!--KG-CARD-end:L-->`",
        "\\<!--kg-card-begin:w-->",
        "a {/*kg-card-begin: html*/}\t<!--kg-card-end: html-->",
        "\\ &NonBreakingSpace;\nr",
        "\\ &#160;\rt",
        "[a]:\np<!--KG-CARD-begin:e -->",
        "[a]:\"\n&#xa0;\n\n\tm",
        "&nbsp;  \n/",
        "\\<!--members-only-->",
        "&#160;\n>",
        "{/*kg-card-end:e*/}\n>",
        ">\r<!--kg-card-begin:l-->",
        "*\nkg-card-begin:html{/*KG-CARD-end:w*/}",
        "</pre>\n+ |\n\n    &nbsp;",
        "</script>\n- d\n\n    &nbsp;",
        "*d<!--KG-CARD-begin:n-->*s",
        "&#160;\n&NBSP;",
        "Text <!--kg-card-end: markdown--> <!--kg-card-begin: html-->\n",
        "**Bold**<!--kg-card-end: markdown-->**more**\n",
        "`a`<!--kg-card-end: html-->`b`\n",
        "[a]<!--kg-card-end: html-->(/u)\n",
        "x &<!--kg-card-end: html-->nbsp; y\n",
        "- one\n-\n<!--kg-card-end: markdown-->\n",
        "a\n\n<!--kg-card-end: markdown-->\n>\n",
        "1. First\n\n   &nbsp;\n\nAfter\n",
        "- item\n\n  <!--kg-card-end: markdown-->\n",
        "1. [a]: /u\ne\n2.\n       x&nbsp;y\n",
        "</pre>&nbsp;\n*a*\n",
        "> &nbsp;\n<a>\nText `code`\n",
        "[a]:\n/u&nbsp;\n\n[a]\n",
        "# Title #<!--kg-card-end: markdown-->\n",
        "foo\\ <!--kg-card-end: html-->\nbar\n",
        "Line one\\\n&nbsp;\n\nNext\n",
        "a  <!--kg-card-end: html-->&#xA0;\nc\n",
        "{/* kg-card-end: markdown */}\nSee note*\n",
        "[a](/u \"<!--kg-card-end: html-->\")\n",
        "<!--kg-card-begin: markdown-->\n---\ntitle: x\n---\nHi\n",
        ">&nbsp;\n><!--kg-card-begin:g-->\n",
        ">><!--KG-CARD-begin:a-->\n>><!--KG-CARD-end:L-->",
        "+ <!--kg-card-end:r-->\n\n<!--Kg-Card-begin:k-->\n+",
        "-\t&#160;\n  - <!--kg-card-begin:n-->",
        ">\\\n&#xA0;><",
        ">2) \\\n&#xA0;><",
        "1.\t1. <!--Kg-Card-begin:l-->\n<!--kg-card-begin:o-->\n\t<",
        "+\n<!--Kg-Card-begin:k-->\n+",
        "1.\r&#xa0;\r1.\tx",
        "-\n<!--members-only-->\n-",
        "# # <!--Kg-Card-begin:y--> ",
    ]

    @Test(.enabled(if: cmark != nil), arguments: risky.indices)
    func safeFixesKeepTheRenderingOfRiskyInputs(_ index: Int) throws {
        let box = try Sandbox()
        let input = Array(Self.risky[index].utf8)
        try box.write("p.md", bytes: input)
        // mismatched-emphasis exists to change the rendering (it makes emphasis of what
        // printed as characters); `emphasisFixesOnlyAddEmphasis` checks it.
        _ = try box.run("fix", "--ignore", "mismatched-emphasis", "p.md")
        let after = try box.read("p.md")
        #expect(try normalize(render(input)) == normalize(render(after)), "\(String(decoding: after, as: UTF8.self))")
    }

    /// 150 generated posts in a sandbox (`corpus/_posts`), and each post's bytes by name.
    static func generatedCorpus(seed: Int) throws -> (Sandbox, URL, [String: [UInt8]]) {
        let box = try Sandbox()
        let generate = Process()
        generate.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        generate.arguments = ["python3", generator.path, "--out", box.root.appendingPathComponent("corpus").path,
                              "--files", "150", "--seed", String(seed)]
        generate.standardOutput = FileHandle.nullDevice
        try generate.run()
        generate.waitUntilExit()
        #expect(generate.terminationStatus == 0)
        let posts = box.root.appendingPathComponent("corpus/_posts")
        var before: [String: [UInt8]] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: posts.path) where name.hasSuffix(".md") {
            before[name] = [UInt8](try Data(contentsOf: posts.appendingPathComponent(name)))
        }
        #expect(before.count == 150)
        return (box, posts, before)
    }

    @Test(.enabled(if: available))
    func safeFixesKeepTheRenderedHTML() throws {
        let (box, posts, before) = try Self.generatedCorpus(seed: 7)
        let names = before.keys.sorted()

        let out = try Galley.run(["fix", "--ignore", "mismatched-emphasis", "corpus/_posts"], in: box.root)
        #expect(out.status == 0 || out.status == 1)
        var changed = 0, differing: [String] = []
        for name in names {
            let after = [UInt8](try Data(contentsOf: posts.appendingPathComponent(name)))
            if after == before[name]! { continue }
            changed += 1
            if try normalize(render(before[name]!)) != normalize(render(after)) { differing.append(name) }
        }
        #expect(changed > 100, "the corpus should exercise the fixes")
        #expect(differing.isEmpty, "rendering changed for \(differing)")
    }

    /// doubled-emphasis's safe fixes drop one level of `<strong>` (and an empty strong's
    /// four asterisks between words), nothing else.
    @Test(.enabled(if: cmark != nil), arguments: [
        "****Doubled****\n\nSome ****really *quite* bold**** text.\n",
        "- ****item****\n\n> ****quoted****\n\n## ****Heading****\n",
        "| ****cell**** | b |\n|---|---|\n\n____under____ and *****five*****\n",
        "****Over two\nlines**** and a lone **** between words.\n",
    ])
    func doubledEmphasisFixesOnlyDropOneStrong(_ input: String) throws {
        let box = try Sandbox()
        try box.write("p.md", bytes: Array(input.utf8))
        _ = try box.run("fix", "--select", "doubled-emphasis", "p.md")
        let after = try box.read("p.md")
        #expect(after != Array(input.utf8))
        let expected = normalize(try render(Array(input.utf8)))
            .replacingOccurrences(of: "<strong><strong>", with: "<strong>")
            .replacingOccurrences(of: "</strong></strong>", with: "</strong>")
            .replacingOccurrences(of: " **** ", with: " ")
        #expect(expected == normalize(try render(after)), "\(String(decoding: after, as: UTF8.self))")
    }

    /// The safe fixes of mismatched-emphasis change the rendering on purpose, and only
    /// so: the HTML gains emphasis tags, and with those tags, `*`, `_` and whitespace left
    /// out, it is what it was.
    @Test(.enabled(if: available))
    func emphasisFixesOnlyAddEmphasis() throws {
        let (box, posts, before) = try Self.generatedCorpus(seed: 8)
        let names = before.keys.sorted()
        _ = try Galley.run(["fix", "--select", "mismatched-emphasis", "corpus/_posts"], in: box.root)
        func tags(_ html: String) -> Int { html.components(separatedBy: "<em>").count + html.components(separatedBy: "<strong>").count }
        func strip(_ html: String) -> String {
            html.replacingOccurrences(of: #"</?(em|strong)>|[*_\s]"#, with: "", options: .regularExpression)
        }
        var changed = 0, wrong: [String] = []
        for name in names {
            let after = [UInt8](try Data(contentsOf: posts.appendingPathComponent(name)))
            if after == before[name]! { continue }
            changed += 1
            let old = try render(before[name]!), new = try render(after)
            if strip(old) != strip(new) || tags(new) <= tags(old) { wrong.append(name) }
        }
        #expect(changed > 5, "the corpus should exercise the fixes")
        #expect(wrong.isEmpty, "rendering changed in other ways for \(wrong)")
    }
}
