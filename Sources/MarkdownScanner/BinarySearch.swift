extension RandomAccessCollection where Index == Int {
    /// The first index whose element `isAfter` says goes after the point looked for, or
    /// `endIndex` when none does. `isAfter` must be false for a prefix of the collection
    /// and true for the rest (a sorted collection and a threshold): O(log n) calls.
    ///
    /// `starts.partitionPoint { $0 > x } - 1` is the last element at or before `x`.
    @inlinable
    public func partitionPoint(_ isAfter: (Element) throws -> Bool) rethrows -> Int {
        var lo = startIndex, hi = endIndex
        while lo < hi {
            let mid = lo + (hi - lo) / 2
            if try isAfter(self[mid]) { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }
}
