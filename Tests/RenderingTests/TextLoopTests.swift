import Testing
import MarkdownScanner
@testable import Rendering

/// The renderer's text loop passes over plain bytes eight at a time: it stops exactly
/// where the byte-at-a-time rule (`passesOver`) says it must.
@Suite struct TextLoopTests {
    @Test func theTextLoopStopsAtExactlyTheBytesItHandles() {
        for c in 0...255 {
            for n in [7, 8, 9, 17, 24] {
                for p in 0..<n {
                    var v = [UInt8](repeating: 0x61, count: n)
                    v[p] = UInt8(c)
                    v.withUnsafeBufferPointer { buf in
                        for from in [0, 1, 5] where from <= n {
                            let expected = (from..<n).first { !InlineRenderer.passesOver(v[$0]) } ?? n
                            #expect(InlineRenderer.passOver(buf, from: from, end: n) == expected)
                        }
                    }
                }
            }
        }
    }

    @Test func spacesBeforeALineBreakGoAndTwoMakeItHard() {
        #expect(HTMLRenderer.render(SourceText(Array("a \nb  \nc\t\nd   ".utf8))) == Array("<p>a\nb<br />\nc\nd</p>\n".utf8))
    }
}
