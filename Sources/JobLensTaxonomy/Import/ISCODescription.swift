import JobLensCore

/// The parts of an ISCO-08 group description as ESCO ships it: a definition paragraph, a
/// "Tasks include -" list of "(a) …" items (or, for broader groups, a "usually include:"
/// sentence of `;`-separated tasks), "Examples of the occupations classified here:" and "Some
/// related occupations classified elsewhere:" lists.
struct ISCODescription: Equatable {
  var definition = ""
  var tasks: [String] = []
  var examples: [String] = []
  var classifiedElsewhere: [ClassifiedElsewhere] = []

  private enum Section { case preamble, tasks, examples, elsewhere, other }

  init(_ text: String) {
    let lines = text.split(asciiSeparators: [0x0A, 0x0D]).map(\.collapsingWhitespace)
    var section = Section.preamble
    for line in lines where !line.isEmpty {
      let lower = line.lowercased()
      if lower.hasPrefix("tasks include") {
        section = .tasks
        continue
      }
      if lower.hasPrefix("examples of the occupations") {
        section = .examples
        continue
      }
      if lower.hasPrefix("some related occupations") {
        section = .elsewhere
        continue
      }
      if lower.hasPrefix("note") || lower.hasPrefix("occupations in this") {
        section = .other
        continue
      }
      switch section {
      case .preamble:
        if definition.isEmpty {
          definition = line
        } else if let range = lower.range(of: "usually include:") {
          // Broader groups: "Tasks performed by … usually include: a; b; c."
          let list = line[range.upperBound...]
          tasks += list.split(separator: ";").map { ISCODescription.cleanItem(String($0)) }
            .filter { !$0.isEmpty && !$0.lowercased().hasPrefix("supervision of other") }
        }
      case .tasks:
        if let item = ISCODescription.listItem(line) {
          tasks.append(ISCODescription.cleanItem(item))
        } else if !tasks.isEmpty {
          tasks[tasks.count - 1] = ISCODescription.cleanItem(tasks[tasks.count - 1] + " " + line)
        }
      case .examples:
        let item = line.hasPrefix("-") ? String(line.dropFirst()) : line
        let cleaned = ISCODescription.collapse(item)
        if !cleaned.isEmpty { examples.append(cleaned) }
      case .elsewhere:
        let item = ISCODescription.collapse(line.hasPrefix("-") ? String(line.dropFirst()) : line)
        if let dash = item.range(of: " - ", options: .backwards) {
          let code = String(item[dash.upperBound...]).trimmed
          if !code.isEmpty && code.allSatisfy(\.isNumber) {
            classifiedElsewhere.append(
              ClassifiedElsewhere(title: String(item[..<dash.lowerBound]), code: code))
            continue
          }
        }
        if !item.isEmpty { classifiedElsewhere.append(ClassifiedElsewhere(title: item, code: "")) }
      case .other:
        break
      }
    }
  }

  /// "(a)  drafting …;" → "drafting …;"
  private static func listItem(_ line: String) -> String? {
    guard line.hasPrefix("("), let close = line.firstIndex(of: ")") else { return nil }
    let marker = line[line.index(after: line.startIndex)..<close]
    guard (1...3).contains(marker.count), marker.allSatisfy({ $0.isLetter || $0.isNumber }) else {
      return nil
    }
    return String(line[line.index(after: close)...])
  }

  /// Trims white space and the closing `;`, `.` or ", and".
  private static func cleanItem(_ item: String) -> String {
    var text = collapse(item)
    for suffix in ["; and", ", and", ";", "."] where text.hasSuffix(suffix) {
      text = String(text.dropLast(suffix.count))
    }
    return collapse(text)
  }

  /// Trims and collapses runs of white space.
  static func collapse(_ text: String) -> String { text.collapsingWhitespace }
}
