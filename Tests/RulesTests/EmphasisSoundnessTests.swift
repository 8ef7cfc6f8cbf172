import Foundation
import MarkdownScanner
import Testing
@testable import RuleEngine
@testable import Rules

/// Over every CommonMark spec example (Tests/Data/commonmark), mismatched-emphasis never
/// flags a character the reference parser consumes as emphasis, and never reaches into
/// code, HTML, definitions, thematic breaks, autolinks or link tails.
@Suite struct EmphasisSoundnessTests {
    struct Example: Decodable { var markdown: String; var example: Int }
    struct Position: Decodable { var line: Int; var bcol: Int }
    struct CodeRange: Decodable { var kind: String; var lines: [Int]?; var start: Position?; var end: Position? }
    enum Cell: Decodable {
        case int(Int), string(String)
        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let i = try? c.decode(Int.self) { self = .int(i) } else { self = .string(try c.decode(String.self)) }
        }
        var int: Int { if case let .int(i) = self { i } else { -1 } }
    }
    struct Expected: Decodable { var code: [CodeRange]; var consumed: [[Cell]] }

    static let data = repositoryRoot.appendingPathComponent("Tests/Data/commonmark")
    static let examples: [Example] = try! JSONDecoder().decode([Example].self, from: Data(contentsOf: data.appendingPathComponent("spec.json")))
    static let expected: [Expected] = try! JSONDecoder().decode([Expected].self, from: Data(contentsOf: data.appendingPathComponent("spec_expected.json")))

    @Test func noFindingOnAConsumedDelimiterOrAProtectedRange() {
        var findings = 0
        for (example, expected) in zip(Self.examples, Self.expected) {
            let bytes = Array(example.markdown.utf8)
            let source = SourceText(bytes)
            let found = lint(example.markdown, ["mismatched-emphasis"])
            findings += found.count
            // Consumed characters, from (line, scalar column) to byte offsets.
            var consumed = Set<Int>()
            for d in expected.consumed {
                let start = source.lineStart(d[0].int - 1)
                var offset = start, column = 1
                while column < d[1].int {
                    offset += 1
                    while offset < bytes.count && bytes[offset] & 0xC0 == 0x80 { offset += 1 }
                    column += 1
                }
                consumed.insert(offset)
            }
            var protected: [Range<Int>] = []
            for r in expected.code {
                if let lines = r.lines {
                    protected.append(source.lineStart(lines[0] - 1)..<source.lineEnd(min(lines[1], source.lineCount) - 1))
                } else if let s = r.start, let e = r.end {
                    protected.append((source.lineStart(s.line - 1) + s.bcol - 1)..<(source.lineStart(e.line - 1) + e.bcol - 1))
                }
            }
            for f in found {
                #expect(!f.range.contains { consumed.contains($0) }, "example \(example.example): \(f.message)")
                #expect(!protected.contains { $0.overlaps(f.range) }, "example \(example.example): \(f.message)")
            }
        }
        print("mismatched-emphasis on the spec examples: \(findings) findings, none on a consumed delimiter or a protected range")
        // The examples are full of odd emphasis: the rule must have had something to say.
        #expect(Self.examples.count == 652 && findings > 0)
    }
}
