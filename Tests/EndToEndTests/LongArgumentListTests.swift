import Foundation
import Testing

/// A long list of file names (what pre-commit passes) is parsed in linear time and means
/// the same as a short one: every file is checked, options before the list still apply.
@Suite struct LongArgumentListTests {
    @Test func hundredsOfFileArgumentsAfterAnOption() throws {
        let box = try Sandbox()
        var names: [String] = []
        for i in 0..<300 {
            let name = String(format: "p%03d.md", i)
            try box.write(name, "Post \(i)&nbsp;text.\n\n<!--kg-card-end: markdown-->\n")
            names.append(name)
        }
        let out = try box.run(["check", "--select", "nbsp-entity"] + names)
        #expect(out.status == 1)
        let lines = out.stdout.split(separator: "\n")
        #expect(lines.count == 301)
        #expect(lines.first?.hasPrefix("p000.md:1:7: warning [nbsp-entity]") == true)
        #expect(lines.dropLast().allSatisfy { $0.contains("[nbsp-entity]") })
        #expect(lines.last == "300 files, 300 findings, 300 fixable")
        // The same files named by their directory.
        let byDirectory = try box.run("check", "--select", "nbsp-entity", ".")
        #expect(byDirectory.stdout == out.stdout)
        // An option after the list still counts, and the list still does.
        let optionLast = try box.run(["check"] + names + ["--select", "ghost-card-marker"])
        #expect(optionLast.stdout.hasSuffix("300 files, 300 findings, 300 fixable\n"))
        #expect(!optionLast.stdout.contains("[nbsp-entity]"))
    }
}
