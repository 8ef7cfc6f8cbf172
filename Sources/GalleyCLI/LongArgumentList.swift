/// ArgumentParser takes time quadratic in the number of arguments (20,000 file names:
/// 10 s), and file lists that long are what pre-commit and `galley check $(git ls-files)`
/// pass. So before parsing, a long trailing run of plain arguments (none starting with
/// `-`) is set aside, except its first element, which may be the value of the option
/// before it; the commands that take paths append the rest to theirs, in order.
enum LongArgumentList {
    /// Runs up to this long are parsed as they are.
    static let threshold = 64
    nonisolated(unsafe) static var extraPaths: [String] = []

    /// The arguments to parse and the paths set aside.
    static func split(_ arguments: [String]) -> (parse: [String], paths: [String]) {
        let takesPaths = arguments.first.map { !["rules", "explain", "help"].contains($0) } ?? false
        var start = arguments.count
        // The first argument (a subcommand's name, or a path) always stays.
        while start > 1 && !arguments[start - 1].hasPrefix("-") { start -= 1 }
        guard takesPaths, arguments.count - start > threshold else { return (arguments, []) }
        return (Array(arguments[..<(start + 1)]), Array(arguments[(start + 1)...]))
    }
}
