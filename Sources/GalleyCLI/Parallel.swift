import Synchronization

/// Runs `body` over `items` on `workers` threads and hands the results to `consume`, on
/// the calling thread, in the items' order, each as soon as every earlier one has been
/// consumed. A bounded reorder window: a worker may not start an item more than `window`
/// places after the oldest one not yet consumed (it waits instead), so at most `window`
/// results are held at once, however many items there are.
///
/// `stop` (checked before each item is started) ends the run early: items in flight
/// finish and are consumed, no new one starts. Returns how many items were consumed.
enum Parallel {
    @discardableResult
    static func stream<T: Sendable, R: Sendable>(_ items: [T], workers: Int, window: Int? = nil,
                                                 stop: StopFlag? = nil,
                                                 _ body: @escaping @Sendable (T) -> R,
                                                 consume: (R) -> Void) -> Int {
        guard !items.isEmpty else { return 0 }
        let workers = max(1, min(workers, items.count))
        let window = ReorderWindow<R>(count: items.count, size: max(workers, window ?? 4 * workers), stop: stop)
        stop?.onStop { window.wake() }
        var threads: [WorkerThread] = []
        for _ in 0..<workers {
            let thread = WorkerThread(stackSize: 8 << 20) {
                while let i = window.claim() { window.store(body(items[i]), at: i) }
                window.workerDone()
            }
            if let thread { threads.append(thread) }
        }
        var consumed = 0
        if threads.isEmpty {
            // (No thread would start: the items one after another, here.)
            for item in items where stop?.isSet != true {
                consume(body(item))
                consumed += 1
            }
            return consumed
        }
        while let r = window.take() {
            consume(r)
            consumed += 1
        }
        for thread in threads { thread.join() }
        return consumed
    }
}

/// Ring of result slots behind one condition variable.
final class ReorderWindow<R>: @unchecked Sendable {
    private let condition = Condition()
    private let count: Int
    private let size: Int
    private let stop: StopFlag?
    private var nextClaim = 0
    private var nextTake = 0
    private var slots: [R?]
    private var liveWorkers = 0
    private var stopped = false

    init(count: Int, size: Int, stop: StopFlag?) {
        self.count = count
        self.size = size
        self.stop = stop
        slots = Array(repeating: nil, count: size)
    }

    /// The next item to work on, or nil when there is none (or the run was stopped).
    func claim() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if stopped || stop?.isSet == true {
                stopped = true
                return nil
            }
            if nextClaim >= count { return nil }
            if nextClaim < nextTake + size { break }
            condition.wait()
        }
        nextClaim += 1
        return nextClaim - 1
    }

    func store(_ value: R, at i: Int) {
        condition.lock()
        slots[i % size] = value
        condition.broadcast()
        condition.unlock()
    }

    func workerDone() {
        condition.lock()
        condition.broadcast()
        condition.unlock()
    }

    /// Wakes every waiting thread to look at the stop flag.
    func wake() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }

    /// The next result in order; nil once every claimed item has been taken and no more
    /// will be claimed.
    func take() -> R? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let value = slots[nextTake % size], nextTake < nextClaim {
                slots[nextTake % size] = nil
                nextTake += 1
                condition.broadcast()
                return value
            }
            if nextTake >= count { return nil }
            if nextTake >= nextClaim && (stopped || stop?.isSet == true) {
                stopped = true
                return nil
            }
            condition.wait()
        }
    }
}

/// Set once (by a signal) to stop a run; runs its handlers once.
final class StopFlag: Sendable {
    /// Whether it is set, and the handlers to run when it is (run outside the lock).
    private let state = Mutex<(set: Bool, handlers: [@Sendable () -> Void])>((false, []))

    var isSet: Bool { state.withLock { $0.set } }

    func raise() {
        let run = state.withLock { state -> [@Sendable () -> Void] in
            guard !state.set else { return [] }
            state.set = true
            return state.handlers
        }
        for h in run { h() }
    }

    func onStop(_ handler: @escaping @Sendable () -> Void) {
        let runNow = state.withLock { state -> Bool in
            if !state.set { state.handlers.append(handler) }
            return state.set
        }
        if runNow { handler() }
    }
}
