import GalleyIO
import ArgumentParser
import FrontMatter
import MarkdownScanner
import Rendering

/// `galley render`: the HTML galley's proofs compare, for one document. Front matter is
/// left out (`FrontMatter.split` decides where the body starts, as for `check`).
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Print the HTML of a document as galley's proofs see it (CommonMark 0.31.2 with GFM tables).",
        discussion: "Front matter is left out. Exit status: 0 rendered, 2 unreadable file, invalid UTF-8 or usage error."
    )

    @Flag(help: "Read the document from standard input.")
    var stdin = false

    @Argument(help: "The Markdown file.")
    var file: String?

    func validate() throws {
        if stdin && file != nil { throw ValidationError("--stdin reads standard input; give no file with it") }
        if !stdin && file == nil { throw ValidationError("give a file to render, or --stdin") }
    }

    func run() throws {
        let name = file ?? "<stdin>"
        let bytes: [UInt8]
        do {
            bytes = try file.map(FileReader.read) ?? FileReader.readAll(0, what: "standard input")
        } catch {
            Runner.printError("\(name): \(error)")
            throw ExitCode(ExitStatus.error)
        }
        if let bad = FileReader.firstInvalidUTF8(bytes) {
            let at = SourceText(bytes).location(of: bad)
            Runner.printError("\(name): not valid UTF-8 (byte 0x\(String(bytes[bad], radix: 16, uppercase: true)) at line \(at.line), column \(at.column)); the file was not rendered")
            throw ExitCode(ExitStatus.error)
        }
        // As for `check`: front matter that is never closed takes the whole file.
        let bodyStart = FrontMatter.split(bytes).map { $0.isClosed ? $0.bodyStart : bytes.count } ?? 0
        Output.write(HTMLRenderer.render(SourceText(bytes), bodyStart: bodyStart), to: 1)
    }
}
