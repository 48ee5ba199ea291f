import JobLensCore

/// Reads a directory of posting files, recursively, in sorted order of relative path (which is
/// each posting's id):
/// - `.txt`: the whole file is the text; its first line is the title when it is short (at most
///   ``titleLineLimit`` characters) and more lines follow;
/// - `.html`, `.htm`, `.xhtml`: reduced to text with ``HTMLText``;
/// - `.json`: one JSON object with the posting's fields;
/// - `.jsonl`, `.csv`, `.tsv`: many postings, read as such files are;
/// any of these may be gzip-compressed (`.gz`). Other files, hidden files and links to
/// directories are skipped and listed in ``skipped``; an unreadable file or directory is a
/// failure record.
public final class DirectoryPostingReader: PostingReader {
  /// The longest first line of a `.txt` file taken as its title.
  public static let titleLineLimit = 150
  /// The largest single-posting file read (bigger files are failure records), and the longest
  /// JSONL line or CSV record read from any input (longer ones are failure records, skipped).
  public static let fileSizeLimit = 64 << 20

  /// The directory read.
  public let root: String
  private let fields: PostingFields
  private var entries: [FileTree.Entry]?
  private var nested: (reader: PostingReader, stream: ByteStream)?
  /// What was skipped, as "relative path: reason".
  public private(set) var skipped: [String] = []
  /// What was tolerated in the files read (bytes ignored after gzip data), one message each.
  public private(set) var warnings: [String] = []
  /// Bytes read from finished files.
  private var finishedBytes = 0

  /// Reads the files under `root`.
  public init(root: String, fields: PostingFields) {
    self.root = root
    self.fields = fields
  }

  /// Bytes taken from the files so far.
  public var bytesRead: Int { finishedBytes + (nested?.stream.rawBytesRead ?? 0) }

  public func next() -> InputRecord? {
    if entries == nil { entries = FileTree.walk(root).reversed() }
    while true {
      if let (reader, stream) = nested {
        if let record = reader.next() { return record }
        finishedBytes += stream.rawBytesRead
        warnings += stream.warnings
        nested = nil
      }
      guard let entry = entries?.popLast() else { return nil }
      switch entry {
      case .unreadable(let relative, let reason):
        return .failure(
          id: nil, source: display(relative), message: "cannot read directory: \(reason)")
      case .skipped(let relative, let reason):
        skipped.append("\(relative): \(reason)")
      case .file(let relative):
        if let record = open(relative) { return record }
      }
    }
  }

  /// Extensions of files that hold one posting.
  static let singlePostingKinds = ["txt", "text", "html", "htm", "xhtml", "json"]
  /// Extensions of files that hold many postings, with their format.
  static let manyPostingKinds: [String: PostingInputFormat] = [
    "jsonl": .jsonl, "csv": .csv, "tsv": .tsv, "tab": .tsv,
  ]

  /// A file's extension in lower case, without a trailing `.gz`.
  static func kind(of relative: String) -> String {
    var name = relative.lowercased()
    if name.hasSuffix(".gz") { name.removeLast(3) }
    return name.split(separator: ".").last.map(String.init) ?? ""
  }

  /// Whether a file at this path relative to the root is read (a posting file, not hidden).
  public static func reads(_ relative: String) -> Bool {
    let kind = kind(of: relative)
    return (singlePostingKinds.contains(kind) || manyPostingKinds[kind] != nil)
      && !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") })
  }

  private func display(_ relative: String) -> String { root + "/" + relative }

  /// The record of a single-posting file, or nil after starting a many-postings file (or
  /// skipping a file).
  private func open(_ relative: String) -> InputRecord? {
    let kind = DirectoryPostingReader.kind(of: relative)
    let many = DirectoryPostingReader.manyPostingKinds
    guard DirectoryPostingReader.reads(relative) else {
      skipped.append(
        relative.hasPrefix(".") || relative.contains("/.")
          ? "\(relative): a hidden file"
          : "\(relative): not a posting file (.txt, .html, .json, .jsonl, .csv, .tsv)")
      return nil
    }
    let path = display(relative)
    let stream: ByteStream
    do {
      stream = try ByteStream(path: path)
    } catch {
      return .failure(id: relative, source: path, message: "\(error)")
    }
    if let format = many[kind] {
      nested = (PostingInputs.reader(stream, format: format, name: path, fields: fields), stream)
      return nil
    }
    defer {
      finishedBytes += stream.rawBytesRead
      warnings += stream.warnings
    }
    return DirectoryPostingReader.record(reading: stream, kind: kind, id: relative, fields: fields)
  }

  /// The record of a file that holds one posting (of a kind in ``singlePostingKinds``), read
  /// whole from `stream` up to ``fileSizeLimit``; `id` is the posting's id.
  static func record(
    reading stream: ByteStream, kind: String, id: String, fields: PostingFields
  ) -> InputRecord {
    let path = stream.name
    let read: [UInt8]?
    do {
      read = try stream.readAll(upTo: DirectoryPostingReader.fileSizeLimit)
    } catch {
      return .failure(id: id, source: path, message: "\(error)")
    }
    guard let bytes = read else {
      return .failure(
        id: id, source: path,
        message:
          "file too large for one posting (over \(DirectoryPostingReader.fileSizeLimit >> 20) MB)")
    }
    switch kind {
    case "json":
      switch JSONLPostingReader.record(bytes, source: path, fields: fields) {
      case .posting(var posting):
        posting.id = id
        return .posting(posting)
      case .failure(_, let source, let message):
        return .failure(id: id, source: source, message: message)
      }
    case "html", "htm", "xhtml":
      let document = HTMLText.extract(bytes)
      return .posting(
        Posting(
          id: id, title: document.title, text: document.text, source: path, isDerived: true))
    default:
      return .posting(DirectoryPostingReader.textPosting(bytes, id: id, source: path))
    }
  }

  /// A posting from a plain text file (see the type's documentation for the title rule).
  package static func textPosting(_ bytes: [UInt8], id: String, source: String) -> Posting {
    let text = String(decoding: bytes, as: UTF8.self)
    // By bytes: "\r\n" is one Character, which `firstIndex(of: "\n")` would miss.
    guard let newline = text.utf8.firstIndex(of: 0x0A) else {
      return Posting(id: id, title: "", text: text, source: source)
    }
    let first = String(text[..<newline]).trimmed
    let rest = String(text[text.utf8.index(after: newline)...])
    guard !first.isEmpty, first.unicodeScalars.count <= titleLineLimit,
      !rest.trimmed.isEmpty
    else {
      return Posting(id: id, title: "", text: text, source: source)
    }
    return Posting(id: id, title: first, text: rest, source: source, isDerived: true)
  }
}
