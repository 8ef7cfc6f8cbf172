import Foundation

/// Replaces a file's contents without ever leaving it half-written: write a temporary
/// file in the same directory, flush it, give it the original's permissions, and
/// rename it over the original. Refuses when the file changed since it was read.
enum AtomicWriter {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func replace(_ path: String, with bytes: [UInt8], expecting original: [UInt8]) throws {
        // Write through symbolic links to the file they name.
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        guard let current = FileManager.default.contents(atPath: target) else {
            throw Failure(description: "the file can no longer be read; it was not modified")
        }
        guard current.elementsEqual(original) else {
            throw Failure(description: "the file changed on disk while galley was working; it was not modified")
        }
        var info = stat()
        guard stat(target, &info) == 0 else { throw Failure(description: "cannot stat the file: \(errnoText())") }

        let dir = (target as NSString).deletingLastPathComponent
        var template = Array(((dir.isEmpty ? "." : dir) + "/.galley-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw Failure(description: "cannot create a temporary file beside it: \(errnoText())") }
        let temp = String(cString: template)
        var ok = false
        defer {
            if !ok { unlink(temp) }
        }
        let written = bytes.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += n
            }
            return true
        }
        guard written, fsync(fd) == 0, fchmod(fd, info.st_mode & 0o7777) == 0 else {
            let why = errnoText()
            close(fd)
            throw Failure(description: "cannot write the temporary file: \(why); the file was not modified")
        }
        _ = fchown(fd, info.st_uid, info.st_gid)  // best effort: only root may give files away
        guard close(fd) == 0 else { throw Failure(description: "cannot close the temporary file: \(errnoText())") }
        guard rename(temp, target) == 0 else {
            throw Failure(description: "cannot replace the file: \(errnoText()); it was not modified")
        }
        ok = true
    }

    private static func errnoText() -> String { String(cString: strerror(errno)) }
}
