import Testing

@testable import JobLensInput

@Suite("HTML to text")
struct HTMLTextTests {
  static func text(_ html: String) -> String { HTMLText.extract(html).text }

  @Test func extractsARealisticPosting() {
    let html = """
      <!DOCTYPE html>
      <html lang="en">
      <head>
        <meta charset="utf-8">
        <title>Senior Data Engineer &ndash; Acme Corp</title>
        <style>body { font: 12px/1.4 sans-serif; }</style>
        <script>var x = "<p>not text</p>"; if (a < b && c > d) {}</script>
      </head>
      <body>
        <nav><a href="/">Home</a> | <a href="/jobs">Jobs</a></nav>
        <h1>Senior Data Engineer</h1>
        <p>Acme&nbsp;Corp is hiring a <strong>Senior Data Engineer</strong> to join our
           platform team in Z&uuml;rich.</p>
        <!-- internal: req #123 -->
        <h2>What you&rsquo;ll do</h2>
        <ul>
          <li>Design and build data pipelines</li>
          <li>Mentor junior engineers &amp; review code</li>
        </ul>
        <h2>Requirements</h2>
        <p>5+ years of experience<br>Fluent English &mdash; German is a plus</p>
        <footer>&copy; 2024 Acme Corp</footer>
      </body>
      </html>
      """
    let expected = HTMLDocument(
      title: "Senior Data Engineer – Acme Corp",
      text: """
        Home | Jobs
        Senior Data Engineer
        Acme Corp is hiring a Senior Data Engineer to join our platform team in Zürich.
        What you’ll do
        • Design and build data pipelines
        • Mentor junior engineers & review code
        Requirements
        5+ years of experience
        Fluent English — German is a plus
        © 2024 Acme Corp
        """)
    #expect(HTMLText.extract(html) == expected)
    #expect(HTMLText.extract(Array(html.utf8)) == expected)
  }

  @Test(arguments: [
    ("<title>From title</title><h1>From heading</h1>", "From title"),
    ("<h1>From <em>the</em> heading</h1><h1>Second</h1>", "From the heading"),
    ("<p>No title at all</p><h2>Not an h1</h2>", ""),
    ("<title>  \n </title><h1>Blank title falls back</h1>", "Blank title falls back"),
    ("<h1></h1><h1><img src=x></h1><h1>First with text</h1>", "First with text"),
    ("<h1>Line<br>broken</h1>", "Line broken"),
    ("<h1>Never closed<p>more", "Never closed"),
    ("<div><h1>Closed by div</div><p>more", "Closed by div"),
    ("<svg><title>Icon tooltip</title></svg><h1>Jobs</h1>", "Jobs"),
    ("<template><title>Inert</title></template><h1>Jobs</h1>", "Jobs"),
    ("<title>A &amp; B\n   C</title>", "A & B C"),
    ("<TITLE>a <b> c</TITLE>", "a <b> c"),
    ("<title>First</title><title>Second</title>", "First"),
  ])
  func readsTheTitle(html: String, title: String) {
    #expect(HTMLText.extract(html).title == title)
  }

  @Test func titleIsNotPartOfTheText() {
    #expect(
      HTMLText.extract("<title>T</title><p>Body</p>") == HTMLDocument(title: "T", text: "Body"))
    #expect(HTMLText.extract("<h1>H</h1><p>Body</p>") == HTMLDocument(title: "H", text: "H\nBody"))
  }

  @Test(arguments: [
    ("a<script>alert('<b>x</b>')</script>b", "ab"),
    ("a<script type=\"text/javascript\">if (x </scr + y) {}</SCRIPT >b", "ab"),
    ("<style>p > a { color: red }</style><p>shown</p>", "shown"),
    ("a<!-- a comment with <p>tags</p> -->b", "ab"),
    ("a<!---->b<!-->c<!--->d", "abcd"),
    ("<!DOCTYPE html><p>x</p>", "x"),
    ("<?xml version=\"1.0\"?><p>x</p>", "x"),
    ("a<![CDATA[hidden > still hidden]]>b", "ab"),
    ("<noscript><p>Enable JavaScript</p></noscript><p>x</p>", "x"),
    ("<template><p>inert</p><template>nested</template></template><p>x</p>", "x"),
    ("<p>a <svg viewBox=\"0 0 1 1\"><text>logo</text><svg><g/></svg></svg> b</p>", "a b"),
    ("<svg><script>if (a < b) {}</script><style/></svg><p>x</p>", "x"),
    ("<svg/><p>x</p>", "x"),
    ("<iframe src=\"a\"><p>fallback</p></iframe><p>x</p>", "x"),
    ("<object data=\"a\"><param name=q><p>fallback</p></object><p>x</p>", "x"),
    ("<head><title>T</title><meta x>Visible<p>y</p>", "Visible\ny"),
    ("<html><head><link rel=x><p>No end of head</p>", "No end of head"),
    ("<p>a</p><head><p>b</p></head>", "a\nb"),
  ])
  func dropsInvisibleContent(html: String, text: String) {
    #expect(Self.text(html) == text)
  }

  @Test(arguments: [
    ("&amp; &lt; &gt; &quot; &apos; &AMP;", "& < > \" ' &"),
    ("a&nbsp;&nbsp;b", "a b"),
    ("&ndash; &mdash; &hellip; &bull; &middot;", "– — … • ·"),
    ("&lsquo;x&rsquo; &ldquo;y&rdquo; &laquo;z&raquo;", "‘x’ “y” «z»"),
    ("&copy; &reg; &trade; &euro; &pound; &times; &deg;", "© ® ™ € £ × °"),
    ("&eacute;&Eacute;&egrave;&Egrave;&aacute;&Aacute;&agrave;&Agrave;", "éÉèÈáÁàÀ"),
    ("&uuml;&Uuml;&ouml;&Ouml;&auml;&Auml;&szlig;&ccedil;&Ccedil;&ntilde;&Ntilde;", "üÜöÖäÄßçÇñÑ"),
    ("&yuml;&divide;&iexcl;", "ÿ÷¡"),
    ("co&shy;operate", "cooperate"),
    ("&#8217;&#x2022;&#X41;&#65;&#0065", "’•AAA"),
    ("&#150; &#146;", "– ’"),
    ("&#0; &#xD800; &#x110000; &#99999999999999999999;", "\u{FFFD} \u{FFFD} \u{FFFD} \u{FFFD}"),
    ("&#x1F600;", "😀"),
    // Legacy names count without ";" too, as in browsers (WHATWG); other names need it.
    ("&foo; &Amp; &amp &copy2024 &notit; &starf", "&foo; &Amp; & ©2024 ¬it; &starf"),
    ("R&D, AT&T; a & b &", "R&D, AT&T; a & b &"),
    ("&#; &#x; &#xZ; &;", "&#; &#x; &#xZ; &;"),
    ("&&amp;&", "&&&"),
    ("a&#10;b&#9;c", "a b c"),
  ])
  func decodesCharacterReferences(html: String, text: String) {
    #expect(Self.text(html) == text)
  }

  @Test(arguments: [
    ("<a title=\"a > b\" href='x>y'>link</a>", "link"),
    ("<p class=x data-y=>text</p>", "text"),
    ("<img alt=\"x > y\"/>after", "after"),
    ("<a\ntitle = \"q>\"\n>multi-line tag</a>", "multi-line tag"),
    ("<a b'c>d</a>", "d"),
    ("<a href=/x/>in link</a>", "in link"),
  ])
  func honoursQuotedAttributes(html: String, text: String) {
    #expect(Self.text(html) == text)
  }

  @Test(arguments: [
    ("a < b", "a < b"),
    ("salary <50k, 3<4", "salary <50k, 3<4"),
    ("<3 you", "<3 you"),
    ("x <", "x <"),
    ("x </", "x </"),
    ("<<p>>", "<\n>"),
    ("a </ b> c", "a c"),
    ("a </> b", "a b"),
    ("if a<b", "if a"),
  ])
  func treatsLoneLessThanAsText(html: String, text: String) {
    #expect(Self.text(html) == text)
  }

  @Test(arguments: [
    ("  <p>  a \n\t b  </p>\n\n<p>c</p>  ", "a b\nc"),
    ("a<br><br><br><br>b", "a\n\nb"),
    ("<br><br>a<br><br>", "a"),
    ("<div><div><p>a</p></div></div><div></div><p></p>b", "a\nb"),
    ("a<span>b</span> <b>c</b>", "ab c"),
    ("<P>a</P><SCRIPT>x</SCRIPT><Div>b<BR/>c</dIV>", "a\nb\nc"),
    ("<p>a</p><br><p>b</p>", "a\n\nb"),
    ("</div>a</span></li>b</p>", "a\nb"),
    ("<h2>Heading</h2>text<h3>Next</h3>", "Heading\ntext\nNext"),
    ("a<hr>b", "a\nb"),
    ("a\u{00A0}\u{00A0}b co\u{00AD}op", "a b coop"),
    ("<dl><dt>Term</dt><dd>Definition</dd></dl>", "Term\nDefinition"),
  ])
  func normalisesWhitespaceAndLines(html: String, text: String) {
    #expect(Self.text(html) == text)
  }

  @Test(arguments: [
    (
      "<p>Intro</p><pre>\nline 1\n  line   2\n\n\n\nline 3\n</pre><p>After</p>",
      "Intro\nline 1\nline 2\n\nline 3\nAfter"
    ),
    ("<pre>\r\na\r\nb\rc</pre>", "a\nb\nc"),
    ("<pre><b>x</b>\n<i>y</i></pre>z", "x\ny\nz"),
    ("<pre>a&#10;b</pre>", "a\nb"),
  ])
  func keepsLineBreaksInPre(html: String, text: String) {
    #expect(Self.text(html) == text)
  }

  @Test(arguments: [
    (
      "<ul><li>Lead<ul><li>Sub one</li><li>Sub two</li></ul></li><li>Next</li></ul>",
      "• Lead\n• Sub one\n• Sub two\n• Next"
    ),
    ("<ol><li><p>Para in item</p></li><li></li><li> </li></ol>", "• Para in item"),
    ("<ul><li>one<li>two (unclosed)</ul>after", "• one\n• two (unclosed)\nafter"),
    ("<li>a<br>b</li>", "• a\nb"),
  ])
  func bulletsListItems(html: String, text: String) {
    #expect(Self.text(html) == text)
  }

  @Test(arguments: [
    (
      """
      <table><thead><tr><th>Role</th><th>Location</th></tr></thead>
      <tbody><tr> <td>Engineer</td> <td>Berlin</td> </tr>
      <tr><td>Analyst</td><td></td><td>Remote</td></tr></tbody></table>
      """, "Role; Location\nEngineer; Berlin\nAnalyst; Remote"
    ),
    ("<table><td>a<td>b</table>c", "a; b\nc"),
  ])
  func separatesTableCells(html: String, text: String) {
    #expect(Self.text(html) == text)
  }

  @Test(arguments: [
    ([0x3C, 0x70, 0x3E, 0x61, 0xFF, 0x62, 0xC3] as [UInt8], "a\u{FFFD}b\u{FFFD}"),
    // Bytes around a tag must not join into a valid character.
    ([0xE2, 0x3C, 0x62, 0x3E, 0x80, 0x99] as [UInt8], "\u{FFFD}\u{FFFD}\u{FFFD}"),
    ([0xEF, 0xBB, 0xBF, 0x61] as [UInt8], "a"),
    ([0x61, 0x00, 0x62] as [UInt8], "a\u{0}b"),
  ])
  func repairsInvalidUTF8(bytes: [UInt8], text: String) {
    #expect(HTMLText.extract(bytes).text == text)
  }

  @Test(arguments: ["", " \n\t ", "<html><body></body></html>", "<!-- -->", "<br><hr><p></p>"])
  func emptyInputsGiveEmptyDocuments(html: String) {
    #expect(HTMLText.extract(html) == HTMLDocument(title: "", text: ""))
    #expect(HTMLText.extract([UInt8]()) == HTMLDocument(title: "", text: ""))
  }

  @Test(arguments: [
    ("<p>a</p><!-- never closed <p>b</p>", "a"),
    ("<p>a</p><script>var x = 1; <p>b</p>", "a"),
    ("<p>a</p><style>p { }", "a"),
    ("<p>a</p><![CDATA[ never closed", "a"),
    ("<p>a</p><!DOCTYPE never closed", "a"),
    ("<p>a</p><a href=\"never closed>b", "a"),
    ("<p>a</p><svg><p>b</p>", "a"),
    ("<title>never closed<p>b</p>", ""),
  ])
  func unterminatedConstructsSwallowTheRest(html: String, text: String) {
    #expect(Self.text(html) == text)
  }

  @Test func handlesATenMegabyteInput() {
    let item = Array("<li>x</li>".utf8)
    let count = 10 * 1024 * 1024 / item.count
    var html: [UInt8] = []
    html.reserveCapacity(item.count * count)
    for _ in 0..<count { html.append(contentsOf: item) }
    let text = HTMLText.extract(html).text
    let lines = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false)
    #expect(lines.count == count)
    #expect(text.hasPrefix("• x\n• x\n"))
    #expect(text.hasSuffix("\n• x"))
  }

  @Test(arguments: [
    ("<div>", "text", "text"),
    ("<ul><li>", "deep", "• deep"),
    ("</div>", "text", "text"),
    ("<b><i>", "text", "text"),
    ("<svg>", "text", ""),
    ("<pre>", "a\nb", "a\nb"),
  ])
  func survivesPathologicalNesting(unclosed: String, tail: String, text: String) {
    #expect(Self.text(String(repeating: unclosed, count: 100_000) + tail) == text)
  }

  @Test(arguments: [
    ("<", true), ("&", true), ("&#", true), ("&#x", true), ("&amq", true), ("<3", true),
    ("</", false), ("<!", false), ("<a ", false), ("<!--", false), ("<p", false),
  ])
  func survivesPathologicalRepetition(unit: String, staysText: Bool) {
    let html = String(repeating: unit, count: 100_000)
    let text = Self.text(html)
    #expect(text.utf8.count == (staysText ? html.utf8.count : 0))
  }
}
