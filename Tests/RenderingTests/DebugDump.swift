import Foundation
import Testing

@Test func debugDump() throws {
    var s = ""
    for e in SpecExamples.examples {
        let got = SpecExamples.render(e.markdown)
        if got != e.html { s += "=== \(e.example) \(e.section)\n--- md\n\(e.markdown)--- want\n\(e.html)--- got\n\(got)\n" }
    }
    try s.write(toFile: "/tmp/fail.txt", atomically: true, encoding: .utf8)
}
