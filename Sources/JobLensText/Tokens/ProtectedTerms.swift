/// Finds the terms that word breaking would tear apart: e-mail addresses, URLs and domains,
/// hashtags, @handles, programming names (C++, C#, F#, .NET, Node.js) and versioned products
/// ("Office 365").
///
/// Works on ASCII patterns only, scanning the bytes once and looking closer only at trigger
/// characters (`@ # + . :` and digits after a space), so it costs little on ordinary text.
struct ProtectedTermScanner {
  /// A protected byte range and what it holds.
  struct Span: Equatable {
    var range: Range<Int>
    var kind: TokenKind
  }

  /// Atomic protected terms (one token each) and versioned products (token groups), both in
  /// text order and without overlaps.
  struct Result {
    var atomic: [Span] = []
    var products: [Range<Int>] = []
  }

  /// The bytes that can start or reveal a protected term.
  private static let triggers: [Bool] = (0..<256).map { value in
    let byte = UInt8(value)
    return ":wW@#+.".utf8.contains(byte) || (byte >= 0x30 && byte <= 0x39)
  }

  /// Whether an ASCII byte can start an ICU word: a letter, a digit or `_`.
  @inline(__always) static func isWordStartByte(_ byte: UInt8) -> Bool {
    (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F
  }

  /// Scans UTF-8 bytes.
  /// - Complexity: O(n).
  static func scan(_ text: UnsafeBufferPointer<UInt8>) -> Result {
    var result = Result()
    let scanner = Cursor(text: text)
    var index = 0
    let count = text.count
    let triggers = ProtectedTermScanner.triggers
    while index < count {
      let byte = text[index]
      if !triggers[Int(byte)] {
        index += 1
        continue
      }
      var found: Span?
      switch byte {
      case UInt8(ascii: ":"), UInt8(ascii: "w"), UInt8(ascii: "W"):
        found = scanner.url(at: index)
      case UInt8(ascii: "@"):
        found = scanner.email(at: index) ?? scanner.handle(at: index)
      case UInt8(ascii: "#"):
        found = scanner.sharpName(at: index) ?? scanner.hashtag(at: index)
      case UInt8(ascii: "+"):
        found = scanner.plusPlus(at: index)
      case UInt8(ascii: "."):
        found = scanner.dotName(at: index) ?? scanner.domain(at: index)
      case UInt8(ascii: "0")...UInt8(ascii: "9"):
        if let product = scanner.versionedProduct(at: index),
          product.lowerBound >= (result.products.last?.upperBound ?? 0),
          product.lowerBound >= (result.atomic.last?.range.upperBound ?? 0)
        {
          result.products.append(product)
          index = product.upperBound
          continue
        }
      default:
        break
      }
      if let span = found {
        // A span found by looking back may start inside the previous one: keep the first.
        if span.range.lowerBound >= (result.atomic.last?.range.upperBound ?? 0)
          && span.range.lowerBound >= (result.products.last?.upperBound ?? 0)
        {
          result.atomic.append(span)
          index = span.range.upperBound
          continue
        }
      }
      index += 1
    }
    return result
  }

  /// Byte-level pattern matchers over one text.
  private struct Cursor {
    let text: UnsafeBufferPointer<UInt8>

    func byte(_ index: Int) -> UInt8 { index >= 0 && index < text.count ? text[index] : 0 }

    static func isLetter(_ byte: UInt8) -> Bool {
      (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }
    static func isDigit(_ byte: UInt8) -> Bool {
      byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
    static func isAlnum(_ byte: UInt8) -> Bool { isLetter(byte) || isDigit(byte) }
    /// Letters, digits, `_` and any non-ASCII byte (part of a non-ASCII letter, usually).
    static func isWordByte(_ byte: UInt8) -> Bool {
      isAlnum(byte) || byte == UInt8(ascii: "_") || byte >= 0x80
    }

    /// Whether `index` starts a word: nothing word-like just before it.
    func startsWord(_ index: Int) -> Bool { index == 0 || !Cursor.isWordByte(byte(index - 1)) }
    func endsWord(_ index: Int) -> Bool { !Cursor.isWordByte(byte(index)) }

    /// The start of the run of ASCII alphanumerics ending just before `index`.
    func alnumRunStart(before index: Int) -> Int {
      var start = index
      while start > 0 && Cursor.isAlnum(byte(start - 1)) { start -= 1 }
      return start
    }

    func hasPrefix(_ literal: String, at index: Int, caseInsensitive: Bool = true) -> Bool {
      var offset = index
      for expected in literal.utf8 {
        guard offset < text.count else { return false }
        let actual = text[offset]
        let matches =
          caseInsensitive && Cursor.isLetter(expected)
          ? actual | 0x20 == expected | 0x20
          : actual == expected
        if !matches { return false }
        offset += 1
      }
      return true
    }

    /// Extends a URL or path to the next space or delimiter, then drops trailing punctuation.
    func urlEnd(from index: Int) -> Int {
      var end = index
      while end < text.count {
        let byte = text[end]
        if byte <= 0x20 || byte >= 0x80 || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
          || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "|")
        {
          break
        }
        end += 1
      }
      while end > index, ".,;:!?)]}'*".utf8.contains(text[end - 1]) { end -= 1 }
      return end
    }

    /// `scheme://…` (triggered at `:`) or `www.…`.
    func url(at index: Int) -> Span? {
      if text[index] == UInt8(ascii: ":") {
        guard byte(index + 1) == UInt8(ascii: "/"), byte(index + 2) == UInt8(ascii: "/") else {
          return nil
        }
        let start = alnumRunStart(before: index)
        guard start < index, Cursor.isLetter(byte(start)) else { return nil }
        let end = urlEnd(from: index + 3)
        return end > index + 3 ? Span(range: start..<end, kind: .url) : nil
      }
      guard startsWord(index), hasPrefix("www.", at: index), Cursor.isAlnum(byte(index + 4))
      else { return nil }
      return Span(range: index..<urlEnd(from: index), kind: .url)
    }

    /// `name.label.tld` after the `@` at `index`; returns the domain's end.
    func domainEnd(from start: Int) -> Int? {
      var end = start
      var labels = 0
      var lastLabel = start..<start
      while true {
        let labelStart = end
        while Cursor.isAlnum(byte(end)) || byte(end) == UInt8(ascii: "-") { end += 1 }
        guard end > labelStart else { return nil }
        labels += 1
        lastLabel = labelStart..<end
        if byte(end) == UInt8(ascii: "."), Cursor.isAlnum(byte(end + 1)) {
          end += 1
        } else {
          break
        }
      }
      guard labels >= 2, lastLabel.count >= 2,
        text[lastLabel].allSatisfy({ Cursor.isLetter($0) })
      else { return nil }
      return end
    }

    func email(at index: Int) -> Span? {
      var start = index
      while start > 0 {
        let previous = byte(start - 1)
        if Cursor.isAlnum(previous) || "._%+-".utf8.contains(previous) {
          start -= 1
        } else {
          break
        }
      }
      while start < index && !Cursor.isAlnum(byte(start)) { start += 1 }
      guard start < index, let end = domainEnd(from: index + 1) else { return nil }
      return Span(range: start..<end, kind: .email)
    }

    func handle(at index: Int) -> Span? {
      guard startsWord(index) else { return nil }
      var end = index + 1
      while Cursor.isAlnum(byte(end)) || byte(end) == UInt8(ascii: "_") { end += 1 }
      return end > index + 1 ? Span(range: index..<end, kind: .handle) : nil
    }

    /// C#, F#, J#: one letter, then `#`, not followed by a word character.
    func sharpName(at index: Int) -> Span? {
      guard index >= 1, Cursor.isLetter(byte(index - 1)), startsWord(index - 1),
        endsWord(index + 1)
      else { return nil }
      return Span(range: (index - 1)..<(index + 1), kind: .code)
    }

    func hashtag(at index: Int) -> Span? {
      guard startsWord(index) else { return nil }
      var end = index + 1
      var letters = 0
      while Cursor.isWordByte(byte(end)) {
        if !Cursor.isDigit(byte(end)) { letters += 1 }
        end += 1
      }
      return letters > 0 ? Span(range: index..<end, kind: .hashtag) : nil
    }

    /// C++, Notepad++: a word followed by `++` and no word character.
    func plusPlus(at index: Int) -> Span? {
      guard byte(index + 1) == UInt8(ascii: "+"), endsWord(index + 2) || byte(index + 2) == 0,
        index >= 1, Cursor.isAlnum(byte(index - 1))
      else { return nil }
      let start = alnumRunStart(before: index)
      guard startsWord(start) else { return nil }
      return Span(range: start..<(index + 2), kind: .code)
    }

    /// .NET, ASP.NET, Node.js, Vue.js.
    func dotName(at index: Int) -> Span? {
      let hasWordBefore = index >= 1 && Cursor.isAlnum(byte(index - 1))
      if hasPrefix(".net", at: index), endsWord(index + 4) {
        let upper = hasPrefix(".NET", at: index, caseInsensitive: false)
        if !hasWordBefore && startsWord(index) {
          return Span(range: index..<(index + 4), kind: .code)
        }
        if hasWordBefore && upper {
          return Span(range: alnumRunStart(before: index)..<(index + 4), kind: .code)
        }
      }
      if hasWordBefore, hasPrefix(".js", at: index), endsWord(index + 3) {
        let start = alnumRunStart(before: index)
        if startsWord(start) { return Span(range: start..<(index + 3), kind: .code) }
      }
      return nil
    }

    /// Bare domains such as `example.co` or `howtostartanllc.com/path` (lower case).
    func domain(at index: Int) -> Span? {
      guard index >= 1, Cursor.isAlnum(byte(index - 1)),
        byte(index + 1) >= UInt8(ascii: "a") && byte(index + 1) <= UInt8(ascii: "z")
      else { return nil }
      var start = index
      while start > 0,
        Cursor.isAlnum(byte(start - 1)) || byte(start - 1) == UInt8(ascii: "-")
          || byte(start - 1) == UInt8(ascii: ".")
      {
        start -= 1
      }
      guard startsWord(start), Cursor.isAlnum(byte(start)),
        let end = domainEnd(from: start), end > index
      else { return nil }
      let lastDot = (start..<end).last { text[$0] == UInt8(ascii: ".") }!
      let tld = String(decoding: text[(lastDot + 1)..<end], as: UTF8.self)
      guard tld == tld.lowercased(), TextLexicons.topLevelDomains.contains(tld) else {
        return nil
      }
      let full = byte(end) == UInt8(ascii: "/") ? urlEnd(from: end) : end
      guard endsWord(full) else { return nil }
      return Span(range: start..<full, kind: .url)
    }

    /// "Office 365", "Windows Server 2019", "Python 3.11": a known product name, one space, a
    /// version number. Triggered at the version's first digit.
    func versionedProduct(at index: Int) -> Range<Int>? {
      guard index >= 2, byte(index - 1) == UInt8(ascii: " "), Cursor.isLetter(byte(index - 2))
      else { return nil }
      var end = index
      while Cursor.isDigit(byte(end)) { end += 1 }
      while byte(end) == UInt8(ascii: "."), Cursor.isDigit(byte(end + 1)) {
        end += 1
        while Cursor.isDigit(byte(end)) { end += 1 }
      }
      guard endsWord(end), end - index <= 8 else { return nil }
      let nameStart = alnumRunStart(before: index - 1)
      guard startsWord(nameStart) else { return nil }
      let name = String(decoding: text[nameStart..<(index - 1)], as: UTF8.self).lowercased()
      if nameStart >= 2, byte(nameStart - 1) == UInt8(ascii: " ") {
        let firstStart = alnumRunStart(before: nameStart - 1)
        let first = String(decoding: text[firstStart..<(nameStart - 1)], as: UTF8.self)
        if startsWord(firstStart),
          TextLexicons.versionedProducts.contains(first.lowercased() + " " + name)
        {
          return firstStart..<end
        }
      }
      return TextLexicons.versionedProducts.contains(name) ? nameStart..<end : nil
    }
  }
}
