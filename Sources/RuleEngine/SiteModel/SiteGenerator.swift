/// The static-site generator of a site found without configuration, from its marker file
/// (`astro.config.mjs`, `hugo.toml`, `_config.yml`, `eleventy.config.js`, …), and the
/// folders and address that file gives it. Read by literal lines (`ConfigLines`), never
/// evaluated; what could not be read that way is in `notes`.
public struct SiteGenerator: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case astro, hugo, jekyll, eleventy

        public var name: String {
            switch self {
            case .astro: "Astro"
            case .hugo: "Hugo"
            case .jekyll: "Jekyll"
            case .eleventy: "Eleventy"
            }
        }
    }

    public var kind: Kind
    /// The marker file it was detected from (absolute).
    public var configFile: String
    /// The project's directory (the marker's, or two above `config/_default/`).
    public var directory: String
    /// Where `/…` resolves, in order (absolute): Astro's `public/`, Hugo's static
    /// directories (and `content/`, whose page resources are served), Jekyll's source.
    public var servedDirectories: [String]
    /// Where posts and pages are (absolute): Astro's `src/content` and `src/pages`, Hugo's
    /// `content/`, Jekyll's and Eleventy's source.
    public var contentDirectories: [String]
    /// Build output (`dist/`, Hugo's `public/`, `_site/`): never part of the site's files.
    public var outputDirectories: [String]
    /// The NEW site's address (`site:`, `baseURL`, `url:` + `baseurl`), not the old blog's.
    public var address: SiteAddress?
    /// The path the new site is served under ("" or `/blog`): the address's path, or
    /// Jekyll's `baseurl` / Astro's `base` without an address.
    public var basePath: String
    /// Permalink patterns: Jekyll's `permalink` under "posts"; Hugo's `[permalinks]` by
    /// section.
    public var permalinks: [String: String]
    /// Hugo's taxonomies by their URL name (`tags`, `categories`).
    public var taxonomies: [String]
    /// What could not be read from the file as a literal line.
    public var notes: [String]

    init(kind: Kind, configFile: String, directory: String) {
        self.kind = kind
        self.configFile = configFile
        self.directory = directory
        servedDirectories = []
        contentDirectories = []
        outputDirectories = []
        address = nil
        basePath = ""
        permalinks = [:]
        taxonomies = []
        notes = []
    }

    /// `relative` made absolute in the project's directory.
    func path(_ relative: String) -> String { Path.normalize(relative, relativeTo: directory) }
}
