/// Writes pretty-printed JSON (two-space indentation, members in the order written) into
/// a byte buffer as it goes, so a document can be written piece by piece: the bytes are
/// the same as `JSONValue.rendered()` gives for the same tree.
///
/// `base` is the indentation of the outermost value: a piece rendered at `base: 4` can be
/// pasted after `item()` of an emitter whose array is nested at that depth.
struct JSONEmitter {
    var out: [UInt8] = []
    let base: Int
    /// Members written so far in each open object or array.
    private var counts: [Int] = []

    init(base: Int = 0, capacity: Int = 0) {
        self.base = base
        out.reserveCapacity(capacity)
    }

    var depth: Int { counts.count }

    mutating func openObject() { open(0x7B) }
    mutating func openArray() { open(0x5B) }
    mutating func closeObject() { close(0x7D) }
    mutating func closeArray() { close(0x5D) }

    private mutating func open(_ bracket: UInt8) {
        out.append(bracket)
        counts.append(0)
    }

    private mutating func close(_ bracket: UInt8) {
        let n = counts.removeLast()
        if n > 0 {
            out.append(0x0A)
            out.append(spaces: base + 2 * counts.count)
        }
        out.append(bracket)
    }

    /// Starts the next element of the innermost array.
    mutating func item() {
        out.append(contentsOf: counts[counts.count - 1] == 0 ? [0x0A] : [0x2C, 0x0A])
        counts[counts.count - 1] += 1
        out.append(spaces: base + 2 * counts.count)
    }

    /// Starts the next member of the innermost object.
    mutating func key(_ k: StaticString) {
        item()
        out.append(0x22)
        out.append(ascii: k)
        out.append(contentsOf: [0x22, 0x3A, 0x20])
    }

    mutating func string(_ s: String) { out.appendJSONString(s) }
    mutating func int(_ n: Int) { out.append(decimal: n) }
    mutating func bool(_ b: Bool) { out.append(ascii: b ? "true" : "false") }
    mutating func null() { out.append(ascii: "null") }

    mutating func member(_ k: StaticString, _ s: String) { key(k); string(s) }
    mutating func member(_ k: StaticString, _ n: Int) { key(k); int(n) }
    mutating func member(_ k: StaticString, _ b: Bool) { key(k); bool(b) }
    mutating func member(_ k: StaticString, optional s: String?) {
        key(k)
        if let s { string(s) } else { null() }
    }

    /// `k: [{…}, …]`: a member holding one object per item, `body` writing its members.
    mutating func objects<S: Sequence>(_ k: StaticString, _ items: S, _ body: (inout JSONEmitter, S.Element) -> Void) {
        key(k)
        openArray()
        for x in items {
            item()
            openObject()
            body(&self, x)
            closeObject()
        }
        closeArray()
    }

    /// Says that `n` items of the innermost container were written by someone else.
    mutating func markItems(_ n: Int) { counts[counts.count - 1] += n }

    /// Pastes a value rendered by an emitter whose `base` is this position's indentation.
    mutating func raw<C: Collection>(_ bytes: C) where C.Element == UInt8 { out.append(contentsOf: bytes) }

    /// An empty array or object written in one go.
    mutating func emptyArray() { out.append(contentsOf: [0x5B, 0x5D]) }
}

/// A file's part of an array in a streamed document: its elements, rendered by the worker
/// at the array's indentation, one after another; `ends` marks where each one ends.
struct Pieces: Sendable {
    var bytes: [UInt8] = []
    var ends: [Int] = []

    var count: Int { ends.count }
    var isEmpty: Bool { ends.isEmpty }

    mutating func add(_ element: [UInt8]) {
        bytes.append(contentsOf: element)
        ends.append(bytes.count)
    }

    func element(_ i: Int) -> ArraySlice<UInt8> {
        bytes[(i == 0 ? 0 : ends[i - 1])..<ends[i]]
    }
}
