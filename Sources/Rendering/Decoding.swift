import MarkdownScanner

/// Backslash escapes and character references decoded, as in link destinations, titles
/// and info strings (CommonMark §2.4, §2.5).
enum Decoding {
    static func append(_ b: [UInt8], _ range: Range<Int>, into out: inout [UInt8]) {
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            let c = b[i]
            if c == 0x5C && i + 1 < end && ByteClass.isASCIIPunctuation(b[i + 1]) {
                out.append(b[i + 1])
                i += 2
            } else if c == 0x26, let e = CharacterReference.decode(b, at: i, end: end, into: &out) {
                i = e
            } else {
                out.append(c)
                i += 1
            }
        }
    }

    static func decoded(_ b: [UInt8], _ range: Range<Int>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        append(b, range, into: &out)
        return out
    }
}
