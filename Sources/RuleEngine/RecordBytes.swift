/// The bytes of a site listing's record as a `ListingStore` hands them over: memory the
/// store mapped from its file (released when the last listing reading them is gone), or a
/// copy of an array. Mapped, a record of 2.7 MB (a site of 75,000 files) is read with a
/// few dozen page faults on the page cache's own pages; read into an array, each of its
/// 670 fresh pages faulted and was filled by a copy: 40% of a run on one post whose image
/// is searched for by name.
public final class RecordBytes: @unchecked Sendable {
    public let buffer: UnsafeBufferPointer<UInt8>
    private let release: @Sendable (UnsafeBufferPointer<UInt8>) -> Void

    /// `release` is called once, with `buffer`, when these bytes are no longer read.
    public init(mapped buffer: UnsafeBufferPointer<UInt8>, release: @escaping @Sendable (UnsafeBufferPointer<UInt8>) -> Void) {
        self.buffer = buffer
        self.release = release
    }

    public convenience init(_ bytes: [UInt8]) {
        let copy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
        _ = copy.initialize(from: bytes)
        self.init(mapped: UnsafeBufferPointer(copy)) { UnsafeMutableBufferPointer(mutating: $0).deallocate() }
    }

    deinit { release(buffer) }
}
