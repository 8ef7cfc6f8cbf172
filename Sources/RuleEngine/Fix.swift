/// A change that resolves a finding: all of its edits are applied, or none.
///
/// The rule says what the fix changes (`promise`) and how far it trusts it
/// (`applicability`: `safe` for a fix meant to keep what a reader sees apart from the
/// promise, `unsafe` for a judgement call, `suggestion` for text to show). The engine
/// proves the promise by rendering before and after; a fix the proof refuses keeps its
/// edits for display but is withheld (`withheld` says why) and never applied.
public struct Fix: Sendable, Hashable {
    /// Imperative, no trailing period: "Replace the entity with a space".
    public var title: String
    public var edits: [Edit]
    public var applicability: Applicability
    /// What the rendering may change, beyond which the fix is not what it says.
    public var promise: FixPromise
    /// Set by the engine when the proof refused the fix: why, as a reader would see it
    /// ("would turn the next line into HTML"). A withheld fix is never applied.
    public var withheld: String?
    /// Set by the engine for a fix that changes the page's markup beyond its promise
    /// while the reader's structure survives (which makes it unsafe): what changes.
    public var changes: String?
    /// Promoted to `safe` by the rule's `fix: safe` setting: the user trusts it, so a
    /// change of markup the proof finds keeps it safe (what a reader sees must still hold).
    public var promoted = false
    /// Set by the linter for a rule named by `--unsafe-fixes-for`: this run applies the
    /// fix even where the proof finds it unsafe (what a reader sees must still hold).
    public var unsafeAllowed = false
    /// Set by a rule for a fix that removes what another rule's fix may stand on: what
    /// that is, for the output ("the card's markers", which a card's conversion finds the
    /// card by). Where another rule's unsafe fix overlaps one of its edits, the linter
    /// makes this fix unsafe too (`Linter.yield`): a safe pass then leaves that fix its
    /// ground, and with unsafe fixes both go in one pass.
    public var removesGround: String?

    public init(title: String, edits: [Edit], applicability: Applicability, promise: FixPromise = []) {
        self.title = title
        self.edits = edits.sorted { $0.range.lowerBound < $1.range.lowerBound }
        self.applicability = applicability
        self.promise = promise
    }

    /// The same fix with a lower applicability (for example after a safety check failed).
    public func downgraded(to a: Applicability) -> Fix {
        var fix = self
        fix.applicability = max(applicability, a)
        return fix
    }
}

/// What a fix may change in what a reader sees. The proof compares the rendering before
/// and after a fix with these differences taken out; anything else that changes makes
/// the fix unsafe (when the reader's structure survives) or withholds it.
public struct FixPromise: OptionSet, Sendable, Hashable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// HTML comments may disappear (Ghost's card markers).
    public static let removesComments = FixPromise(rawValue: 1 << 0)
    /// U+00A0 may become a plain space in text (an `&nbsp;` entity or the character).
    public static let nbspBecomesSpace = FixPromise(rawValue: 1 << 1)
    /// ... and inside code too (`nbsp-char`'s unsafe fix: the one fix that changes code).
    public static let changesCode = FixPromise(rawValue: 1 << 2)
    /// Emphasis may appear or disappear where `*` / `_` printed as text (or doubled
    /// emphasis collapses); those characters and the spaces beside them may go.
    public static let changesEmphasis = FixPromise(rawValue: 1 << 3)
    /// Literal `_` / `*` a converter left behind may disappear from the text.
    public static let removesStrayDelimiters = FixPromise(rawValue: 1 << 4)
    /// The targets of the images the edits touch may change.
    public static let changesImageTargets = FixPromise(rawValue: 1 << 5)
    /// The targets of the links the edits touch may change.
    public static let changesLinkTargets = FixPromise(rawValue: 1 << 6)
    /// HTML becomes the equivalent Markdown: markup and block boundaries may change, but
    /// not headings, code, link and image targets, alt text or the words in order.
    public static let convertsMarkup = FixPromise(rawValue: 1 << 7)
    /// The edits are inside front matter: the body's rendering must not change at all,
    /// and the front matter's values are compared instead.
    public static let frontMatter = FixPromise(rawValue: 1 << 8)
    /// Empty paragraphs (spacers) may disappear.
    public static let removesEmptyBlocks = FixPromise(rawValue: 1 << 9)
    /// A fenced code block that ran on past its code is closed where the code ends: the
    /// lines after the new closing fence leave the code and render as Markdown (no byte
    /// of the code changes; `unclosed-fence`).
    public static let closesCodeBlock = FixPromise(rawValue: 1 << 10)
    /// Text may disappear (a marker whose comment delimiters were stripped, a misspelt
    /// entity shown as text): what remains keeps its elements and its order.
    public static let removesText = FixPromise(rawValue: 1 << 11)
    /// Ghost card HTML becomes Markdown by a declared mapping: the proof reads the card's
    /// bytes (the fix's edits) as ONE HTML fragment as a browser shows it (`CardReading`),
    /// not as CommonMark cuts it, and the Markdown must show a reader the same headings,
    /// code bytes, links, images and words (`ghost-card`, `ghost-rendered-markdown`).
    public static let convertsCard = FixPromise(rawValue: 1 << 12)
    /// The site's generator reads `{#id}` after a heading as the heading's id (kramdown,
    /// goldmark with attributes): the proof does not count it as heading text.
    public static let headingAttributes = FixPromise(rawValue: 1 << 13)
}
