import Foundation
import Testing

/// `front-matter-fields` through the binary, with a real `.galley.yml`.
@Suite struct FrontMatterFieldsTests {
    let posts = [
        "posts/good.md": "---\ntitle: \"Succès\"\ndate: '2007-02-04 00:00:00'\ntags:\n- travel\ndraft: false\n---\n\nBody.\n",
        "posts/bad.md": "---\ntitle: 2024\ndate: 2023-02-29\ntags: travel, food\ndraft: \"false\"\n---\n\nBody.\n",
        "posts/missing.md": "---\ntags: [a]\n---\n\nBody.\n",
        "posts/none.md": "Body only.\n",
    ]

    @Test func offUntilConfiguredThenReportsEachKey() throws {
        let box = try Sandbox()
        try box.write(".git/HEAD", "ref: refs/heads/main\n")
        for (path, text) in posts { try box.write(path, text) }
        let before = try box.run("check", "posts")
        #expect(before.status == 0, "\(before.stdout)\(before.stderr)")

        try box.write(".galley.yml", """
            front-matter:
              required: [title, date]
              types: {date: date, tags: list, title: string, draft: bool}

            """)
        let out = try box.run("check", "posts")
        #expect(out.status == 1)
        #expect(out.stdout == """
            posts/bad.md:2:8: error [front-matter-fields] `title` should be a string, found the number `2024` (quote it to make it a string)
            posts/bad.md:3:7: error [front-matter-fields] `date` is not a real date: February 2023 has 28 days (found `2023-02-29`)
            posts/bad.md:4:7: error [front-matter-fields] `tags` should be a list, found the text `travel, food` (a list is written `[travel, food]`)
            posts/bad.md:5:8: error [front-matter-fields] `draft` should be true or false, found the quoted text `"false"` (remove the quotes)
            posts/missing.md:1:1: error [front-matter-fields] required front matter key `title` is missing
            posts/missing.md:1:1: error [front-matter-fields] required front matter key `date` is missing
            posts/none.md:1:1: error [front-matter-fields] front matter is missing; `title` is required
            posts/none.md:1:1: error [front-matter-fields] front matter is missing; `date` is required
            4 files, 8 findings, 0 fixable

            """)
        // Nothing to fix: `galley fix` leaves every file as it was.
        let fix = try box.run("fix", "posts")
        #expect(fix.status == 1)
        for (path, text) in posts { #expect(try box.text(path) == text) }
        // --ignore and a severity in rules: work as for any rule.
        #expect(try box.run("check", "--ignore", "front-matter-fields", "posts").status == 0)
        try box.write(".galley.yml", "front-matter:\n  required: [title]\nrules:\n  front-matter-fields: info\n")
        #expect(try box.run("check", "posts/none.md").stdout.hasPrefix("posts/none.md:1:1: info [front-matter-fields] front matter is missing; `title` is required\n"))
    }

    @Test func aBadSchemaIsAConfigurationError() throws {
        let box = try Sandbox()
        try box.write(".git/HEAD", "ref: refs/heads/main\n")
        try box.write(".galley.yml", "front-matter:\n  types:\n    draft: boolean\n")
        try box.write("a.md", "---\ndraft: true\n---\n")
        let out = try box.run("check", "a.md")
        #expect(out.status == 2)
        #expect(out.stderr.contains(".galley.yml:3:12: unknown type `boolean` for `draft` (expected string, date, list, bool, number or mapping); did you mean `bool`?"),
                "\(out.stderr)")
    }
}
