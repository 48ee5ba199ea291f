import JobLensCore

/// How the title and text fields of JSONL and CSV postings are read (scraped `description`
/// columns often hold a web page's markup).
public enum HTMLFieldMode: String, Sendable, CaseIterable {
  /// As HTML when the field has tags (`<p>`, `<br/>`, `</li>`, a comment); a field without
  /// tags but with character references (`&amp;`, `&#39;`) has them decoded and keeps its
  /// line breaks; any other field is read as it is.
  case auto
  /// Always as HTML: tags dropped, blocks and list items as lines, whitespace collapsed.
  case yes
  /// As it is.
  case no
}

extension HTMLText {
  /// A field's text as the analysis reads it under `mode`, or nil when it stays as it is.
  ///
  /// - Complexity: O(n) in the length of the field.
  public static func fieldText(_ text: String, mode: HTMLFieldMode) -> String? {
    switch mode {
    case .no:
      return nil
    case .yes:
      return extract(text).text
    case .auto:
      let bytes = Array(text.utf8)
      if hasTags(bytes) { return extract(bytes).text }
      if hasReferences(bytes) { return decodeReferences(bytes) }
      return nil
    }
  }

  /// Element names whose tags mark a field as HTML: the elements of HTML and the obsolete
  /// ones that pages still use, so that "<Ctrl>" or "a<b>c" in plain text does not count.
  static let elementNames: Set<String> = Set(
    """
    a abbr acronym address area article aside audio b base bdi bdo big blockquote body br \
    button canvas caption center cite code col colgroup data datalist dd del details dfn \
    dialog dir div dl dt em embed fieldset figcaption figure font footer form frame frameset \
    h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe img input ins kbd label legend li \
    link main map mark menu meta meter nav noscript object ol optgroup option output p param \
    picture pre progress q rp rt ruby s samp script section select small source span strike \
    strong style sub summary sup svg table tbody td template textarea tfoot th thead time \
    title tr track tt u ul var video wbr
    """.split(separator: " ").map(String.init))

  /// Whether UTF-8 text holds an HTML tag of a known element (start or end tag), a comment
  /// or a doctype.
  ///
  /// - Complexity: O(n).
  static func hasTags(_ bytes: [UInt8]) -> Bool {
    let n = bytes.count
    var i = 0
    while i + 1 < n {
      // Eight bytes at a time while none is "<".
      if i + 8 <= n,
        !bytes.withUnsafeBufferPointer({ ByteWord.contains(ByteWord.load($0, at: i), 0x3C) })
      {
        i += 8
        continue
      }
      defer { i += 1 }
      guard bytes[i] == 0x3C else { continue }  // "<"
      var k = i + 1
      if bytes[k] == 0x21 {  // "<!--" or "<!doctype"
        if k + 2 < n && bytes[k + 1] == 0x2D && bytes[k + 2] == 0x2D { return true }
        if k + 7 < n
          && String(decoding: bytes[k + 1...k + 7], as: UTF8.self).lowercased()
            == "doctype"
        {
          return true
        }
        continue
      }
      if bytes[k] == 0x2F { k += 1 }  // "</"
      let nameStart = k
      while k < n && k - nameStart <= 10
        && ((bytes[k] | 0x20) >= 0x61 && (bytes[k] | 0x20) <= 0x7A
          || (k > nameStart && bytes[k] >= 0x30 && bytes[k] <= 0x39))
      {
        k += 1
      }
      guard k > nameStart, k < n else { continue }
      // The name must end the way a tag's name does: ">", "/", or a space before attributes.
      let after = bytes[k]
      guard
        after == 0x3E || after == 0x2F || after == 0x20 || after == 0x09 || after == 0x0A
          || after == 0x0D
      else { continue }
      let name = String(decoding: bytes[nameStart..<k], as: UTF8.self).lowercased()
      if elementNames.contains(name) && bytes[k...].contains(0x3E) { return true }
    }
    return false
  }

  /// Whether UTF-8 text holds a character reference that ends with ";": a named one of the
  /// WHATWG list or a numeric one ("AT&T" and "R&D" do not count).
  static func hasReferences(_ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBufferPointer { p in
      var i = 0
      while i < p.count {
        // Eight bytes at a time while none is "&".
        if i + 8 <= p.count, !ByteWord.contains(ByteWord.load(p, at: i), 0x26) {
          i += 8
          continue
        }
        if p[i] == 0x26, let (_, next) = reference(p, at: i, limit: p.count),
          p[next - 1] == 0x3B
        {
          return true
        }
        i += 1
      }
      return false
    }
  }

  /// The text with its character references decoded and everything else kept (line breaks
  /// too); soft hyphens are dropped, as in HTML.
  ///
  /// - Complexity: O(n).
  static func decodeReferences(_ bytes: [UInt8]) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    bytes.withUnsafeBufferPointer { p in
      var i = 0
      while i < p.count {
        guard p[i] == 0x26, let (value, next) = reference(p, at: i, limit: p.count) else {
          out.append(p[i])
          i += 1
          continue
        }
        for scalar in [value.first, value.second] where scalar != 0 && scalar != 0xAD {
          if let decoded = Unicode.Scalar(scalar) { out.append(contentsOf: String(decoded).utf8) }
        }
        i = next
      }
    }
    return String(decoding: out, as: UTF8.self)
  }
}

extension Posting {
  /// The posting with its title and text read as `mode` says; marked as derived when its text
  /// changed, so that outputs carry the text the offsets refer to.
  public func readingHTML(_ mode: HTMLFieldMode) -> Posting {
    guard mode != .no else { return self }
    var posting = self
    if let title = HTMLText.fieldText(title, mode: mode) { posting.title = title }
    if let text = HTMLText.fieldText(text, mode: mode) {
      posting.text = text
      posting.isDerived = true
    }
    return posting
  }
}
