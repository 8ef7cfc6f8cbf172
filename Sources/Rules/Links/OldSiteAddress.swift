import RuleEngine

/// Where a link's URL names a page of the old site: `__GHOST_URL__/…` (in any case, as
/// converters spelled it), or an origin of `site.url` (http or https, with or without
/// `www.`, under its subdirectory when it has one).
struct OldSiteAddress {
    /// The old origins, as addresses.
    let origins: [SiteAddress]

    init(urls: [String]) { origins = urls.compactMap(SiteAddress.init) }

    struct Match {
        /// How much of the value is the old address (`https://old.example/news`, `__GHOST_URL__`).
        var prefix: Int
        var isPlaceholder: Bool
    }

    static let placeholder = "__ghost_url__"

    func match(_ value: [UInt8]) -> Match? {
        if URLBytes.hasPrefix(value, Self.placeholder) {
            let n = Self.placeholder.utf8.count
            return n == value.count || [0x2F, 0x3F, 0x23].contains(value[n]) ? Match(prefix: n, isPlaceholder: true) : nil
        }
        guard !origins.isEmpty else { return nil }
        let authorityStart: Int
        if URLBytes.hasPrefix(value, "https://") {
            authorityStart = 8
        } else if URLBytes.hasPrefix(value, "http://") {
            authorityStart = 7
        } else if URLBytes.hasPrefix(value, "//") {
            authorityStart = 2
        } else {
            return nil
        }
        let authorityEnd = URLBytes.firstIndex(of: [0x2F, 0x3F, 0x23], in: value, from: authorityStart)
        var authority = URLBytes.string(value[authorityStart..<authorityEnd].map(URLBytes.lower))
        if let at = authority.lastIndex(of: "@") { authority = String(authority[authority.index(after: at)...]) }
        var port: String?
        if let colon = authority.lastIndex(of: ":") {
            port = String(authority[authority.index(after: colon)...])
            authority = String(authority[..<colon])
        }
        let host = authority.hasPrefix("www.") ? String(authority.dropFirst(4)) : authority
        for origin in origins where origin.bareHost == host && (origin.port == nil || origin.port == port) {
            let path = Array(origin.path.utf8)
            let end = authorityEnd + path.count
            guard value.count >= end, value[authorityEnd..<end].elementsEqual(path),
                  end == value.count || [0x2F, 0x3F, 0x23].contains(value[end]) else { continue }
            return Match(prefix: end, isPlaceholder: false)
        }
        return nil
    }
}
