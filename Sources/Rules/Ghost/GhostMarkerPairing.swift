/// Pairs begin and end markers in document order (Ghost cards never nest) and words the
/// message of each marker: leftover, orphaned end, doubled begin, names that do not pair,
/// never closed.
enum GhostMarkerPairing {
    /// The message of each marker, and the well-formed pairs: a begin marker and the end
    /// marker of the same name that closes it (indices into `markers`, begin first).
    static func pairing(of markers: [GhostMarker]) -> (messages: [String], pairs: [(begin: Int, end: Int)]) {
        var messages = markers.map(defaultMessage)
        var pairs: [(begin: Int, end: Int)] = []
        var open: Int?  // index of the open begin marker
        for (k, m) in markers.enumerated() {
            switch m.role {
            case .membersOnly:
                continue
            case .begin:
                if let o = open {
                    let first = markers[o]
                    if first.name == m.name {
                        messages[k] = "doubled `\(m.canonical)`: the card opened on line \(first.line + 1) is still open"
                        continue
                    }
                    messages[o] = "`\(first.canonical)` is never closed: `\(m.canonical)` on line \(m.line + 1) starts another card"
                }
                open = k
            case .end:
                if let o = open {
                    let first = markers[o]
                    if first.name != m.name {
                        messages[k] = "`\(m.canonical)` does not pair with `\(first.canonical)` on line \(first.line + 1)"
                    } else {
                        pairs.append((o, k))
                    }
                    open = nil
                } else {
                    messages[k] = "orphaned `\(m.canonical)`: no `kg-card-begin: \(m.name)` opens it"
                }
            }
        }
        if let o = open { messages[o] = "`\(markers[o].canonical)` is never closed" }
        for (k, m) in markers.enumerated() where m.form == .bare {
            messages[k] += " (its comment delimiters were stripped)"
        }
        return (messages, pairs)
    }

    static func defaultMessage(_ m: GhostMarker) -> String {
        m.role == .membersOnly
            ? "Ghost paywall marker `members-only` left over from the export"
            : "Ghost card marker `\(m.canonical)` left over from the export"
    }
}
