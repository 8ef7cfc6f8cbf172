import Testing
import Foundation
@testable import FrontMatter

func dump(_ n: YAMLNode, _ b: [UInt8], _ ind: String) {
    let t = String(decoding: b[n.range], as: UTF8.self)
    switch n.kind {
    case .scalar(let s, let st): print("\(ind)scalar \(s.debugDescription) \(st) tag=\(n.tag ?? "-") anchor=\(n.anchor ?? "-") \(n.range) \(t.debugDescription)")
    case .alias(let a): print("\(ind)alias \(a) \(n.range) \(t.debugDescription)")
    case .sequence(let items): print("\(ind)seq tag=\(n.tag ?? "-") anchor=\(n.anchor ?? "-") \(n.range) \(t.debugDescription)"); items.forEach { dump($0, b, ind + "  ") }
    case .mapping(let ps): print("\(ind)map tag=\(n.tag ?? "-") anchor=\(n.anchor ?? "-") \(n.range) \(t.debugDescription)"); ps.forEach { dump($0.key, b, ind + "  K "); dump($0.value, b, ind + "  V ") }
    }
}

@Test func zzFMProbe() {
    let inputs = (ProcessInfo.processInfo.environment["PROBE"] ?? "").components(separatedBy: "\u{1}")
    for raw in inputs where !raw.isEmpty {
        let bytes = Array(raw.utf8)
        print("=== \(raw.debugDescription)")
        guard let fm = FrontMatter.split(bytes) else { print("  no front matter"); continue }
        print("  \(fm)")
        let doc = YAMLParser.parse(bytes, range: fm.content)
        for p in doc.problems { print("  problem \(p.kind) \(p.message) \(p.range)") }
        if let r = doc.root { dump(r, bytes, "  ") } else { print("  root nil") }
    }
}
