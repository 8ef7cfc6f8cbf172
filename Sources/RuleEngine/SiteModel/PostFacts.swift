import FrontMatter

/// What a page table needs to know of one post or page: where its file is, and the front
/// matter values that name its URL (`slug`, `permalink`, `url`, `aliases`, the date, the
/// title, tags and other lists).
struct PostFacts {
    /// Absolute.
    var path: String
    /// The directories between the content folder and the file.
    var directories: [String]
    /// The file name without its extension.
    var baseName: String
    /// The file name without extension and without Jekyll's `YYYY-MM-DD-` (a bundle's
    /// `index` / `_index` takes its folder's name).
    var stem: String
    var date: (year: String, month: String, day: String)?
    /// Top-level front matter values: one string for a scalar, the items of a list.
    var fields: [String: [String]]
    /// The keys whose value is a list (not a scalar).
    var lists: Set<String>

    func field(_ key: String) -> String? { fields[key]?.first.flatMap { $0.isEmpty ? nil : $0 } }

    var slug: String? { field("slug") }
    var title: String? { field("title") }
    /// `draft: true` or `published: false`: not built.
    var isDraft: Bool { field("draft") == "true" || field("published") == "false" }

    /// `nil` when the file cannot be read.
    init?(path: String, contentDirectory: String, fileSystem: any FileSystem) {
        guard let bytes = try? fileSystem.read(path) else { return nil }
        self.path = path
        let relative = path.hasPrefix(contentDirectory + "/") ? String(path.dropFirst(contentDirectory.count + 1)) : Path.lastComponent(path)
        var parts = relative.split(separator: "/").map(String.init)
        let name = parts.removeLast()
        directories = parts
        baseName = name.utf8.lastIndex(of: 0x2E).map { String(name[..<$0]) } ?? name
        var stem = baseName
        var date: (String, String, String)?
        let u = Array(stem.utf8)
        if u.count > 11, Self.isDatePrefix(u) {
            date = (String(decoding: u[0..<4], as: UTF8.self), String(decoding: u[5..<7], as: UTF8.self), String(decoding: u[8..<10], as: UTF8.self))
            stem = String(decoding: u[11...], as: UTF8.self)
        }
        if (stem == "index" || stem == "_index"), let folder = parts.last { stem = folder }
        self.stem = stem
        (fields, lists) = Self.frontMatterFields(bytes)
        if date == nil, let written = fields["date"]?.first.map({ Array($0.utf8) }), written.count >= 10, Self.isDatePrefix(written, dashAt10: false) {
            date = (String(decoding: written[0..<4], as: UTF8.self), String(decoding: written[5..<7], as: UTF8.self),
                    String(decoding: written[8..<10], as: UTF8.self))
        }
        self.date = date
    }

    /// `YYYY-MM-DD-` (or `YYYY-MM-DD` when `dashAt10` is false).
    static func isDatePrefix(_ u: [UInt8], dashAt10: Bool = true) -> Bool {
        let digits = [0, 1, 2, 3, 5, 6, 8, 9]
        guard u.count >= (dashAt10 ? 11 : 10), u[4] == 0x2D, u[7] == 0x2D, !dashAt10 || u[10] == 0x2D else { return false }
        return digits.allSatisfy { u[$0] >= 0x30 && u[$0] <= 0x39 }
    }

    /// Top-level keys of YAML (`---`) or TOML (`+++`) front matter.
    static func frontMatterFields(_ bytes: [UInt8]) -> ([String: [String]], Set<String>) {
        guard let block = FrontMatter.split(bytes), block.isClosed else { return ([:], []) }
        var fields: [String: [String]] = [:]
        var lists = Set<String>()
        if block.kind == .toml {
            for entry in ConfigLines(Array(bytes[block.content]), .toml).entries where entry.section.isEmpty {
                guard let values = entry.values, fields[entry.key] == nil else { continue }
                fields[entry.key] = values
                if entry.written.hasPrefix("[") { lists.insert(entry.key) }
            }
            return (fields, lists)
        }
        guard let pairs = YAMLParser.parse(bytes, range: block.content).root?.mapping else { return ([:], []) }
        for pair in pairs {
            guard let key = pair.key.scalar, fields[key] == nil else { continue }
            if let value = pair.value.scalar {
                fields[key] = [value]
            } else if let items = pair.value.sequence {
                fields[key] = items.compactMap(\.scalar)
                lists.insert(key)
            }
        }
        return (fields, lists)
    }
}
