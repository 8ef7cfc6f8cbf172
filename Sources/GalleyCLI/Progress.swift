import Dispatch
import FoundationEssentials
import Glibc
import Synchronization

/// The one-line progress display of a run on a terminal: files done of all, findings,
/// fixes, time so far, rate and what is left, on standard error, redrawn in place with
/// `\r` at most ten times a second. When the report goes to the same terminal, the line
/// is cleared before anything else is written and drawn again after, so the two never
/// mix. Only when standard error is a terminal, and not with `--quiet`/`--no-progress`.
final class Progress: @unchecked Sendable {
    static let interval: Duration = .milliseconds(100)

    private let total: Int
    private let clock = ContinuousClock()
    private let start: ContinuousClock.Instant
    private let showFixes: Bool
    private let state = Mutex(State())
    private var timer: DispatchSourceTimer?

    /// What the line says and whether it is on the screen, behind the lock.
    private struct State {
        var lastDraw: ContinuousClock.Instant?
        var done = 0
        var findings = 0
        var fixes = 0
        /// Whether the line is on the screen now.
        var shown = false
        /// While other output is being written, nothing is drawn.
        var held = false
        var stopped = false
    }

    /// Whether a run with these options shows progress.
    static func wanted(quiet: Bool, disabled: Bool, environment: Environment = .process) -> Bool {
        !quiet && !disabled && isatty(2) != 0 && environment["TERM"] != "dumb"
    }

    init(total: Int, showFixes: Bool) {
        self.total = total
        self.showFixes = showFixes
        start = clock.now
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue.global())
        timer.schedule(deadline: .now() + .milliseconds(100), repeating: .milliseconds(100))
        timer.setEventHandler { [weak self] in self?.tick() }
        timer.resume()
        self.timer = timer
    }

    /// A file is done.
    func advance(findings: Int, fixes: Int) {
        state.withLock { s in
            s.done += 1
            s.findings += findings
            s.fixes += fixes
            if due(s) && !s.held && !s.stopped { draw(&s) }
        }
    }

    private func tick() {
        state.withLock { s in
            if !s.held && !s.stopped && s.done > 0 { draw(&s) }
        }
    }

    /// Clears the line and keeps it off until `resume`.
    func hold() {
        state.withLock { s in
            s.held = true
            clear(&s)
        }
    }

    /// Draws the line again (or leaves it to the next tick when it was drawn a moment ago).
    func resume() {
        state.withLock { s in
            s.held = false
            if due(s) && !s.stopped && s.done > 0 { draw(&s) }
        }
    }

    /// Clears the line for good (before the summary).
    func stop() {
        state.withLock { s in
            s.stopped = true
            clear(&s)
        }
        timer?.cancel()
        timer = nil
    }

    /// Whether the line was last drawn long enough ago (or never).
    private func due(_ s: State) -> Bool {
        s.lastDraw.map { clock.now - $0 >= Self.interval } ?? true
    }

    private func clear(_ s: inout State) {
        guard s.shown else { return }
        s.shown = false
        Output.write("\r\u{1B}[K", to: 2)
    }

    private func draw(_ s: inout State) {
        let now = clock.now
        s.lastDraw = now
        let text = Self.line(done: s.done, total: total, findings: s.findings, fixes: showFixes ? s.fixes : nil,
                             elapsed: now - start, width: Self.terminalWidth())
        Output.write("\r" + text + "\u{1B}[K", to: 2)
        s.shown = true
    }

    static func terminalWidth() -> Int {
        var size = winsize()
        if ioctl(2, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }

    /// The line itself, cut to one less than the terminal's width (a full line would wrap
    /// and `\r` would then redraw only its last part).
    static func line(done: Int, total: Int, findings: Int, fixes: Int?, elapsed: Duration, width: Int) -> String {
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let percent = total > 0 ? done * 100 / total : 100
        var parts = ["\(done)/\(total) files (\(percent)%)", plural(findings, "finding")]
        if let fixes { parts.append("\(fixes) fixed") }
        parts.append(duration(seconds))
        if seconds > 0 && done > 0 {
            let rate = Double(done) / seconds
            parts.append(rate >= 10 ? "\(Int(rate.rounded())) files/s" : oneDecimal(rate) + " files/s")
            if done < total { parts.append("ETA " + duration(Double(total - done) / rate)) }
        }
        let text = "galley: " + parts.joined(separator: ", ")
        let limit = max(10, width - 1)
        return text.count <= limit ? text : String(text.prefix(limit))
    }

    /// `x` with one decimal, as printf's `%.1f` writes it (it rounds the double's exact
    /// value: 0.15 is a little less than 0.15, and gives 0.1).
    static func oneDecimal(_ x: Double) -> String {
        var buffer = [CChar](repeating: 0, count: 64)
        let n = withVaList([x]) { vsnprintf(&buffer, buffer.count, "%.1f", $0) }
        return n > 0 ? String(decoding: buffer[..<min(Int(n), buffer.count - 1)].map { UInt8(bitPattern: $0) }, as: UTF8.self) : ""
    }

    static func duration(_ seconds: Double) -> String {
        if seconds < 60 { return oneDecimal(seconds) + " s" }
        let whole = Int(seconds.rounded())
        if whole < 3600 { return "\(whole / 60) min \(whole % 60) s" }
        return "\(whole / 3600) h \(whole % 3600 / 60) min"
    }
}
