import MarkdownScanner

/// The texts of a document's images (alt text), merged into sorted disjoint ranges.
struct ImageTexts {
    private var ranges: [Range<Int>] = []

    init(_ index: InlineIndex) {
        for r in index.linkTexts where r.isImage {
            if let last = ranges.last, r.range.lowerBound <= last.upperBound {
                ranges[ranges.count - 1] = last.lowerBound..<max(last.upperBound, r.range.upperBound)
            } else {
                ranges.append(r.range)
            }
        }
    }

    func contains(_ offset: Int) -> Bool {
        let lo = ranges.partitionPoint { $0.upperBound > offset }
        return lo < ranges.count && ranges[lo].contains(offset)
    }
}
