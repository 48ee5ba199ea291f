import Testing

@testable import JobLensInput

@Suite("HTML: named references, hidden elements, text fields")
struct HTMLFieldTests {
  static func text(_ html: String) -> String { HTMLText.extract(html).text }

  @Test func theNamedReferenceTableIsWHATWGs() {
    // 2,231 names, 106 of them legacy names that also work without ";".
    #expect(HTMLText.entities.count == 2_231)
    #expect(HTMLText.entities.keys.filter { !$0.hasSuffix(";") }.count == 106)
    #expect(HTMLText.longestLegacyName == 6)
    #expect(HTMLText.entities["starf;"] == HTMLText.NamedReference(first: 0x2605, second: 0))
    #expect(
      HTMLText.entities["NotEqualTilde;"] == HTMLText.NamedReference(first: 0x2242, second: 0x338))
  }

  @Test func theTableReadAsBytesIsTheTableReadAsStrings() {
    // As the table was read before it was read as bytes.
    var expected: [String: HTMLText.NamedReference] = [:]
    for line in HTMLText.namedReferenceTable.split(separator: "\n") {
      let parts = line.split(separator: " ")
      guard parts.count >= 2 else { continue }
      expected[String(parts[0])] = HTMLText.NamedReference(
        first: UInt32(parts[1], radix: 16) ?? 0xFFFD,
        second: parts.count > 2 ? UInt32(parts[2], radix: 16) ?? 0 : 0)
    }
    #expect(HTMLText.entities == expected)
  }

  @Test(arguments: [
    ("&starf; &star; &check; &hearts;", "★ ☆ ✓ ♥"),
    ("&CounterClockwiseContourIntegral;", "∳"),
    ("&NotEqualTilde; &fjlig;", "\u{2242}\u{338} fj"),
    ("&Afr;&sopf;", "\u{1D504}\u{1D564}"),
    ("&rarr;&hArr;&langle;&rangle;", "\u{2192}\u{21D4}\u{27E8}\u{27E9}"),
    ("&nbsp&copy &reg", "© ®"),
    ("&amp;&AMP&lt&GT", "&&<>"),
  ])
  func decodesEveryNamedReference(html: String, text: String) {
    #expect(Self.text(html) == text)
  }

  @Test(arguments: [
    ("<p>shown</p><p hidden>not shown</p><p>shown too</p>", "shown\nshown too"),
    ("<div style=\"display: none\">gone <b>all</b> of it</div>kept", "kept"),
    (
      "<div style='color:red;DISPLAY:NONE'>gone</div><div style=\"display:block\">kept</div>",
      "kept"
    ),
    ("<span hidden>x</span>a<span>b</span>", "ab"),
    ("<div hidden><div>nested</div><div>still hidden</div></div>after", "after"),
    (
      "<ul><li>one</li><li hidden>two<ul><li>2a</li></ul></li><li>three</li></ul>", "• one\n• three"
    ),
    ("<ul><li>one<li hidden>two<li>three</ul>", "• one\n• three"),
    ("<p hidden>gone<div>a block ends the p</div>", "a block ends the p"),
    ("<div><p hidden>gone</div>back", "back"),
    ("<input type=hidden value=x><img hidden src=y>text", "text"),
    ("<td hidden>cells are not followed</td>", "cells are not followed"),
    ("<p data-hidden=\"1\" title=\"hidden\">visible</p>", "visible"),
    ("<p style=\"xdisplay:none\">visible</p>", "visible"),
  ])
  func dropsHiddenElements(html: String, text: String) {
    #expect(Self.text(html) == text)
  }

  @Test(arguments: [
    ("<p>Answer emails</p>", true),
    ("Line one<br>line two", true),
    ("Duties:</li>", true),
    ("<!-- note -->", true),
    ("<!DOCTYPE html>x", true),
    ("Press <Ctrl> and <Enter>", false),
    ("a < b and c > d", false),
    ("x<y>z", false),
    ("Salary <50k>", false),
    ("<p unclosed", false),
  ])
  func tellsMarkupFromText(field: String, markup: Bool) {
    #expect(HTMLText.hasTags(Array(field.utf8)) == markup)
  }

  @Test func fieldModes() {
    let html = "<p>Keep the books</p><ul><li>Prepare invoices &amp; reports</li></ul>"
    let plain = "Sales &amp; marketing\n- Answer calls"
    let text = "R&D and AT&T\n- Answer calls"
    #expect(HTMLText.fieldText(html, mode: .auto) == "Keep the books\n• Prepare invoices & reports")
    #expect(HTMLText.fieldText(html, mode: .yes) == HTMLText.fieldText(html, mode: .auto))
    #expect(HTMLText.fieldText(html, mode: .no) == nil)
    // References alone are decoded and the line breaks kept.
    #expect(HTMLText.fieldText(plain, mode: .auto) == "Sales & marketing\n- Answer calls")
    #expect(HTMLText.fieldText(plain, mode: .yes) == "Sales & marketing - Answer calls")
    #expect(HTMLText.fieldText(text, mode: .auto) == nil)
  }

  @Test func readersApplyTheMode() throws {
    let line = #"{"id": "1", "title": "Sales &amp; Marketing", "text": "<p>Answer calls</p>"}"#
    for (mode, title, text, derived) in [
      (HTMLFieldMode.auto, "Sales & Marketing", "Answer calls", true),
      (.no, "Sales &amp; Marketing", "<p>Answer calls</p>", false),
    ] {
      let record = JSONLPostingReader.record(
        Array(line.utf8), source: "x:1", fields: PostingFields(html: mode))
      guard case .posting(let posting) = record else {
        Issue.record("not a posting: \(record)")
        continue
      }
      #expect(posting.title == title && posting.text == text && posting.isDerived == derived)
    }
    let csv = "id,title,description\n1,Clerk,\"<ul><li>File &amp; sort</li></ul>\"\n"
    let reader = PostingInputs.reader(
      ByteStream(bytes: Array(csv.utf8), name: "x.csv"), format: .csv, name: "x.csv",
      fields: PostingFields())
    guard case .posting(let posting)? = reader.next() else {
      Issue.record("no posting")
      return
    }
    #expect(posting.text == "• File & sort" && posting.isDerived)
  }
}
