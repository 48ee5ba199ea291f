/// Where ``JSONWriter``'s helpers append bytes: a plain array, or a writer's ``JSONBuffer``.
public protocol JSONByteSink {
  /// Appends one byte.
  mutating func append(_ byte: UInt8)
  /// Appends the bytes of a buffer.
  mutating func append(bytes: UnsafeBufferPointer<UInt8>)
}

extension Array: JSONByteSink where Element == UInt8 {
  /// Appends the bytes of a buffer (``JSONByteSink``).
  public mutating func append(bytes: UnsafeBufferPointer<UInt8>) { append(contentsOf: bytes) }
}

/// A growable byte buffer written through a pointer: a write checks once that the storage is
/// not shared and has room, however many bytes it writes, where `Array.append(contentsOf:)`
/// costs more than a short key's bytes (copied on write, as an array is).
public struct JSONBuffer: JSONByteSink, @unchecked Sendable {
  /// The bytes; never written while shared (``room(_:)`` copies them first), so sending a
  /// buffer to another thread is safe.
  private final class Storage {
    let base: UnsafeMutablePointer<UInt8>
    let capacity: Int

    init(capacity: Int) {
      self.capacity = capacity
      base = .allocate(capacity: capacity)
    }

    deinit { base.deallocate() }
  }

  private var storage: Storage
  /// How many bytes have been written.
  public private(set) var count = 0

  /// An empty buffer with room for `capacity` bytes before it grows.
  public init(capacity: Int = 0) {
    storage = Storage(capacity: Swift.max(capacity, 64))
  }

  /// Where to write `extra` more bytes (then add them to ``count``): the storage is made
  /// unique and large enough first.
  @inline(__always) private mutating func room(_ extra: Int) -> UnsafeMutablePointer<UInt8> {
    if _slowPath(!isKnownUniquelyReferenced(&storage) || storage.capacity - count < extra) {
      grow(extra)
    }
    return storage.base + count
  }

  @inline(never) private mutating func grow(_ extra: Int) {
    var capacity = storage.capacity
    if capacity - count < extra { capacity = Swift.max(capacity * 2, count + extra) }
    let copy = Storage(capacity: capacity)
    copy.base.initialize(from: storage.base, count: count)
    storage = copy
  }

  /// Appends one byte.
  @inline(__always) public mutating func append(_ byte: UInt8) {
    room(1).initialize(to: byte)
    count += 1
  }

  /// Appends the bytes of a buffer.
  @inline(__always) public mutating func append(bytes source: UnsafeBufferPointer<UInt8>) {
    guard let start = source.baseAddress, source.count > 0 else { return }
    room(source.count).initialize(from: start, count: source.count)
    count += source.count
  }

  /// Appends `count` bytes, which `write` stores from the pointer it is given: one check of
  /// room for all of them.
  @inline(__always) public mutating func append(
    count: Int, _ write: (UnsafeMutablePointer<UInt8>) -> Void
  ) {
    write(room(count))
    self.count += count
  }

  /// Empties the buffer, keeping its capacity.
  public mutating func removeAll() { count = 0 }

  /// Calls `body` with the bytes written (valid only inside `body`).
  public func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
    try withExtendedLifetime(storage) {
      try body(UnsafeBufferPointer(start: storage.base, count: count))
    }
  }

  /// The bytes written, as an array (a copy).
  public var array: [UInt8] { withBytes { Array($0) } }
}
