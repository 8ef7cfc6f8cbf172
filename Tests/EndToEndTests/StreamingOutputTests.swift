import Foundation
import Testing

/// Reports are written as files finish, in path order, with errors in their place; SARIF
/// stops at GitHub's limit of results per run and says what it left out.
@Suite struct StreamingOutputTests {
    /// Posts made from fixture inputs (each has findings), in folders that sort apart.
    func posts(_ count: Int) throws -> Sandbox {
        let box = try Sandbox()
        let inputs = try ["nbsp-french-post", "ghost-markers-damaged", "code-untouched"].map { try Sandbox.fixture("fixtures/\($0)/input.md") }
        for k in 0..<count { try box.write("posts/\(k % 4)/post-\(k).md", bytes: inputs[k % inputs.count]) }
        return box
    }

    @Test func sarifPastItsLimitKeepsTheFirstResultsInPathOrderAndSaysSo() throws {
        let box = try posts(12)
        let full = try box.run(["check", "--no-git", "--format", "sarif", "posts"])
        let cut = try box.run(["check", "--no-git", "--format", "sarif", "posts"], environment: ["GALLEY_SARIF_LIMIT": "25"])
        #expect(full.status == 1 && cut.status == 1)
        func results(_ out: Galley.Output) throws -> [[String: Any]] {
            let doc = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
            let run = try #require((doc["runs"] as? [[String: Any]])?.first)
            return try #require(run["results"] as? [[String: Any]])
        }
        let all = try results(full), kept = try results(cut)
        #expect(all.count > 100)
        #expect(kept.count == 25)
        func key(_ r: [String: Any]) -> String {
            let location = (r["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
            let uri = (location?["artifactLocation"] as? [String: Any])?["uri"] as? String ?? ""
            let line = (location?["region"] as? [String: Any])?["startLine"] as? Int ?? 0
            return "\(uri):\(line):\(r["ruleId"] as? String ?? "")"
        }
        #expect(kept.map(key) == all.prefix(25).map(key))
        let files = all.map { key($0).split(separator: ":")[0] }
        #expect(files == files.sorted(), "results in path order")
        #expect(cut.stderr.contains("left out \(all.count - 25)"), "\(cut.stderr)")
        #expect(cut.stderr.contains("--baseline") && cut.stderr.contains("--select"))
        #expect(!full.stderr.contains("left out"))
    }

    @Test func errorsTakeTheirPlaceInPathOrder() throws {
        let box = try posts(6)
        try box.write("posts/2/latin1.md", bytes: Array("caf".utf8) + [0xE9, 0x0A])
        let out = try box.run(["check", "--no-git", "--format", "json", "zz-missing.md", "posts", "aa-missing.md"])
        #expect(out.status == 2)
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        let errors = try #require(doc["errors"] as? [[String: String]])
        #expect(errors.map { $0["path"] ?? "" } == ["aa-missing.md", "posts/2/latin1.md", "zz-missing.md"])
        let findings = try #require(doc["findings"] as? [[String: Any]])
        let paths = findings.map { $0["path"] as? String ?? "" }
        #expect(paths == paths.sorted())
        #expect(Set(paths).count == 6)
        // On standard error too, one line per file in the same order.
        let lines = out.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("galley: error: aa-missing.md: "))
        #expect(lines[1].hasPrefix("galley: error: posts/2/latin1.md: not valid UTF-8"))
        #expect(lines[2].hasPrefix("galley: error: zz-missing.md: "))
    }

    @Test func textInterleavesErrorsWithTheFilesAroundThemWhenBothGoToOnePlace() throws {
        let box = try posts(4)
        try box.write("posts/1/latin1.md", bytes: Array("caf".utf8) + [0xE9, 0x0A])
        // One descriptor for both streams, as `galley check 2>&1 | less` sees them.
        let script = "exec \"$0\" check --no-git posts 2>&1"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script, Galley.binary.path]
        process.currentDirectoryURL = box.root
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
        let error = try #require(lines.firstIndex { $0.hasPrefix("galley: error: posts/1/latin1.md") })
        // posts/0's findings come before the error of posts/1/latin1.md, posts/1/post-1.md's and the rest after.
        #expect(error > 0)
        #expect(lines[..<error].allSatisfy { $0.hasPrefix("posts/0/") })
        #expect(lines[(error + 1)...].dropLast().allSatisfy { ["posts/1/post-", "posts/2/", "posts/3/"].contains(where: $0.hasPrefix) })
        #expect(lines[(error + 1)...].first?.hasPrefix("posts/1/post-1.md") == true)
    }

    @Test func jsonOverManyChunksIsOneDocument() throws {
        let box = try posts(60)
        let out = try box.run(["check", "--no-git", "--format", "json", "--jobs", "2", "posts"])
        #expect(out.stdout.utf8.count > 3 * 65_536)
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        let findings = try #require(doc["findings"] as? [[String: Any]])
        let summary = try #require(doc["summary"] as? [String: Any])
        #expect(summary["findings"] as? Int == findings.count)
        #expect(summary["files"] as? Int == 60)
    }
}
