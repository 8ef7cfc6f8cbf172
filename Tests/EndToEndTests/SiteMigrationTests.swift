import Foundation
import Testing

/// Issue 5's "done when", as a new user would try it: the seed post in an empty
/// directory, then with its images, then with the images moved and a remap.
@Suite struct SiteMigrationTests {
    static let images = ["logointermobile-molotov.jpg", "jallal_mahmoudsaudiltdbuilding-molotov.jpg", "interlibertypack-molotov.jpg"]

    @Test(.enabled(if: FileManager.default.fileExists(atPath: SeedPostTests.seed.path)))
    func seedImagesMissingFoundThenRemapped() throws {
        let box = try Sandbox()
        let original = [UInt8](try Data(contentsOf: SeedPostTests.seed))
        try box.write("post.md", bytes: original)

        // An empty directory: the cover and the three body images are missing, and the two
        // images without alt text are reported.
        let empty = try box.run("check", "--select", "missing-image,image-alt", "post.md")
        #expect(empty.status == 1)
        let lines = empty.stdout.split(separator: "\n").dropLast().map { String($0.prefix { $0 != " " }) + " " + rule($0) }
        #expect(lines == ["post.md:4:9: missing-image", "post.md:13:1: image-alt", "post.md:13:5: missing-image",
                          "post.md:39:86: missing-image", "post.md:56:1: image-alt", "post.md:56:5: missing-image"])

        // With the files where the post says they are, nothing is missing.
        for name in Self.images { try box.write("content/images/2005/01/\(name)", bytes: [0xFF, 0xD8]) }
        let found = try box.run("check", "--select", "missing-image", "post.md")
        #expect(found.status == 0)

        // Moved to assets/, with a remap: fix rewrites the four paths and nothing else.
        try FileManager.default.removeItem(at: box.root.appendingPathComponent("content"))
        for name in Self.images { try box.write("assets/images/2005/01/\(name)", bytes: [0xFF, 0xD8]) }
        try box.write(".galley.yml", "site:\n  remap:\n    /content/images/: /assets/images/\n")
        let fix = try box.run("fix", "--select", "missing-image", "post.md")
        #expect(fix.status == 0)
        let before = String(decoding: original, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let after = try box.text("post.md").split(separator: "\n", omittingEmptySubsequences: false)
        #expect(before.count == after.count)
        let changed = zip(before, after).enumerated().filter { $0.element.0 != $0.element.1 }
        #expect(changed.map(\.offset) == [3, 12, 38, 55])
        for (_, (old, new)) in changed {
            #expect(new == old.replacingOccurrences(of: "/content/images/", with: "/assets/images/"))
        }
        #expect(after[3] == "cover: \"/assets/images/2005/01/logointermobile-molotov.jpg\"")
        #expect(try box.run("check", "--select", "missing-image", "post.md").status == 0)
    }

    func rule(_ line: Substring) -> String {
        guard let open = line.firstIndex(of: "["), let close = line[open...].firstIndex(of: "]") else { return "" }
        return String(line[line.index(after: open)..<close])
    }
}
