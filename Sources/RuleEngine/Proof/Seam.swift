import Rendering

/// How a piece of a window's HTML meets the pieces beside it, for proving a window by its
/// edited blocks alone (`FixProof.sameByCore`). The window is cut where CommonMark reads
/// the pieces apart (`HTMLRenderer.windowBoundaries`), so its HTML is the pieces' HTML one
/// after the other; the views (`RenderedView`, `ReaderView`) of the whole are then the
/// views of the pieces, side by side, where each seam is *hard* and the piece before it
/// *closed*:
///
/// - closed: the tokenizer is in the data state at its end (no tag, comment or raw text
///   runs on into the next piece), and no element the views read into is open (heading,
///   link, `pre`, `code`, `script`, `style`, `template`, `textarea`, `kbd`, `samp`);
/// - hard: a block element's tag stands at the seam on one side (whitespace aside), so
///   text never joins across it, the spaces next to it are dropped as at the end of the
///   input, and words part there.
///
/// A piece that renders to nothing but whitespace is no piece: the seam is the window's edge.
struct Seam {
    /// Renders to nothing but whitespace.
    let isEmpty: Bool
    /// Ends at a block element's end tag (or `<hr>`, `<br>`): what follows starts afresh.
    let endsHard: Bool
    /// Starts at a block element's start tag: what came before ends there.
    let startsHard: Bool
    let closed: Bool

    /// Lines with no `<`: the renderer's own HTML, which starts and ends at a block
    /// element's tag (or is empty) and closes what it opens.
    static let plain = Seam(isEmpty: false, endsHard: true, startsHard: true, closed: true)
    /// No lines at all: the seam is the window's edge.
    static let empty = Seam(isEmpty: true, endsHard: false, startsHard: false, closed: true)

    init(isEmpty: Bool, endsHard: Bool, startsHard: Bool, closed: Bool) {
        self.isEmpty = isEmpty
        self.endsHard = endsHard
        self.startsHard = startsHard
        self.closed = closed
    }

    init(_ tokens: [HTMLToken], endsInData: Bool) {
        func blank(_ t: HTMLToken) -> Bool {
            guard case let .text(s) = t else { return false }
            return s.utf8.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D || $0 == 0x0C }
        }
        let first = tokens.first { !blank($0) }, last = tokens.last { !blank($0) }
        isEmpty = first == nil
        switch last {
        case let .endTag(name)?: endsHard = RenderedView.blockElements.contains(name)
        case let .startTag(name, _, _)?: endsHard = name == "hr" || name == "br"
        default: endsHard = false
        }
        if case let .startTag(name, _, _)? = first { startsHard = RenderedView.blockElements.contains(name) } else { startsHard = false }
        closed = endsInData && Self.closesWhatViewsReadInto(tokens)
    }

    /// Whether every element the views read text into, opened in `tokens`, is closed by
    /// their end (as `ReaderView` and `RenderedView` count them).
    static func closesWhatViewsReadInto(_ tokens: [HTMLToken]) -> Bool {
        var heading = false, link = false
        var pre = 0, code = 0, hidden = 0, verbatim = 0
        for token in tokens {
            switch token {
            case let .startTag(name, _, _):
                switch name {
                case "h1", "h2", "h3", "h4", "h5", "h6": heading = true
                case "a": link = true
                case "pre": pre += 1
                case "code" where pre == 0: code += 1
                case "script", "style", "template": hidden += 1
                default: break
                }
                if RenderedView.verbatimElements.contains(name) { verbatim += 1 }
            case let .endTag(name):
                switch name {
                case "h1", "h2", "h3", "h4", "h5", "h6": heading = false
                case "a": link = false
                case "pre" where pre > 0: pre -= 1
                case "code" where pre == 0 && code > 0: code -= 1
                case "script", "style", "template": hidden = max(0, hidden - 1)
                default: break
                }
                if RenderedView.verbatimElements.contains(name) { verbatim = max(0, verbatim - 1) }
            default:
                break
            }
        }
        return !heading && !link && pre == 0 && code == 0 && hidden == 0 && verbatim == 0
    }

    /// Whether the seam between `before` (closed) and the edited piece, read before and
    /// after the edits, is hard both times.
    static func hard(after before: Seam, edited: [Seam]) -> Bool {
        before.isEmpty || before.endsHard || edited.allSatisfy(\.startsHard)
    }

    /// Whether the seam between the edited piece, before and after the edits (each
    /// closed), and `next` is hard both times.
    static func hard(before next: Seam, edited: [Seam]) -> Bool {
        next.isEmpty || next.startsHard || edited.allSatisfy(\.endsHard)
    }
}
