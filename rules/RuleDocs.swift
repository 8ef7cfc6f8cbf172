// The reference page of every rule, embedded in the binary by SwiftPM (`embedInCode`
// in Package.swift), so `galley explain` works without a checkout. Adding a rule means
// adding its page here and in Package.swift; a test checks both lists against rules/.

public enum RuleDocs {
    /// Rule id to the Markdown text of `rules/<id>.md`.
    public static let pages: [String: String] = [
        "nbsp-entity": String(decoding: PackageResources.nbsp_entity_md, as: UTF8.self),
        "ghost-card-marker": String(decoding: PackageResources.ghost_card_marker_md, as: UTF8.self),
        "front-matter-syntax": String(decoding: PackageResources.front_matter_syntax_md, as: UTF8.self),
        "mismatched-emphasis": String(decoding: PackageResources.mismatched_emphasis_md, as: UTF8.self),
        "missing-image": String(decoding: PackageResources.missing_image_md, as: UTF8.self),
        "image-alt": String(decoding: PackageResources.image_alt_md, as: UTF8.self),
        "front-matter-fields": String(decoding: PackageResources.front_matter_fields_md, as: UTF8.self),
    ]
}
