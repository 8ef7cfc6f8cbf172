import Dispatch
import Foundation

/// Runs `body` over `items` on `workers` threads; results keep the items' order.
enum Parallel {
    static func map<T: Sendable, R: Sendable>(_ items: [T], workers: Int, _ body: @escaping @Sendable (T) -> R) -> [R] {
        let slots = Slots<R>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: max(1, min(workers, items.count))) { _ in
            while let i = slots.claim() { slots.store(body(items[i]), at: i) }
        }
        return slots.results()
    }

    /// A work counter and result slots behind one lock; each slot is written once.
    private final class Slots<R>: @unchecked Sendable {
        private let lock = NSLock()
        private var next = 0
        private var values: [R?]

        init(count: Int) { values = Array(repeating: nil, count: count) }

        func claim() -> Int? {
            lock.lock()
            defer { lock.unlock() }
            guard next < values.count else { return nil }
            next += 1
            return next - 1
        }

        func store(_ value: R, at i: Int) {
            lock.lock()
            values[i] = value
            lock.unlock()
        }

        func results() -> [R] {
            lock.lock()
            defer { lock.unlock() }
            return values.map { $0! }
        }
    }
}
