import FrontMatter
import MarkdownScanner
@testable import RuleEngine

/// Flags every `X` outside code; its fix is given by a closure over the finding's range
/// (promising `removesComments` when it promises nothing: the tests that fix keep their
/// letters inside HTML comments, so the proof lets any edit there through).
struct LetterRule: Rule {
    var id = "letter-x"
    var letter: UInt8 = 0x58
    var makeFix: @Sendable (Range<Int>, [UInt8]) -> Fix? = { r, _ in
        Fix(title: "Replace X with Y", edits: [Edit(range: r, replacement: "Y")], applicability: .safe)
    }

    var descriptor: RuleDescriptor {
        RuleDescriptor(id: id, page: [], summary: "Flags \(Character(UnicodeScalar(letter)))", defaultSeverity: .warning,
                       fix: .safe, options: [RuleOption("flag", .bool, default: "false", "A flag for tests")])
    }

    func check(_ document: Document, _ context: RuleContext) {
        let b = document.bytes
        for line in 0..<document.source.lineCount where !document.line(line).kind.isCode {
            for i in document.line(line).contentStart..<document.source.contentEnd(line) where b[i] == letter {
                // The tests' letters are inside HTML comments, which a reader never sees.
                var fix = makeFix(i..<(i + 1), b)
                if fix?.promise.isEmpty == true { fix?.promise = .removesComments }
                context.report(i..<(i + 1), "found a letter", fix: fix)
            }
        }
    }
}

func makeLinter(_ rules: [any Rule], _ config: Configuration = .default,
                select: Set<String>? = nil, ignore: Set<String> = []) -> Linter {
    Linter(session: Session(rules: rules), configuration: config, select: select, ignore: ignore)
}

func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
