import Foundation
import JobLensAnalysis
import JobLensBatch
import JobLensCore
import JobLensCoverage
import JobLensIndex
import JobLensInput
internal import ZIPFoundation

/// A corpus of postings uploaded to the app, read and analysed once: the postings (for
/// `explain`), their demand (for coverage) and what could not be read.
struct Corpus: Sendable {
  /// A record that could not be read or analysed.
  struct Failure: Sendable {
    var source: String
    var message: String
  }

  /// SHA-256 of the format and the bytes (16 hex digits): the same upload is the same corpus.
  var id: String
  /// The upload's name, for people.
  var name: String
  var postings: [Posting]
  /// Demand per posting, in input order (near-duplicates marked).
  var demands: [PostingDemand]
  var failures: [Failure]
  /// Files of a zip upload skipped (not postings).
  var skipped: [String]

  /// Postings marked as near-duplicates of earlier ones.
  var duplicates: Int { demands.filter { $0.duplicateOf != nil }.count }

  /// The posting with an id.
  func posting(_ id: String) -> Posting? { postings.first { $0.id == id } }
}

/// The formats of a postings upload.
enum UploadFormat: String, Sendable, CaseIterable {
  case jsonl, csv, tsv, zip
  /// One posting pasted as text (a short first line is its title).
  case text

  /// The format named by the query, else by the name's extension, else by the content.
  static func of(name: String, query: String?, bytes: [UInt8]) throws(ServeError) -> UploadFormat {
    if let query, !query.isEmpty, query != "auto" {
      guard let format = UploadFormat(rawValue: query.lowercased()) else {
        throw .badRequest(
          "unknown format '\(query)' (known: \(allCases.map(\.rawValue).joined(separator: ", ")))")
      }
      return format
    }
    if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .zip }
    let lower = name.lowercased()
    for format in [UploadFormat.jsonl, .csv, .tsv, .zip]
    where lower.hasSuffix("." + format.rawValue) {
      return format
    }
    if lower.hasSuffix(".json") || lower.hasSuffix(".ndjson") { return .jsonl }
    if lower.hasSuffix(".txt") { return .text }
    let first = bytes.first {
      $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF
    }
    return first == UInt8(ascii: "{") ? .jsonl : .text
  }
}

/// Reads uploads into posting records, never touching the file system: a zip is read in
/// memory and its entry names are only ids.
enum UploadReader {
  static func records(
    _ bytes: [UInt8], format: UploadFormat, name: String, limits: ServeLimits
  ) throws(ServeError) -> (records: [InputRecord], skipped: [String]) {
    switch format {
    case .text:
      let text = String(decoding: bytes, as: UTF8.self)
      guard !text.trimmed.isEmpty else { throw .badRequest("the pasted posting is empty") }
      return ([.posting(DirectoryPostingReader.textPosting(bytes, id: name, source: name))], [])
    case .jsonl, .csv, .tsv:
      return (try stream(bytes, format: format, name: name, limits: limits), [])
    case .zip:
      return try zip(bytes, name: name, limits: limits)
    }
  }

  static func stream(
    _ bytes: [UInt8], format: UploadFormat, name: String, limits: ServeLimits
  ) throws(ServeError) -> [InputRecord] {
    let input: PostingInputFormat =
      switch format {
      case .csv: .csv
      case .tsv: .tsv
      default: .jsonl
      }
    let reader = PostingInputs.reader(
      ByteStream(bytes: bytes, name: name), format: input, name: name, fields: PostingFields())
    var records: [InputRecord] = []
    while let record = reader.next() {
      records.append(record)
      if records.count > limits.postings {
        throw ServeError(
          status: 413, message: "\(name) holds more than \(limits.postings) postings, the limit")
      }
    }
    return records
  }

  static func zip(
    _ bytes: [UInt8], name: String, limits: ServeLimits
  ) throws(ServeError) -> (records: [InputRecord], skipped: [String]) {
    let archive: Archive
    do {
      archive = try Archive(data: Data(bytes), accessMode: .read)
    } catch {
      throw .badRequest("\(name) is not a readable zip file")
    }
    var records: [InputRecord] = []
    var skipped: [String] = []
    var total = 0
    var entries = 0
    for entry in archive where entry.type == .file {
      entries += 1
      if entries > limits.zipEntries {
        throw ServeError(
          status: 413, message: "\(name) holds more than \(limits.zipEntries) files, the limit")
      }
      let path = entry.path
      let lower = path.lowercased()
      let base = lower.split(separator: "/").last.map(String.init) ?? lower
      guard !base.hasPrefix("."), !lower.hasPrefix("__macosx/") else { continue }
      let kind = lower.split(separator: ".").last.map(String.init) ?? ""
      guard ["txt", "html", "htm", "jsonl", "csv", "tsv"].contains(kind) else {
        skipped.append(path)
        continue
      }
      var content: [UInt8] = []
      do {
        _ = try archive.extract(entry, skipCRC32: false) { chunk in
          total += chunk.count
          if total > limits.unzippedBytes {
            throw ServeError.tooLarge("\(name) unzipped", limit: limits.unzippedBytes)
          }
          content.append(contentsOf: chunk)
        }
      } catch let error as ServeError {
        throw error
      } catch {
        records.append(
          .failure(id: path, source: "\(name):\(path)", message: "cannot unzip: \(error)"))
        continue
      }
      switch kind {
      case "txt":
        records.append(
          .posting(DirectoryPostingReader.textPosting(content, id: path, source: "\(name):\(path)"))
        )
      case "html", "htm":
        let document = HTMLText.extract(content)
        records.append(
          .posting(
            Posting(
              id: path, title: document.title, text: document.text, source: "\(name):\(path)",
              isDerived: true)))
      default:
        let format: UploadFormat = kind == "csv" ? .csv : kind == "tsv" ? .tsv : .jsonl
        records += try stream(content, format: format, name: "\(name):\(path)", limits: limits)
      }
      if records.count > limits.postings {
        throw ServeError(
          status: 413, message: "\(name) holds more than \(limits.postings) postings, the limit")
      }
    }
    if records.isEmpty {
      throw .badRequest("\(name) holds no postings (.txt, .html, .jsonl, .csv or .tsv files)")
    }
    return (records, skipped)
  }
}

/// The corpora the app has read, in memory, the least recently used dropped first (the
/// sample corpus is kept).
actor CorpusStore {
  private var corpora: [String: Corpus] = [:]
  private var order: [String] = []
  private let limit: Int
  private var pinned: Set<String> = []

  init(limit: Int) { self.limit = max(2, limit) }

  func add(_ corpus: Corpus, pinned isPinned: Bool = false) {
    if isPinned { pinned.insert(corpus.id) }
    corpora[corpus.id] = corpus
    touch(corpus.id)
    while order.count > limit, let victim = order.first(where: { !pinned.contains($0) }) {
      order.removeAll { $0 == victim }
      corpora[victim] = nil
    }
  }

  func corpus(_ id: String) -> Corpus? {
    guard let corpus = corpora[id] else { return nil }
    touch(id)
    return corpus
  }

  private func touch(_ id: String) {
    order.removeAll { $0 == id }
    order.append(id)
  }
}
