import Foundation
import Testing
@testable import GalleyCLI
import GalleyIO
import RuleEngine

/// `FileDiscovery.standardized` and the folder of a file are what Foundation's URL makes of
/// a path (`standardizedFileURL.path`, `deletingLastPathComponent().path`), which they
/// replaced: the same absolute path for every path a user or a run can name.
@Suite struct StandardizedPathTests {
    static let paths = [
        "a.md", "./a.md", "../a.md", "../../x/../y.md", "x//y/./z/../w.md", "_posts/2013-06-11-snow.md", "_posts/",
        "/", "/..", "/../x", "//x", "/a/b/", "/a/./b/../../c", "/tmp//galley///real/", "", ".", "..", "a/", "a/..",
        "é/../ü.md", "a/~/b", "a b/c%20d.md", "...", "a/.../b", ".hidden/x.md", "x/.", "x/..y/z", "~", "~/x.md", "~/../y",
    ]

    @Test(arguments: paths)
    func aPathStandardizesAsFoundationsURLDoes(_ path: String) {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        #expect(FileDiscovery.standardized(path) == url.path)
        let file = FileDiscovery.standardized(path)
        if file != "/" {
            #expect(Path.directory(of: file) == URL(fileURLWithPath: file).deletingLastPathComponent().path, "\(file)")
        }
    }

    @Test func theWorkingDirectoryIsFoundationsToo() {
        #expect(RealFileSystem.currentDirectory() == FileManager.default.currentDirectoryPath)
    }
}
