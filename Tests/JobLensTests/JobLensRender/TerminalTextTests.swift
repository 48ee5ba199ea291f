import Testing

@testable import JobLensRender

@Suite("Text for a terminal")
struct TerminalTextTests {
  @Test(arguments: [
    ("plain\ttext\nand lines", "plain\ttext\nand lines"),
    ("crlf\r\nstays", "crlf\r\nstays"),
    ("lone\rcr", "lone\u{FFFD}cr"),
    ("end\r", "end\u{FFFD}"),
    ("\u{1B}]0;title\u{07}\u{1B}[2J", "\u{FFFD}]0;title\u{FFFD}\u{FFFD}[2J"),
    ("c1 \u{9B}31m del \u{7F}", "c1 \u{FFFD}31m del \u{FFFD}"),
    ("résumé £5", "résumé £5"),
  ])
  func controlCharactersBecomeVisible(text: String, shown: String) {
    #expect(TextTable.terminalText(text) == shown)
  }
}
