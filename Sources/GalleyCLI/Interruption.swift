import Dispatch
import Glibc
import Synchronization

/// SIGINT and SIGTERM during `check`/`fix`: the first stops the run from taking new files;
/// the files in flight finish (each written atomically: a temporary renamed over it), the
/// summary of what was done is printed, and galley exits 130 (SIGINT) or 143 (SIGTERM). A
/// second signal exits at once, removing this run's temporaries and flushing the folders
/// of the files already replaced first: a file is then either its original or fully
/// fixed, never partly written.
final class Interruption: @unchecked Sendable {
    let stop = StopFlag()
    /// The first signal that came.
    private let signalNumber = Mutex<Int32?>(nil)
    private var sources: [DispatchSourceSignal] = []
    private let queue = DispatchQueue(label: "galley.signals")
    private let directories: DirectorySync?

    init(flushing directories: DirectorySync? = nil) {
        self.directories = directories
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: queue)
            // Signals that come close together arrive as one event with a count. (Weak: a
            // signal that comes as the run ends, after this is gone, is let go.)
            source.setEventHandler { [weak self, source] in
                guard let self else { return }
                for _ in 0..<max(1, source.data) { self.received(sig) }
            }
            source.resume()
            sources.append(source)
        }
    }

    /// The exit status the signal asks for, nil when none came.
    var status: Int32? { signalNumber.withLock { $0.map { 128 + $0 } } }

    private func received(_ sig: Int32) {
        let first = signalNumber.withLock { number -> Int32? in
            defer { if number == nil { number = sig } }
            return number
        }
        if let first {
            TemporaryFiles.removeInFlight()
            _ = directories?.flush()
            Output.write("\ngalley: stopped at once\n", to: 2)
            _exit(128 + first)
        }
        if isatty(2) != 0 { Output.write("\r\u{1B}[K", to: 2) }
        Output.write("galley: interrupted: finishing the files in flight (again to stop at once)\n", to: 2)
        stop.raise()
    }
}
