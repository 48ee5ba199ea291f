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

extension HTMLText.Kind {
  /// Whether the element starts and ends a line.
  fileprivate var isBlockLike: Bool {
    switch self {
    case .block, .heading, .listItem, .preformatted: true
    default: false
    }
  }
}

extension HTMLText {
  /// A hidden element (`hidden`, `display: none`) whose content is being dropped. Without a
  /// tree, its end is found by counting elements of its name; <p> and <li>, whose end tags may
  /// be left out, also end where the next block or list item implies it.
  fileprivate struct HiddenElement {
    var key: TagKey?
    var kind: Kind = .other
    /// Open elements of the hidden one's name, itself included; 0 when nothing is hidden.
    var depth = 0
    /// Lists opened inside a hidden <li>.
    var lists = 0

    init() {}

    init(key: TagKey, kind: Kind) {
      self.key = key
      self.kind = kind
      depth = 1
    }

    static let p = TagKey("p")
    static let li = TagKey("li")
    static let listKeys: Set<TagKey> = [TagKey("ul"), TagKey("ol"), TagKey("menu")]

    /// Elements whose end tag may be left out (other than <p> and <li>), void elements and
    /// those dropped anyway: hiding them is not followed, so a missing end cannot swallow
    /// the rest of the page.
    static let notFollowed: Set<TagKey> = Set(
      """
      area base br col embed hr img input link meta param source track wbr dt dd rt rp \
      optgroup option colgroup caption thead tbody tfoot tr td th html head body
      """.split(separator: " ").map { TagKey(String($0)) })

    static func canHide(_ kind: Kind, _ key: TagKey) -> Bool {
      switch kind {
      case .rawText, .title, .svg, .template, .object: false
      default: !notFollowed.contains(key)
      }
    }

    /// Notes a start tag inside the hidden element; true when it implies the element's end.
    mutating func endsBefore(start kind: Kind, key: TagKey?, selfClosing: Bool) -> Bool {
      if self.key == HiddenElement.p { return kind.isBlockLike }
      if self.key == HiddenElement.li {
        guard let key else { return false }
        if HiddenElement.listKeys.contains(key) {
          lists += 1
        } else if key == HiddenElement.li && lists == 0 {
          return true
        }
        return false
      }
      if key == self.key && !selfClosing { depth += 1 }
      return false
    }

    enum EndTagEffect {
      case inside
      /// The hidden element ended: at its own end tag, or at one that implies its end.
      case ended(ownTag: Bool)
    }

    /// Notes an end tag inside the hidden element.
    mutating func end(_ kind: Kind, key: TagKey?) -> EndTagEffect {
      if self.key == HiddenElement.p {
        if key == HiddenElement.p { return .ended(ownTag: true) }
        return kind.isBlockLike ? .ended(ownTag: false) : .inside
      }
      if self.key == HiddenElement.li {
        guard let key else { return .inside }
        if HiddenElement.listKeys.contains(key) {
          if lists == 0 { return .ended(ownTag: false) }
          lists -= 1
        } else if key == HiddenElement.li && lists == 0 {
          return .ended(ownTag: true)
        }
        return .inside
      }
      guard key == self.key else { return .inside }
      depth -= 1
      return depth == 0 ? .ended(ownTag: true) : .inside
    }
  }
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
      guard let (value, next) = HTMLText.reference(p, at: i, limit: limit) else {
        append(Byte.amp)
        return i + 1
      }
      appendDecoded(value, pre: pre)
      return next
    }

    /// A named reference's one or two scalars (the second is a combining mark or a variation
    /// selector, as in "&NotEqualTilde;", or 0).
    mutating func appendDecoded(_ value: HTMLText.NamedReference, pre: Bool) {
      appendDecoded(value.first, pre: pre)
      if value.second != 0 { append(scalar: value.second) }
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
    /// The hidden element being dropped with its content (the `hidden` attribute, or
    /// `display: none` in its style), and how many elements of its name are open inside it.
    var hidden = HiddenElement()

    init(_ p: UnsafeBufferPointer<UInt8>) {
      self.p = p
      self.n = p.count
      self.input = Input(p)
      out.bytes.reserveCapacity(p.count / 2)
    }

    var dropping: Bool {
      svgDepth > 0 || templateDepth > 0 || objectDepth > 0 || hidden.depth > 0
    }

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
          guard let (end, _, _) = input.tagEnd(from: nameEnd) else { return n }
          endTag(input.kind(from: k, to: nameEnd), key: TagKey(p, from: k, to: nameEnd))
          return end
        }
        if p[k] == Byte.gt { return k + 1 }
        return input.index(after: ">", from: k)
      }
      if c.isHTMLNameStart {
        let nameEnd = input.scanName(from: j)
        guard let (end, selfClosing, hides) = input.tagEnd(from: nameEnd) else { return n }
        let key = TagKey(p, from: j, to: nameEnd)
        let kind = key.flatMap { HTMLText.kinds[$0] } ?? .other
        if hidden.depth > 0 {
          if hidden.endsBefore(start: kind, key: key, selfClosing: selfClosing) { hidden = .init() }
        } else if hides, let key, !selfClosing, HiddenElement.canHide(kind, key) {
          if !dropping && kind.isBlockLike {
            finishHeading()
            out.endLine()
          }
          hidden = HiddenElement(key: key, kind: kind)
          return end
        }
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

    mutating func endTag(_ kind: Kind, key: TagKey?) {
      if hidden.depth > 0 {
        switch hidden.end(kind, key: key) {
        case .inside:
          break
        case .ended(let ownTag):
          let element = hidden.kind
          hidden = .init()
          if ownTag {
            // The hidden element's own end tag: nothing of it was shown, only its box ends.
            if !dropping && element.isBlockLike { out.endLine() }
            return
          }
        }
      }
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

    /// Skips a tag's attributes, honouring quotes so that `title="a > b"` does not end it, and
    /// tells whether they hide the element: a `hidden` attribute, or `display: none` in its
    /// `style`. Returns nil when the input ends inside the tag, which then counts for nothing.
    func tagEnd(from i: Int) -> (end: Int, selfClosing: Bool, hidden: Bool)? {
      enum State { case between, name, afterName, beforeValue, doubleQuoted, singleQuoted, bare }
      var state = State.between
      var hidden = false
      // The current attribute's name and value.
      var name = i..<i
      var valueStart = i
      func endName(_ k: Int) {
        name = name.lowerBound..<k
        if equalsIgnoringCase(name, "hidden") { hidden = true }
      }
      func endValue(_ k: Int) {
        if equalsIgnoringCase(name, "style") && hidesByStyle(valueStart..<k) { hidden = true }
      }
      var k = i
      while k < n {
        let c = p[k]
        switch state {
        case .between, .name, .afterName:
          if c == Byte.gt {
            if state == .name { endName(k) }
            return (k + 1, false, hidden)
          }
          if c == Byte.slash {
            if state == .name { endName(k) }
            if k + 1 < n && p[k + 1] == Byte.gt { return (k + 2, true, hidden) }
            state = .between
          } else if c == Byte.equals && state != .between {
            if state == .name { endName(k) }
            state = .beforeValue
          } else if c.isHTMLSpace {
            if state == .name {
              endName(k)
              state = .afterName
            }
          } else if state != .name {
            name = k..<k
            state = .name
          }
        case .beforeValue:
          if c == Byte.gt { return (k + 1, false, hidden) }
          if c == Byte.quote {
            state = .doubleQuoted
            valueStart = k + 1
          } else if c == Byte.apostrophe {
            state = .singleQuoted
            valueStart = k + 1
          } else if !c.isHTMLSpace {
            state = .bare
            valueStart = k
          }
        case .doubleQuoted:
          if c == Byte.quote {
            endValue(k)
            state = .between
          }
        case .singleQuoted:
          if c == Byte.apostrophe {
            endValue(k)
            state = .between
          }
        case .bare:
          if c == Byte.gt {
            endValue(k)
            return (k + 1, false, hidden)
          }
          if c.isHTMLSpace {
            endValue(k)
            state = .between
          }
        }
        k += 1
      }
      return nil
    }

    /// Whether the bytes in `range` spell `word` (lower-case ASCII), ignoring case.
    func equalsIgnoringCase(_ range: Range<Int>, _ word: StaticString) -> Bool {
      guard range.count == word.utf8CodeUnitCount else { return false }
      let bytes = word.utf8Start
      for (offset, k) in range.enumerated() where p[k] | 0x20 != bytes[offset] { return false }
      return true
    }

    /// Whether a style attribute's value says `display: none` (spaces and case aside).
    func hidesByStyle(_ range: Range<Int>) -> Bool {
      var compact: [UInt8] = []
      compact.reserveCapacity(range.count)
      for k in range where !p[k].isHTMLSpace { compact.append(p[k] | 0x20) }
      let pattern = Array("display:none".utf8)
      guard compact.count >= pattern.count else { return false }
      for start in 0...(compact.count - pattern.count)
      where compact[start..<start + pattern.count].elementsEqual(pattern) {
        // "display:none" at the start of a declaration, not "xdisplay:none".
        if start == 0 || compact[start - 1] == Byte.semicolon { return true }
      }
      return false
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
  /// The character reference at `i` (an "&") and the index after it, or nil when there is
  /// none there: numeric references, the named ones with their ";", and the legacy names
  /// (Latin-1 and a few more) also without it, at the start of a longer word too, as in
  /// browsers ("&copy2024"; "&notit;" is "¬it;").
  ///
  /// - Complexity: O(1): names are at most 32 bytes.
  static func reference(
    _ p: UnsafeBufferPointer<UInt8>, at i: Int, limit: Int
  ) -> (NamedReference, Int)? {
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
      guard k > digitsStart else { return nil }
      if k < limit && p[k] == Byte.semicolon { k += 1 }
      return (NamedReference(first: numericScalar(value), second: 0), k)
    }
    let nameStart = k
    while k < limit && k - nameStart < 32 && p[k].isHTMLEntityNameByte { k += 1 }
    if k > nameStart && k < limit && p[k] == Byte.semicolon {
      let name = String(decoding: UnsafeBufferPointer(rebasing: p[nameStart...k]), as: UTF8.self)
      if let value = entities[name] { return (value, k + 1) }
    }
    var length = min(k - nameStart, longestLegacyName)
    while length >= 2 {
      let name = String(
        decoding: UnsafeBufferPointer(rebasing: p[nameStart..<nameStart + length]), as: UTF8.self)
      if let value = entities[name] { return (value, nameStart + length) }
      length -= 1
    }
    return nil
  }

  /// Maps a numeric reference to the scalar browsers show; invalid ones become U+FFFD.
  static func numericScalar(_ value: UInt32) -> UInt32 {
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

  /// What a named reference stands for: one scalar, or two.
  struct NamedReference: Equatable {
    var first: UInt32
    /// 0 when the reference is one scalar.
    var second: UInt32
  }

  /// Every named reference of HTML, read from ``namedReferenceTable`` (generated from the
  /// WHATWG list): the name with its ";" (and, for the legacy names, also without it).
  static let entities: [String: NamedReference] = {
    var table: [String: NamedReference] = [:]
    table.reserveCapacity(2_300)
    var source = namedReferenceTable
    // Read as bytes (the table is ASCII): split into Substrings and parsed through them, its
    // 2,231 lines took some 25 million instructions, every time a process met its first "&".
    let read = source.withUTF8 { bytes -> Bool in
      guard !bytes.contains(where: { $0 >= 0x80 }) else { return false }
      var start = 0
      while start < bytes.count {
        var end = start
        while end < bytes.count && bytes[end] != 0x0A { end += 1 }
        var parts: [Range<Int>] = []
        var offset = start
        while offset < end {
          while offset < end && bytes[offset] == 0x20 { offset += 1 }
          let partStart = offset
          while offset < end && bytes[offset] != 0x20 { offset += 1 }
          if offset > partStart { parts.append(partStart..<offset) }
        }
        if parts.count >= 2 {
          func hex(_ part: Range<Int>) -> UInt32? {
            var value: UInt32 = 0
            for byte in bytes[part] {
              guard let digit = byte.htmlDigitValue(hex: true), value <= 0x0FFF_FFFF else {
                // Whatever else `UInt32(_:radix:)` reads (or refuses) is left to it.
                return UInt32(String(decoding: bytes[part], as: UTF8.self), radix: 16)
              }
              value = value * 16 + digit
            }
            return value
          }
          table[String(decoding: bytes[parts[0]], as: UTF8.self)] = NamedReference(
            first: hex(parts[1]) ?? 0xFFFD, second: parts.count > 2 ? hex(parts[2]) ?? 0 : 0)
        }
        start = end + 1
      }
      return true
    }
    guard !read else { return table }
    for line in namedReferenceTable.split(separator: "\n") {
      let parts = line.split(separator: " ")
      guard parts.count >= 2 else { continue }
      table[String(parts[0])] = NamedReference(
        first: UInt32(parts[1], radix: 16) ?? 0xFFFD,
        second: parts.count > 2 ? UInt32(parts[2], radix: 16) ?? 0 : 0)
    }
    return table
  }()

  /// The length of the longest name that counts without a semicolon ("frac12", "middot").
  static let longestLegacyName: Int =
    entities.keys.lazy.filter { $0.utf8.last != UInt8(ascii: ";") }
    .map(\.utf8.count).max() ?? 0
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
