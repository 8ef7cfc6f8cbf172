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
}
