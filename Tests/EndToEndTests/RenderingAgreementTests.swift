import Foundation
import Testing

/// The proof's judge, judged: galley's renderer and markdown-it-py (CommonMark 0.31.2)
/// render generated posts and random mutations of them to the same HTML
/// (`bench/render_oracle.py`, which lists the two known disagreements it leaves out).
@Suite struct RenderingAgreementTests {
    static var available: Bool {
        Faults.haveGenerator && Faults.sh("python3", "-c", "import markdown_it") == 0
    }

    @Test(.enabled(if: available, "needs ../shared/bench/gen_corpus.py and markdown-it-py (pip install markdown-it-py)"))
    func galleyAndMarkdownItAgreeOnGeneratedAndMutatedPosts() throws {
        let script = Galley.repositoryRoot.appendingPathComponent("bench/render_oracle.py").path
        let p = Process(), out = Pipe()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", script, Galley.binary.path, "--files", "24", "--mutations", "2", "--seed", "7"]
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "\(text)")
        #expect(text.contains(" documents render the same"))
    }
}
