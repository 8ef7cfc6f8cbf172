import ArgumentParser
import RuleEngine
import Rules

/// `galley site [PATH]`: the site model galley sees for PATH (a directory or a post):
/// what a finding about images or links was judged against.
struct SiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site",
        abstract: "Print the site galley sees: generator, folders, old and new addresses, posts, images, remaps."
    )

    @Argument(help: "A directory or a post of the site (default: the current directory).")
    var path: String = "."

    @Option(name: .long, help: "Use this configuration file instead of looking for .galley.yml.")
    var config: String?

    @Option(name: .long, help: "Output format.")
    var format: Format = .text

    @Flag(name: .long, help: "Also list every page of the new site, with the file it comes from and why.")
    var pages = false

    @OptionGroup var cache: CacheOptions

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    func run() throws {
        guard let status = FileDiscovery.fileSystem.status(path) else {
            Runner.printError("\(path): No such file or directory")
            throw ExitCode(ExitStatus.error)
        }
        // A directory stands for a post in it: its configuration and its site.
        let post = status.kind == .directory ? (path.hasSuffix("/") ? path : path + "/") + "post.md" : path
        let resolver = ConfigurationResolver(overridePath: config)
        let configuration: Configuration
        switch resolver.configuration(forFile: post) {
        case .success(let c): configuration = c
        case .failure(let error):
            Runner.printError("\(error)")
            throw ExitCode(ExitStatus.error)
        }
        let session = Session(rules: AllRules.rules, fileSystem: FileDiscovery.fileSystem, fileCount: Session.fewFiles + 1,
                              listingStore: cache.settings.store)
        let site = session.site(for: FileDiscovery.standardized(post), configuration: configuration)
        let description = SiteDescription(site: site, configuration: configuration)
        Output.write(format == .json ? description.json(pages: pages) : description.text(pages: pages))
    }
}
