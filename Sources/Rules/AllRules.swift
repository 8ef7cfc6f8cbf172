import RuleEngine

/// The registry of every rule, written by hand: adding a rule is its Swift file (which
/// names its page), its page `rules/<id>.md` and one line here. A test checks that these
/// ids equal the pages in rules/ and that every page is embedded in the binary.
public enum AllRules {
    public static let rules: [any Rule] = [
        NbspEntityRule(),
        NbspCharRule(),
        GhostCardMarkerRule(),
        GhostCardRule(),
        GhostRenderedMarkdownRule(),
        FrontMatterSyntaxRule(),
        MismatchedEmphasisRule(),
        DoubledEmphasisRule(),
        MissingImageRule(),
        ImageAltRule(),
        FrontMatterFieldsRule(),
        UnclosedFenceRule(),
        GhostLinkTrackingRule(),
        OldSiteLinkRule(),
    ]

    public static func rule(_ id: String) -> (any Rule)? {
        rules.first { $0.descriptor.id == id }
    }

    /// The reference page of a rule (`rules/<id>.md`), embedded in the binary.
    public static func documentation(_ id: String) -> String? { rule(id)?.descriptor.documentation }

    /// Each rule id with its descriptor (its options, whether it fixes), for reading `.galley.yml`.
    public static var optionTable: [String: RuleDescriptor] {
        Dictionary(uniqueKeysWithValues: rules.map { ($0.descriptor.id, $0.descriptor) })
    }
}
