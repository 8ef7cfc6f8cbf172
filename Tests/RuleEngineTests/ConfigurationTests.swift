import Testing
@testable import RuleEngine

@Suite struct ConfigurationTests {
    let known: [String: RuleDescriptor] = [
        "nbsp-entity": RuleDescriptor(id: "nbsp-entity", page: [], summary: "", defaultSeverity: .warning, fix: .safe,
                                      options: [RuleOption("french-spacing", .bool, default: "true", "French spacing")]),
        "ghost-card-marker": RuleDescriptor(id: "ghost-card-marker", page: [], summary: "", defaultSeverity: .warning, fix: .safe),
        "front-matter-syntax": RuleDescriptor(id: "front-matter-syntax", page: [], summary: "", defaultSeverity: .error, fix: nil),
    ]

    func parse(_ yaml: String) throws -> Configuration {
        try Configuration.parse(Array(yaml.utf8), path: "site/.galley.yml", directory: "/site", knownRules: known)
    }

    func error(_ yaml: String) -> ConfigurationError? {
        do {
            _ = try parse(yaml)
            return nil
        } catch let e as ConfigurationError {
            return e
        } catch {
            return nil
        }
    }

    @Test func readsSeveritiesOffOptionsAndExcludes() throws {
        let config = try parse("""
            rules:
              nbsp-entity:
                severity: error
                french-spacing: false
              ghost-card-marker: off
            exclude:
              - "drafts/**"
              - "*.tmp.md"
            """)
        #expect(config.rules["nbsp-entity"]?.severity == .error)
        #expect(config.rules["nbsp-entity"]?.options.bool("french-spacing", default: true) == false)
        #expect(config.rules["ghost-card-marker"]?.enabled == false)
        #expect(config.exclude.count == 2)
        #expect(config.exclude[0].matches("drafts/2020/post.md"))
        #expect(config.exclude[1].matches("notes/x.tmp.md"))
        #expect(!config.exclude[0].matches("posts/a.md"))
    }

    @Test func readsTheFixSetting() throws {
        let config = try parse("rules:\n  nbsp-entity:\n    fix: unsafe\n  ghost-card-marker:\n    fix: off\n    severity: info\n")
        #expect(config.rules["nbsp-entity"]?.fix == .unsafe)
        #expect(config.rules["ghost-card-marker"]?.fix == .off)
        #expect(config.rules["ghost-card-marker"]?.severity == .info)
    }

    @Test func anEmptyFileIsTheDefault() throws {
        let config = try parse("")
        #expect(config.rules.isEmpty && config.exclude.isEmpty)
    }

    @Test(arguments: [
        ("rules:\n  nbsp-entiti: error\n", "unknown rule `nbsp-entiti`", 2, 3),
        ("rules:\n  nbsp-entity: loud\n", "`loud` is not `off` or a severity", 2, 16),
        ("rules:\n  nbsp-entity:\n    colour: red\n", "has no option `colour` (its settings are severity, fix, french-spacing)", 3, 5),
        ("rules:\n  nbsp-entty: off\n", "unknown rule `nbsp-entty` (did you mean `nbsp-entity`? the rules are front-matter-syntax, ghost-card-marker, nbsp-entity)", 2, 3),
        ("rules:\n  nbsp-entity:\n    french-spacing: yes\n", "`yes` is a boolean in YAML 1.1 but text in YAML 1.2", 3, 21),
        ("rules:\n  nbsp-entity:\n    fix: always\n", "`fix` must be one of `safe`, `unsafe`, `suggestion`, `off`, not `always`", 3, 10),
        ("rules:\n  front-matter-syntax:\n    fix: safe\n", "rule `front-matter-syntax` has no fix", 3, 5),
        ("rules:\n  nbsp-entity:\n    french-spacing: maybe\n", "must be true or false", 3, 21),
        ("rules:\n  ghost-card-marker:\n    names: [a]\n", "its settings are severity, fix", 3, 5),
        ("rule:\n  nbsp-entity: off\n", "unknown key `rule`", 1, 1),
        ("- a\n- b\n", "top level must be a mapping", 1, 1),
        ("exclude: {a: 1}\n", "`exclude` must be a list of strings", 1, 10),
        ("rules:\n  nbsp-entity: error\n\tghost-card-marker: off\n", "tab character", 3, 1),
        ("rules: [unclosed\n", "flow sequence that starts on line 1", 1, 17),
        ("rules:\n  nbsp-entity: off\n  nbsp-entity: error\n", "duplicate key", 3, 3),
    ])
    func errorsNameTheFileLineAndColumn(_ yaml: String, _ message: String, _ line: Int, _ column: Int) throws {
        let e = try #require(error(yaml))
        #expect(e.path == "site/.galley.yml")
        #expect(e.location?.line == line)
        #expect(e.location?.column == column)
        #expect(e.message.contains(message), "\(e.message)")
        #expect(e.description.hasPrefix("site/.galley.yml:\(line):\(column): "))
    }

    @Test func invalidUTF8IsAnError() {
        let bytes: [UInt8] = Array("rules:\n  nbsp-entity: ".utf8) + [0xFF] + [0x0A]
        #expect(throws: ConfigurationError.self) {
            try Configuration.parse(bytes, path: "x", directory: "/", knownRules: known)
        }
    }
}
