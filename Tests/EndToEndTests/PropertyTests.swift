import Foundation
import MarkdownScanner
import Testing

/// Properties over generated Ghost-export posts (with and without `--migration`) and
/// random mutations of them (line shuffles, punctuation flips, truncation, CRLF/LF
/// mixes, a BOM, an invalid byte), at a size `swift test` can afford;
/// `bench/properties.sh` runs the same properties over thousands of posts.
@Suite(.serialized) struct PropertyTests {
    /// How many posts (`GALLEY_PROPERTY_POSTS`, set large by bench/properties.sh).
    static func size(_ modest: Int) -> Int {
        ProcessInfo.processInfo.environment["GALLEY_PROPERTY_POSTS"].flatMap(Int.init) ?? modest
    }

    /// SplitMix64: the same mutations on every machine.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { n <= 0 ? 0 : Int(next() % UInt64(n)) }
    }

    /// What a mutation did, for the properties that depend on it.
    enum Mutation: Equatable { case none, shuffled, flipped, truncated, crlf, bom, invalid(offset: Int) }

    static func mutate(_ bytes: [UInt8], _ kind: Int, _ r: inout Random) -> ([UInt8], Mutation) {
        var b = bytes
        guard !b.isEmpty else { return (b, .none) }
        switch kind {
        case 1:
            var lines = b.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
            for _ in 0..<3 { lines.swapAt(r.below(lines.count), r.below(lines.count)) }
            return (Array(lines.joined(separator: [0x0A])), .shuffled)
        case 2:
            let marks = Array("*_[]()!<>#`&;-\\|~\n ".utf8)
            for _ in 0..<4 {
                let i = r.below(b.count)
                if b[i] < 0x80 { b[i] = marks[r.below(marks.count)] }
            }
            return (b, .flipped)
        case 3: return (Array(b.prefix(r.below(b.count))), .truncated)
        case 4:
            var out: [UInt8] = []
            for (k, line) in b.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
                if k > 0 { out += r.below(2) == 0 ? [0x0D, 0x0A] : [0x0A] }
                out += line
            }
            return (out, .crlf)
        case 5: return ([0xEF, 0xBB, 0xBF] + b, .bom)
        case 6:
            var i = r.below(b.count)
            while i < b.count && b[i] >= 0x80 { i += 1 }  // not inside a character
            b.insert(0xFF, at: i)
            return (b, .invalid(offset: i))
        default: return (b, .none)
        }
    }

    /// The tree: generated posts, every one mutated by its index (a seventh untouched).
    func tree(seed: Int, count: Int) throws -> (Sandbox, [String: Mutation]) {
        let box = try Sandbox()
        try Faults.generate(into: box, count: count / 2, seed: seed)
        let migration = try Sandbox()
        try Faults.generate(into: migration, count: count - count / 2, seed: seed + 1, migration: true)
        var mutations: [String: Mutation] = [:]
        var random = Random(state: UInt64(seed))
        for (source, prefix) in [(box, "blog"), (migration, "ghost")] {
            for (path, bytes) in try Faults.snapshot(source.root).sorted(by: { $0.key < $1.key }) where path.hasSuffix(".md") {
                let (mutated, what) = Self.mutate(bytes, mutations.count % 7, &random)
                let name = "\(prefix)/" + path
                try box.write(name, bytes: mutated)
                mutations[name] = what
            }
            if source === migration {
                // The migration site's images, so missing-image sees a site.
                for (path, bytes) in try Faults.snapshot(source.root) where !path.hasSuffix(".md") {
                    try box.write("ghost/" + path, bytes: bytes)
                }
            }
        }
        return (box, mutations)
    }

    /// Code as a reader sees it: a card's `<pre><code>` passes through as raw HTML with its
    /// character references (`&quot;`), the fenced block it becomes is escaped by the
    /// renderer; both read the same once the references are decoded.
    static func decodingReferences(_ text: String) -> String {
        let b = Array(text.utf8)
        var out: [UInt8] = []
        var i = 0
        while i < b.count {
            if b[i] == 0x26, let end = CharacterReference.decode(b, at: i, end: b.count, into: &out) {
                i = end
            } else {
                out.append(b[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The text of every `<code>` element `galley render` prints, references decoded.
    func codeText(_ box: Sandbox, _ path: String) throws -> [String] {
        let html = try box.run("render", path).stdout
        var out: [String] = []
        var rest = html[...]
        while let open = rest.range(of: "<code") {
            guard let gt = rest[open.upperBound...].firstIndex(of: ">"),
                  let close = rest[gt...].range(of: "</code>") else { break }
            out.append(Self.decodingReferences(String(rest[rest.index(after: gt)..<close.lowerBound])))
            rest = rest[close.upperBound...]
        }
        return out
    }

    @Test(.enabled(if: Faults.haveGenerator, "../shared/bench/gen_corpus.py is missing"))
    func checkIsTheSameOnOneCoreAndAllAndNeverCrashes() throws {
        let (box, mutations) = try tree(seed: 21, count: Self.size(56))
        let one = try box.run(["check", "--no-git", "--format", "json", "--jobs", "1", "."])
        let all = try box.run(["check", "--no-git", "--format", "json", "."])
        #expect([1, 2].contains(one.status))
        #expect(one.stdout == all.stdout && one.stderr == all.stderr && one.status == all.status)
        #expect(!one.stderr.contains("Fatal error") && one.stdout.count > 10_000)
        #expect(mutations.count == Self.size(56))
    }

    /// `fix` converges in one run (a second run changes nothing, with and without unsafe
    /// fixes), never changes the text of code (with unsafe fixes: only U+00A0 becomes a
    /// space; unclosed-fence, which moves where code ends, left out), and leaves invalid
    /// UTF-8 untouched, reported with its position.
    @Test(.enabled(if: Faults.haveGenerator, "../shared/bench/gen_corpus.py is missing"),
          arguments: [false, true])
    func fixConvergesLeavesCodeAndInvalidUTF8Alone(_ unsafe: Bool) throws {
        let (box, mutations) = try tree(seed: unsafe ? 31 : 41, count: Self.size(48))
        let before = try Faults.snapshot(box.root)
        let flags = unsafe ? ["--unsafe-fixes", "--ignore", "unclosed-fence"] : []
        let first = try box.run(["fix", "--no-git"] + flags + ["."])
        #expect([0, 1, 2].contains(first.status))
        let after = try Faults.snapshot(box.root)
        let second = try box.run(["fix", "--no-git"] + flags + ["."])
        #expect(try Faults.snapshot(box.root) == after, "a second fix changed files")
        #expect(second.status == first.status)
        var changed = 0, invalid = 0
        for (path, what) in mutations.sorted(by: { $0.key < $1.key }) {
            guard case .invalid(let offset) = what else { continue }
            invalid += 1
            #expect(after[path] == before[path], "\(path) is not UTF-8 and was changed")
            let prefix = before[path]!.prefix(offset)
            let line = prefix.count { $0 == 0x0A } + 1
            let column = String(decoding: prefix.split(separator: 0x0A, omittingEmptySubsequences: false).last ?? [], as: UTF8.self)
                .unicodeScalars.count + 1
            #expect(first.stderr.contains("galley: error: \(path): not valid UTF-8 (byte 0xFF at line \(line), column \(column)); the file was not checked"),
                    "\(path)")
        }
        for (path, bytes) in after where path.hasSuffix(".md") && bytes != before[path] {
            changed += 1
            let fixedCode = try codeText(box, path)
            try box.write(path + ".orig.txt", bytes: before[path]!)
            let originalCode = try codeText(box, path + ".orig.txt")
            if unsafe {
                #expect(originalCode.map { $0.replacing("\u{A0}", with: " ") } == fixedCode, "\(path): code changed")
            } else {
                #expect(originalCode == fixedCode, "\(path): code changed")
            }
        }
        #expect(changed > 10, "the posts should need fixes")
        #expect(invalid >= 6)
    }
}
