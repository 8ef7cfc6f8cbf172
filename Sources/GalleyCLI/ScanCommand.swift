import GalleyIO
import ArgumentParser
import MarkdownScanner
import RuleEngine

/// `galley scan`: what the Markdown scanner makes of files, for debugging the scanner and
/// for timing it alone (`bench/pathological.sh`). Not part of the stable interface.
struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Print what the Markdown scanner makes of files (a debugging aid).",
        shouldDisplay: false
    )

    @Flag(help: "Print each line's kind, block and container depth.")
    var lines = false

    @Flag(help: "Print each `*` / `_` run with its verdict, and the protected inline ranges.")
    var inlines = false

    @Argument(help: "Markdown files.")
    var files: [String]

    func run() throws {
        var failed = false
        for path in files + LongArgumentList.extraPaths {
            let bytes: [UInt8]
            do {
                bytes = try FileReader.read(path)
            } catch {
                Runner.printError("\(path): \(error)")
                failed = true
                continue
            }
            // The document as the rules see it (front matter split off the same way).
            let document = Document(path: path, bytes: bytes, session: Session(rules: []))
            let text = document.source, scan = document.blocks, index = document.inlines
            var out = ""
            if lines {
                for (i, line) in scan.lines.enumerated() {
                    out += "\(path):\(i + 1): \(line.kind) block \(line.block) depth \(line.containerDepth)\(line.isLazy ? " lazy" : "")\n"
                }
            }
            if inlines {
                for span in index.spans {
                    let loc = text.location(of: span.range.lowerBound)
                    out += "\(path):\(loc.line):\(loc.column): \(span.kind) \(span.range.count) bytes\n"
                }
                for run in index.runs {
                    let loc = text.location(of: run.start)
                    let char = run.char == 0x2A ? "*" : "_"
                    out += "\(path):\(loc.line):\(loc.column): \(String(repeating: char, count: run.length))"
                        + " consumed \(run.consumedFront)+\(run.consumedBack) literal \(run.literalRange.count)\n"
                }
            }
            func blocks(_ kind: BlockKind) -> Int { scan.blocks.count { $0.kind == kind } }
            let images = index.linkTexts.count(where: \.isImage)
            let literal = index.runs.reduce(0) { $0 + $1.literalRange.count }
            let consumed = index.runs.reduce(0) { $0 + $1.length } - literal
            out += "\(path): \(text.lineCount) lines, \(scan.blocks.count) blocks (\(blocks(.fencedCode)) fenced, "
                + "\(blocks(.indentedCode)) indented, \(blocks(.html)) html, \(blocks(.table)) tables), "
                + "\(scan.definitions.count) definitions, \(index.spans.count) inline ranges "
                + "(\(index.spans.count { $0.kind == .codeSpan }) code spans), "
                + "\(index.linkTexts.count - images) links, \(images) images, \(index.runs.count) delimiter runs "
                + "(\(consumed) characters consumed, \(literal) literal), \(index.escapes.count) escapes\n"
            Output.write(out)
        }
        if failed { throw ExitCode(ExitStatus.error) }
    }
}
