import Glibc

/// One libFuzzer binary for every target (one link instead of five): `FUZZ_TARGET`
/// names the target, as fuzz/run.sh sets it.
let targets: [String: @Sendable ([UInt8]) -> Void] = [
    "FuzzFrontMatter": fuzzFrontMatter,
    "FuzzMarkdown": fuzzMarkdown,
    "FuzzRender": fuzzRender,
    "FuzzFix": fuzzFix,
    "FuzzConfig": fuzzConfig,
]

let selected: @Sendable ([UInt8]) -> Void = {
    let name = getenv("FUZZ_TARGET").map { String(cString: $0) } ?? ""
    guard let target = targets[name] else {
        fatalError("set FUZZ_TARGET to one of \(targets.keys.sorted().joined(separator: ", ")) (got \"\(name)\")")
    }
    return target
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func galleyFuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    selected(size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
