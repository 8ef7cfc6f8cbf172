import RuleEngine
import Rules

/// The configuration loader on any bytes: a configuration or an error, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfig(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let config = try? Configuration.parse(bytes, path: "/site/.galley.yml", directory: "/site",
                                             knownRules: AllRules.optionTable) {
        // A configuration that loads is usable: a linter can be made from it.
        let session = Session(rules: AllRules.rules, fileSystem: InMemoryFileSystem(["/site/p.md": "x\n"]))
        _ = Linter(session: session, configuration: config).check(path: "/site/p.md", bytes: Array("a&nbsp;b\n".utf8))
    }
    return 0
}
