import FrontMatter

/// The `site:` section of `.galley.yml`: where the site's files live and what the old
/// blog's URLs map to, for `missing-image`.
///
/// ```yaml
/// site:
///   root: .                       # where `/...` resolves (default: the configuration's directory)
///   static: [static, public]      # more directories that serve `/...`
///   url: https://oldblog.ghost.io # the old origin(s); such URLs count as site paths
///   remap:                        # ordered prefix table, tried first
///     /content/images/: /assets/images/
///   image-keys: [cover, image]    # front matter keys holding images
/// ```
public struct SiteSettings: Sendable, Equatable {
    /// Relative to the configuration's directory; nil for the default.
    public var root: String?
    public var staticDirectories: [String] = []
    /// Origins without a trailing slash (`https://oldblog.ghost.io`).
    public var urls: [String] = []
    public var remap: [(from: String, to: String)] = []
    public var imageKeys: [String] = SiteSettings.defaultImageKeys

    public static let defaultImageKeys = ["cover", "image", "feature_image", "featureImage", "og_image", "twitter_image", "thumbnail"]

    public init() {}

    public static func == (a: SiteSettings, b: SiteSettings) -> Bool {
        a.root == b.root && a.staticDirectories == b.staticDirectories && a.urls == b.urls
            && a.remap.map(\.from) == b.remap.map(\.from) && a.remap.map(\.to) == b.remap.map(\.to) && a.imageKeys == b.imageKeys
    }

    static func parse(_ node: YAMLNode) throws -> SiteSettings {
        var site = SiteSettings()
        if Configuration.isNull(node) { return site }
        guard let pairs = node.mapping else {
            throw ConfigurationError(message: "`site` must be a mapping (root, static, url, remap, image-keys)", offset: node.range.lowerBound)
        }
        for pair in pairs {
            switch pair.key.scalar {
            case "root":
                guard let value = pair.value.scalar, !value.isEmpty else {
                    throw ConfigurationError(message: "`site.root` must be a directory", offset: pair.value.range.lowerBound)
                }
                site.root = value
            case "static":
                site.staticDirectories = try Configuration.stringList(pair.value, what: "site.static")
            case "url":
                site.urls = try Configuration.stringList(pair.value, what: "site.url").map { url in
                    guard url.hasPrefix("http://") || url.hasPrefix("https://") else {
                        throw ConfigurationError(message: "`site.url` must start with http:// or https://: `\(url)`",
                                                 offset: pair.value.range.lowerBound)
                    }
                    return url.hasSuffix("/") ? String(url.dropLast()) : url
                }
            case "remap":
                if Configuration.isNull(pair.value) { continue }
                guard let entries = pair.value.mapping else {
                    throw ConfigurationError(message: "`site.remap` must map old path prefixes to new ones, in order",
                                             offset: pair.value.range.lowerBound)
                }
                site.remap = try entries.map { entry in
                    guard let from = entry.key.scalar, let to = entry.value.scalar, from.hasPrefix("/"), to.hasPrefix("/") else {
                        throw ConfigurationError(message: "`site.remap` entries map a `/...` prefix to a `/...` prefix",
                                                 offset: entry.key.range.lowerBound)
                    }
                    return (from, to)
                }
            case "image-keys":
                site.imageKeys = try Configuration.stringList(pair.value, what: "site.image-keys")
            default:
                throw ConfigurationError(message: "unknown key `site.\(pair.key.canonical)` (expected root, static, url, remap or image-keys)",
                                         offset: pair.key.range.lowerBound)
            }
        }
        return site
    }
}
