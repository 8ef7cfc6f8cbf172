import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// The machine formats, on real fixture files. The example post is copied under a name
/// holding `,`, `:`, `%` and a space, the characters GitHub's workflow commands and URIs
/// must escape.
@Suite struct CIFormatTests {
    static let oddName = "posts/a,b:c 100%.md"

    func exampleBox() throws -> Sandbox {
        let box = try Sandbox()
        try box.write(Self.oddName, bytes: try Sandbox.fixture("examples/ghost-export-post.md"))
        // The post's cover, so that missing-image has nothing to say here.
        try box.write("content/images/2016/07/montreal-port.jpg", bytes: [0xFF, 0xD8])
        return box
    }

    /// Every fixture's input, as `cases/<case>.md`, with its expected `LINE:COL rule` list.
    func fixtureBox() throws -> (Sandbox, [String: [String]]) {
        let box = try Sandbox()
        var expected: [String: [String]] = [:]
        let root = Galley.repositoryRoot.appendingPathComponent("fixtures")
        for name in try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() {
            let dir = root.appendingPathComponent(name)
            // A case with its own site or configuration (anything beside its four files: a
            // `.galley.yml`, images, a generator's marker file) only means something in place.
            let caseFiles: Set<String> = ["input.md", "expected.md", "expected-unsafe.md", "findings.txt"]
            guard FileManager.default.fileExists(atPath: dir.appendingPathComponent("findings.txt").path),
                  try FileManager.default.contentsOfDirectory(atPath: dir.path).allSatisfy(caseFiles.contains) else { continue }
            try box.write("cases/\(name).md", bytes: try Sandbox.fixture("fixtures/\(name)/input.md"))
            let findings = try String(contentsOf: dir.appendingPathComponent("findings.txt"), encoding: .utf8)
            // `LINE:COL rule-id message`: the position and the rule (the messages name the
            // fixture's own site, which this sandbox does not recreate).
            expected["cases/\(name).md"] = findings.split(separator: "\n").map { $0.split(separator: " ").prefix(2).joined(separator: " ") }
        }
        return (box, expected)
    }

    @Test func githubAnnotationsEscapePathTitleAndMessage() throws {
        let box = try exampleBox()
        let out = try box.run("check", "--format", "github", "posts")
        #expect(out.status == 1)
        let file = "file=posts/a%2Cb%3Ac 100%25.md"
        let nbsp = "title=galley%3A nbsp-entity::non-breaking space entity `&nbsp;` in prose%0Afix (galley fix): "
        let marker = "title=galley%3A ghost-card-marker::Ghost card marker "
        #expect(out.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) == [
            "::warning \(file),line=12,col=1,endLine=12,endColumn=31,\(marker)`kg-card-begin: markdown` left over from the export%0Afix (galley fix): Remove the marker line",
            "::warning \(file),line=13,col=34,endLine=13,endColumn=40,\(nbsp)Replace the entity with a space",
            "::warning \(file),line=13,col=84,endLine=13,endColumn=90,\(nbsp)Replace the entity with a space",
            "::warning \(file),line=15,col=1,endLine=15,endColumn=7,\(nbsp)Remove the spacer paragraph",
            "::warning \(file),line=17,col=12,endLine=17,endColumn=18,\(nbsp)Replace the entity with a U+00A0 character (French spacing)",
            "::warning \(file),line=19,col=117,endLine=19,endColumn=123,\(nbsp)Replace the entity with a U+00A0 character (French spacing)",
            "::warning \(file),line=19,col=138,endLine=19,endColumn=144,\(nbsp)Replace the entity with a U+00A0 character (French spacing)",
            "::warning \(file),line=21,col=36,endLine=21,endColumn=42,\(nbsp)Remove the entity",
            "::warning \(file),line=22,col=45,endLine=22,endColumn=51,\(nbsp)Replace the entity with a space",
            "::warning \(file),line=26,col=1,endLine=26,endColumn=29,\(marker)`kg-card-end: markdown` left over from the export%0Afix (galley fix): Remove the marker line",
            "1 file, 10 findings, 10 fixable",
            "",
        ])
    }

    @Test func githubSeverityErrorsAndUnreadableFiles() throws {
        let box = try exampleBox()
        try box.write(".galley.yml", "rules:\n  nbsp-entity: error\n  ghost-card-marker: info\n")
        try box.write("posts/latin1.md", bytes: Array("caf".utf8) + [0xE9, 0x0A])
        let out = try box.run("check", "--format", "github", "posts")
        #expect(out.status == 2)
        let lines = out.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "::notice file=posts/a%2Cb%3Ac 100%25.md,line=12,col=1,endLine=12,endColumn=31,title=galley%3A ghost-card-marker::Ghost card marker `kg-card-begin: markdown` left over from the export%0Afix (galley fix): Remove the marker line")
        #expect(lines[1].hasPrefix("::error file=posts/a%2Cb%3Ac 100%25.md,line=13,col=34,"))
        #expect(lines.contains("::error file=posts/latin1.md,title=galley%3A file not checked::not valid UTF-8 (byte 0xE9 at line 1, column 4); the file was not checked"))
    }

    @Test func githubStepSummaryListsEveryFinding() throws {
        let box = try exampleBox()
        let summary = box.root.appendingPathComponent("summary.md")
        try Data("earlier step\n".utf8).write(to: summary)
        let out = try box.run(["check", "--format", "github", "posts"], environment: ["GITHUB_STEP_SUMMARY": summary.path])
        #expect(out.status == 1)
        let text = try String(contentsOf: summary, encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.first == "earlier step", "the summary file is appended to")
        #expect(lines.contains("| File | Line | Column | Severity | Rule | Message |"))
        #expect(lines.filter { $0.hasPrefix("| posts/") }.count == 10)
        #expect(lines.contains(#"| posts/a,b\:c 100%.md | 13 | 34 | warning | nbsp-entity | non-breaking space entity \`\&nbsp;\` in prose<br>fix (galley fix)\: Replace the entity with a space |"#))
        // Without the variable nothing is written anywhere.
        #expect(try box.run(["check", "--format", "github", "posts"], environment: ["GITHUB_STEP_SUMMARY": ""]).status == 1)
    }

    @Test func jsonHasEveryFindingOfEveryFixture() throws {
        let (box, expected) = try fixtureBox()
        let out = try box.run("check", "--format", "json", "cases")
        #expect(out.status == 1)
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        #expect(doc["version"] as? Int == 1)
        #expect((doc["tool"] as? [String: Any])?["name"] as? String == "galley")
        #expect(doc["mode"] as? String == "check")
        let findings = try #require(doc["findings"] as? [[String: Any]])
        var got: [String: [String]] = [:]
        for f in findings {
            let path = try #require(f["path"] as? String)
            let start = try #require(f["start"] as? [String: Int])
            let end = try #require(f["end"] as? [String: Int])
            let rule = try #require(f["rule"] as? String)
            got[path, default: []].append("\(start["line"]!):\(start["column"]!) \(rule)")
            #expect(f["severity"] as? String == (rule == "missing-image" ? "error" : "warning"))
            #expect((f["message"] as? String)?.isEmpty == false)
            // The byte range is the flagged text: its characters span the columns.
            let range = try #require(f["range"] as? [String: Int])
            let bytes = try box.read(path)
            let text = String(decoding: bytes[range["start"]!..<range["end"]!], as: UTF8.self)
            if rule == "nbsp-entity" { #expect(text.hasPrefix("&"), "\(path) \(start)") }
            if start["line"] == end["line"] { #expect(end["column"]! - start["column"]! == text.unicodeScalars.count) }
            if let fix = f["fix"] as? [String: Any] {
                #expect((fix["title"] as? String)?.isEmpty == false)
                #expect(["safe", "unsafe", "suggestion"].contains(fix["applicability"] as? String ?? ""))
                #expect((fix["edits"] as? [[String: Any]])?.isEmpty == false)
                #expect(f["fixable"] as? Bool == (fix["applicability"] as? String == "safe"))
            }
        }
        // A clean case (no finding) is checked but lists nothing.
        #expect(got == expected.filter { !$0.value.isEmpty })
        let summary = try #require(doc["summary"] as? [String: Any])
        #expect(summary["files"] as? Int == expected.count)
        #expect(summary["findings"] as? Int == expected.values.map(\.count).reduce(0, +))
        #expect(summary["errors"] as? Int == 0)
        let rules = try #require(summary["rules"] as? [[String: Any]])
        let perRule = Dictionary(uniqueKeysWithValues: rules.map { ($0["rule"] as! String, $0["findings"] as! Int) })
        let expectedPerRule = Dictionary(grouping: expected.values.flatMap { $0 }, by: { String($0.split(separator: " ")[1]) }).mapValues(\.count)
        #expect(perRule == expectedPerRule)
    }

    @Test func jsonEditsRebuildTheFixedLine() throws {
        let box = try exampleBox()
        let out = try box.run("check", "--format", "json", "--select", "nbsp-entity", Self.oddName)
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        let findings = try #require(doc["findings"] as? [[String: Any]])
        let first = try #require(findings.first)
        #expect(first["path"] as? String == Self.oddName)
        let fix = try #require(first["fix"] as? [String: Any])
        let edit = try #require((fix["edits"] as? [[String: Any]])?.first)
        let range = try #require(edit["range"] as? [String: Int])
        var bytes = try box.read(Self.oddName)
        bytes.replaceSubrange(range["start"]!..<range["end"]!, with: Array((edit["replacement"] as! String).utf8))
        let line = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)[12]
        #expect(line.hasPrefix("Nous avons passé trois semaines à Montréal, entre"))
        #expect(edit["start"] as? [String: Int] == ["line": 13, "column": 34])
        #expect(edit["end"] as? [String: Int] == ["line": 13, "column": 40])
    }

    @Test func jsonInFixModeReportsWhatRemainsAndWhatWasFixed() throws {
        let (box, _) = try fixtureBox()
        let out = try box.run("fix", "--format", "json", "cases/nbsp-french-post.md")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        #expect(doc["mode"] as? String == "fix")
        let summary = try #require(doc["summary"] as? [String: Any])
        #expect((summary["fixed"] as? Int ?? 0) > 0)
        let remaining = try #require(doc["findings"] as? [[String: Any]])
        #expect(remaining.allSatisfy { ($0["fix"] as? [String: Any])?["applicability"] as? String != "safe" })
        #expect(out.status == (remaining.isEmpty ? 0 : 1))
        let expected = try String(contentsOf: Galley.repositoryRoot.appendingPathComponent("fixtures/nbsp-french-post/expected.md"), encoding: .utf8)
        #expect(try box.text("cases/nbsp-french-post.md") == expected)
    }

    @Test func sarifCarriesWhatGitHubCodeScanningNeeds() throws {
        let (box, expected) = try fixtureBox()
        try box.write(Self.oddName, bytes: try Sandbox.fixture("examples/ghost-export-post.md"))
        let out = try box.run("check", "--format", "sarif", "cases", "posts")
        #expect(out.status == 1)
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        #expect(doc["version"] as? String == "2.1.0")
        #expect((doc["$schema"] as? String)?.contains("sarif") == true)
        let run = try #require((doc["runs"] as? [[String: Any]])?.first)
        #expect(run["columnKind"] as? String == "unicodeCodePoints")
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "galley")
        #expect((driver["version"] as? String)?.isEmpty == false)
        #expect((driver["informationUri"] as? String)?.hasPrefix("https://") == true)
        let rules = try #require(driver["rules"] as? [[String: Any]])
        let listed = try box.run("rules").stdout.split(separator: "\n").map { String($0.prefix { $0 != " " }) }
        #expect(rules.map { $0["id"] as? String } == listed)
        for rule in rules {
            let id = rule["id"] as! String
            let page = try String(contentsOf: Galley.repositoryRoot.appendingPathComponent("rules/\(id).md"), encoding: .utf8)
            let short = try #require((rule["shortDescription"] as? [String: Any])?["text"] as? String)
            let full = try #require((rule["fullDescription"] as? [String: Any])?["text"] as? String)
            #expect(!short.isEmpty && short.count <= 1024)
            #expect(!full.isEmpty && page.replacingOccurrences(of: "\n", with: " ").contains(full))
            #expect((rule["help"] as? [String: Any])?["text"] as? String == page)
            #expect((rule["help"] as? [String: Any])?["markdown"] as? String == page)
            #expect(["note", "warning", "error"].contains((rule["defaultConfiguration"] as? [String: Any])?["level"] as? String ?? ""))
        }
        let results = try #require(run["results"] as? [[String: Any]])
        var got: [String: [String]] = [:]
        var fingerprints = Set<String>()
        for r in results {
            let ruleID = try #require(r["ruleId"] as? String)
            let index = try #require(r["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == ruleID)
            #expect(r["level"] as? String == (ruleID == "missing-image" ? "error" : "warning"))
            #expect(((r["message"] as? [String: Any])?["text"] as? String)?.isEmpty == false)
            let locations = try #require(r["locations"] as? [[String: Any]])
            #expect(locations.count == 1)
            let physical = try #require(locations[0]["physicalLocation"] as? [String: Any])
            let uri = try #require((physical["artifactLocation"] as? [String: Any])?["uri"] as? String)
            let region = try #require(physical["region"] as? [String: Int])
            for key in ["startLine", "startColumn", "endLine", "endColumn"] { #expect((region[key] ?? 0) >= 1) }
            got[uri, default: []].append("\(region["startLine"]!):\(region["startColumn"]!) \(ruleID)")
            let hash = try #require((r["partialFingerprints"] as? [String: String])?["primaryLocationLineHash"])
            #expect(hash.range(of: #"^[0-9a-f]{16}:[0-9]+$"#, options: .regularExpression) != nil)
            #expect(fingerprints.insert(uri + ruleID + hash).inserted, "fingerprints are unique per file and rule")
        }
        var want = expected
        want["posts/a%2Cb%3Ac%20100%25.md"] = ["4:9 missing-image", "12:1 ghost-card-marker", "13:34 nbsp-entity", "13:84 nbsp-entity", "15:1 nbsp-entity",
                                              "17:12 nbsp-entity", "19:117 nbsp-entity", "19:138 nbsp-entity", "21:36 nbsp-entity",
                                              "22:45 nbsp-entity", "26:1 ghost-card-marker"]
        #expect(got == want.filter { !$0.value.isEmpty })
    }

    @Test func sarifFixesAreReplacementsOfTheFileAsRead() throws {
        let box = try exampleBox()
        let out = try box.run("check", "--format", "sarif", "--select", "nbsp-entity", Self.oddName)
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        let run = try #require((doc["runs"] as? [[String: Any]])?.first)
        let result = try #require((run["results"] as? [[String: Any]])?.first)
        let fix = try #require((result["fixes"] as? [[String: Any]])?.first)
        #expect((fix["description"] as? [String: Any])?["text"] as? String == "Replace the entity with a space")
        let change = try #require((fix["artifactChanges"] as? [[String: Any]])?.first)
        #expect((change["artifactLocation"] as? [String: Any])?["uri"] as? String == "posts/a%2Cb%3Ac%20100%25.md")
        let replacement = try #require((change["replacements"] as? [[String: Any]])?.first)
        #expect((replacement["insertedContent"] as? [String: Any])?["text"] as? String == " ")
        let region = try #require(replacement["deletedRegion"] as? [String: Int])
        #expect(region["startLine"] == 13 && region["startColumn"] == 34 && region["endLine"] == 13 && region["endColumn"] == 40)
        let bytes = try box.read(Self.oddName)
        #expect(Array(bytes[region["byteOffset"]!..<(region["byteOffset"]! + region["byteLength"]!)]) == Array("&nbsp;".utf8))
    }

    @Test func sarifReportsUnreadableFilesAsNotifications() throws {
        let box = try Sandbox()
        try box.write("latin1.md", bytes: Array("caf".utf8) + [0xE9, 0x0A])
        let out = try box.run("check", "--format", "sarif", ".")
        #expect(out.status == 2)
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        let run = try #require((doc["runs"] as? [[String: Any]])?.first)
        let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
        #expect(invocation["executionSuccessful"] as? Bool == false)
        let note = try #require((invocation["toolExecutionNotifications"] as? [[String: Any]])?.first)
        #expect(note["level"] as? String == "error")
        #expect(((note["message"] as? [String: Any])?["text"] as? String)?.hasPrefix("not valid UTF-8") == true)
    }

    @Test func junitHasASuitePerFileAndACasePerFinding() throws {
        let box = try exampleBox()
        try box.write("posts/clean.md", "# Fine\n\nNothing here.\n")
        try box.write("posts/latin1.md", bytes: Array("caf".utf8) + [0xE9, 0x0A])
        let out = try box.run("check", "--format", "junit", "posts")
        #expect(out.status == 2)
        let xml = try XMLDocument(data: Data(out.stdout.utf8))
        let root = try #require(xml.rootElement())
        #expect(root.name == "testsuites")
        #expect(root.attribute(forName: "tests")?.stringValue == "12")
        #expect(root.attribute(forName: "failures")?.stringValue == "10")
        #expect(root.attribute(forName: "errors")?.stringValue == "1")
        let suites = root.elements(forName: "testsuite")
        #expect(suites.map { $0.attribute(forName: "name")?.stringValue } == ["posts/a,b:c 100%.md", "posts/clean.md", "posts/latin1.md"])
        let odd = suites[0].elements(forName: "testcase")
        #expect(odd.count == 10)
        #expect(Set(odd.compactMap { $0.attribute(forName: "name")?.stringValue }).count == 10, "case names are unique")
        #expect(odd[1].attribute(forName: "name")?.stringValue == "nbsp-entity 13:34")
        #expect(odd[1].attribute(forName: "classname")?.stringValue == "posts/a,b:c 100%.md")
        #expect(odd[1].attribute(forName: "line")?.stringValue == "13")
        let failure = try #require(odd[1].elements(forName: "failure").first)
        #expect(failure.attribute(forName: "message")?.stringValue == "non-breaking space entity `&nbsp;` in prose")
        #expect(failure.attribute(forName: "type")?.stringValue == "warning")
        #expect(failure.stringValue == "rule: nbsp-entity\nposition: posts/a,b:c 100%.md:13:34-13:40\nseverity: warning\nmessage: non-breaking space entity `&nbsp;` in prose\nfix (safe): Replace the entity with a space")
        let clean = suites[1].elements(forName: "testcase")
        #expect(clean.count == 1 && clean[0].elements(forName: "failure").isEmpty)
        let error = try #require(suites[2].elements(forName: "testcase").first?.elements(forName: "error").first)
        #expect(error.attribute(forName: "message")?.stringValue?.hasPrefix("not valid UTF-8 (byte 0xE9") == true)
    }

    @Test func exitZeroQuietStatisticsAndColor() throws {
        let box = try exampleBox()
        let zero = try box.run("check", "--exit-zero", "posts")
        #expect(zero.status == 0 && zero.stdout.contains("10 findings"))
        let missing = try box.run("check", "--exit-zero", "posts", "nope.md")
        #expect(missing.status == 2, "errors still exit 2")
        let quiet = try box.run("check", "--quiet", "posts")
        #expect(quiet.status == 1)
        #expect(quiet.stdout.split(separator: "\n").count == 10 && !quiet.stdout.contains("10 findings"))
        let stats = try box.run("check", "--statistics", "posts")
        #expect(stats.stdout.hasSuffix("""
            rule               findings  fixable
            nbsp-entity               8        8
            ghost-card-marker         2        2
            total                    10       10

            """))
        let jsonStats = try box.run("check", "--statistics", "--format", "json", "posts")
        #expect(jsonStats.stderr.contains("nbsp-entity               8        8"))
        #expect(try JSONSerialization.jsonObject(with: Data(jsonStats.stdout.utf8)) is [String: Any])
        let plain = try box.run("check", "posts")
        #expect(!plain.stdout.contains("\u{1B}["), "not a terminal: no colour")
        let always = try box.run(["check", "--color", "always", "posts"], environment: ["NO_COLOR": "1"])
        #expect(always.stdout.contains("\u{1B}[33mwarning\u{1B}[0m"), "an explicit --color always beats NO_COLOR")
        #expect(always.stdout.contains("\u{1B}[1mposts/a,b:c 100%.md\u{1B}[0m:13:34: "))
        let never = try box.run(["check", "--color", "never", "posts"])
        #expect(never.stdout == plain.stdout)
        #expect(try box.run("check", "--color", "sometimes", "posts").status == 2)
    }

    @Test func usageErrorsForOptionsThatDoNotGoTogether() throws {
        let box = try exampleBox()
        for args in [["--stdin", "posts"], ["--stdin-filename", "x.md"], ["--no-git", "--changed-since", "main"],
                     ["--baseline", "a.json", "--write-baseline", "b.json"], ["--format", "xml"]] {
            let out = try box.run(["check"] + args)
            #expect(out.status == 2, "\(args)")
        }
        let missing = try box.run("check", "--baseline", "nope.json", "posts")
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("nope.json: cannot read the baseline"))
    }
}
