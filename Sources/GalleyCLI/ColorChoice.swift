import ArgumentParser
import FoundationEssentials
import Glibc

/// `--color auto|always|never`. `auto` colours only a terminal, and not when `NO_COLOR`
/// is set to a non-empty value (https://no-color.org) or `TERM` is `dumb`; `always`
/// colours even then, as an explicit request overrides `NO_COLOR`.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never

    func enabled(for fd: Int32, environment: Environment = .process) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto:
            if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
            if environment["TERM"] == "dumb" { return false }
            return isatty(fd) != 0
        }
    }
}
