/// The type YAML 1.1 resolves an untagged plain scalar to (libyaml leaves that to us).
enum PlainScalar {
    static func resolvedType(_ s: String) -> String {
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
}
