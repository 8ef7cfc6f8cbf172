import Foundation
import Testing

/// `--shard K/N`: disjoint slices that cover every file, the same from any working
/// directory of the repository, each shard's SARIF with its own automation id, and fix
/// reports whose totals add up to a whole run's.
@Suite struct ShardTests {
    func repository() throws -> Sandbox {
        let box = try Sandbox()
        try box.git("init", "-q")
        let inputs = try ["nbsp-french-post", "ghost-markers-damaged", "code-untouched"].map { try Sandbox.fixture("fixtures/\($0)/input.md") }
        for k in 0..<30 { try box.write("content/posts/\(k % 3)/p\(k).md", bytes: inputs[k % 3]) }
        return box
    }

    func paths(_ out: Galley.Output) throws -> Set<String> {
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        return Set((doc["findings"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String })
    }

    @Test func slicesAreDisjointCoverEveryFileAndDoNotDependOnTheWorkingDirectory() throws {
        let box = try repository()
        let all = try paths(try box.run("check", "--format", "json", "content"))
        #expect(all.count == 30)
        var union = Set<String>()
        for k in 1...3 {
            let slice = try paths(try box.run("check", "--format", "json", "--shard", "\(k)/3", "content"))
            #expect(!slice.isEmpty && slice.count < 30, "shard \(k) has \(slice.count)")
            #expect(union.isDisjoint(with: slice))
            union.formUnion(slice)
            // From a folder below, paths are written differently but the slice is the same files.
            let below = try Galley.run(["check", "--format", "json", "--shard", "\(k)/3", "."], in: box.root.appendingPathComponent("content"))
            #expect(Set(try paths(below).map { "content/" + $0.replacingOccurrences(of: "./", with: "") }) == slice)
        }
        #expect(union == all)
        #expect(try paths(try box.run("check", "--format", "json", "--shard", "1/1", "content")) == all)
    }

    @Test func eachShardsSARIFHasItsOwnCategory() throws {
        let box = try repository()
        let out = try box.run("check", "--format", "sarif", "--shard", "2/4", "content")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        let run = try #require((doc["runs"] as? [[String: Any]])?.first)
        #expect((run["automationDetails"] as? [String: String])?["id"] == "galley/shard-2-of-4/")
        let whole = try box.run("check", "--format", "sarif", "content")
        #expect(!whole.stdout.contains("automationDetails"))
    }

    @Test func reportTotalsOfTheShardsAddUpToAWholeRun() throws {
        let whole = try repository()
        _ = try whole.run("fix", "--report", "r.json", "content")
        let sharded = try repository()
        for k in 1...3 { _ = try sharded.run("fix", "--report", "r\(k).json", "--shard", "\(k)/3", "content") }
        func totals(_ box: Sandbox, _ file: String) throws -> [String: Any] {
            try #require((try JSONSerialization.jsonObject(with: Data(box.read(file))) as? [String: Any])?["totals"] as? [String: Any])
        }
        let expected = try totals(whole, "r.json")
        let parts = try (1...3).map { try totals(sharded, "r\($0).json") }
        for key in ["files", "changed", "refused", "fixes", "withheld"] {
            #expect(parts.reduce(0) { $0 + ($1[key] as? Int ?? 0) } == expected[key] as? Int, "\(key)")
        }
        for k in 0..<30 {
            let path = "content/posts/\(k % 3)/p\(k).md"
            #expect(try whole.read(path) == sharded.read(path))
        }
    }

    @Test func badShardsAreUsageErrors() throws {
        let box = try repository()
        for bad in ["0/3", "4/3", "1/0", "x", "1/2/3", "-1/2"] {
            #expect(try box.run("check", "--shard", bad, "content").status == 2, "\(bad)")
        }
        #expect(try box.run(["check", "--stdin", "--shard", "1/2"], stdin: Array("x\n".utf8)).status == 2)
    }
}
