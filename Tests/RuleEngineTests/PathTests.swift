import Testing
import RuleEngine

/// `Path.normalize` works on bytes: these are the shapes image paths and roots take.
struct PathTests {
    @Test(arguments: [
        ("a/./b/../c.png", "/site", "/site/a/c.png"),
        ("/content/images/2005/01/x.jpg", "/ignored", "/content/images/2005/01/x.jpg"),
        ("../../../up.png", "/site/_posts", "/up.png"),
        ("//a//b/", "/", "/a/b"),
        ("", "/", "/"),
        (".", "/site", "/site"),
        ("..", "/", "/"),
        ("./photos/été/Ölbild.png", "/site/_posts", "/site/_posts/photos/été/Ölbild.png"),
        ("a/.hidden/..b/...", "/r", "/r/a/.hidden/..b/..."),
    ])
    func normalizeResolvesDotsAndSlashes(_ path: String, _ base: String, _ expected: String) {
        #expect(Path.normalize(path, relativeTo: base) == expected)
    }

    /// What the command line asks of `directory` and `join` where it used `NSString`'s
    /// path methods: a temporary beside a file, a configuration file and `.git` in a
    /// folder, the folder above.
    @Test func directoryAndJoinAsTheCommandLineUsesThem() {
        #expect(Path.directory(of: "/tmp/scratch.md") == "/tmp")
        #expect(Path.directory(of: "/tmp") == "/")
        #expect(Path.directory(of: "/") == "/")
        #expect(Path.directory(of: "post.md") == ".")
        #expect(Path.directory(of: "_posts/a.md") == "_posts")
        #expect(Path.directory(of: "é/ü.md") == "é")
        #expect(Path.join("/site", ".galley.yml") == "/site/.galley.yml")
        #expect(Path.join("/", ".git") == "/.git")
        #expect(Path.join("_posts/", "a.md") == "_posts/a.md")
    }
}

/// `Path.normalize` against a model of what it means (empty and `.` parts dropped, `..`
/// taking the part before, never above `/`) on every path of up to four parts made of
/// `a`, `é`, `.`, `..`, `.a`, `a.`, `node_modules` and the empty part, with and without
/// a leading and a trailing `/`: where the path is normal already it is given back as it
/// is (without being built again), and otherwise as the model builds it.
@Suite struct PathNormalFormTests {
    static let parts = ["a", "é", ".", "..", ".a", "a.", "", "node_modules"]

    static func paths(upTo length: Int) -> [String] {
        var out: [[String]] = [[]]
        var level: [[String]] = [[]]
        for _ in 0..<length {
            level = level.flatMap { prefix in parts.map { prefix + [$0] } }
            out += level
        }
        return out.flatMap { p -> [String] in
            let body = p.joined(separator: "/")
            return ["/" + body, body, "/" + body + "/", body + "/"]
        }
    }

    static func model(_ path: String, _ base: String) -> String {
        let joined = path.hasPrefix("/") ? path : base + "/" + path
        var kept: [Substring] = []
        for part in joined.split(separator: "/") where part != "." {
            if part == ".." { _ = kept.popLast() } else { kept.append(part) }
        }
        return "/" + kept.joined(separator: "/")
    }

    @Test(arguments: ["/", "/site", "/site/é"])
    func normalizeIsTheModel(_ base: String) {
        var given = 0
        for path in Self.paths(upTo: 4) {
            let normal = Path.normalize(path, relativeTo: base)
            #expect(normal == Self.model(path, base), "\(path)")
            if normal == path { given += 1 }
        }
        #expect(given > 100)
    }
}
