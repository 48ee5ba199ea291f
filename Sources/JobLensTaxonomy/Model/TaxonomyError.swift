/// Errors of reading an ESCO download.
public enum TaxonomyError: Error, Equatable, CustomStringConvertible {
  /// The path does not exist or cannot be read.
  case unreadable(path: String, reason: String)
  /// A required file is missing; `found` lists the files that are there.
  case missingFile(name: String, path: String, found: [String])
  /// A required column is missing from a file's header.
  case missingColumn(file: String, column: String, header: [String])
  /// A zip file cannot be opened or an entry cannot be extracted.
  case badArchive(path: String, reason: String)
  /// The language could not be told from the file names and none was given (the CLI adds
  /// how to give it).
  case unknownLanguage(path: String)
  /// A required file ends inside a row: the download was cut short.
  case unfinishedFile(file: String, line: Int)
  /// A concept file gave far fewer concepts than its ESCO version has.
  case tooFewConcepts(file: String, kind: String, count: Int, version: String, minimum: Int)

  public var description: String {
    switch self {
    case .unreadable(let path, let reason):
      "cannot read esco download '\(path)': \(reason)"
    case .missingFile(let name, let path, let found):
      "esco download '\(path)' has no \(name); found instead: "
        + (found.isEmpty ? "nothing" : found.joined(separator: ", "))
    case .missingColumn(let file, let column, let header):
      "\(file):1: no column '\(column)' in header (\(header.joined(separator: ", ")))"
    case .badArchive(let path, let reason):
      "cannot read zip file '\(path)': \(reason)"
    case .unknownLanguage(let path):
      "cannot tell the language of esco download '\(path)' from its file names"
    case .unfinishedFile(let file, let line):
      "\(file):\(line): the file ends inside a row: the download was cut short; download it again"
    case .tooFewConcepts(let file, let kind, let count, let version, let minimum):
      "\(file) has \(count) \(kind), far fewer than esco \(version) (at least \(minimum)): "
        + "the download is incomplete; download it again"
    }
  }
}
