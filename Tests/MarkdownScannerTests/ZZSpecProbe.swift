import Testing
import Foundation
@testable import MarkdownScanner

@Test func zzSpecProbe() throws {
    guard ProcessInfo.processInfo.environment["SPECPROBE"] != nil else { return }
    let spec = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "/work/shared/commonmark/spec.json"))) as! [[String: Any]]
    let exp = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "/work/shared/commonmark/spec_expected.json"))) as! [[String: Any]]
    var bad = 0
    for (n, e) in spec.enumerated() {
        let md = e["markdown"] as! String
        let text = SourceText(Array(md.utf8))
        let scan = BlockScanner.scan(text)
        let idx = InlineScanner.scan(text, scan)
        var wantLines: [String: Set<Int>] = [:]
        var wantSpans = Set<String>()
        for c in exp[n]["code"] as! [[String: Any]] {
            let k = c["kind"] as! String
            if let ls = c["lines"] as? [Int] {
                for l in ls[0]...ls[1] where !(k == "code_block" && text.isBlank(l - 1)) { wantLines[k, default: []].insert(l - 1) }
            } else {
                let s = c["start"] as! [String: Int], en = c["end"] as! [String: Int]
                let so = text.lineStart(s["line"]! - 1) + s["bcol"]! - 1
                let eo = text.lineStart(en["line"]! - 1) + en["bcol"]! - 1
                wantSpans.insert("\(k) \(so)..<\(eo)")
            }
        }
        var gotLines: [String: Set<Int>] = [:]
        for (i, l) in scan.lines.enumerated() {
            let k: String? = switch l.kind {
            case .indentedCode: "code_block"
            case .fenceOpen, .fenceClose, .fencedCode: "fence"
            case .html: "html_block"
            case .thematicBreak: "hr"
            case .linkDefinition: "link_reference_definition"
            default: nil
            }
            if let k { gotLines[k, default: []].insert(i) }
        }
        var gotSpans = Set<String>()
        for sp in idx.spans {
            let k = switch sp.kind { case .codeSpan: "code_span"; case .autolink: "autolink"; case .rawHTML: "html_inline"; case .linkDestination: "link_tail" }
            gotSpans.insert("\(k) \(sp.range.lowerBound)..<\(sp.range.upperBound)")
        }
        var msgs: [String] = []
        for k in Set(wantLines.keys).union(gotLines.keys) where wantLines[k] ?? [] != gotLines[k] ?? [] {
            msgs.append("  \(k): want \((wantLines[k] ?? []).sorted()) got \((gotLines[k] ?? []).sorted())")
        }
        if wantSpans != gotSpans {
            msgs.append("  spans missing \(wantSpans.subtracting(gotSpans).sorted()) extra \(gotSpans.subtracting(wantSpans).sorted())")
        }
        if !msgs.isEmpty {
            bad += 1
            print("EX \(n + 1) [\(e["section"]!)] \(md.debugDescription)")
            msgs.forEach { print($0) }
        }
    }
    print("MISMATCHED \(bad)")
}
