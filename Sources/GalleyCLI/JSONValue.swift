/// A JSON value whose objects keep their keys in the order given, so the JSON and SARIF
/// documents galley writes are stable byte for byte. Used for the small, one-off parts
/// of a document (SARIF's rule descriptors); the per-finding parts are written straight
/// into bytes by a `JSONEmitter`, which lays them out the same way.
indirect enum JSONValue {
    case string(String)
    case int(Int)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    /// Pretty-printed with two-space indentation and a final line break.
    func rendered() -> String {
        var e = JSONEmitter()
        write(into: &e)
        e.out.append(0x0A)
        return String(reportBytes: e.out)
    }

    func write(into e: inout JSONEmitter) {
        switch self {
        case .string(let s): e.string(s)
        case .int(let n): e.int(n)
        case .bool(let b): e.bool(b)
        case .null: e.null()
        case .array(let items):
            e.openArray()
            for item in items {
                e.item()
                item.write(into: &e)
            }
            e.closeArray()
        case .object(let members):
            e.openObject()
            for (key, value) in members {
                e.item()
                e.string(key)
                e.out.append(contentsOf: [0x3A, 0x20])
                value.write(into: &e)
            }
            e.closeObject()
        }
    }

    /// A JSON string literal: `"` and `\` escaped, control characters as `\n`, `\t`… or `\u00XX`.
    static func quote(_ s: String, into out: inout String) {
        var bytes: [UInt8] = []
        bytes.appendJSONString(s)
        out += String(reportBytes: bytes)
    }
}
