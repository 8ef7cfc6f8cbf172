import Rendering

/// What a reader takes from a page, whatever the markup: the headings with their level
/// and text, each code block and code span with its exact text, each link's target and
/// text, each image's source and alt text, and the words in order. Markdown's HTML and
/// raw HTML (a Ghost card) give the same view when they show the same thing.
struct ReaderView {
    struct Heading: Equatable {
        var level: Int
        var text: String
    }
    struct Link: Equatable {
        var target: String
        var text: String
    }
    struct Image: Equatable {
        var source: String
        var alt: String
    }

    var headings: [Heading] = []
    var codeBlocks: [String] = []
    var codeSpans: [String] = []
    var links: [Link] = []
    var images: [Image] = []
    /// The words in order, as the bytes of each with one space between them (what
    /// `words.joined(separator: " ")` spells): the text is gathered and split by bytes,
    /// and a `String` is made of each word only where two views' bytes differ.
    private(set) var wordBytes: [UInt8] = []

    /// The words, one `String` each.
    var words: [String] { Self.words(wordBytes) }

    init(_ tokens: [HTMLToken], promise: FixPromise) {
        var heading: (level: Int, text: [UInt8])?
        var link: (target: String, text: [UInt8])?
        var pre = 0, code = 0, hidden = 0
        var block = "", span = ""
        var text: [UInt8] = []
        let nbspIsSpace = promise.contains(.nbspBecomesSpace)
        let dropDelimiters = promise.contains(.removesStrayDelimiters) || promise.contains(.changesEmphasis)
        func appendNormalized(_ s: String, to out: inout [UInt8]) {
            Self.appendNormalized(s, nbspIsSpace: nbspIsSpace, dropDelimiters: dropDelimiters, to: &out)
        }
        func normalize(_ s: String) -> String {
            var out: [UInt8] = []
            appendNormalized(s, to: &out)
            return String(decoding: out, as: UTF8.self)
        }
        var shown: [UInt8] = []
        for token in tokens {
            switch token {
            case let .startTag(name, attributes, _):
                switch Role(name) {
                case let .heading(level): heading = (level, [])
                case .pre: pre += 1; block = ""
                case .code where pre == 0: code += 1; span = ""
                case .link: link = (attributes.first { $0.name == "href" }?.value ?? "", [])
                case .image:
                    images.append(Image(source: attributes.first { $0.name == "src" }?.value ?? "",
                                        alt: normalize(attributes.first { $0.name == "alt" }?.value ?? "")))
                case .hidden: hidden += 1
                default: break
                }
            case let .endTag(name):
                switch Role(name) {
                case .heading:
                    if let h = heading { headings.append(Heading(level: h.level, text: String(decoding: Self.wordBytes(h.text), as: UTF8.self))) }
                    heading = nil
                case .pre where pre > 0:
                    pre -= 1
                    if pre == 0 { codeBlocks.append(block) }
                case .code where pre == 0 && code > 0:
                    code -= 1
                    if code == 0 { codeSpans.append(span) }
                case .link:
                    if let l = link { links.append(Link(target: l.target, text: String(decoding: Self.wordBytes(l.text), as: UTF8.self))) }
                    link = nil
                case .hidden: hidden = max(0, hidden - 1)
                default: break
                }
            case let .text(s), let .cdata(s):
                guard hidden == 0 else { continue }
                if pre > 0 {
                    block += promise.contains(.changesCode) ? Self.nbspAsSpace(s) : s
                    continue
                }
                if code > 0 { span += promise.contains(.changesCode) ? Self.nbspAsSpace(s) : s }
                shown.removeAll(keepingCapacity: true)
                appendNormalized(s, to: &shown)
                heading?.text += shown
                link?.text += shown
                text += shown
            case .comment, .doctype:
                // A comment splits no word in a browser; an element boundary may, which
                // the HTML view compares.
                continue
            }
            // Block elements and line breaks separate words; inline ones do not (`un<em>do</em>ne`).
            switch token {
            case let .startTag(name, _, _), let .endTag(name):
                if RenderedView.blockElements.contains(name) { text.append(0x20) }
            default: break
            }
        }
        wordBytes = Self.wordBytes(text)
    }

    /// What a tag is to the view, told by its name's bytes (`TagNameSet`; a `switch` over
    /// `String`s compared the name with each case in turn).
    enum Role: Equatable {
        case heading(Int), pre, code, link, image, hidden, other

        private static let names = TagNameSet(["h1", "h2", "h3", "h4", "h5", "h6", "pre", "code", "a", "img", "script", "style", "template"])

        init(_ name: String) {
            switch Self.names.index(of: name) {
            case let k? where k < 6: self = .heading(k + 1)
            case 6: self = .pre
            case 7: self = .code
            case 8: self = .link
            case 9: self = .image
            case 10, 11, 12: self = .hidden
            default: self = .other
            }
        }
    }

    /// `s` with each U+00A0 written as a space (bytes scanned; `s` itself when it has none).
    static func nbspAsSpace(_ s: String) -> String {
        var s = s
        return s.withUTF8 { u in
            guard let first = u.indices.first(where: { u[$0] == 0xC2 && $0 + 1 < u.count && u[$0 + 1] == 0xA0 }) else { return nil }
            var out = Array(u[..<first])
            out.reserveCapacity(u.count)
            var i = first
            while i < u.count {
                if u[i] == 0xC2 && i + 1 < u.count && u[i + 1] == 0xA0 {
                    out.append(0x20)
                    i += 2
                } else {
                    out.append(u[i])
                    i += 1
                }
            }
            return String(decoding: out, as: UTF8.self)
        } ?? s
    }

    /// `s` appended by bytes as the view reads it under a promise: U+00A0 as a space, then
    /// `*` and `_` dropped (the text is UTF-8, so neither step makes or splits what the
    /// other looks for); the runs between the bytes that change are appended whole.
    private static func appendNormalized(_ s: String, nbspIsSpace: Bool, dropDelimiters: Bool, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { u in
            guard nbspIsSpace || dropDelimiters else { return out.append(contentsOf: u) }
            var run = 0, i = 0
            while i < u.count {
                let c = u[i]
                let isNbsp = nbspIsSpace && c == 0xC2 && i + 1 < u.count && u[i + 1] == 0xA0
                guard isNbsp || (dropDelimiters && (c == 0x2A || c == 0x5F)) else {
                    i += 1
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: u[run..<i]))
                if isNbsp { out.append(0x20) }
                i += isNbsp ? 2 : 1
                run = i
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: u[run..<u.count]))
        }
    }

    /// Whether `c` is HTML's ASCII whitespace (space, line feed, tab, carriage return, form feed).
    private static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D || c == 0x0C }

    /// The words of `u` (split at HTML's ASCII whitespace) in order, one space between.
    static func wordBytes(_ u: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(u.count)
        u.withUnsafeBufferPointer { u in
            var i = 0
            while i < u.count {
                while i < u.count && isSpace(u[i]) { i += 1 }
                let start = i
                while i < u.count && !isSpace(u[i]) { i += 1 }
                guard i > start else { break }
                if !out.isEmpty { out.append(0x20) }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: u[start..<i]))
            }
        }
        return out
    }

    /// The words of `u`, one `String` each.
    private static func words(_ u: [UInt8]) -> [String] {
        u.split(whereSeparator: isSpace).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The first thing a reader would miss, said as the fix would do it, or nil when the
    /// two views agree.
    func difference(to after: ReaderView, promise: FixPromise) -> String? {
        if promise.contains(.removesText) { return removedTextDifference(to: after) }
        if headings != after.headings {
            if headings.count == after.headings.count, let k = headings.indices.first(where: { headings[$0] != after.headings[$0] }) {
                let (a, b) = (headings[k], after.headings[k])
                return a.level != b.level ? "would make the heading “\(Self.short(a.text))” a level \(b.level) heading"
                    : "would change the heading “\(Self.short(a.text))” to “\(Self.short(b.text))”"
            }
            if let lost = headings.first(where: { !after.headings.contains($0) }) {
                return "would turn the heading “\(Self.short(lost.text))” into text"
            }
            if let made = after.headings.first(where: { !headings.contains($0) }) {
                return "would make “\(Self.short(made.text))” a heading"
            }
            return "would change the headings"
        }
        if codeBlocks != after.codeBlocks {
            if codeBlocks.count > after.codeBlocks.count {
                return codeBlocks.count == after.codeBlocks.count + 1 && !after.codeBlocks.isEmpty
                    ? "would merge two code blocks" : "would turn a code block into text"
            }
            if codeBlocks.count < after.codeBlocks.count { return "would turn text into a code block" }
            return "would change the text of a code block"
        }
        if codeSpans != after.codeSpans { return "would change a code span" }
        let linkTargets = promise.contains(.changesLinkTargets)
        if links.map(\.text) != after.links.map(\.text) || (!linkTargets && links.map(\.target) != after.links.map(\.target)) {
            return "would change a link"
        }
        let imageTargets = promise.contains(.changesImageTargets)
        if images.map(\.alt) != after.images.map(\.alt) || (!imageTargets && images.map(\.source) != after.images.map(\.source)) {
            return "would change an image"
        }
        // (Bytes alike are words alike; words unlike by bytes are compared as `String`s,
        // which take canonically equivalent spellings as the same.)
        if wordBytes != after.wordBytes {
            let (was, becomes) = (words, after.words)
            if was != becomes {
                let k = zip(was, becomes).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(was.count, becomes.count)
                let a = k < was.count ? "“\(Self.short(was[k]))”" : "the end"
                let b = k < becomes.count ? "“\(Self.short(becomes[k]))”" : "nothing"
                return "would change the text (\(a) would read \(b))"
            }
        }
        return nil
    }

    /// With text that may go: the same headings, code, links and images, each text (and
    /// the words) keeping what it had in order, minus what went.
    func removedTextDifference(to after: ReaderView) -> String? {
        func kept(_ a: String, _ b: String) -> Bool { RenderedView.gaps(removing: Array(a.unicodeScalars), to: Array(b.unicodeScalars)) != nil }
        if headings.map(\.level) != after.headings.map(\.level) || !zip(headings, after.headings).allSatisfy({ kept($0.text, $1.text) }) {
            return "would change the headings"
        }
        if codeBlocks != after.codeBlocks { return "would change the text of a code block" }
        if codeSpans != after.codeSpans { return "would change a code span" }
        if links.map(\.target) != after.links.map(\.target) || !zip(links, after.links).allSatisfy({ kept($0.text, $1.text) }) {
            return "would change a link"
        }
        if images != after.images { return "would change an image" }
        if !kept(String(decoding: wordBytes, as: UTF8.self), String(decoding: after.wordBytes, as: UTF8.self)) { return "would change the text" }
        return nil
    }

    static func short(_ s: String) -> String { s.count > 40 ? String(s.prefix(39)) + "…" : s }
}
