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
    private let directories: DirectorySync?

    init(flushing directories: DirectorySync? = nil) {
        self.directories = directories
        SignalThread.listen(for: self)
    }

    /// The exit status the signal asks for, nil when none came.
    var status: Int32? { signalNumber.withLock { $0.map { 128 + $0 } } }

    fileprivate func received(_ sig: Int32) {
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

/// The one thread of the process that takes SIGINT and SIGTERM, waiting for them in
/// `sigwait`: they are blocked in the thread that starts it and so in every thread started
/// after (the workers; a child process gets an empty mask, `ChildProcess`). Each goes to
/// the run listening at the moment; one that comes when none is (a run over, in tests) is
/// let go, as a signal ignored. (A thread of its own with a small stack, instead of a
/// Dispatch signal source: starting Dispatch for one, its epoll and its manager thread,
/// was about 0.3 ms of a one-post run.)
private enum SignalThread {
    private struct Listener { weak var interruption: Interruption? }
    private static let listener = Mutex(Listener())

    private static let signals: sigset_t = {
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGTERM)
        return set
    }()

    /// Started once, by the first run (blocking the signals in the thread that asks; left
    /// unblocked, as they were, when no thread could be started for them).
    private static let started: Bool = {
        var set = signals
        pthread_sigmask(SIG_BLOCK, &set, nil)
        let thread = WorkerThread(stackSize: 256 << 10) {
            var set = SignalThread.signals
            while true {
                var sig: Int32 = 0
                guard sigwait(&set, &sig) == 0 else { continue }
                SignalThread.listener.withLock { $0.interruption }?.received(sig)
            }
        }
        if thread == nil { pthread_sigmask(SIG_UNBLOCK, &set, nil) }
        return thread != nil
    }()

    static func listen(for interruption: Interruption) {
        _ = started
        listener.withLock { $0.interruption = interruption }
    }
}
