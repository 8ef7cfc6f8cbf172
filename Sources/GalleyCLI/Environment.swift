import Glibc

/// The variables of galley's environment, read one at a time. (`ProcessInfo`'s
/// `environment` makes a dictionary of every variable, character by character, each time
/// it is asked: 170 k instructions, and a run on one post asked five times, a seventh
/// of all it did.) Tests give a dictionary instead.
struct Environment: Sendable, ExpressibleByDictionaryLiteral {
    private let lookup: @Sendable (String) -> String?

    /// The process's own (`getenv`; galley never changes its environment).
    static let process = Environment { name in getenv(name).map { String(cString: $0) } }

    private init(lookup: @escaping @Sendable (String) -> String?) { self.lookup = lookup }

    init(dictionaryLiteral elements: (String, String)...) {
        let variables = Dictionary(elements, uniquingKeysWith: { _, last in last })
        lookup = { variables[$0] }
    }

    subscript(name: String) -> String? { lookup(name) }
}
