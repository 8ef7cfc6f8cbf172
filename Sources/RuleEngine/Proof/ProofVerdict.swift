/// What the proof makes of a fix (or of several applied together).
public enum ProofVerdict: Equatable, Sendable {
    /// The page shows the same, apart from what the fixes promise.
    case same
    /// The markup changes beyond the promise, but the reader's structure survives
    /// (headings, code, links and images, the words in order); says what changes.
    case readerSame(String)
    /// Something a reader sees changes; says what, as the fix would do it.
    case broken(String)

    var isBroken: Bool {
        if case .broken = self { return true }
        return false
    }
}
