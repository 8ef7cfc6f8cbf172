import MarkdownScanner

extension InlineRenderer {
    /// Text from `i` up to `stop` (where an event starts); returns where it stopped.
    func text(from start: Int, to stop: Int, into out: inout HTMLOutput) -> Int {
        let n = v.count
        var i = start
        var run = i  // start of bytes not yet written that need no escaping
        @inline(__always) func flush(_ upTo: Int) {
            if run < upTo { out.bytes.append(contentsOf: v[run..<upTo]) }
        }
        while i < stop {
            let c = v[i]
            switch c {
            case 0x5C:
                flush(i)
                if i + 1 < n && v[i + 1] == 0x0A {
                    lineBreak(hard: true, into: &out)
                    i += 2
                } else if i + 1 < n && ByteClass.isASCIIPunctuation(v[i + 1]) {
                    out.appendEscaped(v[i + 1])
                    i += 2
                } else {
                    out.append(0x5C)
                    i += 1
                }
                run = i
            case 0x26:
                flush(i)
                // Decoded straight into the output; escaped there in the rare case it needs it.
                let mark = out.bytes.count
                if let e = CharacterReference.decode(v, at: i, end: n, into: &out.bytes) {
                    if out.bytes[mark...].contains(where: HTMLOutput.needsEscape) {
                        let decoded = Array(out.bytes[mark...])
                        out.bytes.removeSubrange(mark...)
                        out.appendEscaped(decoded)
                    }
                    i = e
                } else {
                    out.append("&amp;")
                    i += 1
                }
                run = i
            case 0x3C, 0x3E, 0x22:
                flush(i)
                out.appendEscaped(c)
                i += 1
                run = i
            case 0x0A:
                // Spaces and tabs before a line break go (two spaces or more make it hard).
                let e = spacesEnding(at: i, after: run)
                flush(e)
                lineBreak(hard: i - e >= 2 && v[i - 1] == 0x20 && v[i - 2] == 0x20, into: &out)
                i += 1
                run = i
            default:
                i += 1
                // The bytes the switch passes over (spaces and tabs too), at once.
                i = v.withUnsafeBufferPointer { Self.passOver($0, from: i, end: stop) }
            }
        }
        // The unit's trailing whitespace goes.
        flush(i == n ? spacesEnding(at: i, after: run) : i)
        return i
    }

    /// Where the run of spaces and tabs that ends at `i` starts, not before `floor`.
    private func spacesEnding(at i: Int, after floor: Int) -> Int {
        var e = i
        while e > floor && (v[e - 1] == 0x20 || v[e - 1] == 0x09) { e -= 1 }
        return e
    }

    /// Bytes below 0x40 the text loop handles: line feed, `"`, `&`, `<`, `>`.
    private static let handledBelow40: UInt64 = 1 << 0x0A | 1 << 0x22 | 1 << 0x26 | 1 << 0x3C | 1 << 0x3E

    /// Where the next byte the text loop does not pass over is, from `i` (or `end`): eight
    /// bytes at a time while a word holds none of them.
    @inline(__always) static func passOver(_ p: UnsafeBufferPointer<UInt8>, from start: Int, end: Int) -> Int {
        ByteSearch.skip(p, from: start, end: end, mayStop: { w in
            ByteSearch.hasByte(w, 0x0A) || ByteSearch.hasByte(w, 0x22) || ByteSearch.hasByte(w, 0x26)
                || ByteSearch.hasByte(w, 0x3C) || ByteSearch.hasByte(w, 0x3E) || ByteSearch.hasByte(w, 0x5C)
        }, stops: { !passesOver($0) })
    }

    /// Whether the text loop writes `c` as it is (not a backslash, nor a byte above).
    @inline(__always) static func passesOver(_ c: UInt8) -> Bool {
        c >= 0x40 ? c != 0x5C : handledBelow40 >> UInt64(c) & 1 == 0
    }

    func lineBreak(hard: Bool, into out: inout HTMLOutput) {
        if plain > 0 {
            out.append(0x20)
        } else if hard {
            out.append("<br />\n")
        } else {
            out.append(0x0A)
        }
    }
}
