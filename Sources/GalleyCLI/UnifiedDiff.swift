/// Produces unified diffs (`diff -u` / `git diff` style) between two byte buffers.
///
/// Lines are split keeping their terminators (`\n`, `\r\n` or a lone `\r`);
/// two lines are equal only if their bytes *and* terminators are equal, so a
/// last line that gains or loses its final newline shows up as changed, followed
/// by `\ No newline at end of file` exactly as `diff` prints it.
///
/// A line ending in a lone `\r` is printed with that `\r` followed by `\n`, so
/// every diff line still ends in `\n` (`diff` itself has no notion of CR-only
/// lines).
///
/// The edit script is computed with Myers' O(ND) algorithm in its linear-space
/// (middle snake, divide and conquer) form over interned line ids, after
/// trimming the common prefix and suffix, so memory stays O(N + M).
enum UnifiedDiff {
    static func make(old: [UInt8], new: [UInt8], oldName: String, newName: String, context: Int = 3) -> String {
        String(decoding: bytes(old: old, new: new, oldName: oldName, newName: newName, context: context), as: UTF8.self)
    }

    static func bytes(old: [UInt8], new: [UInt8], oldName: String, newName: String, context: Int = 3) -> [UInt8] {
        if old == new { return [] }

        let oldLines = splitLines(old)
        let newLines = splitLines(new)
        // Clamped so that `2 * context` and friends cannot overflow.
        let context = min(max(0, context), oldLines.count + newLines.count)

        // Intern lines: equal byte content (terminator included) -> equal id.
        var ids: [ArraySlice<UInt8>: Int] = [:]
        ids.reserveCapacity(oldLines.count + newLines.count)
        func intern(_ buffer: [UInt8], _ range: Range<Int>) -> Int {
            let slice = buffer[range]
            if let id = ids[slice] { return id }
            let id = ids.count
            ids[slice] = id
            return id
        }
        let a = oldLines.map { intern(old, $0) }
        let b = newLines.map { intern(new, $0) }

        var differ = Myers(a: a, b: b)
        differ.run()
        let ops = editScript(deleted: differ.deleted, inserted: differ.inserted)

        var out: [UInt8] = []
        out.reserveCapacity(256)
        appendString("--- \(oldName)\n", to: &out)
        appendString("+++ \(newName)\n", to: &out)

        for hunk in hunks(ops, context: context) {
            var oldCount = 0, newCount = 0
            for op in ops[hunk] {
                switch op.kind {
                case .equal: oldCount += 1; newCount += 1
                case .delete: oldCount += 1
                case .insert: newCount += 1
                }
            }
            let first = ops[hunk.lowerBound]
            // 1-based start line; an empty range names the line before it.
            let oldStart = oldCount == 0 ? first.oldIndex : first.oldIndex + 1
            let newStart = newCount == 0 ? first.newIndex : first.newIndex + 1
            appendString("@@ -\(range(oldStart, oldCount)) +\(range(newStart, newCount)) @@\n", to: &out)

            for op in ops[hunk] {
                let prefix: UInt8
                let line: ArraySlice<UInt8>
                switch op.kind {
                case .equal:
                    prefix = UInt8(ascii: " ")
                    line = old[oldLines[op.oldIndex]]
                case .delete:
                    prefix = UInt8(ascii: "-")
                    line = old[oldLines[op.oldIndex]]
                case .insert:
                    prefix = UInt8(ascii: "+")
                    line = new[newLines[op.newIndex]]
                }
                out.append(prefix)
                out.append(contentsOf: line)
                switch line.last {
                case UInt8(ascii: "\n"):
                    break
                case UInt8(ascii: "\r"):
                    // A lone CR ends the line for us but not for diff readers:
                    // keep it and still end the diff line with LF.
                    out.append(UInt8(ascii: "\n"))
                default:
                    appendString("\n\\ No newline at end of file\n", to: &out)
                }
            }
        }
        return out
    }

    // MARK: - Lines

    /// Line ranges including their terminators (`\n`, `\r\n` or a lone `\r`).
    static func splitLines(_ bytes: [UInt8]) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var start = 0
        var i = 0
        let n = bytes.count
        while i < n {
            let c = bytes[i]
            if c == UInt8(ascii: "\n") {
                i += 1
                lines.append(start..<i)
                start = i
            } else if c == UInt8(ascii: "\r") {
                i += 1
                if i < n && bytes[i] == UInt8(ascii: "\n") { i += 1 }
                lines.append(start..<i)
                start = i
            } else {
                i += 1
            }
        }
        if start < n { lines.append(start..<n) }
        return lines
    }

    // MARK: - Edit script and hunks

    enum Kind { case equal, delete, insert }

    struct Op {
        var kind: Kind
        /// Index of the current old line (for inserts: of the next old line).
        var oldIndex: Int
        /// Index of the current new line (for deletes: of the next new line).
        var newIndex: Int
    }

    /// Walks both files; within a change, deletions come before insertions.
    static func editScript(deleted: [Bool], inserted: [Bool]) -> [Op] {
        var ops: [Op] = []
        ops.reserveCapacity(max(deleted.count, inserted.count))
        var i = 0, j = 0
        let n = deleted.count, m = inserted.count
        while i < n || j < m {
            var changed = false
            while i < n && deleted[i] {
                ops.append(Op(kind: .delete, oldIndex: i, newIndex: j))
                i += 1
                changed = true
            }
            while j < m && inserted[j] {
                ops.append(Op(kind: .insert, oldIndex: i, newIndex: j))
                j += 1
                changed = true
            }
            if !changed {
                // Unchanged lines pair up one to one.
                ops.append(Op(kind: .equal, oldIndex: i, newIndex: j))
                i += 1
                j += 1
            }
        }
        return ops
    }

    /// Ranges of `ops` forming hunks: each change plus up to `context` lines
    /// around it; changes separated by at most `2 * context` unchanged lines
    /// share a hunk.
    static func hunks(_ ops: [Op], context: Int) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var i = 0
        let n = ops.count
        while i < n {
            while i < n && ops[i].kind == .equal { i += 1 }
            if i == n { break }
            let start = max(0, i - context)
            var end = i  // one past the last change so far
            while true {
                while end < n && ops[end].kind != .equal { end += 1 }
                var k = end
                while k < n && ops[k].kind == .equal { k += 1 }
                if k < n && k - end <= 2 * context {
                    end = k
                } else {
                    break
                }
            }
            let stop = min(n, end + context)
            result.append(start..<stop)
            i = end
        }
        return result
    }

    private static func range(_ start: Int, _ count: Int) -> String {
        count == 1 ? "\(start)" : "\(start),\(count)"
    }

    private static func appendString(_ s: String, to out: inout [UInt8]) {
        out.append(contentsOf: s.utf8)
    }

    // MARK: - Myers (linear space)

    struct Myers {
        let a: [Int]
        let b: [Int]
        var deleted: [Bool]
        var inserted: [Bool]
        /// Forward / backward furthest-reaching x per diagonal; sized once for
        /// the whole problem and reused by every sub-problem.
        private var fd: [Int]
        private var bd: [Int]

        init(a: [Int], b: [Int]) {
            self.a = a
            self.b = b
            deleted = [Bool](repeating: false, count: a.count)
            inserted = [Bool](repeating: false, count: b.count)
            fd = [Int](repeating: -1, count: a.count + b.count + 3)
            bd = [Int](repeating: -1, count: a.count + b.count + 3)
        }

        mutating func run() {
            compare(0, a.count, 0, b.count)
        }

        /// Marks a minimal set of deletions in a[x0..<x1] and insertions in
        /// b[y0..<y1].
        private mutating func compare(_ x0: Int, _ x1: Int, _ y0: Int, _ y1: Int) {
            var x0 = x0, x1 = x1, y0 = y0, y1 = y1
            // Recurse on the first half, iterate on the second.
            while true {
                while x0 < x1 && y0 < y1 && a[x0] == b[y0] { x0 += 1; y0 += 1 }
                while x0 < x1 && y0 < y1 && a[x1 - 1] == b[y1 - 1] { x1 -= 1; y1 -= 1 }
                if x0 == x1 {
                    for j in y0..<y1 { inserted[j] = true }
                    return
                }
                if y0 == y1 {
                    for i in x0..<x1 { deleted[i] = true }
                    return
                }
                let (sx, sy) = middleSnake(x0, x1, y0, y1)
                if (sx == x0 && sy == y0) || (sx == x1 && sy == y1) {
                    // Cannot happen for trimmed boxes (D >= 2); never loop.
                    for i in x0..<x1 { deleted[i] = true }
                    for j in y0..<y1 { inserted[j] = true }
                    return
                }
                compare(x0, sx, y0, sy)
                x0 = sx
                y0 = sy
            }
        }

        /// Finds the middle snake of the box a[x0..<x1] × b[y0..<y1] (as in
        /// GNU diff's `diag`, without heuristics) and returns a point on an
        /// optimal edit path splitting the edit distance roughly in half.
        /// Diagonals are numbered k = x - y in box-local coordinates.
        private mutating func middleSnake(_ x0: Int, _ x1: Int, _ y0: Int, _ y1: Int) -> (Int, Int) {
            let n = x1 - x0
            let m = y1 - y0
            let off = m + 1  // index of diagonal k is k + off
            let kmin = -m, kmax = n
            let delta = n - m
            let odd = delta & 1 != 0
            var fmin = 0, fmax = 0, bmin = delta, bmax = delta
            fd[off] = 0
            bd[delta + off] = n

            // x/y may run off the grid on the outermost diagonals (as in GNU
            // diff); such points never reach (n, m) and are never returned.
            while true {
                // Forward: extend each diagonal by one edit, then slide the snake.
                if fmin > kmin { fmin -= 1; fd[fmin - 1 + off] = -1 } else { fmin += 1 }
                if fmax < kmax { fmax += 1; fd[fmax + 1 + off] = -1 } else { fmax -= 1 }
                var k = fmax
                while k >= fmin {
                    let lo = fd[k - 1 + off], hi = fd[k + 1 + off]
                    var x = lo < hi ? hi : lo + 1
                    var y = x - k
                    while x < n && y < m && a[x0 + x] == b[y0 + y] { x += 1; y += 1 }
                    fd[k + off] = x
                    if odd && bmin <= k && k <= bmax && bd[k + off] <= x && x <= n && y <= m {
                        return (x0 + x, y0 + y)
                    }
                    k -= 2
                }
                // Backward: same from the bottom-right corner.
                if bmin > kmin { bmin -= 1; bd[bmin - 1 + off] = Int.max } else { bmin += 1 }
                if bmax < kmax { bmax += 1; bd[bmax + 1 + off] = Int.max } else { bmax -= 1 }
                k = bmax
                while k >= bmin {
                    let lo = bd[k - 1 + off], hi = bd[k + 1 + off]
                    var x = lo < hi ? lo : hi - 1
                    var y = x - k
                    while x > 0 && y > 0 && a[x0 + x - 1] == b[y0 + y - 1] { x -= 1; y -= 1 }
                    bd[k + off] = x
                    if !odd && fmin <= k && k <= fmax && x <= fd[k + off] && x >= 0 && y >= 0 {
                        return (x0 + x, y0 + y)
                    }
                    k -= 2
                }
            }
        }
    }
}
