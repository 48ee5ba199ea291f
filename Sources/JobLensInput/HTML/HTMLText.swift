/// A web page reduced to the text a reader sees.
public struct HTMLDocument: Sendable, Equatable {
  /// The page title: <title>, else the first <h1>, else "".
  public var title: String
  /// The visible text, one line per block.
  public var text: String

  /// Makes a document from its parts, so callers and tests can state expected values.
  public init(title: String, text: String) {
    self.title = title
    self.text = text
  }
}

/// Turns HTML job postings into plain text, one line per block, so the analyser sees
/// sentences and bullet lines instead of markup.
///
/// This is a single forward scan, not a tree builder: it never backtracks and keeps only
/// counters, so it is linear and cannot be driven into deep recursion by hostile input.
public enum HTMLText {
  /// Extracts the title and the visible text of an HTML page given as raw bytes.
  ///
  /// - Complexity: O(n) in the size of the input.
  public static func extract(_ html: [UInt8]) -> HTMLDocument {
    // Repairing the encoding up front means invalid input becomes U+FFFD exactly as a decoder
    // would, and every later cut falls on an ASCII byte, so stray bytes on either side of a
    // tag can never be glued into a valid but different character.
    var bytes = Array(String(decoding: html, as: UTF8.self).utf8)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    return bytes.withUnsafeBufferPointer { buffer in
      var scanner = Scanner(buffer)
      scanner.run()
      return scanner.document()
    }
  }

  /// Extracts the title and the visible text of an HTML page given as a string.
  ///
  /// - Complexity: O(n) in the size of the input.
  public static func extract(_ html: String) -> HTMLDocument {
    extract(Array(html.utf8))
  }
}

// MARK: - Elements

extension HTMLText {
  /// What an element does to the text; nothing else about an element matters here.
  fileprivate enum Kind: Equatable {
    case block, heading(Int), listItem, cell, lineBreak, preformatted
    /// Read for the page title, never shown.
    case title
    /// Content is not markup (script, style, …) and is dropped up to the matching end tag.
    case rawText
    /// Dropped with everything inside; nested markup is still parsed to find the end.
    case svg, template, object
    /// Everything else, including <head> and <body>: what <head> may hold is dropped anyway
    /// (title, script, style) or shows nothing (meta, link), and stray text there is shown by
    /// browsers too, so <head> needs no state that a missing </head> could leave stuck.
    case other
  }

  /// A tag name folded to lower case and packed into two words, so looking a tag up costs no
  /// allocation; names longer than 16 bytes are never ones we know.
  fileprivate struct TagKey: Hashable {
    var low: UInt64 = 0
    var high: UInt64 = 0

    init?(_ p: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) {
      guard end - start <= 16 else { return nil }
      var shift: UInt64 = 0
      for k in start..<end {
        var byte = p[k]
        if byte >= 0x41 && byte <= 0x5A { byte += 0x20 }
        if shift < 64 {
          low |= UInt64(byte) &<< shift
        } else {
          high |= UInt64(byte) &<< (shift - 64)
        }
        shift += 8
      }
    }

    init(_ name: String) {
      let bytes = Array(name.utf8)
      self = bytes.withUnsafeBufferPointer { TagKey($0, from: 0, to: bytes.count)! }
    }
  }

  fileprivate static let kinds: [TagKey: Kind] = {
    var kinds: [TagKey: Kind] = [:]
    let blocks = """
      p div section article header footer main aside nav table tr ul ol dl dt dd blockquote \
      form fieldset address figure figcaption hr caption thead tbody tfoot center details \
      summary dialog hgroup legend menu dir search
      """
    for name in blocks.split(separator: " ") { kinds[TagKey(String(name))] = .block }
    for level in 1...6 { kinds[TagKey("h\(level)")] = .heading(level) }
    for name in ["script", "style", "noscript", "iframe", "noembed", "noframes"] {
      kinds[TagKey(name)] = .rawText
    }
    kinds[TagKey("li")] = .listItem
    kinds[TagKey("td")] = .cell
    kinds[TagKey("th")] = .cell
    kinds[TagKey("br")] = .lineBreak
    kinds[TagKey("pre")] = .preformatted
    kinds[TagKey("listing")] = .preformatted
    kinds[TagKey("title")] = .title
    kinds[TagKey("svg")] = .svg
    kinds[TagKey("template")] = .template
    kinds[TagKey("object")] = .object
    return kinds
  }()
}

// MARK: - Output

extension HTMLText {
  /// Builds normalised lines as UTF-8, deciding about spaces, line breaks and prefixes only
  /// when the next visible character arrives, so nothing ever has to be trimmed afterwards.
  fileprivate struct LineWriter {
    var bytes: [UInt8] = []
    /// The current line has visible text.
    var lineHasText = false
    var pendingSpace = false
    /// Line breaks owed before the next text: 1 ends a line, 2 also leaves one empty line.
    var pendingBreaks = 0
    var pendingBullet = false
    var pendingSeparator = false

    mutating func prepareForText() {
      if !lineHasText {
        if pendingBreaks > 0 && !bytes.isEmpty {
          bytes.append(0x0A)
          if pendingBreaks > 1 { bytes.append(0x0A) }
        }
        pendingBreaks = 0
        if pendingBullet {
          bytes.append(contentsOf: [0xE2, 0x80, 0xA2, 0x20])  // "• "
          pendingBullet = false
        }
        lineHasText = true
      } else if pendingSeparator {
        bytes.append(contentsOf: [0x3B, 0x20])  // "; "
      } else if pendingSpace {
        bytes.append(0x20)
      }
      pendingSpace = false
      pendingSeparator = false
    }

    mutating func append(_ byte: UInt8) {
      if !lineHasText || pendingSpace || pendingSeparator { prepareForText() }
      bytes.append(byte)
    }

    mutating func append(_ p: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) {
      if !lineHasText || pendingSpace || pendingSeparator { prepareForText() }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: p[start..<end]))
    }

    mutating func append(scalar value: UInt32) {
      if !lineHasText || pendingSpace || pendingSeparator { prepareForText() }
      switch value {
      case 0..<0x80:
        bytes.append(UInt8(value))
      case 0x80..<0x800:
        bytes.append(UInt8(0xC0 | value >> 6))
        bytes.append(UInt8(0x80 | value & 0x3F))
      case 0x800..<0x10000:
        bytes.append(UInt8(0xE0 | value >> 12))
        bytes.append(UInt8(0x80 | value >> 6 & 0x3F))
        bytes.append(UInt8(0x80 | value & 0x3F))
      default:
        bytes.append(UInt8(0xF0 | value >> 18))
        bytes.append(UInt8(0x80 | value >> 12 & 0x3F))
        bytes.append(UInt8(0x80 | value >> 6 & 0x3F))
        bytes.append(UInt8(0x80 | value & 0x3F))
      }
    }

    mutating func space() {
      if lineHasText { pendingSpace = true }
    }

    /// Ends the current line, if it has text; block boundaries never make empty lines.
    mutating func endLine() {
      if lineHasText {
        lineHasText = false
        pendingBreaks = 1
      }
      pendingSpace = false
      pendingSeparator = false
    }

    /// A forced break (<br>, a newline in <pre>): on an empty line it leaves an empty line,
    /// but never more than one in a row and never at the start.
    mutating func lineBreak() {
      if lineHasText {
        endLine()
      } else if !bytes.isEmpty {
        pendingBreaks = min(pendingBreaks + 1, 2)
      }
    }

    /// The bullet waits for the item's text, so empty items leave no line and an item whose
    /// text sits in a nested <p> still gets its bullet.
    mutating func startItem() { pendingBullet = true }

    mutating func endItem() { pendingBullet = false }

    /// Only a cell after text on the same row needs a separator; empty cells add nothing.
    mutating func startCell() {
      if lineHasText {
        pendingSeparator = true
        pendingSpace = false
      }
    }

    /// Copies text up to the next "<" or "&", collapsing whitespace, except that in <pre>
    /// newlines break the line.
    mutating func appendText(
      _ p: UnsafeBufferPointer<UInt8>, at start: Int, limit: Int, pre: Bool
    ) -> Int {
      var i = start
      while i < limit {
        let c = p[i]
        switch c {
        case Byte.lt, Byte.amp:
          return i
        case Byte.space, Byte.tab, Byte.ff:
          space()
          i += 1
        case Byte.lf:
          if !pre {
            space()
          } else if i == 0 || p[i - 1] != Byte.cr {
            lineBreak()
          }
          i += 1
        case Byte.cr:
          if pre { lineBreak() } else { space() }
          i += 1
        case 0xC2 where i + 1 < limit && (p[i + 1] == 0xA0 || p[i + 1] == 0xAD):
          // A literal no-break space or soft hyphen means the same as &nbsp; or &shy;.
          if p[i + 1] == 0xA0 { space() }
          i += 2
        default:
          var j = i + 1
          while j < limit && !p[j].endsPlainText { j += 1 }
          append(p, from: i, to: j)
          i = j
        }
      }
      return i
    }

    /// Decodes the character reference at `i`, or writes "&" as text when there is none,
    /// and returns the index after what it consumed.
    ///
    /// This and `appendText` live on the writer, not the scanner: writing into the scanner's
    /// output from a scanner method taking `&out` is an overlapping access that copies the
    /// whole output each time, which made the scan quadratic.
    mutating func appendReference(
      _ p: UnsafeBufferPointer<UInt8>, at i: Int, limit: Int, pre: Bool
    ) -> Int {
      var k = i + 1
      if k < limit && p[k] == Byte.hash {
        k += 1
        let hex = k < limit && (p[k] == 0x78 || p[k] == 0x58)
        if hex { k += 1 }
        let digitsStart = k
        var value: UInt32 = 0
        while k < limit, let digit = p[k].htmlDigitValue(hex: hex) {
          // Saturate rather than overflow: any value this large is invalid anyway.
          value = min(value * (hex ? 16 : 10) + digit, 0x11_0000)
          k += 1
        }
        guard k > digitsStart else {
          append(Byte.amp)
          return i + 1
        }
        if k < limit && p[k] == Byte.semicolon { k += 1 }
        appendDecoded(HTMLText.numericScalar(value), pre: pre)
        return k
      }
      let nameStart = k
      while k < limit && k - nameStart < 32 && p[k].isHTMLEntityNameByte { k += 1 }
      if k > nameStart && k < limit && p[k] == Byte.semicolon {
        let name = String(decoding: UnsafeBufferPointer(rebasing: p[nameStart..<k]), as: UTF8.self)
        if let value = HTMLText.entities[name] {
          appendDecoded(value, pre: pre)
          return k + 1
        }
      }
      append(Byte.amp)
      return i + 1
    }

    mutating func appendDecoded(_ value: UInt32, pre: Bool) {
      switch value {
      case 0x0A, 0x0D:
        if pre { lineBreak() } else { space() }
      case 0x09, 0x0C, 0x20, 0xA0, 0x2002, 0x2003, 0x2009:
        space()
      case 0xAD:
        break  // a soft hyphen is only a hint for where a word may break
      default:
        append(scalar: value)
      }
    }
  }
}

// MARK: - Scanner

extension HTMLText {
  fileprivate struct Scanner {
    let p: UnsafeBufferPointer<UInt8>
    let n: Int
    let input: Input
    var out = LineWriter()
    var title: [UInt8]?
    var headingTitle: [UInt8]?
    /// Where the first non-empty <h1> began in `out`, while it is being read.
    var headingStart: Int?
    var preDepth = 0
    var svgDepth = 0
    var templateDepth = 0
    var objectDepth = 0
    var dropLeadingNewline = false

    init(_ p: UnsafeBufferPointer<UInt8>) {
      self.p = p
      self.n = p.count
      self.input = Input(p)
      out.bytes.reserveCapacity(p.count / 2)
    }

    var dropping: Bool { svgDepth > 0 || templateDepth > 0 || objectDepth > 0 }

    func document() -> HTMLDocument {
      let title = self.title ?? headingTitle ?? []
      return HTMLDocument(
        title: String(decoding: title, as: UTF8.self),
        text: String(decoding: out.bytes, as: UTF8.self))
    }

    mutating func run() {
      var i = 0
      while i < n {
        let c = p[i]
        if dropLeadingNewline {
          // The newline right after <pre> is formatting of the source, not content.
          dropLeadingNewline = false
          if c == Byte.cr || c == Byte.lf {
            i += (c == Byte.cr && i + 1 < n && p[i + 1] == Byte.lf) ? 2 : 1
            continue
          }
        }
        if c == Byte.lt {
          i = markup(at: i)
        } else if dropping {
          i += 1
          while i < n && p[i] != Byte.lt { i += 1 }
        } else if c == Byte.amp {
          i = out.appendReference(p, at: i, limit: n, pre: preDepth > 0)
        } else {
          i = out.appendText(p, at: i, limit: n, pre: preDepth > 0)
        }
      }
      finishHeading()
    }

    /// A "<" that starts no tag is text, as in browsers.
    mutating func literalLessThan() {
      if !dropping { out.append(Byte.lt) }
    }

    /// Handles whatever starts with "<" at `i` and returns the index after it.
    mutating func markup(at i: Int) -> Int {
      let j = i + 1
      guard j < n else {
        literalLessThan()
        return n
      }
      let c = p[j]
      if c == Byte.bang {
        if input.matches("--", at: j + 1) {
          let k = j + 3
          // "<!-->" and "<!--->" are complete (empty) comments.
          if k < n && p[k] == Byte.gt { return k + 1 }
          if input.matches("->", at: k) { return k + 2 }
          return input.index(after: "-->", from: k)
        }
        if input.matches("[CDATA[", at: j + 1) { return input.index(after: "]]>", from: j + 8) }
        return input.index(after: ">", from: j + 1)
      }
      if c == Byte.question { return input.index(after: ">", from: j + 1) }
      if c == Byte.slash {
        let k = j + 1
        guard k < n else {
          literalLessThan()
          return j
        }
        if p[k].isHTMLNameStart {
          let nameEnd = input.scanName(from: k)
          guard let (end, _) = input.tagEnd(from: nameEnd) else { return n }
          endTag(input.kind(from: k, to: nameEnd))
          return end
        }
        if p[k] == Byte.gt { return k + 1 }
        return input.index(after: ">", from: k)
      }
      if c.isHTMLNameStart {
        let nameEnd = input.scanName(from: j)
        guard let (end, selfClosing) = input.tagEnd(from: nameEnd) else { return n }
        let key = TagKey(p, from: j, to: nameEnd)
        let kind = key.flatMap { HTMLText.kinds[$0] } ?? .other
        return startTag(kind, key: key, selfClosing: selfClosing, end: end)
      }
      literalLessThan()
      return j
    }

    mutating func startTag(_ kind: Kind, key: TagKey?, selfClosing: Bool, end: Int) -> Int {
      switch kind {
      case .rawText:
        // Inside SVG these are ordinary elements, and already being dropped.
        if svgDepth > 0 { return end }
        return input.findEndTag(key, from: end).after
      case .title:
        if svgDepth > 0 { return end }  // an SVG <title> is a tooltip, not the page's
        let (contentEnd, after) = input.findEndTag(key, from: end)
        if title == nil && !dropping {
          var writer = LineWriter()
          var k = end
          while k < contentEnd {
            switch p[k] {
            case Byte.amp:
              k = writer.appendReference(p, at: k, limit: contentEnd, pre: false)
            case Byte.lt:
              writer.append(Byte.lt)  // the title's content is text, not markup
              k += 1
            default:
              k = writer.appendText(p, at: k, limit: contentEnd, pre: false)
            }
          }
          if !writer.bytes.isEmpty { title = writer.bytes }
        }
        return after
      case .svg:
        if !selfClosing { svgDepth += 1 }
        return end
      case .template:
        if !selfClosing { templateDepth += 1 }
        return end
      case .object:
        if !selfClosing { objectDepth += 1 }
        return end
      default:
        break
      }
      guard !dropping else { return end }
      switch kind {
      case .block, .heading, .listItem, .preformatted:
        // A heading's text stops at the next block even when </h1> is missing, so a sloppy
        // page does not make its whole body the title.
        finishHeading()
        out.endLine()
      default:
        break
      }
      switch kind {
      case .heading(let level):
        if level == 1 && headingTitle == nil { headingStart = out.bytes.count }
      case .listItem:
        out.startItem()
      case .cell:
        out.startCell()
      case .lineBreak:
        out.lineBreak()
      case .preformatted:
        preDepth += 1
        dropLeadingNewline = true
      default:
        break
      }
      return end
    }

    mutating func endTag(_ kind: Kind) {
      switch kind {
      case .svg:
        svgDepth = max(svgDepth - 1, 0)
        return
      case .template:
        templateDepth = max(templateDepth - 1, 0)
        return
      case .object:
        objectDepth = max(objectDepth - 1, 0)
        return
      case .preformatted:
        preDepth = max(preDepth - 1, 0)
      default:
        break
      }
      guard !dropping else { return }
      switch kind {
      case .block, .preformatted, .heading:
        finishHeading()
        out.endLine()
      case .listItem:
        finishHeading()
        out.endLine()
        out.endItem()
      case .lineBreak:
        out.lineBreak()  // browsers read </br> as <br>
      default:
        break
      }
    }

    /// Takes the text of the <h1> being read as the fallback title, on one line.
    mutating func finishHeading() {
      guard let start = headingStart else { return }
      headingStart = nil
      var line: [UInt8] = []
      var space = false
      for byte in out.bytes[start...] {
        if byte == Byte.lf {
          space = !line.isEmpty
        } else {
          if space { line.append(Byte.space) }
          space = false
          line.append(byte)
        }
      }
      if !line.isEmpty { headingTitle = line }
    }
  }
}

// MARK: - Input

extension HTMLText {
  /// The input and the lookups on it. Kept apart from ``Scanner`` so that these calls copy
  /// a pointer, not the scanner with its growing output.
  fileprivate struct Input {
    let p: UnsafeBufferPointer<UInt8>
    let n: Int

    init(_ p: UnsafeBufferPointer<UInt8>) {
      self.p = p
      self.n = p.count
    }

    func kind(from start: Int, to end: Int) -> Kind {
      TagKey(p, from: start, to: end).flatMap { HTMLText.kinds[$0] } ?? .other
    }

    func matches(_ literal: StaticString, at i: Int) -> Bool {
      let count = literal.utf8CodeUnitCount
      guard i + count <= n else { return false }
      let bytes = literal.utf8Start
      for k in 0..<count where p[i + k] != bytes[k] { return false }
      return true
    }

    /// The index just after the next `literal` from `i`; unterminated constructs swallow the
    /// rest of the input, as in browsers.
    func index(after literal: StaticString, from i: Int) -> Int {
      let count = literal.utf8CodeUnitCount
      let first = literal.utf8Start[0]
      var k = i
      while k + count <= n {
        if p[k] == first && matches(literal, at: k) { return k + count }
        k += 1
      }
      return n
    }

    func scanName(from i: Int) -> Int {
      var k = i
      while k < n && !p[k].isHTMLSpace && p[k] != Byte.slash && p[k] != Byte.gt { k += 1 }
      return k
    }

    /// Skips a tag's attributes, honouring quotes so that `title="a > b"` does not end it.
    /// Returns nil when the input ends inside the tag, which then counts for nothing.
    func tagEnd(from i: Int) -> (end: Int, selfClosing: Bool)? {
      enum State { case between, name, afterName, beforeValue, doubleQuoted, singleQuoted, bare }
      var state = State.between
      var k = i
      while k < n {
        let c = p[k]
        switch state {
        case .between, .name, .afterName:
          if c == Byte.gt { return (k + 1, false) }
          if c == Byte.slash {
            if k + 1 < n && p[k + 1] == Byte.gt { return (k + 2, true) }
            state = .between
          } else if c == Byte.equals && state != .between {
            state = .beforeValue
          } else if c.isHTMLSpace {
            if state == .name { state = .afterName }
          } else {
            state = .name
          }
        case .beforeValue:
          if c == Byte.gt { return (k + 1, false) }
          if c == Byte.quote {
            state = .doubleQuoted
          } else if c == Byte.apostrophe {
            state = .singleQuoted
          } else if !c.isHTMLSpace {
            state = .bare
          }
        case .doubleQuoted:
          if c == Byte.quote { state = .between }
        case .singleQuoted:
          if c == Byte.apostrophe { state = .between }
        case .bare:
          if c == Byte.gt { return (k + 1, false) }
          if c.isHTMLSpace { state = .between }
        }
        k += 1
      }
      return nil
    }

    /// Finds the end tag that closes a raw-text element: where its content ends and where
    /// scanning resumes. Without one, the content runs to the end of the input.
    func findEndTag(_ key: TagKey?, from i: Int) -> (contentEnd: Int, after: Int) {
      guard let key else { return (n, n) }
      var k = i
      while k + 2 < n {
        guard p[k] == Byte.lt, p[k + 1] == Byte.slash, p[k + 2].isHTMLNameStart else {
          k += 1
          continue
        }
        let nameEnd = scanName(from: k + 2)
        if TagKey(p, from: k + 2, to: nameEnd) == key {
          return (k, tagEnd(from: nameEnd)?.end ?? n)
        }
        k = nameEnd
      }
      return (n, n)
    }
  }
}

// MARK: - Character reference tables

extension HTMLText {
  /// Maps a numeric reference to the scalar browsers show; invalid ones become U+FFFD.
  fileprivate static func numericScalar(_ value: UInt32) -> UInt32 {
    switch value {
    case 0, 0xD800...0xDFFF, 0x11_0000...: return 0xFFFD
    // Pages converted from Word write Windows-1252 codes (&#146; for ’), which browsers
    // honour.
    case 0x80...0x9F: return windows1252[Int(value - 0x80)]
    default: return value
    }
  }

  fileprivate static let windows1252: [UInt32] = [
    0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
    0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
  ]

  /// Named references: all of Latin-1 and the punctuation and symbols seen in postings.
  fileprivate static let entities: [String: UInt32] = {
    let latin1 = """
      nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr \
      deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 \
      frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc \
      Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash \
      Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring \
      aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve \
      oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml
      """
    var table: [String: UInt32] = [:]
    for (offset, name) in latin1.split(separator: " ").enumerated() {
      table[String(name)] = 0xA0 + UInt32(offset)
    }
    let others: [(String, UInt32)] = [
      ("quot", 0x22), ("QUOT", 0x22), ("amp", 0x26), ("AMP", 0x26), ("apos", 0x27),
      ("lt", 0x3C), ("LT", 0x3C), ("gt", 0x3E), ("GT", 0x3E), ("COPY", 0xA9), ("REG", 0xAE),
      ("Tab", 0x09), ("NewLine", 0x0A), ("excl", 0x21), ("num", 0x23), ("dollar", 0x24),
      ("percnt", 0x25), ("lpar", 0x28), ("rpar", 0x29), ("ast", 0x2A), ("plus", 0x2B),
      ("comma", 0x2C), ("period", 0x2E), ("sol", 0x2F), ("colon", 0x3A), ("semi", 0x3B),
      ("equals", 0x3D), ("quest", 0x3F), ("commat", 0x40), ("lsqb", 0x5B), ("bsol", 0x5C),
      ("rsqb", 0x5D), ("lowbar", 0x5F), ("grave", 0x60), ("lcub", 0x7B), ("verbar", 0x7C),
      ("vert", 0x7C), ("rcub", 0x7D), ("OElig", 0x152), ("oelig", 0x153), ("Scaron", 0x160),
      ("scaron", 0x161), ("Yuml", 0x178), ("fnof", 0x192), ("circ", 0x2C6), ("tilde", 0x2DC),
      ("ensp", 0x2002), ("emsp", 0x2003), ("thinsp", 0x2009), ("zwnj", 0x200C),
      ("zwj", 0x200D), ("lrm", 0x200E), ("rlm", 0x200F), ("hyphen", 0x2010), ("dash", 0x2010),
      ("ndash", 0x2013), ("mdash", 0x2014), ("lsquo", 0x2018), ("rsquo", 0x2019),
      ("sbquo", 0x201A), ("ldquo", 0x201C), ("rdquo", 0x201D), ("bdquo", 0x201E),
      ("dagger", 0x2020), ("Dagger", 0x2021), ("bull", 0x2022), ("bullet", 0x2022),
      ("hellip", 0x2026), ("permil", 0x2030), ("prime", 0x2032), ("Prime", 0x2033),
      ("lsaquo", 0x2039), ("rsaquo", 0x203A), ("oline", 0x203E), ("frasl", 0x2044),
      ("euro", 0x20AC), ("trade", 0x2122), ("TRADE", 0x2122), ("larr", 0x2190),
      ("uarr", 0x2191), ("rarr", 0x2192), ("darr", 0x2193), ("harr", 0x2194),
      ("minus", 0x2212), ("infin", 0x221E), ("asymp", 0x2248), ("ne", 0x2260),
      ("le", 0x2264), ("ge", 0x2265), ("check", 0x2713), ("cross", 0x2717),
    ]
    for (name, value) in others { table[name] = value }
    return table
  }()
}

// MARK: - Bytes

extension HTMLText {
  /// Byte constants, in a namespace of their own so they cannot clash with names that other
  /// files might add to `UInt8`.
  fileprivate enum Byte {
    static let tab: UInt8 = 0x09
    static let lf: UInt8 = 0x0A
    static let ff: UInt8 = 0x0C
    static let cr: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let bang: UInt8 = 0x21
    static let quote: UInt8 = 0x22
    static let hash: UInt8 = 0x23
    static let amp: UInt8 = 0x26
    static let apostrophe: UInt8 = 0x27
    static let slash: UInt8 = 0x2F
    static let semicolon: UInt8 = 0x3B
    static let lt: UInt8 = 0x3C
    static let equals: UInt8 = 0x3D
    static let gt: UInt8 = 0x3E
    static let question: UInt8 = 0x3F
  }
}

extension UInt8 {
  /// HTML's own whitespace, which is narrower than Unicode's.
  fileprivate var isHTMLSpace: Bool {
    self == HTMLText.Byte.space || self == HTMLText.Byte.lf || self == HTMLText.Byte.tab
      || self == HTMLText.Byte.cr
      || self == HTMLText.Byte.ff
  }

  fileprivate var isHTMLNameStart: Bool { (self | 0x20) >= 0x61 && (self | 0x20) <= 0x7A }

  fileprivate var isHTMLEntityNameByte: Bool {
    isHTMLNameStart || (self >= 0x30 && self <= 0x39)
  }

  /// Bytes that need a decision in running text; 0xC2 leads U+00A0 and U+00AD.
  fileprivate var endsPlainText: Bool {
    self == HTMLText.Byte.lt || self == HTMLText.Byte.amp || self == 0xC2 || isHTMLSpace
  }

  fileprivate func htmlDigitValue(hex: Bool) -> UInt32? {
    if self >= 0x30 && self <= 0x39 { return UInt32(self - 0x30) }
    guard hex else { return nil }
    let lower = self | 0x20
    if lower >= 0x61 && lower <= 0x66 { return UInt32(lower - 0x61 + 10) }
    return nil
  }
}
