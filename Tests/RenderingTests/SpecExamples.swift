import Foundation
import MarkdownScanner
import Rendering

/// The CommonMark 0.31.2 spec examples (`Tests/Data/commonmark/spec.json`, see its README
/// for source and licence) and what galley renders for each.
enum SpecExamples {
    struct Example: Decodable, Sendable {
        var markdown: String
        var html: String
        var example: Int
        var section: String
    }

    static let examples: [Example] = {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Data/commonmark/spec.json")
        return try! JSONDecoder().decode([Example].self, from: Data(contentsOf: url))
    }()

    static func render(_ markdown: String) -> String {
        String(decoding: HTMLRenderer.render(SourceText(Array(markdown.utf8))), as: UTF8.self)
    }
}
