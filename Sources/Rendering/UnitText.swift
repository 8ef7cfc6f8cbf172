/// One unit of inline content (a paragraph, a heading, a table cell) joined as the inline
/// scanner joins it: its line segments separated by `\n`, with the way back from file
/// offsets to offsets in the joined bytes.
struct UnitText {
    var v: [UInt8] = []
    /// Per segment: where it starts in `v` and in the file.
    var starts: [Int] = []
    var files: [Int] = []

    mutating func load(_ b: [UInt8], _ segments: [Range<Int>]) {
        v.removeAll(keepingCapacity: true)
        starts.removeAll(keepingCapacity: true)
        files.removeAll(keepingCapacity: true)
        for s in segments {
            if !starts.isEmpty { v.append(0x0A) }
            starts.append(v.count)
            files.append(s.lowerBound)
            v.append(contentsOf: b[s])
        }
    }

    /// The offset in `v` of file offset `f` (which lies in a segment or at its end).
    func virtual(_ f: Int) -> Int {
        var lo = 0, hi = files.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if files[mid] <= f { lo = mid } else { hi = mid - 1 }
        }
        return starts[lo] + (f - files[lo])
    }
}
