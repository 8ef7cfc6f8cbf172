import Glibc

/// A child process run to its end with `posix_spawn`: its standard input is /dev/null,
/// its output and errors are read whole (from both pipes at once, so that neither can
/// fill up and block it). It runs in a process group of its own, as Foundation's `Process`
/// ran it, so the terminal's ^C, meant for galley, does not kill git in the middle of an
/// answer (galley finishes the files in flight and stops itself); its signals are back to
/// their defaults (galley blocks SIGINT and SIGTERM, which one thread of its own waits for).
struct ChildProcess {
    /// The exit status; for a child killed by a signal, 128 plus the signal's number.
    var status: Int32
    var stdout: [UInt8]
    var stderr: [UInt8]

    /// Runs `executable ARGUMENTS` (an absolute path) in galley's working directory; nil
    /// when it cannot be started (no such program, no pipes).
    static func run(_ executable: String, _ arguments: [String], environment: [String: String]) -> ChildProcess? {
        var out: [Int32] = [-1, -1], err: [Int32] = [-1, -1]
        guard pipe(&out) == 0 else { return nil }
        guard pipe(&err) == 0 else {
            close(out[0]); close(out[1])
            return nil
        }
        for fd in out + err { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, out[1], 1)
        posix_spawn_file_actions_adddup2(&actions, err[1], 2)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for p in argv { free(p) }
            for p in envp { free(p) }
        }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        close(out[1])
        close(err[1])
        guard spawned == 0 else {
            close(out[0]); close(err[0])
            return nil
        }
        let (stdout, stderr) = readBoth(out[0], err[0])
        close(out[0])
        close(err[0])
        var raw: Int32 = 0
        while waitpid(pid, &raw, 0) < 0 {
            guard errno == EINTR else { return nil }
        }
        // (The macros of <sys/wait.h>, which Swift does not import.)
        let signal = raw & 0x7F
        let status = signal == 0 ? (raw >> 8) & 0xFF : 128 + signal
        return ChildProcess(status: status, stdout: stdout, stderr: stderr)
    }

    /// Everything written to the two pipes until both are closed.
    private static func readBoth(_ a: Int32, _ b: Int32) -> ([UInt8], [UInt8]) {
        var fds = [pollfd(fd: a, events: Int16(POLLIN), revents: 0), pollfd(fd: b, events: Int16(POLLIN), revents: 0)]
        var data: [[UInt8]] = [[], []]
        var chunk = [UInt8](repeating: 0, count: 65536)
        var open = 2
        while open > 0 {
            if poll(&fds, 2, -1) < 0 {
                if errno == EINTR { continue }
                break
            }
            for i in 0..<2 where fds[i].fd >= 0 && fds[i].revents != 0 {
                let n = chunk.withUnsafeMutableBytes { read(fds[i].fd, $0.baseAddress, $0.count) }
                if n > 0 {
                    data[i] += chunk[0..<n]
                } else if n == 0 || errno != EINTR && errno != EAGAIN {
                    // The end (or a broken pipe): poll ignores a negative descriptor.
                    fds[i].fd = -1
                    open -= 1
                }
            }
        }
        return (data[0], data[1])
    }
}
