extension RandomAccessCollection where Index == Int {
  /// The position of the first element that `isBefore` does not take, where every element it
  /// takes comes before every one it does not (a sorted collection's lower bound: `{ $0 <
  /// value }`); `endIndex` when it takes them all.
  /// - Complexity: O(log n) calls of `isBefore`.
  @inlinable package func lowerBound(where isBefore: (Element) -> Bool) -> Int {
    var low = startIndex
    var high = endIndex
    while low < high {
      let middle = low + (high - low) / 2
      if isBefore(self[middle]) { low = middle + 1 } else { high = middle }
    }
    return low
  }
}
