/// The query of a URL value, split into its parameters (`?a=1&ref=x#top`): each with its
/// place in the value, so one can be taken out and the rest kept as written.
struct QueryString {
    struct Parameter {
        /// From the parameter's first byte to its end (before `&`, `#` or the end).
        var range: Range<Int>
        /// The name as written (`ref`).
        var name: ArraySlice<UInt8>
        /// What follows `=` (empty when there is none).
        var value: ArraySlice<UInt8>
    }

    /// The offset of `?`.
    let start: Int
    /// Where the query ends: at `#` or the end of the value.
    let end: Int
    let parameters: [Parameter]
    /// How many parameters have content, and the first of them.
    private let filled: Int
    private let firstFilled: Int

    /// nil when the value has no `?` before its fragment.
    init?(_ value: [UInt8]) {
        let fragment = URLBytes.firstIndex(of: [0x23], in: value)
        let question = URLBytes.firstIndex(of: [0x3F], in: value)
        guard question < fragment else { return nil }
        start = question
        end = fragment
        var parameters: [Parameter] = []
        var i = question + 1
        while i <= fragment {
            let e = URLBytes.firstIndex(of: [0x26], in: value, from: i)
            let stop = min(e, fragment)
            var equals = i
            while equals < stop && value[equals] != 0x3D { equals += 1 }
            let name = value[i..<equals]
            let v = equals < stop ? value[(equals + 1)..<stop] : value[stop..<stop]
            parameters.append(Parameter(range: i..<stop, name: name, value: v))
            i = stop + 1
        }
        self.parameters = parameters
        filled = parameters.count { !$0.range.isEmpty }
        firstFilled = parameters.firstIndex { !$0.range.isEmpty } ?? parameters.count
    }

    /// What to delete from the value to take parameter `k` out: its bytes and one `&`
    /// beside it, or the whole query (with its `?`) when no other parameter has content.
    /// The fragment stays.
    func deletion(of k: Int) -> Range<Int> {
        let p = parameters[k].range
        if filled <= (p.isEmpty ? 0 : 1) { return start..<end }
        // After another parameter with content: take the `&` before it; else the one after it.
        if firstFilled < k { return (p.lowerBound - 1)..<p.upperBound }
        return p.lowerBound..<(p.upperBound + 1)
    }
}
