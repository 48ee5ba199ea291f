/// Splits words that scraping glued together when it dropped a line break: ICU keeps
/// "growth.Responsibilities:Perform" and "neededMaintain" as single words.
///
/// A split happens at `.` or `:` between letters when an upper-case letter and at least one
/// more letter follow and two or more letters precede; and at a case change, unless the
/// camel-case run is a known name ("PowerPoint", "JavaScript"):
/// - lower→upper, when three or more letters precede and what follows is a capitalised word
///   (an upper-case letter and two or more lower-case ones: "neededMaintain") or a word of
///   four or more capitals ("dutiesREQUIREMENTS");
/// - from a run of four or more capitals to a capitalised word, the run's last capital
///   starting the word: a heading written in capitals glued to the next line
///   ("RESPONSIBILITIESPerforms"); shorter runs stay whole ("SQLite", "RESTful", "VMWare"),
///   and so does an acronym's plural ("RDBMSes").
enum RunTogether {
  /// One code point of the word, reduced to what the rules look at.
  private struct Unit {
    var offset: Int
    var isUpper: Bool
    var isLower: Bool
    var isLetter: Bool
    var isStop: Bool
    /// The lower-case ASCII byte, or 0 for a non-ASCII code point.
    var asciiLower: UInt8
  }

  /// Hashes of the known camel-case names (lower-case ASCII), so that candidate runs are
  /// looked up without building strings.
  private static let knownNames: Set<UInt64> = Set(
    TextLexicons.camelCaseNames.map { name in
      Array(name.utf8).withUnsafeBufferPointer { FormTable.hash($0) }
    })

  /// The fewest capitals ending a run that a capitalised word may be cut from
  /// ("RESPONSIBILITIESPerforms"), and that a word of capitals may be after lower case
  /// ("dutiesREQUIREMENTS").
  private static let runCapitals = 4

  /// Whether an ASCII byte, after `previous` and `capitalsBefore` capitals in a row (`previous`
  /// the last of them), may start a split: a capital after a lower-case letter, `.` or `:`, or
  /// a lower-case letter after a run of capitals and the capital starting its word. Callers
  /// that scan a word anyway use it to skip ``split(_:_:)``.
  @inline(__always) static func asciiHint(
    _ previous: UInt8, _ byte: UInt8, capitalsBefore: Int
  )
    -> Bool
  {
    if isASCIIUpper(byte) {
      return (previous >= 0x61 && previous <= 0x7A) || previous == 0x2E || previous == 0x3A
    }
    return byte >= 0x61 && byte <= 0x7A && capitalsBefore > runCapitals
  }

  @inline(__always) private static func isASCIIUpper(_ byte: UInt8) -> Bool {
    byte >= 0x41 && byte <= 0x5A
  }

  /// The pieces of a word token, or nil when it stays whole.
  /// - Complexity: O(n²) in the number of camel-case humps, O(n) otherwise.
  static func split(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [Range<Int>]? {
    guard mayNeedSplit(bytes, range) else { return nil }
    let units = makeUnits(bytes, range)
    guard units.count >= 3 else { return nil }

    // Pieces at punctuation first, then each piece at case changes.
    var pieces: [Range<Int>] = []
    var pieceStart = 0
    var position = 1
    while position < units.count - 1 {
      if units[position].isStop, letterCount(units, pieceStart..<position) >= 2,
        units[position + 1].isUpper, position + 2 < units.count, units[position + 2].isLetter
      {
        pieces.append(pieceStart..<position)
        pieceStart = position + 1
        position += 2
        continue
      }
      position += 1
    }
    pieces.append(pieceStart..<units.count)

    var result: [Range<Int>] = []
    for piece in pieces {
      for part in splitCamelCase(units, piece) {
        let start = units[part.lowerBound].offset
        var last = part.upperBound
        // A split at `.`/`:` leaves the stop out of both pieces.
        while last > part.lowerBound + 1 && units[last - 1].isStop { last -= 1 }
        let end = last < units.count ? units[last].offset : range.upperBound
        result.append(start..<end)
      }
    }
    return result.count > 1 ? result : nil
  }

  /// Whether the word has a lower→upper change, a `.`/`:` before a capital or more than
  /// ``runCapitals`` capitals before a lower-case letter; false for nearly all words ("CEO",
  /// "Microsoft", "APIs" and "U.S" included). Non-ASCII letters count as lower case here,
  /// which only sends a few more words down the exact path.
  private static func mayNeedSplit(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool
  {
    var previousLower = false
    var previousStop = false
    var capitalsBefore = 0
    var index = range.lowerBound
    while index < range.upperBound {
      let byte = bytes[index]
      if byte < 0x80 {
        let upper = isASCIIUpper(byte)
        if upper && index > range.lowerBound && (previousLower || previousStop) { return true }
        previousLower = byte >= 0x61 && byte <= 0x7A
        // A run of capitals and the capital starting a capitalised word.
        if previousLower && capitalsBefore > runCapitals { return true }
        previousStop = byte == 0x2E || byte == 0x3A
        capitalsBefore = upper ? capitalsBefore + 1 : 0
        index += 1
        continue
      }
      var iterator = UnsafeBufferPointer(rebasing: bytes[index..<range.upperBound]).makeIterator()
      var decoder = UTF8()
      guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return false }
      if (previousLower || previousStop) && scalar.properties.isUppercase { return true }
      if capitalsBefore > runCapitals { return true }
      previousLower = true
      previousStop = false
      capitalsBefore = 0
      index += UTF8.width(scalar)
    }
    return false
  }

  private static func makeUnits(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [Unit]
  {
    var units: [Unit] = []
    units.reserveCapacity(range.count)
    var index = range.lowerBound
    while index < range.upperBound {
      let byte = bytes[index]
      if byte < 0x80 {
        let upper = byte >= 0x41 && byte <= 0x5A
        let lower = byte >= 0x61 && byte <= 0x7A
        units.append(
          Unit(
            offset: index, isUpper: upper, isLower: lower, isLetter: upper || lower,
            isStop: byte == 0x2E || byte == 0x3A, asciiLower: upper ? byte | 0x20 : byte))
        index += 1
        continue
      }
      var iterator = UnsafeBufferPointer(rebasing: bytes[index..<range.upperBound]).makeIterator()
      var decoder = UTF8()
      guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { break }
      let properties = scalar.properties
      units.append(
        Unit(
          offset: index, isUpper: properties.isUppercase, isLower: properties.isLowercase,
          isLetter: properties.isAlphabetic, isStop: false, asciiLower: 0))
      index += UTF8.width(scalar)
    }
    return units
  }

  private static func letterCount(_ units: [Unit], _ range: Range<Int>) -> Int {
    units[range].count { $0.isLetter }
  }

  private static func isKnownName(_ units: [Unit], _ range: Range<Int>) -> Bool {
    var hash = FormTable.Key.seed
    for unit in units[range] {
      if unit.asciiLower == 0 { return false }
      hash = FormTable.Key.step(hash, unit.asciiLower)
    }
    return knownNames.contains(FormTable.Key.finish(hash))
  }

  /// Splits a piece into camel-case humps, merges humps that form a known name, and cuts only
  /// between long enough parts.
  private static func splitCamelCase(_ units: [Unit], _ piece: Range<Int>) -> [Range<Int>] {
    var humps: [Range<Int>] = []
    var humpStart = piece.lowerBound
    for position in (piece.lowerBound + 1)..<max(piece.lowerBound + 1, piece.upperBound)
    where units[position].isUpper
      && (units[position - 1].isLower
        || (units[position - 1].isUpper && position + 1 < piece.upperBound
          && units[position + 1].isLower))
    {
      humps.append(humpStart..<position)
      humpStart = position
    }
    humps.append(humpStart..<piece.upperBound)
    if humps.count == 1 { return humps }

    // Merge runs of humps that spell a known camel-case name, longest first.
    var merged: [Range<Int>] = []
    var first = 0
    while first < humps.count {
      var last = first
      for candidate in stride(from: humps.count - 1, to: first, by: -1)
      where isKnownName(units, humps[first].lowerBound..<humps[candidate].upperBound) {
        last = candidate
        break
      }
      merged.append(humps[first].lowerBound..<humps[last].upperBound)
      first = last + 1
    }

    // Cut where a capitalised word (an upper-case letter and two or more lower-case ones)
    // follows three or more letters ending in lower case, or four or more capitals; or where
    // a word of four or more capitals follows three or more letters ending in lower case.
    var result: [Range<Int>] = [merged[0]]
    for part in merged.dropFirst() {
      let left = result[result.count - 1]
      let lowerAfterCapital = units[(part.lowerBound + 1)..<part.upperBound].prefix {
        $0.isLower
      }.count
      let cut =
        if units[part.lowerBound - 1].isLower {
          letterCount(units, left) >= 3
            && (lowerAfterCapital >= 2 || capitalsOnly(units, part) >= runCapitals)
        } else {
          lowerAfterCapital >= 2 && trailingCapitals(units, left) >= runCapitals
            && !isAcronymPlural(units, part, endingAt: piece.upperBound)
        }
      if cut {
        result.append(part)
      } else {
        result[result.count - 1] = left.lowerBound..<part.upperBound
      }
    }
    return result
  }

  /// The number of letters of a part written in capitals only, or 0 when it has a lower-case
  /// letter.
  private static func capitalsOnly(_ units: [Unit], _ part: Range<Int>) -> Int {
    var count = 0
    for unit in units[part] where unit.isLetter {
      guard unit.isUpper else { return 0 }
      count += 1
    }
    return count
  }

  /// Whether a part is the plural ending of the acronym before it ("RDBMSes"): its capital
  /// and "es", ending the piece (`end`).
  private static func isAcronymPlural(
    _ units: [Unit], _ part: Range<Int>, endingAt end: Int
  )
    -> Bool
  {
    part.count == 3 && part.upperBound == end
      && units[part.lowerBound + 1].asciiLower == UInt8(ascii: "e")
      && units[part.lowerBound + 2].asciiLower == UInt8(ascii: "s")
  }

  /// The number of capitals that end a part.
  private static func trailingCapitals(_ units: [Unit], _ part: Range<Int>) -> Int {
    units[part].reversed().prefix { $0.isUpper }.count
  }
}
