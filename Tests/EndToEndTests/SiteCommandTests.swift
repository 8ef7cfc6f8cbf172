import Foundation
import Testing

/// `galley site`: the site model galley judges images and links against.
@Suite struct SiteCommandTests {
    func jekyllSite() throws -> Sandbox {
        let box = try Sandbox()
        try box.write("_config.yml", "url: https://jane.example.net\nbaseurl: /blog\npermalink: /:title/\nsource: >\n  .\n")
        try box.write(".galley.yml", "site:\n  url: https://oldblog.ghost.io\n  remap:\n    /content/images/: /assets/\n")
        try box.write("_posts/2020-01-02-hello.md", "---\ntitle: Hello\n---\n")
        try box.write("assets/a.png", "img")
        try box.write("assets/b.JPG", "img")
        try box.write("_site/assets/a.png", "img")
        return box
    }

    @Test func textSaysWhatWasFoundAndWhatWasNotRead() throws {
        let box = try jekyllSite()
        let run = try box.run("site")
        #expect(run.status == 0)
        let root = box.root.standardizedFileURL.path
        #expect(run.stdout == """
        site           \(root)
        generator      Jekyll, detected from _config.yml
        configuration  .galley.yml
        served at /    .
        build output   _site (not part of the site)
        old addresses  https://oldblog.ghost.io
        new address    https://jane.example.net/blog
        posts          1 (1 page of the new site)
        image files    2
        remap          /content/images/ -> /assets/

        not read:
          _config.yml:4: `source` is not written as a literal (`>`), so the site's root is taken as its source

        """)
        let pages = try box.run("site", "--pages", "_posts/2020-01-02-hello.md")
        #expect(pages.stdout.hasSuffix("pages:\n  /hello/  _posts/2020-01-02-hello.md (Jekyll's permalink `/:title/`)\n"))
    }

    @Test func json() throws {
        let box = try jekyllSite()
        let run = try box.run("site", "--format", "json", "--pages", ".")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect((object["generator"] as? [String: String])?["name"] == "jekyll")
        #expect(object["newAddress"] as? String == "https://jane.example.net/blog")
        #expect(object["basePath"] as? String == "/blog")
        #expect(object["oldAddresses"] as? [String] == ["https://oldblog.ghost.io"])
        #expect(object["imageFiles"] as? Int == 2 && object["posts"] as? Int == 1)
        #expect((object["pages"] as? [[String: String]])?.map { $0["route"] } == ["/hello/"])
        #expect((object["notes"] as? [String])?.count == 1)
    }

    @Test func aMissingPathIsAnError() throws {
        let box = try Sandbox()
        let run = try box.run("site", "nowhere")
        #expect(run.status == 2 && run.stderr.contains("nowhere: No such file or directory"))
    }
}
