/// How far apart two short names are, for "did you mean" hints in configuration errors.
enum EditDistance {
    /// Levenshtein distance over Unicode scalars.
    static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        if x.isEmpty { return y.count }
        var row = Array(0...y.count)
        for i in 1...x.count {
            var previous = row[0]
            row[0] = i
            for j in stride(from: 1, through: y.count, by: 1) {
                let saved = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (x[i - 1] == y[j - 1] ? 0 : 1))
                previous = saved
            }
        }
        return row[y.count]
    }

    /// A likely typo: within two edits, and within a third of the name's length.
    static func isClose(_ typed: String, _ name: String) -> Bool {
        let d = distance(typed, name)
        return d > 0 && d <= max(1, min(2, name.count / 3))
    }
}
