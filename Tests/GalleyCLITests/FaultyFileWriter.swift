import Foundation
import GalleyIO
import Synchronization

/// The real file writer, except that the `nth` call of operation `failing` fails with
/// `code` (and `before` runs just before each call, to play another process).
final class FaultyFileWriter: FileWriting, Sendable {
    enum Operation: String, CaseIterable, Sendable {
        case create, write, setOwner, setMode, sync, close, rename, remove, syncDirectory
    }

    let failing: Operation?
    let nth: Int
    let code: Int32
    let before: @Sendable (Operation) -> Void
    private let counts = Mutex<[Operation: Int]>([:])
    private let real = RealFileWriter()

    init(failing: Operation? = nil, nth: Int = 1, code: Int32 = ENOSPC, before: @escaping @Sendable (Operation) -> Void = { _ in }) {
        self.failing = failing
        self.nth = nth
        self.code = code
        self.before = before
    }

    func calls(_ op: Operation) -> Int { counts.withLock { $0[op, default: 0] } }

    private func enter(_ op: Operation) throws(FileWriteError) {
        before(op)
        let n = counts.withLock { c -> Int in
            c[op, default: 0] += 1
            return c[op]!
        }
        if op == failing && n == nth { throw FileWriteError(code: code) }
    }

    func createExclusive(_ path: String) throws(FileWriteError) -> Int32 {
        try enter(.create)
        return try real.createExclusive(path)
    }

    func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) throws(FileWriteError) {
        try enter(.write)
        try real.write(fd, bytes)
    }

    func setOwner(_ fd: Int32, user: UInt32, group: UInt32) throws(FileWriteError) {
        try enter(.setOwner)
        try real.setOwner(fd, user: user, group: group)
    }

    func setMode(_ fd: Int32, _ mode: UInt32) throws(FileWriteError) {
        try enter(.setMode)
        try real.setMode(fd, mode)
    }

    func sync(_ fd: Int32) throws(FileWriteError) {
        try enter(.sync)
        try real.sync(fd)
    }

    func close(_ fd: Int32) throws(FileWriteError) {
        // A failed close still closes the descriptor (as close(2) does on Linux).
        do throws(FileWriteError) {
            try enter(.close)
        } catch {
            try? real.close(fd)
            throw error
        }
        try real.close(fd)
    }

    func rename(_ from: String, _ to: String) throws(FileWriteError) {
        try enter(.rename)
        try real.rename(from, to)
    }

    func remove(_ path: String) throws(FileWriteError) {
        try enter(.remove)
        try real.remove(path)
    }

    func syncDirectory(_ path: String) throws(FileWriteError) {
        try enter(.syncDirectory)
        try real.syncDirectory(path)
    }
}
