/// galley's name, version and home page, as the reports state them.
enum GalleyInfo {
    static let name = "galley"
    static let version = "0.1.0"
    /// The project's home page (SARIF `tool.driver.informationUri`).
    static let informationURI = "https://github.com/galley-md/galley"
}
