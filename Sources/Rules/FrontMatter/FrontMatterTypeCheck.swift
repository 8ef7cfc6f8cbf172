import FrontMatter
import RuleEngine

/// Whether a front matter value has the configured type, and if not, a message that names
/// the key, the type expected, what was found and, where there is one, the edit to make.
enum FrontMatterTypeCheck {
    static let dateForm = "YYYY-MM-DD, optionally with HH:MM[:SS] and a zone"

    /// The problem with `node` for a key of this type, read under YAML 1.2 and YAML 1.1:
    /// where the two readings disagree on whether the value fits (`draft: yes` is a
    /// boolean only in YAML 1.1), the message says so instead of picking one.
    static func problem(_ node: YAMLNode, expected type: FrontMatterFieldType, key: String, bytes: [UInt8]) -> String? {
        let core = FrontMatterValue(node, .core), old = FrontMatterValue(node, .yaml11)
        let problem = self.problem(core, expected: type, key: key, bytes: bytes)
        guard core.kind != old.kind else { return problem }
        let oldProblem = self.problem(old, expected: type, key: key, bytes: bytes)
        guard (problem == nil) != (oldProblem == nil) else { return problem }
        let fits = problem == nil ? "YAML 1.2" : "YAML 1.1"
        let hint = switch type {
        case .string: "quote it"
        case .bool: "write `true` or `false`"
        case .number: "write it as a plain number both read alike"
        default: "write it so that both read it alike"
        }
        return "`\(key)` is \(core.described(in: bytes)) in YAML 1.2 but \(old.described(in: bytes)) in YAML 1.1 (Jekyll's reading), "
            + "so it is a \(type.rawValue) only in \(fits): \(hint)"
    }

    static func problem(_ value: FrontMatterValue, expected type: FrontMatterFieldType,
                        key: String, bytes: [UInt8]) -> String? {
        let found = value.described(in: bytes)
        switch type {
        case .string:
            switch value.kind {
            case .text, .null: return nil
            case .bool, .number:
                return "`\(key)` should be a string, found \(found) (quote it to make it a string)"
            case .list, .mapping:
                return "`\(key)` should be a string, found \(found)"
            }
        case .date:
            guard let text = value.text, value.kind != .bool else {
                return "`\(key)` should be a date (\(dateForm)), found \(found)"
            }
            switch FrontMatterDate.check(text) {
            case .valid: return nil
            case .malformed: return "`\(key)` should be a date (\(dateForm)), found \(found)"
            case .impossible(let why): return "`\(key)` is not a real date: \(why) (found \(value.written(in: bytes)))"
            }
        case .list:
            if value.kind == .list { return nil }
            let raw = rawText(value, bytes)
            if value.isPlain || value.isQuoted, !raw.isEmpty, !raw.contains(where: { $0 == "\n" || $0 == "\r" }) {
                return "`\(key)` should be a list, found \(found) (a list is written `[\(raw)]`)"
            }
            return "`\(key)` should be a list, found \(found)"
        case .bool:
            if value.kind == .bool { return nil }
            if value.isQuoted, isTrueOrFalse(value.text ?? "") {
                return "`\(key)` should be true or false, found \(found) (remove the quotes)"
            }
            return "`\(key)` should be true or false, found \(found)"
        case .number:
            if value.kind == .number { return nil }
            if value.isQuoted, [.int, .float].contains(ScalarResolver.read(value.text ?? "", as: .core).type) {
                return "`\(key)` should be a number, found \(found) (remove the quotes)"
            }
            return "`\(key)` should be a number, found \(found)"
        case .mapping:
            return value.kind == .mapping ? nil : "`\(key)` should be a mapping of keys to values, found \(found)"
        }
    }

    static func isTrueOrFalse(_ s: String) -> Bool {
        ["true", "True", "TRUE", "false", "False", "FALSE"].contains(s)
    }

    /// The scalar exactly as written (quotes kept), for a suggested edit.
    private static func rawText(_ value: FrontMatterValue, _ bytes: [UInt8]) -> String {
        String(decoding: bytes[value.node.range.clamped(to: 0..<bytes.count)], as: UTF8.self)
    }
}
