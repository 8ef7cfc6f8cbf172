import Testing
import MarkdownScanner
import Rendering

/// Every CommonMark 0.31.2 spec example renders byte for byte as the spec's HTML.
@Suite struct CommonMarkRenderingTests {
    /// Examples whose expected HTML needs the spec runner's normalisation (none).
    static let exceptions: [Int: String] = [:]

    static let all = Array(0..<SpecExamples.examples.count)

    @Test(arguments: all)
    func example(_ index: Int) {
        let e = SpecExamples.examples[index]
        guard Self.exceptions[e.example] == nil else { return }
        let html = SpecExamples.render(e.markdown)
        #expect(html == e.html, "example \(e.example) (\(e.section)):\n\(e.markdown)")
    }

    /// The conformance figure: exactly the examples not listed as exceptions pass.
    @Test func figure() {
        let passing = SpecExamples.examples.filter { SpecExamples.render($0.markdown) == $0.html }
        print("CommonMark 0.31.2 spec: rendering \(passing.count)/\(SpecExamples.examples.count)")
        #expect(SpecExamples.examples.count == 652)
        #expect(passing.count == 652 - Self.exceptions.count)
        #expect(passing.allSatisfy { Self.exceptions[$0.example] == nil })
    }
}
