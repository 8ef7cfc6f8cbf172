import MarkdownScanner

/// Inline suppression comments (raw HTML comments outside code):
///
/// - `<!-- galley-disable RULE... -->` … `<!-- galley-enable RULE... -->`: the lines between
/// - `<!-- galley-disable-next-line RULE... -->`: the line after the comment
/// - `<!-- galley-disable-file RULE... -->`: the whole file
///
/// Without a rule id a comment applies to every rule. Ids are separated by spaces or commas.
public struct Suppressions: Sendable {
    /// nil in a set means "every rule".
    private var fileWide = Set<String?>()
    /// Per 0-based line, the rules disabled on it (filled lazily from the regions).
    private var regions: [(rule: String?, from: Int, to: Int)] = []

    public init(_ document: Document) {
        let source = document.source
        let b = source.bytes
        var open: [String?: Int] = [:]
        for i in 0..<source.lineCount {
            let info = document.line(i)
            guard info.kind != .frontMatter && !info.kind.isCode else { continue }
            var p = info.contentStart
            let end = source.contentEnd(i)
            while let start = ByteSearch.index(of: "<!--", in: b, from: p, end: end) {
                guard let close = ByteSearch.index(of: "-->", in: b, from: start + 4, end: end) else { break }
                p = close + 3
                if info.kind != .html, document.inlines.span(containing: start)?.kind == .codeSpan { continue }
                guard let (verb, rules) = Self.parse(b[(start + 4)..<close]) else { continue }
                let ids: [String?] = rules.isEmpty ? [nil] : rules
                for id in ids {
                    switch verb {
                    case "galley-disable-file": fileWide.insert(id)
                    case "galley-disable-next-line": regions.append((id, i + 1, i + 1))
                    case "galley-disable": if open[id] == nil { open[id] = i }
                    case "galley-enable":
                        if id == nil {
                            for (rule, from) in open { regions.append((rule, from, i)) }
                            open.removeAll()
                        } else if let from = open.removeValue(forKey: id) {
                            regions.append((id, from, i))
                        }
                    default: break
                    }
                }
            }
        }
        for (rule, from) in open { regions.append((rule, from, Int.max)) }
    }

    /// Whether a finding of `rule` starting on 0-based `line` is suppressed.
    public func suppresses(_ rule: String, line: Int) -> Bool {
        if fileWide.contains(nil) || fileWide.contains(rule) { return true }
        return regions.contains { ($0.rule == nil || $0.rule == rule) && line >= $0.from && line <= $0.to }
    }

    private static let verbPrefix = Array("galley-".utf8)

    static func parse(_ inner: ArraySlice<UInt8>) -> (String, [String])? {
        // Every verb starts `galley-`: other comments (Ghost's card markers, most of them)
        // are passed by their bytes, without a `String` made of them.
        guard let first = inner.firstIndex(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x2C }),
              inner[first...].starts(with: Self.verbPrefix) else { return nil }
        let words = String(decoding: inner, as: UTF8.self)
            .split { $0 == " " || $0 == "\t" || $0 == "," }
            .map(String.init)
        guard let verb = words.first,
              ["galley-disable", "galley-enable", "galley-disable-next-line", "galley-disable-file"].contains(verb)
        else { return nil }
        return (verb, Array(words.dropFirst()))
    }
}
