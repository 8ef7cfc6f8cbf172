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
