import ArgumentParser

/// `galley`: the root command.
public struct GalleyCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "galley",
        abstract: "Lint and fix Markdown posts, especially the debris of Ghost exports.",
        version: GalleyInfo.version,
        subcommands: [CheckCommand.self, FixCommand.self, RulesCommand.self, ExplainCommand.self, RenderCommand.self, SiteCommand.self,
                      ScanCommand.self],
        defaultSubcommand: CheckCommand.self
    )

    public init() {}
}

/// Exit statuses users script against.
enum ExitStatus {
    static let clean: Int32 = 0
    static let findings: Int32 = 1
    static let error: Int32 = 2
}
