import FrontMatter

/// The `front-matter:` section of `.galley.yml`, for `front-matter-fields`.
/// (To be completed: `required` and `types`.)
public struct FrontMatterSchema: Sendable, Equatable {
    public init() {}

    static func parse(_ node: YAMLNode) throws -> FrontMatterSchema {
        FrontMatterSchema()
    }
}
