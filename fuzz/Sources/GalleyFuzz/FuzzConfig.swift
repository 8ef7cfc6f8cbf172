import RuleEngine
import Rules

/// The configuration loader on any bytes: a configuration or an error, never a crash.
func fuzzConfig(_ bytes: [UInt8]) {
    if let config = try? Configuration.parse(bytes, path: "/site/.galley.yml", directory: "/site",
                                             knownRules: AllRules.optionTable) {
        // A configuration that loads is usable: a linter can be made from it.
        let session = Session(rules: AllRules.rules, fileSystem: InMemoryFileSystem(["/site/p.md": "x\n"]))
        _ = Linter(session: session, configuration: config).check(path: "/site/p.md", bytes: Array("a&nbsp;b\n".utf8))
    }
    return
}
