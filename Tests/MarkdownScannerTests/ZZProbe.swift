import Testing
import Foundation
@testable import MarkdownScanner

@Test func zzProbe() {
    let inputs = (ProcessInfo.processInfo.environment["PROBE"] ?? "").components(separatedBy: "\u{1}")
    for raw in inputs where !raw.isEmpty {
        let text = SourceText(Array(raw.utf8))
        let scan = BlockScanner.scan(text)
        print("=== \(raw.debugDescription) lineEnding=\(text.lineEnding) starts=\(text.lineStarts)")
        for (i, l) in scan.lines.enumerated() {
            let b = l.block >= 0 ? scan.blocks[Int(l.block)] : nil
            print("  \(i): \(l.kind) cs=\(l.contentStart) blk=\(l.block) \(b.map { "\($0.kind) \($0.firstLine)-\($0.lastLine) h\($0.htmlType)" } ?? "") opens=\(l.opensListItem) depth=\(l.containerDepth) | \(text.string(text.lineStart(i)..<text.contentEnd(i)).debugDescription)")
        }
        let idx = InlineScanner.scan(text, scan)
        for s in idx.spans { print("  span \(s.kind) \(s.range) \(text.string(s.range).debugDescription)") }
    }
}
