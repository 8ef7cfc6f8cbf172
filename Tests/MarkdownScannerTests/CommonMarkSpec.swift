import Foundation
@testable import MarkdownScanner

/// The CommonMark 0.31.2 spec examples and what a reference parser makes of each
/// (`Tests/Data/commonmark/`, see the README there for source and licence), and the
/// comparison of the scanner's answers with them.
enum CommonMarkSpec {
    struct Example: Decodable, Sendable {
        var markdown: String
        var example: Int
        var section: String
    }

    struct Position: Decodable, Sendable {
        var line: Int
        var bcol: Int
    }

    struct Range: Decodable, Sendable {
        var kind: String
        var lines: [Int]?
        var start: Position?
        var end: Position?
    }

    struct Expected: Decodable, Sendable {
        var example: Int
        var code: [Range]
        /// `[line, column, character]`, columns counting Unicode scalars from 1.
        var literal: [[Delimiter]]
        var consumed: [[Delimiter]]
        var escaped: [[Delimiter]]
    }

    enum Delimiter: Decodable, Hashable, Sendable {
        case int(Int), string(String)
        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let i = try? c.decode(Int.self) { self = .int(i) } else { self = .string(try c.decode(String.self)) }
        }
    }

    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // MarkdownScannerTests
        .deletingLastPathComponent()  // Tests
        .appendingPathComponent("Data/commonmark")

    static let examples: [Example] = load("spec.json")
    static let expected: [Expected] = load("spec_expected.json")

    static func load<T: Decodable>(_ name: String) -> [T] {
        let data = try! Data(contentsOf: directory.appendingPathComponent(name))
        return try! JSONDecoder().decode([T].self, from: data)
    }

    /// One example with the scanner's and the reference's answers, as comparable sets.
    struct Comparison: Sendable {
        var example: Int
        var blocksMine: Set<String> = [], blocksExpected: Set<String> = []
        var inlineMine: Set<String> = [], inlineExpected: Set<String> = []
        var delimitersMine: Set<String> = [], delimitersExpected: Set<String> = []

        var blocksAgree: Bool { blocksMine == blocksExpected }
        var inlineAgrees: Bool { inlineMine == inlineExpected }
        var delimitersAgree: Bool { delimitersMine == delimitersExpected }

        func differences(_ mine: Set<String>, _ expected: Set<String>) -> String {
            "only galley: \(mine.subtracting(expected).sorted()), only reference: \(expected.subtracting(mine).sorted())"
        }
    }

    static func compare(_ index: Int) -> Comparison {
        let example = examples[index], expected = self.expected[index]
        let text = SourceText(Array(example.markdown.utf8))
        let scan = BlockScanner.scan(text)
        let inlines = InlineScanner.scan(text, scan)
        var c = Comparison(example: example.example)

        // 1. Blocks, per line; lines blank in the source are left out on both sides.
        func visiblyBlank(_ line: Int) -> Bool {
            text.bytes[text.lineStart(line)..<text.contentEnd(line)].allSatisfy { ByteClass.isSpaceOrTab($0) || $0 == 0x3E }
        }
        for (i, line) in scan.lines.enumerated() where !visiblyBlank(i) {
            let kind: String? = switch line.kind {
            case .fenceOpen, .fenceClose, .fencedCode: "fence"
            case .indentedCode: "code_block"
            case .html: "html_block"
            case .linkDefinition: "link_reference_definition"
            case .thematicBreak: "hr"
            default: nil
            }
            if let kind { c.blocksMine.insert("\(i + 1) \(kind)") }
        }
        for r in expected.code {
            guard let lines = r.lines else { continue }
            for l in lines[0]...lines[1] where l - 1 < text.lineCount && !visiblyBlank(l - 1) {
                c.blocksExpected.insert("\(l) \(r.kind)")
            }
        }

        // 2. Inline protected ranges, in bytes; a destination and its title form one tail.
        var merged: [(kind: String, range: Swift.Range<Int>)] = []
        for s in inlines.spans {
            let kind = switch s.kind {
            case .codeSpan: "code_span"
            case .autolink: "autolink"
            case .rawHTML: "html_inline"
            case .linkDestination, .linkTitle, .linkLabel: "link_tail"
            }
            if s.kind == .linkTitle, let last = merged.last, last.range.upperBound == s.range.lowerBound {
                merged[merged.count - 1].range = last.range.lowerBound..<s.range.upperBound
            } else {
                merged.append((kind, s.range))
            }
        }
        c.inlineMine = Set(merged.map { "\($0.kind) \($0.range)" })
        for r in expected.code {
            guard let s = r.start, let e = r.end else { continue }
            let a = text.lineStart(s.line - 1) + s.bcol - 1, z = text.lineStart(e.line - 1) + e.bcol - 1
            c.inlineExpected.insert("\(r.kind) \(a..<z)")
        }

        // 3. Delimiter verdicts, per character, at (line, scalar column).
        func position(_ offset: Int) -> String {
            let line = text.line(containing: offset)
            let column = text.bytes[text.lineStart(line)..<offset].filter { $0 & 0xC0 != 0x80 }.count + 1
            return "\(line + 1):\(column)"
        }
        for run in inlines.runs {
            let char = run.char == 0x2A ? "*" : "_"
            for k in 0..<run.length {
                let consumed = k < run.consumedFront || k >= run.length - run.consumedBack
                c.delimitersMine.insert("\(consumed ? "consumed" : "literal") \(position(run.start + k)) \(char)")
            }
        }
        for e in inlines.escapes {
            let char = text.bytes[e + 1] == 0x2A ? "*" : "_"
            c.delimitersMine.insert("escaped \(position(e)) \(char)")
        }
        for (verdict, list) in [("literal", expected.literal), ("consumed", expected.consumed), ("escaped", expected.escaped)] {
            for d in list {
                guard case let .int(line) = d[0], case let .int(column) = d[1], case let .string(char) = d[2] else { continue }
                c.delimitersExpected.insert("\(verdict) \(line):\(column) \(char)")
            }
        }
        return c
    }
}
