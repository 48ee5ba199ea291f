/// A flat array of plain values that is either owned (an `Array`, when an index is built or
/// decoded from bytes) or read in place from a memory-mapped index file, so that loading an
/// index neither copies its large arrays nor touches memory of its own for them.
///
/// Mapped values are never written: a mutating method first copies them into an owned array.
/// Its reads are inlinable, so that other modules' loops over it are specialized (a generic
/// call per element would look up the type's metadata each time). It is not a
/// `MutableCollection`: with that conformance, other modules called a row's slicing
/// unspecialized.
package struct FlatArray<Element>: RandomAccessCollection {
  /// The values when owned (empty when mapped).
  @usableFromInline var owned: [Element]
  /// The values in a mapping kept alive by ``owner`` (nil when owned).
  @usableFromInline let mapped: UnsafeBufferPointer<Element>?
  /// What keeps ``mapped`` valid (the index file's mapping).
  @usableFromInline let owner: AnyObject?

  /// An owned array.
  @usableFromInline init(_ array: [Element] = []) {
    owned = array
    mapped = nil
    owner = nil
  }

  /// Values read in place: `buffer` stays valid as long as `owner` lives and is never written.
  init(mapped buffer: UnsafeBufferPointer<Element>, owner: AnyObject) {
    owned = []
    mapped = buffer
    self.owner = owner
  }

  @inlinable package var startIndex: Int { 0 }
  @inlinable package var endIndex: Int { mapped?.count ?? owned.count }
  @inlinable package var count: Int { mapped?.count ?? owned.count }

  /// - Complexity: O(1).
  @inlinable package subscript(position: Int) -> Element {
    get {
      if let mapped {
        precondition(position >= 0 && position < mapped.count, "index out of range")
        return mapped[position]
      }
      return owned[position]
    }
    set {
      makeOwned()
      owned[position] = newValue
    }
  }

  /// Calls `body` with the values' memory.
  @inlinable package func withUnsafeBufferPointer<Result>(
    _ body: (UnsafeBufferPointer<Element>) throws -> Result
  ) rethrows -> Result {
    if let mapped { return try body(mapped) }
    return try owned.withUnsafeBufferPointer(body)
  }

  /// Whether every value satisfies a predicate (read from the values' memory).
  /// - Complexity: O(n).
  @inlinable package func allSatisfy(_ predicate: (Element) throws -> Bool) rethrows -> Bool {
    try withUnsafeBufferPointer { try $0.allSatisfy(predicate) }
  }

  /// Whether the values are read in place from a mapping.
  var isMapped: Bool { mapped != nil }

  /// The values as an owned array (a copy when mapped).
  var array: [Element] { mapped.map(Array.init) ?? owned }

  /// Appends a value (the values are copied first when mapped).
  mutating func append(_ value: Element) {
    makeOwned()
    owned.append(value)
  }

  /// Appends values (the values are copied first when mapped).
  mutating func append(contentsOf values: some Sequence<Element>) {
    makeOwned()
    owned.append(contentsOf: values)
  }

  /// Exchanges two values (the values are copied first when mapped).
  mutating func swapAt(_ i: Int, _ j: Int) {
    makeOwned()
    owned.swapAt(i, j)
  }

  /// Removes and returns the last value (the values are copied first when mapped).
  @discardableResult mutating func removeLast() -> Element {
    makeOwned()
    return owned.removeLast()
  }

  static func += (lhs: inout FlatArray, rhs: some Sequence<Element>) {
    lhs.append(contentsOf: rhs)
  }

  @usableFromInline mutating func makeOwned() {
    guard mapped != nil else { return }
    self = FlatArray(array)
  }
}

extension FlatArray: ExpressibleByArrayLiteral {
  package init(arrayLiteral elements: Element...) { self.init(elements) }
}

extension FlatArray: Equatable where Element: Equatable {
  package static func == (lhs: FlatArray, rhs: FlatArray) -> Bool { lhs.elementsEqual(rhs) }
}

/// Immutable once made, and a mapping is never written: safe to share between threads.
extension FlatArray: @unchecked Sendable where Element: Sendable {}
