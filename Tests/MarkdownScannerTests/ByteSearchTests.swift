import Testing
@testable import MarkdownScanner

/// The word-at-a-time searches against their byte-at-a-time definitions, at every start
/// and end of inputs whose interesting bytes fall at every alignment.
@Suite struct ByteSearchTests {
    /// Inputs of 0...40 bytes of `filler`, with `special` at one or two places (or none),
    /// non-ASCII bytes among them too.
    static func inputs(filler: UInt8, specials: [UInt8]) -> [[UInt8]] {
        var result: [[UInt8]] = []
        for n in 0...26 {
            result.append([UInt8](repeating: filler, count: n))
            for p in 0..<n {
                for s in specials {
                    var v = [UInt8](repeating: filler, count: n)
                    v[p] = s
                    result.append(v)
                    if p + 9 < n && p % 2 == 0 {
                        v[p + 9] = 0xC3
                        result.append(v)
                    }
                }
            }
        }
        return result
    }

    @Test func firstOfTwoBytesIsTheFirstByteByByte() {
        var checked = 0
        for v in Self.inputs(filler: 0x61, specials: [0x0A, 0x0D, 0x80, 0x0B]) {
            v.withUnsafeBufferPointer { p in
                for from in 0...v.count {
                    for end in from...v.count {
                        let expected = (from..<end).first { v[$0] == 0x0A || v[$0] == 0x0D } ?? end
                        #expect(ByteSearch.first(0x0A, or: 0x0D, in: p, from: from, end: end) == expected)
                        checked += 1
                    }
                }
            }
        }
        #expect(checked > 10_000)
    }

    @Test func firstNonASCIIIsTheFirstHighByte() {
        for v in Self.inputs(filler: 0x7F, specials: [0x80, 0xFF, 0xC2]) {
            v.withUnsafeBufferPointer { p in
                for from in 0...v.count {
                    for end in from...v.count {
                        let expected = (from..<end).first { v[$0] >= 0x80 } ?? end
                        #expect(ByteSearch.firstNonASCII(in: p, from: from, end: end) == expected)
                    }
                }
            }
        }
    }

    @Test func alikeUntilStopsAtADifferenceOrTheStopByte() {
        for x in Self.inputs(filler: 0x61, specials: [0x3C, 0x62]) {
            for y in Self.inputs(filler: 0x61, specials: [0x3C, 0x63]) where y.count == x.count {
                x.withUnsafeBufferPointer { px in
                    y.withUnsafeBufferPointer { py in
                        for from in stride(from: 0, through: x.count, by: 3) {
                            let n = x.count - from
                            let expected = (0..<n).first { x[from + $0] != y[from + $0] || x[from + $0] == 0x3C } ?? n
                            guard let bx = px.baseAddress, let by = py.baseAddress else { return }
                            #expect(ByteSearch.alikeUntil(0x3C, bx + from, by + from, count: n) == expected)
                        }
                    }
                }
            }
        }
    }

    @Test func indexOfFindsEveryOccurrenceWhereTheNaiveSearchDoes() {
        let text = Array("x<!-- a --><!--kg-card-begin: html--> <!-- <!-".utf8)
        var naive: [Int] = [], fast: [Int] = []
        for from in 0...text.count {
            let needle = Array("<!--".utf8)
            naive.append((from..<max(from, text.count - needle.count + 1)).first { text[$0..<($0 + needle.count)].elementsEqual(needle) } ?? -1)
            fast.append(ByteSearch.index(of: "<!--", in: text, from: from, end: text.count) ?? -1)
        }
        #expect(fast == naive)
        #expect(ByteSearch.index(of: "-->", in: text, from: 0, end: 9) == nil)  // an end cuts the match
    }

    @Test func lineStartsOfALongMixedFileAreFoundAtEveryAlignment() {
        // Lines of every length 0...19 with each of the three endings, then the same lines
        // counted by a byte-at-a-time loop.
        var bytes: [UInt8] = []
        let endings: [[UInt8]] = [[0x0A], [0x0D, 0x0A], [0x0D]]
        for k in 0..<60 {
            bytes += [UInt8](repeating: k % 7 == 0 ? 0xC3 : 0x61, count: k % 20)
            bytes += endings[k % 3]
        }
        bytes += Array("last".utf8)
        var expected = [0]
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x0A {
                expected.append(i + 1)
            } else if bytes[i] == 0x0D {
                if i + 1 < bytes.count && bytes[i + 1] == 0x0A { i += 1 }
                expected.append(i + 1)
            }
            i += 1
        }
        let text = SourceText(bytes)
        #expect(text.lineStarts == expected)
        #expect(text.lineCount == 61)
    }

    @Test func columnsPastLongASCIIRunsCountScalars() {
        let line = String(repeating: "a", count: 37) + "é" + String(repeating: "b", count: 17) + "😀x"
        let text = SourceText(Array(line.utf8))
        var cursor = LocationCursor(text)
        let x = Array(line.utf8).count - 1
        #expect(cursor.location(of: 37).column == 38)
        #expect(cursor.location(of: 39).column == 39)  // after the two bytes of é
        #expect(cursor.location(of: x).column == 57)
    }

    @Test func theInlineParserSkipsExactlyTheBytesItHasNoCaseFor() {
        // Every byte value at every place of a word-sized run of letters.
        for c in 0...255 {
            for n in [7, 8, 9, 17, 24] {
                for p in 0..<n {
                    var v = [UInt8](repeating: 0x61, count: n)
                    v[p] = UInt8(c)
                    v.withUnsafeBufferPointer { buf in
                        for from in [0, 1, 5] where from <= n {
                            let expected = (from..<n).first { InlineParser.isSpecial(v[$0]) } ?? n
                            #expect(InlineParser.skipPlain(buf, from: from, end: n) == expected)
                        }
                    }
                }
            }
        }
    }

    @Test func aByteBetweenTwoValuesIsFoundInAnASCIIWord() {
        for c in UInt8(0)...0x7F {
            for p in 0..<8 {
                var bytes = [UInt8](repeating: 0x30, count: 8)
                bytes[p] = c
                let w = bytes.withUnsafeBufferPointer { ByteSearch.word($0, 0) }
                #expect(ByteSearch.hasASCIIByte(w, above: 0x5A, below: 0x61) == (0x5A < c && c < 0x61), "\(c) at \(p)")
            }
        }
    }

    /// `same` against `==`: one byte changed at every place (in a word and in the tail),
    /// lengths apart by one, empty arrays, an array against itself.
    @Test func sameAgreesWithEquality() {
        for n in 0...41 {
            let a = (0..<n).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            #expect(ByteSearch.same(a, a))
            #expect(ByteSearch.same(a, Array(a)))
            #expect(!ByteSearch.same(a, a + [0]))
            #expect(!ByteSearch.same(a + [0], a))
            for k in 0..<n {
                var b = a
                b[k] ^= 0x80
                #expect(!ByteSearch.same(a, b), "\(n) \(k)")
                b[k] ^= 0x80
                #expect(ByteSearch.same(a, b), "\(n) \(k)")
            }
        }
        #expect(ByteSearch.same([], []))
    }
}
