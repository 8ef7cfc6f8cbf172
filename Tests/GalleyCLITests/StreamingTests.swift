import Foundation
import Testing
@testable import GalleyCLI

/// The pieces the streamed reports are made of: the emitter lays JSON out exactly as
/// `JSONValue` does, the spool keeps order past its memory limit, and the reorder window
/// keeps the items' order while never running more than its size ahead.
@Suite struct StreamingTests {
    @Test func emitterWritesWhatJSONValueRenders() {
        let value = JSONValue.object([
            ("a", .array([])), ("b", .object([])), ("c", .array([.int(-12), .string("x\u{1}\"\\\n"), .null, .bool(false)])),
            ("d", .object([("e", .array([.object([("f", .int(1_234_567_890_123))])]))])),
        ])
        var e = JSONEmitter()
        e.openObject()
        e.key("a"); e.emptyArray()
        e.key("b"); e.openObject(); e.closeObject()
        e.key("c"); e.openArray(); e.item(); e.int(-12); e.item(); e.string("x\u{1}\"\\\n"); e.item(); e.null(); e.item(); e.bool(false); e.closeArray()
        e.key("d"); e.openObject(); e.key("e"); e.openArray(); e.item()
        // A piece rendered elsewhere at this depth, pasted in.
        var piece = JSONEmitter(base: 6)
        piece.openObject(); piece.member("f", 1_234_567_890_123); piece.closeObject()
        e.raw(piece.out)
        e.closeArray(); e.closeObject()
        e.closeObject()
        e.out.append(0x0A)
        #expect(String(decoding: e.out, as: UTF8.self) == value.rendered())
    }

    @Test func decimalsAndEscapesAreByteExact() {
        var out: [UInt8] = []
        for n in [0, 7, 10, 99, 100, 65_535, Int.max, -1] {
            out.append(decimal: n)
            out.append(0x20)
        }
        #expect(String(decoding: out, as: UTF8.self) == "0 7 10 99 100 65535 \(Int.max) -1 ")
        out = []
        out.appendJSONString(validating: Array("é\u{8}\u{C}\t\r\u{1F}".utf8))
        #expect(String(decoding: out, as: UTF8.self) == #""é\b\f\t\r\u001F""#)
        out = []
        out.appendJSONString(validating: [0x61, 0xFF])
        #expect(String(decoding: out, as: UTF8.self) == "\"a\u{FFFD}\"")
    }

    @Test func spoolKeepsOrderPastItsMemoryLimit() {
        let spool = Spool()
        var expected: [UInt8] = []
        for k in 0..<300 {
            let chunk = [UInt8](repeating: UInt8(k % 251), count: 9_000 + k)
            spool.write(chunk)
            expected += chunk
        }
        #expect(expected.count > Spool.memoryLimit * 2)
        let sink = OutputSink()
        spool.drain(into: sink)
        #expect(spool.failure == nil)
        #expect(sink.buffer == expected)
    }

    @Test func sarifKeepsTheFirstResultsUpToItsLimit() {
        var sarif = SARIFReporter(paths: RepositoryPaths(root: "/r"), limit: 3)
        var pieces = Pieces()
        for k in 0..<2 { pieces.add(Array("{\"k\": \(k)}".utf8)) }
        sarif.add(pieces)
        sarif.add(pieces)
        sarif.add(pieces)
        #expect(sarif.written == 3 && sarif.omitted == 3)
        let sink = OutputSink()
        sarif.finish(RunTotals(policy: FixPolicy(level: .safe), fixMode: false), into: sink)
        let doc = try? JSONSerialization.jsonObject(with: Data(sink.buffer)) as? [String: Any]
        let results = ((doc?["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Int]]) ?? []
        #expect(results.map { $0["k"] } == [0, 1, 0])
    }

    @Test func streamKeepsOrderAndStaysInsideItsWindow() {
        final class Watch: @unchecked Sendable {
            let lock = NSLock()
            var started = 0
            var consumed = 0
            var worstLead = 0
            func start() {
                lock.lock(); started += 1; worstLead = max(worstLead, started - consumed); lock.unlock()
            }
            func consume() { lock.lock(); consumed += 1; lock.unlock() }
        }
        let watch = Watch()
        var seen: [Int] = []
        let items = Array(0..<500)
        let n = Parallel.stream(items, workers: 4, window: 8, { i -> Int in
            watch.start()
            usleep(UInt32((i * 7919) % 300))
            return i
        }, consume: { i in
            seen.append(i)
            watch.consume()
        })
        #expect(n == 500)
        #expect(seen == items)
        // The window frees a slot as it hands a result over, just before the test counts it consumed.
        #expect(watch.worstLead <= 8 + 1)
        #expect(watch.worstLead >= 4)
    }

    @Test func aStoppedStreamFinishesWhatItStarted() {
        let stop = StopFlag()
        var seen: [Int] = []
        Parallel.stream(Array(0..<1000), workers: 2, stop: stop, { i -> Int in
            if i == 20 { stop.raise() }
            usleep(200)
            return i
        }, consume: { seen.append($0) })
        #expect(seen == Array(0..<seen.count))
        #expect(seen.count >= 21 && seen.count < 40)
    }
}

@Suite struct SHA256Tests {
    @Test func standardVectors() {
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex([UInt8](repeating: 0x61, count: 1_000_000)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func piecewiseEqualsWhole() {
        let bytes = (0..<1000).map { UInt8($0 % 251) }
        for split in [0, 1, 63, 64, 65, 500, 1000] {
            var s = SHA256()
            s.update(Array(bytes[..<split]))
            s.update(Array(bytes[split...]))
            #expect(s.finalHex() == SHA256.hex(bytes))
        }
    }
}

@Suite struct ProgressLineTests {
    @Test func saysDoneTotalFindingsFixesElapsedRateAndWhatIsLeft() {
        let line = Progress.line(done: 500, total: 2000, findings: 1234, fixes: 99, elapsed: .seconds(2), width: 200)
        #expect(line == "galley: 500/2000 files (25%), 1234 findings, 99 fixed, 2.0 s, 250 files/s, ETA 6.0 s")
        let check = Progress.line(done: 3, total: 3, findings: 1, fixes: nil, elapsed: .milliseconds(1500), width: 200)
        #expect(check == "galley: 3/3 files (100%), 1 finding, 1.5 s, 2.0 files/s")
        #expect(Progress.line(done: 1, total: 100_000, findings: 0, fixes: 0, elapsed: .seconds(100), width: 200).hasSuffix("0.0 files/s, ETA 2777 h 45 min"))
    }

    @Test func neverWrapsTheTerminal() {
        let line = Progress.line(done: 500, total: 2000, findings: 1234, fixes: 99, elapsed: .seconds(2), width: 40)
        #expect(line.count == 39)
    }

    @Test func onlyOnATerminal() {
        // The test's standard error is a pipe or a file, not a terminal.
        if isatty(2) == 0 { #expect(!Progress.wanted(quiet: false, disabled: false)) }
        #expect(!Progress.wanted(quiet: true, disabled: false))
        #expect(!Progress.wanted(quiet: false, disabled: true))
    }
}

/// How many files a run processes at once without `--jobs`.
@Suite struct DefaultWorkersTests {
    @Test func oneACoreUnlessFilesAreWritten() {
        #expect(Runner.defaultWorkers(cores: 2, writesFiles: false) == 2)
        #expect(Runner.defaultWorkers(cores: 2, writesFiles: true) == 8)
        #expect(Runner.defaultWorkers(cores: 40, writesFiles: true) == 64)
        #expect(Runner.defaultWorkers(cores: 40, writesFiles: false) == 40)
        #expect(Runner.defaultWorkers(cores: 0, writesFiles: false) == 1)
        #expect(Runner.defaultWorkers(cores: 128, writesFiles: true) == 128)
    }
}
