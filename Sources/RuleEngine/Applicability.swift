/// How far galley may go in applying a fix on its own.
public enum Applicability: String, Sendable, Comparable, CaseIterable {
    /// Applied by `galley fix`: the rendered document keeps its meaning.
    case safe
    /// Applied only with `--unsafe-fixes`: probably right, but may change meaning.
    case unsafe
    /// Shown to the user, never applied.
    case suggestion

    private var rank: Int {
        switch self {
        case .safe: 0
        case .unsafe: 1
        case .suggestion: 2
        }
    }

    public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }
}
