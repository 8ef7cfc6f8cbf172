import Testing
@testable import GalleyCLI

/// What replaced Foundation's `trimmingCharacters`, `padding` and
/// `String(format:)` (galley links FoundationEssentials only): the answers those gave.
@Suite struct TextHelpersTests {
    @Test func trimmingKeepsWhatIsInside() {
        #expect(TextHelpers.trimmingBlanks(" \tnbsp-entity ") == "nbsp-entity")
        #expect(TextHelpers.trimmingBlanks("  ") == "")
        #expect(TextHelpers.trimmingBlanks("a b") == "a b")
        #expect(TextHelpers.trimmingBlanks(" é ") == "é")
        #expect(TextHelpers.trimmingLineBreaks("\n3 findings\n\n") == "3 findings")
        #expect(TextHelpers.trimmingLineBreaks(" x\n") == " x")
    }

    @Test func paddingToAWidth() {
        #expect(TextHelpers.padded("rule", to: 8) == "rule    ")
        #expect(TextHelpers.padded("mismatched-emphasis", to: 4) == "mismatched-emphasis")
        #expect(TextHelpers.padded("ü", to: 3) == "ü  ")
    }

    @Test func oneDecimalRoundsAsPrintfDid() {
        #expect(Progress.oneDecimal(0) == "0.0")
        #expect(Progress.oneDecimal(1.5) == "1.5")
        #expect(Progress.oneDecimal(2.04) == "2.0")
        #expect(Progress.oneDecimal(2.06) == "2.1")
        #expect(Progress.oneDecimal(59.96) == "60.0")
        #expect(Progress.oneDecimal(123.4) == "123.4")
        // Ties as printf takes them: by the double's exact value.
        #expect(Progress.oneDecimal(0.15) == "0.1")
        #expect(Progress.oneDecimal(1.45) == "1.4")
        #expect(Progress.oneDecimal(9.95) == "9.9")
        #expect(Progress.oneDecimal(0.25) == "0.2")
    }
}

/// Git is run with `posix_spawn`, not Foundation's `Process`.
@Suite struct ChildProcessTests {
    @Test func outputErrorsAndStatusOfAChild() throws {
        let child = try #require(ChildProcess.run("/bin/sh", ["-c", "printf 'out\\0put'; printf err >&2; exit 3"],
                                                  environment: ["PATH": "/usr/bin:/bin"]))
        #expect(child.stdout == Array("out\0put".utf8))
        #expect(child.stderr == Array("err".utf8))
        #expect(child.status == 3)
    }

    @Test func moreOutputThanAPipeHoldsOnBothStreams() throws {
        // 1 MB on each stream: read one after the other, git would block on the full other pipe.
        let child = try #require(ChildProcess.run("/bin/sh", ["-c", "head -c 1048576 /dev/zero; head -c 1048576 /dev/zero >&2"],
                                                  environment: ["PATH": "/usr/bin:/bin"]))
        #expect(child.stdout.count == 1 << 20)
        #expect(child.stderr.count == 1 << 20)
        #expect(child.status == 0)
    }

    @Test func theEnvironmentIsTheOneGivenAndStandardInputIsEmpty() throws {
        let child = try #require(ChildProcess.run("/bin/sh", ["-c", "printf %s \"$GALLEY_X\"; cat"],
                                                  environment: ["GALLEY_X": "y z", "PATH": "/usr/bin:/bin"]))
        #expect(String(decoding: child.stdout, as: UTF8.self) == "y z")
        // (`cat` ends at once whatever the test's own input is; where it points says more.)
        let input = try #require(ChildProcess.run("/bin/readlink", ["/proc/self/fd/0"], environment: [:]))
        #expect(String(decoding: input.stdout, as: UTF8.self) == "/dev/null\n")
    }

    @Test func aSignalEndsItAs128PlusTheSignal() throws {
        let child = try #require(ChildProcess.run("/bin/sh", ["-c", "kill -TERM $$"], environment: [:]))
        #expect(child.status == 128 + 15)
    }

    @Test func noSuchProgramIsNil() {
        #expect(ChildProcess.run("/nonexistent/galley-test", [], environment: [:]) == nil)
    }
}
