import MarkdownScanner

/// Finds the runs of U+00A0 (UTF-8 `C2 A0`) in a file, in one pass over its bytes.
enum NbspCharScan {
    static func runs(_ b: [UInt8], from start: Int) -> [Range<Int>] {
        var result: [Range<Int>] = []
        b.withUnsafeBufferPointer { p in
            let n = p.count
            var i = start
            while i + 1 < n {
                i = ByteSearch.first(0xC2, or: 0xC2, in: p, from: i, end: n - 1)  // (the last byte cannot start a pair)
                guard i + 1 < n else { break }
                guard p[i + 1] == 0xA0 else {
                    i += 1
                    continue
                }
                let first = i
                while i + 1 < n && p[i] == 0xC2 && p[i + 1] == 0xA0 { i += 2 }
                result.append(first..<i)
            }
        }
        return result
    }
}
