import RuleEngine

/// The hosts that are the site's own, for Ghost's `?ref=` tag: the old origins of
/// `site.url`, the new site's address from its generator's configuration, and any
/// `*.ghost.io` blog. Compared without case, port and `www.`.
struct OwnHosts {
    let hosts: Set<String>

    init(urls: [String], newAddress: SiteAddress?) {
        var hosts = Set(urls.compactMap { SiteAddress($0)?.bareHost })
        if let newAddress { hosts.insert(newAddress.bareHost) }
        self.hosts = hosts
    }

    /// Whether a `ref` value (percent-decoded) names one of them.
    func contains(_ value: [UInt8]) -> Bool {
        var host = URLBytes.string(value.map(URLBytes.lower))
        while host.hasSuffix("/") { host.removeLast() }
        if let colon = host.lastIndex(of: ":") { host = String(host[..<colon]) }
        if host.hasPrefix("www.") { host.removeFirst(4) }
        guard !host.isEmpty else { return false }
        return hosts.contains(host) || host.hasSuffix(".ghost.io")
    }
}
