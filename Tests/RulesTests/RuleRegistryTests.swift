import Foundation
import Testing
@testable import RuleEngine
@testable import Rules

@Suite struct RuleRegistryTests {
    var docFiles: Set<String> {
        let dir = repositoryRoot.appendingPathComponent("rules")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return Set(names.filter { $0.hasSuffix(".md") && $0 != "README.md" }.map { String($0.dropLast(3)) })
    }

    @Test func everyRuleHasAPageAndEveryPageARule() {
        let ids = Set(AllRules.rules.map(\.descriptor.id))
        #expect(!docFiles.isEmpty)
        #expect(ids == docFiles, "rules without a page: \(ids.subtracting(docFiles)); pages without a rule: \(docFiles.subtracting(ids))")
    }

    @Test func everyPageIsEmbeddedVerbatim() throws {
        for id in docFiles {
            let onDisk = try String(contentsOf: repositoryRoot.appendingPathComponent("rules/\(id).md"), encoding: .utf8)
            #expect(AllRules.documentation(id) == onDisk, "embedded page of \(id) differs from rules/\(id).md")
        }
    }

    @Test func idsAreUniqueKebabCaseAndNameTheirType() throws {
        let ids = AllRules.rules.map(\.descriptor.id)
        #expect(Set(ids).count == ids.count)
        for rule in AllRules.rules {
            let id = rule.descriptor.id
            #expect(id.allSatisfy { $0.isLowercase || $0 == "-" }, "\(id) is not kebab-case")
            let camel = id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
            #expect(String(describing: type(of: rule)) == camel + "Rule")
            // One folder per family of rules: Sources/Rules/<Family>/<Camel>Rule.swift.
            let families = try FileManager.default.contentsOfDirectory(atPath: repositoryRoot.appendingPathComponent("Sources/Rules").path)
            let homes = families.filter {
                FileManager.default.fileExists(atPath: repositoryRoot.appendingPathComponent("Sources/Rules/\($0)/\(camel)Rule.swift").path)
            }
            #expect(homes.count == 1, "\(camel)Rule.swift should be in exactly one family folder, found in \(homes)")
        }
    }

    @Test func summariesHaveNoTrailingPeriod() {
        for rule in AllRules.rules {
            #expect(!rule.descriptor.summary.hasSuffix("."))
        }
    }
}
