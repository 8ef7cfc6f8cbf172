import Testing
@testable import RuleEngine
@testable import Rules

@Suite struct FrontMatterFieldsRuleTests {
    let id = ["front-matter-fields"]
    static let schema = """
        front-matter:
          required: [title, date]
          types: {date: date, tags: list, title: string, draft: bool, weight: number, params: mapping}
        """

    /// `line:column message` of each finding, with the example schema.
    func report(_ text: String, _ yaml: String = schema) throws -> [String] {
        let findings = lint(text, id, configuration: try configuration(yaml))
        return zip(positions(text, findings), findings).map { "\($0) \($1.message)" }
    }

    /// The findings of one front matter line added to a valid post.
    func report(line: String) throws -> [String] {
        try report("---\ntitle: T\ndate: 2020-01-01\n\(line)\n---\n\nBody.\n")
    }

    @Test func offWithoutAFrontMatterSection() throws {
        let text = "---\ndraft: yes\n---\n\nNo title, no date.\n"
        #expect(lint(text, id).isEmpty)
        #expect(try report(text, "rules:\n  front-matter-fields: error\n").isEmpty)
        #expect(try report(text, "front-matter:\n").isEmpty)
        #expect(try report(text, "front-matter: {}\n").isEmpty)
    }

    @Test func aCompletePostIsClean() throws {
        let text = """
            ---
            title: "Succès pour Inter Mobile"
            date: '2007-02-04 00:00:00'
            tags:
            - los-santos
            draft: false
            weight: 10
            params: {toc: true}
            unknown: [anything, goes]
            ---

            Body.

            """
        #expect(try report(text).isEmpty)
    }

    @Test func missingKeysPointAtTheOpeningFenceOncePerKey() throws {
        #expect(try report("---\ntags: [a]\n---\n\nBody.\n") == [
            "1:1 required front matter key `title` is missing",
            "1:1 required front matter key `date` is missing",
        ])
        let findings = lint("---\n---\n", id, configuration: try configuration(Self.schema))
        #expect(flagged("---\n---\n", findings) == ["---", "---"])
    }

    @Test func noFrontMatterAtAll() throws {
        #expect(try report("# A page\n\nBody.\n") == [
            "1:1 front matter is missing; `title` is required",
            "1:1 front matter is missing; `date` is required",
        ])
        #expect(try report("") == [
            "1:1 front matter is missing; `title` is required",
            "1:1 front matter is missing; `date` is required",
        ])
        // Only types configured: nothing is required, so a file without front matter is fine.
        #expect(try report("Body.\n", "front-matter:\n  types: {date: date}\n").isEmpty)
    }

    @Test func requiredKeysWithoutAValue() throws {
        let text = "---\ntitle:\ndate: ~\n---\n"
        #expect(try report(text) == [
            "2:1 required front matter key `title` has no value",
            "3:1 required front matter key `date` has no value",
        ])
        #expect(try report("---\ntitle: \"  \"\ndate: null\n---\n") == [
            "2:8 required front matter key `title` is empty",
            "3:1 required front matter key `date` has no value",
        ])
        // An empty list is a value.
        #expect(try report("---\ntitle: T\ndate: 2020-01-01\ntags: []\n---\n", """
            front-matter:
              required: [title, date, tags]
            """).isEmpty)
    }

    @Test func optionalKeysWithoutAValueAreNotTypeChecked() throws {
        #expect(try report(line: "tags:").isEmpty)
        #expect(try report(line: "draft: ~").isEmpty)
        // Not required, so empty text is a string.
        #expect(try report("---\ntitle: \"\"\ndate: 2020-01-01\n---\n", "front-matter:\n  types: {title: string}\n").isEmpty)
    }

    @Test(arguments: [
        "2007-02-04", "2007-02-04 00:00", "2007-02-04 00:00:00", "'2007-02-04 00:00:00'", "\"2007-02-04\"",
        "2007-02-04T10:30:00Z", "2007-02-04t10:30:00z", "2007-02-04T10:30:00.250+01:00", "2007-02-04 10:30:00 +0200",
        "2007-02-04 10:30 -05", "2007-02-04\t10:30", "2007-02-04  10:30:59 Z", "2024-02-29", "2000-02-29",
        "!!timestamp 2007-02-04", "2007-12-31 23:59:59",
    ])
    func datesAccepted(_ value: String) throws {
        #expect(try report("---\ntitle: T\ndate: \(value)\n---\n").isEmpty, "\(value)")
    }

    @Test(arguments: [
        ("2007-2-4", "should be a date (YYYY-MM-DD, optionally with HH:MM[:SS] and a zone), found the text `2007-2-4`"),
        ("04/02/2007", "should be a date (YYYY-MM-DD, optionally with HH:MM[:SS] and a zone), found the text `04/02/2007`"),
        ("\"2007-02-04 10\"", "found the quoted text `\"2007-02-04 10\"`"),
        ("2007-02-04 10:30 CET", "found the text `2007-02-04 10:30 CET`"),
        ("2007-02-04+02:00", "found the text `2007-02-04+02:00`"),
        ("2007-02-04 10:30:00.", "found the text `2007-02-04 10:30:00.`"),
        ("2007-02-04T", "found the text `2007-02-04T`"),
        ("2007", "found the number `2007`"),
        ("[2007-02-04]", "found a list"),
        ("yes", "found the text `yes`"),
        ("2023-02-29", "`date` is not a real date: February 2023 has 28 days (found `2023-02-29`)"),
        ("1900-02-29", "February 1900 has 28 days"),
        ("2007-04-31", "April has 30 days"),
        ("2007-13-01", "month 13 does not exist (01 to 12)"),
        ("2007-00-01", "month 0 does not exist"),
        ("2007-01-00", "day 0 does not exist"),
        ("2007-01-01 24:00", "hour 24 does not exist (00 to 23)"),
        ("2007-01-01 10:60", "minute 60 does not exist"),
        ("'2007-01-01 10:00:61'", "second 61 does not exist (00 to 59) (found `'2007-01-01 10:00:61'`)"),
        ("2007-01-01 10:00 +24:00", "zone offset 24:00 does not exist"),
        ("2007-01-01 10:00 +0260", "zone offset 02:60 does not exist"),
    ])
    func datesRejected(_ value: String, _ message: String) throws {
        let found = try report("---\ntitle: T\ndate: \(value)\n---\n")
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("3:7 `date` ") == true, "\(found)")
        #expect(found.first?.contains(message) == true, "\(found)")
    }

    @Test func strings() throws {
        #expect(try report(line: "").isEmpty)
        for ok in ["title: Plain text", "title: 'quoted'", "title: \"2024\"", "title: !!str 2024", "title: |\n  block\n  text",
                   "title: >-\n  folded", "title: 2007-02-04"] {
            #expect(try report("---\n\(ok)\ndate: 2020-01-01\n---\n").isEmpty, "\(ok)")
        }
        #expect(try report("---\ntitle: 2024\ndate: 2020-01-01\n---\n") == [
            "2:8 `title` should be a string, found the number `2024` (quote it to make it a string)",
        ])
        #expect(try report("---\ntitle: Yes\ndate: 2020-01-01\n---\n") == [
            "2:8 `title` is the text `Yes` in YAML 1.2 but the boolean `Yes` in YAML 1.1 (Jekyll's reading), so it is a string only in YAML 1.2: quote it",
        ])
        #expect(try report("---\ntitle: 1.5\ndate: 2020-01-01\n---\n").first?.contains("the number `1.5`") == true)
        // A block value is reported at its key, on the key's line.
        #expect(try report("---\ntitle:\n  - a\n  - b\ndate: 2020-01-01\n---\n") == [
            "2:1 `title` should be a string, found a list",
        ])
        #expect(try report("---\ntitle: {en: Hi}\ndate: 2020-01-01\n---\n") == [
            "2:8 `title` should be a string, found a mapping",
        ])
    }

    @Test func lists() throws {
        #expect(try report(line: "tags: [a, b]").isEmpty)
        #expect(try report(line: "tags:\n- a\n- b").isEmpty)
        #expect(try report(line: "tags: []").isEmpty)
        #expect(try report(line: "tags: travel, food") == [
            "4:7 `tags` should be a list, found the text `travel, food` (a list is written `[travel, food]`)",
        ])
        #expect(try report(line: "tags: \"travel\"") == [
            "4:7 `tags` should be a list, found the quoted text `\"travel\"` (a list is written `[\"travel\"]`)",
        ])
        // A plain value folded over two lines gets no suggestion.
        #expect(try report(line: "tags: travel\n  food") == ["4:7 `tags` should be a list, found the text `travel…`"])
        #expect(try report(line: "tags: {a: 1}") == ["4:7 `tags` should be a list, found a mapping"])
        #expect(try report(line: "tags: |\n  a\n  b") == ["4:7 `tags` should be a list, found a block of text"])
    }

    @Test func booleans() throws {
        for ok in ["true", "false", "True", "FALSE", "!!bool yes", "!!bool \"true\""] {
            #expect(try report(line: "draft: \(ok)").isEmpty, "\(ok)")
        }
        #expect(try report(line: "draft: yes") == [
            "4:8 `draft` is the text `yes` in YAML 1.2 but the boolean `yes` in YAML 1.1 (Jekyll's reading), so it is a bool only in YAML 1.1: write `true` or `false`",
        ])
        #expect(try report(line: "draft: off").count == 1)
        #expect(try report(line: "draft: \"false\"") == [
            "4:8 `draft` should be true or false, found the quoted text `\"false\"` (remove the quotes)",
        ])
        #expect(try report(line: "draft: 0") == ["4:8 `draft` should be true or false, found the number `0`"])
        #expect(try report(line: "draft: nope") == ["4:8 `draft` should be true or false, found the text `nope`"])
    }

    @Test func numbersAndMappings() throws {
        for ok in ["weight: 10", "weight: -3", "weight: 1.5", "weight: !!int \"7\"", "params: {a: 1}", "params:\n  a: 1"] {
            #expect(try report(line: ok).isEmpty, "\(ok)")
        }
        #expect(try report(line: "weight: \"10\"") == [
            "4:9 `weight` should be a number, found the quoted text `\"10\"` (remove the quotes)",
        ])
        #expect(try report(line: "weight: ten") == ["4:9 `weight` should be a number, found the text `ten`"])
        #expect(try report(line: "params: [a]") == ["4:9 `params` should be a mapping of keys to values, found a list"])
    }

    @Test func aliasesAreCheckedAsTheirAnchor() throws {
        #expect(try report("---\ntitle: &t Hello\ndate: 2020-01-01\nog_title: *t\n---\n",
                           "front-matter:\n  types: {og_title: string}\n").isEmpty)
        #expect(try report("---\ntitle: T\nnumbers: &n [1, 2]\ndate: 2020-01-01\ndraft: *n\n---\n") == [
            "5:8 `draft` should be true or false, found a list",
        ])
    }

    @Test func onlyTopLevelKeysAndFirstOfRepeatedKeys() throws {
        #expect(try report("---\ntitle: T\ndate: 2020-01-01\nparams:\n  draft: maybe\n---\n").isEmpty)
        // The repeated `draft` is front-matter-syntax's; the first one is checked.
        #expect(try report("---\ntitle: T\ndate: 2020-01-01\ndraft: true\ndraft: maybe\n---\n").isEmpty)
        #expect(try report("---\ntitle: T\ndate: 2020-01-01\ndraft: maybe\ndraft: true\n---\n").count == 1)
    }

    @Test(arguments: [
        "---\ntitle: \"unclosed\ndate: x\n---\n",  // a syntax error
        "---\n- a\n- b\n---\n",  // not a mapping
        "---\ntitle: never closed\n\nBody.\n",  // unclosed
        "+++\ntitle = \"TOML\"\n+++\n",  // TOML is not read
    ])
    func leavesOtherFrontMatterAlone(_ text: String) throws {
        #expect(try report(text).isEmpty)
    }

    @Test func worksWithCRLFAndABOM() throws {
        let text = "\u{FEFF}---\r\ntitle: 2024\r\ndraft: yes\r\n---\r\n"
        #expect(try report(text) == [
            "1:1 required front matter key `date` is missing",
            "2:8 `title` should be a string, found the number `2024` (quote it to make it a string)",
            "3:8 `draft` is the text `yes` in YAML 1.2 but the boolean `yes` in YAML 1.1 (Jekyll's reading), so it is a bool only in YAML 1.1: write `true` or `false`",
        ])
        #expect(try report("\u{FEFF}Body.\n").first == "1:1 front matter is missing; `title` is required")
    }

    @Test func severityAndSuppression() throws {
        let config = try configuration(Self.schema + "\nrules:\n  front-matter-fields: warning\n")
        let findings = lint("---\ntitle: T\n---\n", nil, configuration: config).filter { $0.ruleID == id[0] }
        #expect(findings.map(\.severity) == [.warning])
        #expect(findings.allSatisfy { $0.fix == nil })
        let off = try configuration(Self.schema + "\nrules:\n  front-matter-fields: off\n")
        #expect(lint("---\ntitle: T\n---\n", nil, configuration: off).isEmpty)
        let suppressed = "---\ntitle: T\n---\n\n<!-- galley-disable-file front-matter-fields -->\n"
        #expect(try report(suppressed).isEmpty)
    }

    @Test func findingsAreNeverFixed() throws {
        let text = "---\ntitle: 2024\ntags: a\n---\n\nBody.\n"
        #expect(fixed(text, id, upTo: .unsafe, configuration: try configuration(Self.schema)) == text)
    }
}
