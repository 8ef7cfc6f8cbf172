import Testing
@testable import RuleEngine

@Suite struct FrontMatterSchemaTests {
    func parse(_ yaml: String) throws -> Configuration {
        try Configuration.parse(Array(yaml.utf8), path: ".galley.yml", directory: "/site", knownRules: [:])
    }

    @Test func readsRequiredAndTypes() throws {
        let config = try parse("""
            front-matter:
              required: [title, date]
              types: {date: date, tags: list, title: string, draft: bool}
            """)
        #expect(config.frontMatter == FrontMatterSchema(
            required: ["title", "date"],
            types: ["date": .date, "tags": .list, "title": .string, "draft": .bool]))
    }

    @Test func blockStyleAndEveryTypeName() throws {
        let config = try parse("""
            front-matter:
              required:
                - title
                - "og:title"
              types:
                title: string
                date: date
                tags: list
                draft: bool
                weight: number
                params: mapping
            """)
        #expect(config.frontMatter?.required == ["title", "og:title"])
        #expect(config.frontMatter?.types.count == FrontMatterFieldType.allCases.count)
    }

    @Test func absentSectionIsNilAndAnEmptyOneIsEmpty() throws {
        #expect(try parse("rules: {}\n").frontMatter == nil)
        #expect(try parse("front-matter:\n").frontMatter?.isEmpty == true)
        #expect(try parse("front-matter:\n  required: []\n  types: {}\n").frontMatter?.isEmpty == true)
        #expect(try parse("front-matter:\n  required:\n  types:\n").frontMatter?.isEmpty == true)
    }

    @Test(arguments: [
        ("front-matter: [title]\n", "`front-matter` must be a mapping (required, types)", 1, 15),
        ("front-matter:\n  require: [title]\n", "unknown key `front-matter.require` (expected required or types)", 2, 3),
        ("front-matter:\n  required: title\n", "`front-matter.required` must be a list of keys", 2, 13),
        ("front-matter:\n  required: {title: true}\n", "`front-matter.required` must be a list of keys", 2, 13),
        ("front-matter:\n  required: [title, [date]]\n", "`front-matter.required` needs key names, found `[date]`", 2, 21),
        ("front-matter:\n  required: [title, ~]\n", "needs key names", 2, 21),
        ("front-matter:\n  required: [title, \"\"]\n", "needs key names", 2, 21),
        ("front-matter:\n  required: [title, date, title]\n", "`title` is listed twice in `front-matter.required`", 2, 27),
        ("front-matter:\n  types: [date]\n", "`front-matter.types` must map keys to types", 2, 10),
        ("front-matter:\n  types:\n    date: datetime\n", "unknown type `datetime` for `date` (expected string, date, list, bool, number or mapping); did you mean `date`?", 3, 11),
        ("front-matter:\n  types:\n    draft: boolean\n", "did you mean `bool`?", 3, 12),
        ("front-matter:\n  types:\n    tags: array\n", "did you mean `list`?", 3, 11),
        ("front-matter:\n  types:\n    tags: enum\n", "unknown type `enum` for `tags` (expected string, date, list, bool, number or mapping)", 3, 11),
        ("front-matter:\n  types:\n    tags: [list]\n", "the type of `tags` must be one of string, date, list, bool, number or mapping", 3, 11),
        ("front-matter:\n  types:\n    tags:\n", "the type of `tags` must be one of", 3, 10),
        ("front-matter:\n  types:\n    [a]: list\n", "`front-matter.types` needs key names", 3, 5),
        ("front-matter:\n  types:\n    date: date\n    date: string\n", "duplicate key", 4, 5),
    ])
    func errorsNameTheLineAndColumn(_ yaml: String, _ message: String, _ line: Int, _ column: Int) throws {
        var caught: ConfigurationError?
        do { _ = try parse(yaml) } catch let e as ConfigurationError { caught = e }
        let e = try #require(caught)
        #expect(e.message.contains(message), "\(e.message)")
        #expect(e.location?.line == line, "\(e)")
        #expect(e.location?.column == column, "\(e)")
    }
}
