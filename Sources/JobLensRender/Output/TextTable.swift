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

  /// Replaces line breaks and tabs by spaces, and other control characters (which could
  /// drive a terminal) by U+FFFD.
  static func singleLine(_ text: String) -> String {
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
