/// What an untagged plain scalar means. libyaml leaves tag resolution to its caller, and
/// the answer depends on the schema: YAML 1.2's core schema (what current parsers use)
/// and YAML 1.1's types (what Jekyll's Psych, PyYAML and many tools still use) disagree
/// on `yes`, `on`, `0777`, `1_000`, `1e3`, `0o17`, `12:30` and more. galley reads
/// both and says so where they differ, instead of picking one silently.
public enum ScalarResolver {
    public enum Schema: String, Sendable {
        case core = "YAML 1.2"
        case yaml11 = "YAML 1.1"
    }

    public enum ScalarType: String, Sendable {
        case null, bool, int, float, str
    }

    /// A scalar read under one schema: its type and one spelling per value (`true`,
    /// `-12`, `1000.0`, `.inf`, `null`, or the text itself for a string), so two readings
    /// are equal exactly when they mean the same value.
    public struct Reading: Sendable, Hashable {
        public var type: ScalarType
        public var value: String

        public init(_ type: ScalarType, _ value: String) {
            self.type = type
            self.value = value
        }
    }

    /// The reading of a plain scalar under `schema`.
    public static func read(_ text: String, as schema: Schema) -> Reading {
        let u = Array(text.utf8)
        switch schema {
        case .core: return core(text, u)
        case .yaml11: return yaml11(text, u)
        }
    }

    /// Both readings; they differ when `core != yaml11`.
    public static func readings(_ text: String) -> (core: Reading, yaml11: Reading) {
        (read(text, as: .core), read(text, as: .yaml11))
    }

    // MARK: YAML 1.2 core schema (spec 1.2.2, 10.3.2)

    static func core(_ text: String, _ u: [UInt8]) -> Reading {
        switch text {
        case "", "~", "null", "Null", "NULL": return Reading(.null, "null")
        case "true", "True", "TRUE": return Reading(.bool, "true")
        case "false", "False", "FALSE": return Reading(.bool, "false")
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return Reading(.float, ".inf")
        case "-.inf", "-.Inf", "-.INF": return Reading(.float, "-.inf")
        case ".nan", ".NaN", ".NAN": return Reading(.float, ".nan")
        default: break
        }
        // [-+]? [0-9]+
        var i = 0
        let negative = u.first == 0x2D
        if u.first == 0x2B || negative { i = 1 }
        if i < u.count, u[i...].allSatisfy(isDigit) { return integer(u[i...], radix: 10, negative: negative) }
        // 0o [0-7]+ and 0x [0-9a-fA-F]+ (no sign)
        if u.count > 2, u[0] == 0x30 {
            if u[1] == 0x6F, u[2...].allSatisfy(isOctal) { return integer(u[2...], radix: 8, negative: false) }
            if u[1] == 0x78, u[2...].allSatisfy(isHex) { return integer(u[2...], radix: 16, negative: false) }
        }
        // [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
        if isCoreFloat(u[i...]) { return float(u, underscores: false) }
        return Reading(.str, text)
    }

    static func isCoreFloat(_ s: ArraySlice<UInt8>) -> Bool {
        var i = s.startIndex
        let intStart = i
        while i < s.endIndex, isDigit(s[i]) { i += 1 }
        let intDigits = i - intStart
        var fracDigits = 0
        if i < s.endIndex, s[i] == 0x2E {
            i += 1
            let f = i
            while i < s.endIndex, isDigit(s[i]) { i += 1 }
            fracDigits = i - f
        }
        guard intDigits > 0 || fracDigits > 0 else { return false }
        if i < s.endIndex, s[i] == 0x65 || s[i] == 0x45 {
            i += 1
            if i < s.endIndex, s[i] == 0x2B || s[i] == 0x2D { i += 1 }
            let e = i
            while i < s.endIndex, isDigit(s[i]) { i += 1 }
            guard i > e else { return false }
        }
        return i == s.endIndex
    }

    // MARK: YAML 1.1 types (yaml.org/type: null, bool, int, float)

    static func yaml11(_ text: String, _ u: [UInt8]) -> Reading {
        switch text {
        case "", "~", "null", "Null", "NULL": return Reading(.null, "null")
        case "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON": return Reading(.bool, "true")
        case "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF": return Reading(.bool, "false")
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return Reading(.float, ".inf")
        case "-.inf", "-.Inf", "-.INF": return Reading(.float, "-.inf")
        case ".nan", ".NaN", ".NAN": return Reading(.float, ".nan")
        default: break
        }
        var i = 0
        let negative = u.first == 0x2D
        if u.first == 0x2B || negative { i = 1 }
        let body = u[i...]
        guard let first = body.first else { return Reading(.str, text) }
        let digits = body.filter { $0 != 0x5F }
        // 0b[0-1_]+, 0x[0-9a-fA-F_]+, 0[0-7_]+, 0, [1-9][0-9_]*
        if body.count > 2, first == 0x30, body[i + 1] == 0x62, body.dropFirst(2).allSatisfy({ $0 == 0x5F || $0 == 0x30 || $0 == 0x31 }),
           digits.count > 2 {
            return integer(digits.dropFirst(2), radix: 2, negative: negative)
        }
        if body.count > 2, first == 0x30, body[i + 1] == 0x78, body.dropFirst(2).allSatisfy({ $0 == 0x5F || isHex($0) }), digits.count > 2 {
            return integer(digits.dropFirst(2), radix: 16, negative: negative)
        }
        if first == 0x30, body.count > 1, body.dropFirst().allSatisfy({ $0 == 0x5F || isOctal($0) }), digits.count > 1 {
            return integer(digits.dropFirst(), radix: 8, negative: negative)
        }
        if body.count == 1, first == 0x30 { return Reading(.int, "0") }
        if first >= 0x31 && first <= 0x39, body.allSatisfy({ $0 == 0x5F || isDigit($0) }) {
            return integer(digits[...], radix: 10, negative: negative)
        }
        // [1-9][0-9_]*(:[0-5]?[0-9])+ (base 60), and the float forms
        if let sexagesimal = sexagesimal(body, negative: negative) { return sexagesimal }
        if isYAML11Float(body) { return float(u, underscores: true) }
        return Reading(.str, text)
    }

    /// `[0-9][0-9_]*)?\.[0-9.]*([eE][-+][0-9]+)?`: a dot is required, an exponent needs its sign.
    static func isYAML11Float(_ s: ArraySlice<UInt8>) -> Bool {
        var i = s.startIndex
        if i < s.endIndex, isDigit(s[i]) {
            while i < s.endIndex, isDigit(s[i]) || s[i] == 0x5F { i += 1 }
        }
        guard i < s.endIndex, s[i] == 0x2E else { return false }
        i += 1
        while i < s.endIndex, isDigit(s[i]) || s[i] == 0x5F { i += 1 }  // the spec's [0-9.]*; a second dot is not a number
        if i < s.endIndex, s[i] == 0x65 || s[i] == 0x45 {
            i += 1
            guard i < s.endIndex, s[i] == 0x2B || s[i] == 0x2D else { return false }
            i += 1
            let e = i
            while i < s.endIndex, isDigit(s[i]) { i += 1 }
            guard i > e else { return false }
        }
        return i == s.endIndex && s.count > 1
    }

    /// `190:20:30` is 685230 in YAML 1.1 (and `1:30.5` a float).
    static func sexagesimal(_ s: ArraySlice<UInt8>, negative: Bool) -> Reading? {
        let parts = s.split(separator: 0x3A, omittingEmptySubsequences: false)
        guard parts.count >= 2, let head = parts.first, let lead = head.first, lead >= 0x31 && lead <= 0x39,
              head.allSatisfy({ isDigit($0) || $0 == 0x5F }) else { return nil }
        var value = UInt64(String(decoding: head.filter { $0 != 0x5F }, as: UTF8.self)) ?? 0
        for (k, part) in parts.dropFirst().enumerated() {
            let isLast = k == parts.count - 2
            var whole = part[...]
            var fraction: ArraySlice<UInt8> = []
            if isLast, let dot = part.firstIndex(of: 0x2E) {
                whole = part[..<dot]
                fraction = part[(dot + 1)...]
                guard fraction.allSatisfy({ isDigit($0) || $0 == 0x5F }) else { return nil }
            }
            guard (1...2).contains(whole.count), whole.allSatisfy(isDigit),
                  whole.count == 1 || whole.first! <= 0x35 else { return nil }
            value = value &* 60 &+ (UInt64(String(decoding: whole, as: UTF8.self)) ?? 0)
            if isLast, part.contains(0x2E) {
                let f = String(decoding: fraction.filter { $0 != 0x5F }, as: UTF8.self)
                let number = (Double(value) + (Double("0." + f) ?? 0)) * (negative ? -1 : 1)
                return Reading(.float, "\(number)")
            }
        }
        return Reading(.int, (negative && value != 0 ? "-" : "") + String(value))
    }

    // MARK: values

    static func integer(_ digits: ArraySlice<UInt8>, radix: Int, negative: Bool) -> Reading {
        let text = String(decoding: digits, as: UTF8.self)
        if let v = UInt64(text, radix: radix) {
            return Reading(.int, (negative && v != 0 ? "-" : "") + String(v))
        }
        // Too large for 64 bits: the digits without leading zeros stand for the value.
        let trimmed = text.drop { $0 == "0" }.lowercased()
        return Reading(.int, (negative ? "-" : "") + (radix == 10 ? "" : "\(radix)#") + (trimmed.isEmpty ? "0" : trimmed))
    }

    static func float(_ u: [UInt8], underscores: Bool) -> Reading {
        let text = String(decoding: underscores ? u.filter { $0 != 0x5F } : u, as: UTF8.self)
        let normalized = text.hasPrefix(".") || text.hasPrefix("-.") || text.hasPrefix("+.")
            ? text.replacing(".", with: "0.", maxReplacements: 1) : text
        guard let v = Double(normalized.hasSuffix(".") ? normalized + "0" : normalized) else { return Reading(.float, text) }
        return Reading(.float, "\(v)")
    }

    static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    static func isOctal(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x37 }
    static func isHex(_ c: UInt8) -> Bool { isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66) }
}
