/// The type YAML 1.1 resolves an untagged plain scalar to (libyaml leaves that to us).
public enum PlainScalar {
    public static func resolvedType(_ s: String) -> String {
        switch s {
        case "", "~", "null", "Null", "NULL": return "null"
        case "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True", "TRUE",
             "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF": return "bool"
        default: break
        }
        let u = Array(s.utf8)
        var i = 0
        if i < u.count && (u[i] == 0x2B || u[i] == 0x2D) { i += 1 }
        let digitsStart = i
        while i < u.count && (u[i] >= 0x30 && u[i] <= 0x39 || u[i] == 0x5F) { i += 1 }
        if i == u.count && i > digitsStart { return "int" }
        if i < u.count && u[i] == 0x2E {
            i += 1
            while i < u.count && (u[i] >= 0x30 && u[i] <= 0x39) { i += 1 }
            if i == u.count && u.count > digitsStart + 1 { return "float" }
        }
        return "str"
    }

    /// One spelling per value, so `yes` and `true`, `~` and `null`, `007` and `7` compare equal.
    static func normalized(_ s: String, as type: String) -> String {
        switch type {
        case "bool": return ["y", "yes", "true", "on"].contains(s.lowercased()) ? "true" : "false"
        case "null": return "null"
        case "int":
            let digits = s.filter { $0 != "_" && $0 != "+" }
            let negative = digits.hasPrefix("-")
            let magnitude = digits.drop { $0 == "-" || $0 == "0" }
            return (negative && !magnitude.isEmpty ? "-" : "") + (magnitude.isEmpty ? "0" : String(magnitude))
        default: return s
        }
    }
}
