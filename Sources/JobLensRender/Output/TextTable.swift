/// Plain-text tables with columns padded to their widest cell (counted in characters).
public enum TextTable {
  /// Renders a header and rows; cells are made single-line first.
  public static func render(header: [String], rows: [[String]]) -> String {
    let clean = rows.map { $0.map(singleLine) }
    var widths = header.map(\.count)
    for row in clean {
      for (column, cell) in row.enumerated() where column < widths.count {
        widths[column] = max(widths[column], cell.count)
      }
    }
    func line(_ cells: [String]) -> String {
      var text = ""
      for (column, cell) in cells.enumerated() {
        if column == cells.count - 1 {
          text += cell
        } else {
          text += cell + String(repeating: " ", count: widths[column] - cell.count + 2)
        }
      }
      return text + "\n"
    }
    var output = line(header)
    output += line(widths.map { String(repeating: "-", count: $0) })
    for row in clean { output += line(row) }
    return output
  }

  /// Running text for a terminal: line feeds, tabs and the carriage return of a CRLF stay,
  /// other control characters (an escape sequence in a posting's title could retitle the
  /// window or clear the screen) become U+FFFD, as in ``render(header:rows:)``.
  public static func terminalText(_ text: String) -> String {
    guard
      text.utf8.contains(where: {
        ($0 < 0x20 && $0 != 0x0A && $0 != 0x09) || $0 == 0x7F || $0 == 0xC2
      })
    else { return text }
    var result = String.UnicodeScalarView()
    var previousIsCR = false
    for scalar in text.unicodeScalars {
      if previousIsCR { result.append(scalar == "\n" ? "\r" : "\u{FFFD}") }
      previousIsCR = scalar == "\r"
      switch scalar.value {
      case 0x0D: continue
      case 0x09, 0x0A: result.append(scalar)
      case 0..<0x20, 0x7F..<0xA0: result.append("\u{FFFD}")
      default: result.append(scalar)
      }
    }
    if previousIsCR { result.append("\u{FFFD}") }
    return String(result)
  }

  /// Replaces line breaks and tabs by spaces, and other control characters (which could
  /// drive a terminal) by U+FFFD.
  public static func singleLine(_ text: String) -> String {
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: result.append(" ")
      case 0..<0x20, 0x7F..<0xA0: result.append("\u{FFFD}")
      default: result.append(scalar)
      }
    }
    return String(result)
  }
}
