import Testing
@testable import RuleEngine
@testable import Rules

@Suite struct UnclosedFenceRuleTests {
    let id = ["unclosed-fence"]
    static let prose = "Write a settings file next to your posts and list the rules you want to turn off."
    var prose: String { Self.prose }
    let prose2 = "Then run the check again and read what it reports about each of the posts."

    @Test func aFenceThatRunsToTheEndOverMarkdown() throws {
        let text = "Intro.\n\n```bash\nnpm install\nnpm run build\n\n## Configuration\n\n\(prose)\n"
        let findings = lint(text, id)
        #expect(positions(text, findings) == ["3:1"])
        #expect(flagged(text, findings) == ["```"])
        #expect(findings.first?.message == "code block opened here is never closed, so everything after line 5, where its code ends, "
                + "renders as code (line 7 holds a heading)")
        let fix = try #require(findings.first?.fix)
        #expect(fix.applicability == .unsafe && fix.promise == .closesCodeBlock)
        #expect(fixed(text, id) == text)
        let after = "Intro.\n\n```bash\nnpm install\nnpm run build\n```\n\n## Configuration\n\n\(prose)\n"
        #expect(fixed(text, id, upTo: .unsafe) == after)
        #expect(lint(after, id).isEmpty)
    }

    /// Found by fuzz/ (FuzzFix, fuzz/regressions/FuzzFix/empty-fenced-block): an empty
    /// closed block made a range whose upper bound was below its lower one and crashed.
    @Test(arguments: ["```\n```\n", "~~~\n~~~", "> ```\n> ```\n", "- ```\n  ```\n\ntext\n"])
    func anEmptyClosedBlockIsNotFlagged(_ text: String) {
        #expect(lint(text, id).isEmpty)
        #expect(fixed(text, id, upTo: .unsafe) == text)
    }

    /// The post goes on with a fence that has a language: that block's closing fence
    /// closes the open one.
    @Test func aBlockClosedByTheNextBlocksFence() {
        let text = "```\ndocker build -t site .\n\n\(prose)\n\(prose2)\n\n```bash\ndocker run site\n```\n\nEnd.\n"
        let findings = lint(text, id)
        #expect(positions(text, findings) == ["1:1"])
        #expect(findings.first?.message.contains("to line 9, the closing fence of a later block") == true)
        #expect(fixed(text, id, upTo: .unsafe)
                == "```\ndocker build -t site .\n```\n\n\(prose)\n\(prose2)\n\n```bash\ndocker run site\n```\n\nEnd.\n")
    }

    @Test(arguments: [
        ("> ```\n> make all;\n>\n> ## Next\n>\n> \(UnclosedFenceRuleTests.prose)\n",
         "> ```\n> make all;\n> ```\n>\n> ## Next\n>\n> \(UnclosedFenceRuleTests.prose)\n"),
        ("1. Install:\n\n   ~~~~sh\n   npm install\n\n   ![The result](/content/images/a.png)\n",
         "1. Install:\n\n   ~~~~sh\n   npm install\n   ~~~~\n\n   ![The result](/content/images/a.png)\n"),
        ("  ```js\n  const a = 1;\n\n[Read the docs](https://example.com/docs)\n",
         "  ```js\n  const a = 1;\n  ```\n\n[Read the docs](https://example.com/docs)\n"),
    ])
    func theClosingFenceKeepsTheContainerAndIndentation(_ text: String, _ expected: String) {
        #expect(lint(text, id).count == 1)
        #expect(fixed(text, id, upTo: .unsafe) == expected)
    }

    /// Reported, but where the code ends is not certain: no fix.
    @Test(arguments: [
        // No code before the Markdown: this fence probably closed something above.
        "```\n## Configuration\n\n\(UnclosedFenceRuleTests.prose)\n",
        // A line that is neither code nor Markdown right after the code.
        "```\nnpm install\nand then\n\n## Configuration\n\n\(UnclosedFenceRuleTests.prose)\n",
    ])
    func reportedWithoutAFix(_ text: String) {
        let findings = lint(text, id)
        #expect(findings.count == 1)
        #expect(findings.allSatisfy { $0.fix == nil })
    }

    @Test(arguments: [
        // Only code to the end, comments included.
        "```sh\n# Install the tools\nnpm install\n\n# Build\nnpm run build\n",
        "```python\ndef main():\n    print(\"hello\")\n\n# Run it\nmain()\n",
        "```sh\nnpm install\n\n# Done\n",
        // Markdown shown as code.
        "```markdown\n## A heading\n\n![img](/a.png)\n",
        // Prose in a text block: what a program printed.
        "```text\nThe server printed this long message when it started and then it stopped.\n"
            + "It said that the configuration file could not be found in the usual place.\n",
        // A closed block: fences shown inside a longer fence, or one fence right after another.
        "````\n```python\nprint(1)\n```\n````\n",
        "```\nls -la\n```python\nprint(1)\n```\n",
        // Markdown inside a closed block that no inner fence explains.
        "```\nls\n\n## Heading\n\n\(UnclosedFenceRuleTests.prose)\n```\n",
        // A single line of prose is not enough.
        "```\nls -la\n\n\(UnclosedFenceRuleTests.prose)\n",
    ])
    func notFlagged(_ text: String) {
        #expect(lint(text, id).isEmpty)
    }

    @Test func aTextBlockStillCountsHeadingsAndImages() {
        let text = "```text\nlisting output\n\n## Next step\n\n![shot](/a.png)\n"
        #expect(lint(text, id).count == 1)
    }

    @Test func otherFencesInTheMarkdownAreNotItsCode() {
        // The swallowed Markdown has a fenced block of its own (another character): its
        // lines are not this block's code.
        let text = "~~~\nmake\n\n## Build\n\n\(prose)\n\n```bash\nmake install\n```\n"
        let findings = lint(text, id)
        #expect(findings.count == 1)
        #expect(fixed(text, id, upTo: .unsafe) == "~~~\nmake\n~~~\n\n## Build\n\n\(prose)\n\n```bash\nmake install\n```\n")
    }
}
