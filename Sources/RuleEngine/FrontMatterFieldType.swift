/// The value a front matter key must hold, as named in `.galley.yml` `front-matter.types`.
public enum FrontMatterFieldType: String, Sendable, CaseIterable {
    /// Text: a scalar YAML does not read as null, a boolean or a number.
    case string
    /// `YYYY-MM-DD`, optionally followed by a time `HH:MM[:SS[.fraction]]` and a zone.
    case date
    /// A YAML sequence.
    case list
    /// `true` or `false`, unquoted.
    case bool
    /// An unquoted integer or decimal number.
    case number
    /// A YAML mapping (nested keys).
    case mapping

    /// What a user may have meant by a name galley does not accept.
    static let likelyMeant: [String: FrontMatterFieldType] = [
        "str": .string, "text": .string, "boolean": .bool, "array": .list, "sequence": .list,
        "seq": .list, "int": .number, "integer": .number, "float": .number, "map": .mapping,
        "object": .mapping, "dict": .mapping, "datetime": .date, "timestamp": .date,
    ]

    /// The names accepted, for messages: "string, date, list, bool, number or mapping".
    static var allNames: String {
        let names = allCases.map(\.rawValue)
        return names.dropLast().joined(separator: ", ") + " or " + names.last!
    }
}
