import FrontMatter

/// The `front-matter:` section of `.galley.yml`, for `front-matter-fields`: which top-level
/// keys every file's front matter must have, and what each key's value must be.
///
/// ```yaml
/// front-matter:
///   required: [title, date]
///   types: {date: date, tags: list, title: string, draft: bool}
/// ```
public struct FrontMatterSchema: Sendable, Equatable {
    /// Keys that must be present with a value, in the order given.
    public var required: [String] = []
    /// Key to the type its value must have (checked whenever the key has a value).
    public var types: [String: FrontMatterFieldType] = [:]

    public init(required: [String] = [], types: [String: FrontMatterFieldType] = [:]) {
        self.required = required
        self.types = types
    }

    public var isEmpty: Bool { required.isEmpty && types.isEmpty }

    static func parse(_ node: YAMLNode) throws -> FrontMatterSchema {
        var schema = FrontMatterSchema()
        if Configuration.isNull(node) { return schema }  // `front-matter:` with nothing under it
        guard let pairs = node.mapping else {
            throw ConfigurationError(message: "`front-matter` must be a mapping (required, types)", offset: node.range.lowerBound)
        }
        for pair in pairs {
            switch pair.key.scalar {
            case "required":
                schema.required = try parseRequired(pair.value)
            case "types":
                schema.types = try parseTypes(pair.value)
            default:
                throw ConfigurationError(message: "unknown key `front-matter.\(pair.key.canonical)` (expected required or types)",
                                         offset: pair.key.range.lowerBound)
            }
        }
        return schema
    }

    /// A list of key names, each once.
    private static func parseRequired(_ node: YAMLNode) throws -> [String] {
        if Configuration.isNull(node) { return [] }
        guard let items = node.sequence else {
            throw ConfigurationError(message: "`front-matter.required` must be a list of keys, like [title, date]",
                                     offset: node.range.lowerBound)
        }
        var keys: [String] = []
        for item in items {
            let key = try keyName(item, in: "front-matter.required")
            if keys.contains(key) {
                throw ConfigurationError(message: "`\(key)` is listed twice in `front-matter.required`", offset: item.range.lowerBound)
            }
            keys.append(key)
        }
        return keys
    }

    /// A mapping of key names to type names.
    private static func parseTypes(_ node: YAMLNode) throws -> [String: FrontMatterFieldType] {
        if Configuration.isNull(node) { return [:] }
        guard let pairs = node.mapping else {
            throw ConfigurationError(message: "`front-matter.types` must map keys to types, like {date: date, tags: list}",
                                     offset: node.range.lowerBound)
        }
        var types: [String: FrontMatterFieldType] = [:]
        for pair in pairs {
            let key = try keyName(pair.key, in: "front-matter.types")
            guard let name = pair.value.scalar, !Configuration.isNull(pair.value) else {
                throw ConfigurationError(message: "the type of `\(key)` must be one of \(FrontMatterFieldType.allNames)",
                                         offset: pair.value.range.lowerBound)
            }
            guard let type = FrontMatterFieldType(rawValue: name) else {
                let hint = FrontMatterFieldType.likelyMeant[name.lowercased()].map { "; did you mean `\($0.rawValue)`?" } ?? ""
                throw ConfigurationError(message: "unknown type `\(name)` for `\(key)` (expected \(FrontMatterFieldType.allNames))\(hint)",
                                         offset: pair.value.range.lowerBound)
            }
            types[key] = type
        }
        return types
    }

    /// A front matter key as written in the configuration: a non-empty scalar.
    private static func keyName(_ node: YAMLNode, in section: String) throws -> String {
        guard let key = node.scalar, !key.isEmpty, !Configuration.isNull(node) else {
            throw ConfigurationError(message: "`\(section)` needs key names, found `\(node.canonical)`", offset: node.range.lowerBound)
        }
        return key
    }
}
