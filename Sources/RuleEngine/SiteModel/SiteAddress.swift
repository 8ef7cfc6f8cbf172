/// A site's address: `https://blog.example.com/news` is scheme `https`, host
/// `blog.example.com`, path `/news`. Hosts compare without case and without `www.`.
public struct SiteAddress: Sendable, Hashable, CustomStringConvertible {
    /// Lower-cased: `http` or `https`.
    public var scheme: String
    /// Lower-cased, without the port.
    public var host: String
    public var port: String?
    /// "" for the root, else `/news` (no trailing slash).
    public var path: String

    /// An `http://` or `https://` address, or nil.
    public init?(_ text: String) {
        let lower = text.lowercased()
        let scheme: String
        if lower.hasPrefix("https://") {
            scheme = "https"
        } else if lower.hasPrefix("http://") {
            scheme = "http"
        } else {
            return nil
        }
        let rest = Array(text.utf8.dropFirst(scheme.count + 3))
        var end = 0
        while end < rest.count && rest[end] != 0x2F && rest[end] != 0x3F && rest[end] != 0x23 { end += 1 }
        var authority = String(decoding: rest[..<end], as: UTF8.self).lowercased()
        if let at = authority.lastIndex(of: "@") { authority = String(authority[authority.index(after: at)...]) }
        guard !authority.isEmpty else { return nil }
        if let colon = authority.lastIndex(of: ":"), !authority.hasSuffix("]") {
            port = String(authority[authority.index(after: colon)...])
            host = String(authority[..<colon])
        } else {
            port = nil
            host = authority
        }
        var pathEnd = end
        while pathEnd < rest.count && rest[pathEnd] != 0x3F && rest[pathEnd] != 0x23 { pathEnd += 1 }
        var path = String(decoding: rest[end..<pathEnd], as: UTF8.self)
        while path.hasSuffix("/") { path.removeLast() }
        self.scheme = scheme
        self.path = path
    }

    /// The host without a leading `www.`.
    public var bareHost: String { Self.bare(host) }

    static func bare(_ host: String) -> String { host.hasPrefix("www.") ? String(host.dropFirst(4)) : host }

    /// `scheme://host[:port]`.
    public var origin: String { scheme + "://" + host + (port.map { ":" + $0 } ?? "") }

    public var description: String { origin + path }
}
