public struct YAMLDocument: Sendable {
    /// nil when the block is empty or could not be parsed.
    public let root: YAMLNode?
    public let problems: [YAMLProblem]
    public var hasSyntaxError: Bool { problems.contains { $0.kind == .syntax || $0.kind == .tooDeep } }
}
