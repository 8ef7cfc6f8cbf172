import Foundation
import Testing
@testable import MarkdownScanner

/// The CommonMark 0.31.2 spec examples, from `../shared/commonmark/spec.json` next to the
/// repository. Missing file: the test is skipped, not failed.
enum CommonMarkSpec {
    struct Example: Decodable, Sendable, CustomTestStringConvertible {
        var markdown: String
        var example: Int
        var section: String
        var testDescription: String { "example \(example) (\(section))" }
    }

    static let url: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // MarkdownScannerTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // the repository
        .deletingLastPathComponent()  // its parent
        .appendingPathComponent("shared/commonmark/spec.json")

    static var isAvailable: Bool { FileManager.default.fileExists(atPath: url.path) }

    static func examples() -> [Example] {
        guard let data = try? Data(contentsOf: url),
              let examples = try? JSONDecoder().decode([Example].self, from: data) else { return [] }
        return examples
    }
}

@Suite struct CommonMarkSpecSmokeTests {
    /// A weak invariant over every spec example: scanning does not crash, every line gets
    /// exactly one LineInfo, blocks and spans stay inside the document.
    @Test(.enabled(if: CommonMarkSpec.isAvailable, "needs ../shared/commonmark/spec.json"),
          arguments: CommonMarkSpec.examples())
    func scansWithoutCrashing(_ example: CommonMarkSpec.Example) {
        let text = SourceText(Array(example.markdown.utf8))
        let scan = BlockScanner.scan(text)
        #expect(scan.lines.count == text.lineCount)
        for (i, line) in scan.lines.enumerated() {
            #expect(line.contentStart >= text.lineStart(i) && line.contentStart <= text.lineEnd(i))
            if line.block >= 0 {
                let block = scan.blocks[Int(line.block)]
                #expect(block.firstLine <= i && i <= block.lastLine)
            }
        }
        let index = InlineScanner.scan(text, scan)
        #expect(index.spans.allSatisfy { $0.range.lowerBound >= 0 && $0.range.upperBound <= text.bytes.count })
    }

    @Test(.enabled(if: CommonMarkSpec.isAvailable, "needs ../shared/commonmark/spec.json"))
    func specFileHasAllExamples() {
        #expect(CommonMarkSpec.examples().count == 652)
    }
}
