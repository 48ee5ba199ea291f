/// A flat array of plain values, either owned (when an index is built or decoded from bytes)
/// or read in place from a memory-mapped index file, so that loading an index neither copies
/// its large arrays nor touches memory of its own for them.
///
/// Either way it is a pointer, a count and one reference that keeps the values alive (their
/// ``FlatArrayStorage`` or the file's mapping), so that a read is a bounds check and a load and
/// a copy (a CSR row, say) retains one object. Mapped values are never written: a mutating
/// method first copies them into storage of its own. Its reads are inlinable, so that other
/// modules' loops over it are specialized (a generic call per element would look up the
/// type's metadata each time). It is not a `MutableCollection`: with that conformance, other
/// modules called a row's slicing unspecialized.
package struct FlatArray<Element>: RandomAccessCollection {
  /// The first value (valid for ``count`` values while ``owner`` lives).
  @usableFromInline var base: UnsafePointer<Element>
  /// The number of values.
  package private(set) var count: Int
  /// What keeps ``base`` valid: a ``FlatArrayStorage`` or the index file's mapping.
  @usableFromInline var owner: FlatArrayOwner

  /// Owned values, copied from an array.
  @usableFromInline init(_ array: [Element] = []) {
    let storage = array.withUnsafeBufferPointer {
      FlatArrayStorage(capacity: $0.count, copying: $0.baseAddress, count: $0.count)
    }
    base = UnsafePointer(storage.pointer)
    count = array.count
    owner = storage
  }

  /// Values read in place: `buffer` stays valid as long as `owner` lives and is never written.
  init(mapped buffer: UnsafeBufferPointer<Element>, owner: FlatArrayOwner) {
    guard let start = buffer.baseAddress else {
      self = FlatArray()
      return
    }
    base = start
    count = buffer.count
    self.owner = owner
  }

  @inlinable package var startIndex: Int { 0 }
  @inlinable package var endIndex: Int { count }

  /// - Complexity: O(1).
  @inlinable package subscript(position: Int) -> Element {
    get {
      precondition(UInt(bitPattern: position) < UInt(bitPattern: count), "index out of range")
      return base[position]
    }
    set {
      precondition(UInt(bitPattern: position) < UInt(bitPattern: count), "index out of range")
      makeUnique(capacity: count)
      UnsafeMutablePointer(mutating: base)[position] = newValue
    }
  }

  /// Calls `body` with the values' memory.
  @inlinable package func withUnsafeBufferPointer<Result>(
    _ body: (UnsafeBufferPointer<Element>) throws -> Result
  ) rethrows -> Result {
    try body(UnsafeBufferPointer(start: base, count: count))
  }

  /// Whether every value satisfies a predicate (read from the values' memory).
  /// - Complexity: O(n).
  @inlinable package func allSatisfy(_ predicate: (Element) throws -> Bool) rethrows -> Bool {
    try withUnsafeBufferPointer { try $0.allSatisfy(predicate) }
  }

  /// Whether the values are read in place from a mapping.
  var isMapped: Bool { !(owner is FlatArrayStorage<Element>) }

  /// The values as an array (a copy).
  var array: [Element] { withUnsafeBufferPointer { Array($0) } }

  /// Appends a value.
  /// - Complexity: O(1) amortized.
  mutating func append(_ value: Element) {
    makeUnique(capacity: count + 1)
    (UnsafeMutablePointer(mutating: base) + count).initialize(to: value)
    count += 1
    storage.initialized = count
  }

  /// Appends values.
  mutating func append(contentsOf values: some Sequence<Element>) {
    let values = Array(values)
    guard !values.isEmpty else { return }
    makeUnique(capacity: count + values.count)
    values.withUnsafeBufferPointer {
      (UnsafeMutablePointer(mutating: base) + count).initialize(
        from: $0.baseAddress!, count: $0.count)
    }
    count += values.count
    storage.initialized = count
  }

  static func += (lhs: inout FlatArray, rhs: some Sequence<Element>) {
    lhs.append(contentsOf: rhs)
  }

  /// Exchanges two values.
  mutating func swapAt(_ i: Int, _ j: Int) {
    let (first, second) = (self[i], self[j])
    self[i] = second
    self[j] = first
  }

  /// Removes and returns the last value.
  @discardableResult mutating func removeLast() -> Element {
    precondition(count > 0, "removeLast from an empty array")
    makeUnique(capacity: count)
    count -= 1
    let last = (UnsafeMutablePointer(mutating: base) + count).move()
    storage.initialized = count
    return last
  }

  /// The storage, once ``makeUnique(capacity:)`` made it this array's own.
  private var storage: FlatArrayStorage<Element> {
    unsafeDowncast(owner, to: FlatArrayStorage<Element>.self)
  }

  /// Makes the values this array's own (copied when mapped or shared), with room for
  /// `capacity` values (doubling, so that appends are amortized O(1)).
  @usableFromInline mutating func makeUnique(capacity: Int) {
    if isKnownUniquelyReferenced(&owner),
      ObjectIdentifier(type(of: owner)) == ObjectIdentifier(FlatArrayStorage<Element>.self),
      storage.capacity >= capacity, storage.initialized == count
    {
      return
    }
    let storage = FlatArrayStorage(
      capacity: Swift.max(capacity, count * 2), copying: base, count: count)
    base = UnsafePointer(storage.pointer)
    owner = storage
  }
}

/// What keeps a ``FlatArray``'s values alive: a class of its own, not `AnyObject`, so that
/// `isKnownUniquelyReferenced` can tell (it never could through `AnyObject`, and every append
/// copied).
@usableFromInline class FlatArrayOwner {}

/// The memory of an owned ``FlatArray``.
final class FlatArrayStorage<Element>: FlatArrayOwner {
  let pointer: UnsafeMutablePointer<Element>
  let capacity: Int
  /// How many values from ``pointer`` on are initialized.
  var initialized: Int

  init(capacity: Int, copying source: UnsafePointer<Element>?, count: Int) {
    self.capacity = Swift.max(capacity, 1)
    pointer = .allocate(capacity: self.capacity)
    if let source, count > 0 { pointer.initialize(from: source, count: count) }
    initialized = count
    super.init()
  }

  deinit {
    pointer.deinitialize(count: initialized)
    pointer.deallocate()
  }
}

extension FlatArray: ExpressibleByArrayLiteral {
  package init(arrayLiteral elements: Element...) { self.init(elements) }
}

extension FlatArray: Equatable where Element: Equatable {
  package static func == (lhs: FlatArray, rhs: FlatArray) -> Bool { lhs.elementsEqual(rhs) }
}

/// Immutable once made, a mapping is never written, and a mutation copies shared values
/// first: safe to share between threads.
extension FlatArray: @unchecked Sendable where Element: Sendable {}
