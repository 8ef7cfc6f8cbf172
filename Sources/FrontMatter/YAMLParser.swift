import CYAML

/// Parses one YAML block with libyaml's event API into `YAMLNode`s that know their
/// byte ranges in the file. Only the first document becomes the tree (errors anywhere are reported). No recursion: the tree is
/// built with an explicit stack, and nesting deeper than `maxDepth` is refused.
public enum YAMLParser {
    public static let maxDepth = 256

    /// Parses `bytes[range]`; every offset in the result is an offset into `bytes`.
    public static func parse(_ bytes: [UInt8], range: Range<Int>) -> YAMLDocument {
        let input = Array(bytes[range])
        if input.isEmpty { return YAMLDocument(root: nil, problems: []) }
        let marks = MarkConverter(input, base: range.lowerBound)
        var builder = TreeBuilder(marks: marks)

        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) != 0 else {
            return YAMLDocument(root: nil, problems: [
                YAMLProblem(kind: .syntax, message: "libyaml could not start a parser", range: range),
            ])
        }
        defer { yaml_parser_delete(&parser) }

        input.withUnsafeBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var event = yaml_event_t()
            while true {
                guard yaml_parser_parse(&parser, &event) != 0 else {
                    builder.fail(syntaxProblem(parser, marks: marks, bytes: bytes))
                    return
                }
                defer { yaml_event_delete(&event) }
                if event.type == YAML_STREAM_END_EVENT { return }
                if !builder.consume(event) { return }
            }
        }
        return YAMLDocument(root: builder.root, problems: builder.problems)
    }

    static func syntaxProblem(_ p: yaml_parser_t, marks: MarkConverter, bytes: [UInt8]) -> YAMLProblem {
        let problem = p.problem.map { String(cString: $0) } ?? "unknown error"
        let offset: Int
        var message = problem
        if p.error == YAML_READER_ERROR {
            // Reader errors leave the mark at 0:0; the position is a byte offset.
            offset = marks.base + Int(p.problem_offset)
            message = "\(problem) (byte \(p.problem_offset) of the block)"
        } else {
            offset = marks.offset(Int(p.problem_mark.index))
            if let context = p.context {
                let line = lineNumber(of: marks.offset(Int(p.context_mark.index)), in: bytes)
                message = "\(problem) (\(String(cString: context)) that starts on line \(line))"
            }
        }
        return YAMLProblem(kind: .syntax, message: message, range: offset..<offset)
    }
}

/// The 1-based line of `offset` in the file (LF, CRLF and CR end lines).
/// The end of a file that ends with a line break belongs to the last line, as in
/// `SourceText.location(of:)`, so both number lines alike.
func lineNumber(of offset: Int, in bytes: [UInt8]) -> Int {
    var line = 1
    var i = 0
    var limit = min(offset, bytes.count)
    if limit == bytes.count && limit > 0 && (bytes[limit - 1] == 0x0A || bytes[limit - 1] == 0x0D) { limit -= 1 }
    while i < limit {
        if bytes[i] == 0x0A || (bytes[i] == 0x0D && (i + 1 == bytes.count || bytes[i + 1] != 0x0A)) { line += 1 }
        i += 1
    }
    return line
}

/// libyaml marks count Unicode code points; this maps them to byte offsets in the file.
struct MarkConverter {
    let base: Int
    private let scalarStarts: [Int]
    private let count: Int

    init(_ input: [UInt8], base: Int) {
        self.base = base
        count = input.count
        var starts: [Int] = []
        starts.reserveCapacity(input.count)
        for (i, b) in input.enumerated() where b & 0xC0 != 0x80 { starts.append(i) }
        scalarStarts = starts
    }

    func offset(_ codePointIndex: Int) -> Int {
        base + (codePointIndex < scalarStarts.count ? scalarStarts[codePointIndex] : count)
    }

    func range(_ start: yaml_mark_t, _ end: yaml_mark_t) -> Range<Int> {
        offset(Int(start.index))..<max(offset(Int(start.index)), offset(Int(end.index)))
    }
}
