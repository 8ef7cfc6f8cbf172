/// Finds a directory's static-site generator by its marker files and reads the folders
/// and address out of its configuration, line by line.
enum GeneratorDetection {
    static let astroFiles = ["astro.config.mjs", "astro.config.js", "astro.config.ts", "astro.config.mts", "astro.config.cjs"]
    static let hugoFiles = ["hugo.toml", "hugo.yaml", "hugo.yml"]
    static let hugoConfigDirectoryFiles = ["config/_default/hugo.toml", "config/_default/config.toml",
                                           "config/_default/hugo.yaml", "config/_default/config.yaml"]
    static let eleventyFiles = [".eleventy.js", "eleventy.config.js", "eleventy.config.mjs", "eleventy.config.cjs", "eleventy.config.ts"]
    static let jekyllFiles = ["_config.yml", "_config.yaml"]
    /// Hugo's older names, taken only when they hold a `baseURL`.
    static let hugoLegacyFiles = ["config.toml", "config.yaml", "config.yml"]

    /// The generator whose marker is in `directory`, or nil.
    static func detect(in directory: String, fileSystem: any FileSystem) -> SiteGenerator? {
        func file(_ names: [String]) -> String? {
            names.lazy.map { Path.join(directory, $0) }.first { fileSystem.isFile($0) }
        }
        func read(_ path: String) -> [UInt8]? { try? fileSystem.read(path) }
        if let marker = file(astroFiles) {
            return astro(marker, directory, read(marker))
        }
        if let marker = file(hugoFiles) ?? file(hugoConfigDirectoryFiles) {
            return hugo(marker, directory, read(marker))
        }
        if let marker = file(eleventyFiles) {
            return eleventy(marker, directory, read(marker))
        }
        if let marker = file(jekyllFiles) {
            return jekyll(marker, directory, read(marker))
        }
        for name in hugoLegacyFiles {
            let marker = Path.join(directory, name)
            guard fileSystem.isFile(marker), let bytes = read(marker) else { continue }
            let lines = ConfigLines(bytes, syntax(of: name))
            if lines.entries.contains(where: { $0.section == "" && $0.key.lowercased() == "baseurl" }) {
                return hugo(marker, directory, bytes)
            }
        }
        return nil
    }

    static func syntax(of name: String) -> ConfigLines.Syntax {
        name.hasSuffix(".toml") ? .toml : name.hasSuffix(".yaml") || name.hasSuffix(".yml") ? .yaml : .javascript
    }

    /// The file as a message names it (relative to the project).
    static func shown(_ marker: String, _ directory: String) -> String {
        marker.hasPrefix(directory + "/") ? String(marker.dropFirst(directory.count + 1)) : marker
    }

    /// A note about a key whose value is not written as a literal.
    static func unread(_ entry: ConfigLines.Entry, _ file: String, _ consequence: String) -> String {
        let written = entry.written.contains("`") ? "`` \(entry.written) ``" : "`\(entry.written)`"
        return "\(file):\(entry.line): `\(entry.key)` is not written as a literal (\(written)), so \(consequence)"
    }

    static func astro(_ marker: String, _ directory: String, _ bytes: [UInt8]?) -> SiteGenerator {
        var g = SiteGenerator(kind: .astro, configFile: marker, directory: directory)
        let file = shown(marker, directory)
        let lines = ConfigLines(bytes ?? [], .javascript)
        if bytes == nil { g.notes.append("\(file) could not be read; Astro's defaults are taken") }
        func value(_ key: String, _ consequence: String) -> String? {
            guard let entry = lines.entry(key) else { return nil }
            if let v = entry.values?.first { return v }
            g.notes.append(unread(entry, file, consequence))
            return nil
        }
        let site = value("site", "the new site's address is unknown")
        let base = value("base", "the new site is taken to be served at `/`") ?? ""
        let publicDir = value("publicDir", "`public/` is taken as the static folder") ?? "public"
        let srcDir = value("srcDir", "`src/` is taken as the source folder") ?? "src"
        let outDir = value("outDir", "`dist/` is taken as the build output") ?? "dist"
        g.address = site.flatMap(SiteAddress.init)
        if let site, g.address == nil { g.notes.append("\(file): `site` (`\(site)`) is not an http(s) address") }
        g.basePath = joinedBase(g.address?.path ?? "", base)
        if var address = g.address {
            address.path = g.basePath
            g.address = address
        }
        g.servedDirectories = [g.path(publicDir)]
        g.contentDirectories = [g.path(srcDir + "/content"), g.path(srcDir + "/pages")]
        g.outputDirectories = [g.path(outDir)]
        return g
    }

    static func hugo(_ marker: String, _ directory: String, _ bytes: [UInt8]?) -> SiteGenerator {
        // `config/_default/hugo.toml` belongs to the project two levels up.
        let project = marker.hasPrefix(directory + "/config/_default/") ? directory : Path.directory(of: marker)
        var g = SiteGenerator(kind: .hugo, configFile: marker, directory: project)
        let file = shown(marker, project)
        if marker.hasSuffix(".json") || bytes == nil {
            g.notes.append("\(file) could not be read; Hugo's defaults are taken")
        }
        let lines = ConfigLines(bytes ?? [], syntax(of: marker))
        // Hugo's keys are case-insensitive (`baseURL`, `baseurl`).
        func entry(_ key: String, in section: String = "") -> ConfigLines.Entry? {
            lines.entries.first { $0.key.lowercased() == key.lowercased() && $0.section.lowercased() == section }
        }
        func values(_ key: String, _ consequence: String) -> [String]? {
            guard let e = entry(key) else { return nil }
            if let v = e.values, !v.isEmpty { return v }
            g.notes.append(unread(e, file, consequence))
            return nil
        }
        if let base = values("baseURL", "the new site's address is unknown")?.first {
            g.address = SiteAddress(base)
            g.basePath = g.address?.path ?? (base.hasPrefix("/") ? trimmedPath(base) : "")
        }
        let statics = values("staticDir", "`static/` is taken as the static folder") ?? ["static"]
        let content = values("contentDir", "`content/` is taken as the content folder")?.first ?? "content"
        let publish = values("publishDir", "`public/` is taken as the build output")?.first ?? "public"
        let themesDir = values("themesDir", "`themes/` is taken as the themes folder")?.first ?? "themes"
        let themes = values("theme", "the theme's static folder is not known") ?? []
        g.servedDirectories = statics.map(g.path) + themes.map { g.path(themesDir + "/" + $0 + "/static") } + [g.path(content)]
        g.contentDirectories = [g.path(content)]
        g.outputDirectories = [g.path(publish)]
        for section in ["permalinks", "permalinks.page"] {
            for e in lines.entries where e.section.lowercased() == section {
                if let pattern = e.values?.first { g.permalinks[e.key] = pattern }
            }
        }
        let taxonomies = lines.entries.filter { $0.section.lowercased() == "taxonomies" }.compactMap { $0.values?.first }
        g.taxonomies = taxonomies.isEmpty ? ["tags", "categories"] : taxonomies
        return g
    }

    static func jekyll(_ marker: String, _ directory: String, _ bytes: [UInt8]?) -> SiteGenerator {
        var g = SiteGenerator(kind: .jekyll, configFile: marker, directory: directory)
        let file = shown(marker, directory)
        if bytes == nil { g.notes.append("\(file) could not be read; Jekyll's defaults are taken") }
        let lines = ConfigLines(bytes ?? [], .yaml)
        func value(_ key: String, _ consequence: String) -> String? {
            guard let e = lines.entry(key) else { return nil }
            if let v = e.values?.first { return v }
            if e.values == nil || !e.written.isEmpty { g.notes.append(unread(e, file, consequence)) }
            return nil
        }
        let url = value("url", "the new site's address is unknown")
        let baseurl = value("baseurl", "the new site is taken to be served at `/`") ?? ""
        let source = value("source", "the site's root is taken as its source") ?? "."
        let destination = value("destination", "`_site/` is taken as the build output") ?? "_site"
        g.basePath = trimmedPath(baseurl)
        if let url, var address = SiteAddress(url) {
            address.path = joinedBase(address.path, baseurl)
            g.basePath = address.path
            g.address = address
        }
        g.servedDirectories = [g.path(source)]
        g.contentDirectories = [g.path(source)]
        g.outputDirectories = [g.path(destination)]
        g.permalinks["posts"] = value("permalink", "Jekyll's default permalinks (`date`) are taken") ?? "date"
        return g
    }

    static func eleventy(_ marker: String, _ directory: String, _ bytes: [UInt8]?) -> SiteGenerator {
        var g = SiteGenerator(kind: .eleventy, configFile: marker, directory: directory)
        let file = shown(marker, directory)
        if bytes == nil { g.notes.append("\(file) could not be read; Eleventy's defaults are taken") }
        let lines = ConfigLines(bytes ?? [], .javascript)
        func value(_ key: String, _ consequence: String) -> String? {
            guard let e = lines.entry(key) else { return nil }
            if let v = e.values?.first { return v }
            g.notes.append(unread(e, file, consequence))
            return nil
        }
        let input = value("input", "the project's folder is taken as the input") ?? "."
        let output = value("output", "`_site/` is taken as the build output") ?? "_site"
        let prefix = value("pathPrefix", "the new site is taken to be served at `/`") ?? ""
        g.basePath = trimmedPath(prefix)
        // Passthrough copies are JavaScript calls: the input folder is taken to serve `/`.
        g.servedDirectories = Array(Set([directory, g.path(input)])).sorted()
        g.contentDirectories = [g.path(input)]
        g.outputDirectories = [g.path(output)]
        return g
    }

    /// `/blog/` as `/blog`, `/` and "" as "".
    static func trimmedPath(_ path: String) -> String {
        var p = path.trimmed
        while p.hasSuffix("/") { p.removeLast() }
        if !p.isEmpty && !p.hasPrefix("/") { p = "/" + p }
        return p
    }

    /// An address's path and a base under it (`/docs` and `/v2` give `/docs/v2`).
    static func joinedBase(_ path: String, _ base: String) -> String {
        let b = trimmedPath(base)
        if b.isEmpty { return trimmedPath(path) }
        return trimmedPath(path).hasSuffix(b) ? trimmedPath(path) : trimmedPath(path) + b
    }
}
