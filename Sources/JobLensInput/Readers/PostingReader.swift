import JobLensCore

/// A source of postings: yields records in order until nil. A problem with one record is a
/// failure record; a problem that ends the input (an unreadable file, corrupt gzip data) is a
/// failure record too, after which the reader returns nil.
public protocol PostingReader: AnyObject {
  /// The next record, or nil at the end.
  func next() -> InputRecord?
}

/// The formats a posting input can be in.
public enum PostingInputFormat: String, Sendable, CaseIterable {
  /// By extension (`.csv`, `.tsv`, `.tab`; `.txt` and `.html` files hold one posting each, as
  /// in a directory; else JSONL; a trailing `.gz` ignored); directories are read as
  /// directories of posting files.
  case auto
  /// JSON Lines.
  case jsonl
  /// Comma-separated values with a header row.
  case csv
  /// Tab-separated values with a header row.
  case tsv

  /// The format of a file, from its name.
  public func resolved(for path: String) -> PostingInputFormat {
    guard self == .auto else { return self }
    var name = path.lowercased()
    if name.hasSuffix(".gz") { name.removeLast(3) }
    if name.hasSuffix(".csv") { return .csv }
    if name.hasSuffix(".tsv") || name.hasSuffix(".tab") { return .tsv }
    return .jsonl
  }
}

/// The postings of several inputs (files, directories, "-" for standard input), one after the
/// other; each input is opened when the previous one is finished.
public final class PostingInputs: PostingReader {
  private var paths: [String]
  private let format: PostingInputFormat
  private let fields: PostingFields
  private var current: PostingReader?
  private var streams: [ByteStream] = []
  /// Bytes taken from finished inputs.
  private var finishedBytes = 0
  /// What was skipped inside directories, as "root/relative path: reason".
  public private(set) var skippedFiles: [String] = []
  /// What was tolerated in finished inputs (bytes ignored after gzip data), one message each.
  public private(set) var warnings: [String] = []

  /// Reads `paths` in order, in `format`, with the given field or column names.
  public init(paths: [String], format: PostingInputFormat = .auto, fields: PostingFields) {
    self.paths = paths.reversed()
    self.format = format
    self.fields = fields
  }

  /// The total size of the inputs in bytes, when all are regular files (for progress).
  public static func totalSize(of paths: [String]) -> Int? {
    var total = 0
    for path in paths {
      guard path != "-", let size = FileTree.regularFileSize(path) else { return nil }
      total += size
    }
    return total
  }

  /// The input that an output written while reading `paths` would destroy or feed: the same
  /// file as the output (by device and inode), or a directory under which the output is a
  /// posting file that the directory reader would read. Nil when there is none, and for
  /// standard output ("-").
  public static func input(overwrittenBy output: String, among paths: [String]) -> String? {
    guard output != "-" else { return nil }
    return paths.first { path in
      guard path != "-" else { return false }
      if FileTree.isSameFile(path, output) { return true }
      guard FileTree.isDirectory(path), let inside = FileTree.relativePath(of: output, in: path)
      else { return false }
      return DirectoryPostingReader.reads(inside)
    }
  }

  /// Bytes taken from the inputs so far (compressed bytes for gzip input).
  public var bytesRead: Int {
    finishedBytes + (streams.last?.rawBytesRead ?? 0)
      + ((current as? DirectoryPostingReader)?.bytesRead ?? 0)
  }

  public func next() -> InputRecord? {
    while true {
      if let reader = current {
        if let record = reader.next() { return record }
        finishedBytes = bytesRead
        if let directory = reader as? DirectoryPostingReader {
          skippedFiles += directory.skipped.map { directory.root + "/" + $0 }
          warnings += directory.warnings
        }
        warnings += streams.flatMap(\.warnings)
        streams.removeAll()
        current = nil
      }
      guard let path = paths.popLast() else { return nil }
      if path != "-" && FileTree.isDirectory(path) {
        current = DirectoryPostingReader(root: path, fields: fields)
        continue
      }
      let stream: ByteStream
      do {
        stream = try ByteStream(path: path)
      } catch {
        return .failure(id: nil, source: path, message: "\(error)")
      }
      let kind = DirectoryPostingReader.kind(of: path)
      if format == .auto && PostingInputs.onePostingKinds.contains(kind) {
        // One posting per file, as inside a directory (the path is its id).
        let record = DirectoryPostingReader.record(
          reading: stream, kind: kind, id: path, fields: fields)
        finishedBytes += stream.rawBytesRead
        warnings += stream.warnings
        return record
      }
      streams = [stream]
      current = PostingInputs.reader(
        stream, format: format.resolved(for: path), name: path, fields: fields)
    }
  }

  /// Extensions of files given as inputs that are read as one posting (`.json` stays JSONL).
  static let onePostingKinds: Set<String> = ["txt", "text", "html", "htm", "xhtml"]

  /// A reader for one stream in a given (resolved) format.
  public static func reader(
    _ stream: ByteStream, format: PostingInputFormat, name: String, fields: PostingFields
  ) -> PostingReader {
    switch format {
    case .csv:
      CSVPostingReader(stream: stream, name: name, delimiter: UInt8(ascii: ","), fields: fields)
    case .tsv:
      CSVPostingReader(stream: stream, name: name, delimiter: UInt8(ascii: "\t"), fields: fields)
    case .jsonl, .auto:
      JSONLPostingReader(
        lines: LineReader(chunks: stream.next, lineLimit: DirectoryPostingReader.fileSizeLimit),
        name: name, fields: fields)
    }
  }
}
