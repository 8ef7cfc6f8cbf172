import Foundation
import Testing

/// Issue 14's site without configuration: an Astro, a Hugo and a Jekyll site with its
/// images in its static folder and no `.galley.yml`. Nothing they serve is missing, and
/// the one repair that names a file never names the static folder itself.
@Suite struct GeneratorSiteTests {
    struct Shape: Sendable, CustomTestStringConvertible {
        var name: String
        var marker: (path: String, text: String)
        var staticFolder: String
        var post: String
        var testDescription: String { name }
    }

    static let shapes = [
        Shape(name: "astro", marker: ("astro.config.mjs", "import { defineConfig } from 'astro/config';\nexport default defineConfig({\n  site: 'https://new.example',\n});\n"),
              staticFolder: "public/", post: "src/content/blog/post.md"),
        Shape(name: "hugo", marker: ("hugo.toml", "baseURL = \"https://new.example/\"\ntitle = \"Blog\"\n"),
              staticFolder: "static/", post: "content/posts/post.md"),
        Shape(name: "jekyll", marker: ("_config.yml", "title: Blog\nurl: https://new.example\n"),
              staticFolder: "", post: "_posts/2020-01-01-post.md"),
    ]

    static let post = """
    ---
    title: A post
    cover: /content/images/2020/01/cover.jpg
    ---

    ![A](/content/images/2020/01/a.png "A") and ![Old](/content/images/2019/05/old-name.png)

    <figure><img src="/content/images/2020/01/b.png" alt="B" srcset="/content/images/2020/01/b.png 600w"></figure>

    """

    @Test(arguments: shapes)
    func whatTheStaticFolderServesIsFound(_ shape: Shape) throws {
        let box = try Sandbox()
        try box.write(shape.marker.path, shape.marker.text)
        try box.write(shape.post, Self.post)
        for name in ["2020/01/cover.jpg", "2020/01/a.png", "2020/01/b.png"] {
            try box.write(shape.staticFolder + "content/images/" + name, "img")
        }
        try box.write(shape.staticFolder + "img/old-name.png", "img")
        // A build output with a copy of everything is not part of the site.
        try box.write((shape.name == "astro" ? "dist/" : shape.name == "hugo" ? "public/" : "_site/") + "img/old-name.png", "img")

        let check = try box.run("check", "--select", "missing-image", "--no-git", shape.post)
        let findings = check.stdout.split(separator: "\n").filter { $0.contains("[missing-image]") }
        #expect(findings.count == 1, "\(check.stdout)")
        #expect(findings.first?.contains("`/content/images/2019/05/old-name.png` not found; the only file named `old-name.png` on the site is `/img/old-name.png`") ?? false)

        let fix = try box.run("fix", "--unsafe-fixes", "--select", "missing-image", "--no-git", shape.post)
        #expect(fix.status == 0, "\(fix.stdout)\(fix.stderr)")
        let fixed = try box.text(shape.post)
        #expect(fixed.contains("![Old](/img/old-name.png)"))
        #expect(!fixed.contains("/public/") && !fixed.contains("/static/"))
    }

    @Test func theVerboseRunSaysWhatWasDetected() throws {
        let box = try Sandbox()
        try box.write("hugo.toml", "baseURL = 'https://new.example/'\nstaticDir = \"files\"\n")
        try box.write("content/p.md", "![a](/a.png)\n")
        let run = try box.run("check", "--select", "missing-image", "--no-git", "--verbose", "content/p.md")
        #expect(run.stderr.contains("galley: site \(box.root.standardizedFileURL.path): Hugo, detected from hugo.toml"), "\(run.stderr)")
        #expect(run.stderr.contains("served at /: files, content"))
        #expect(run.stderr.contains("new address https://new.example"))
    }

    @Test func anAstroProjectsOwnFolderServesNothing() throws {
        let box = try Sandbox()
        try box.write("astro.config.mjs", "export default {}\n")
        try box.write("content/images/a.png", "img")
        try box.write("src/content/blog/p.md", "![a](/content/images/a.png)\n")
        let check = try box.run("check", "--select", "missing-image", "--no-git", "src/content/blog/p.md")
        #expect(check.status == 1)
        #expect(check.stdout.contains("`/content/images/a.png` not found"))
    }
}
