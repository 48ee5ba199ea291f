import Foundation
import JobLensCore
import JobLensTaxonomy

#if canImport(Glibc)
import Glibc
/// The C library's `write(2)` (inside ``IndexFile``, `write` names its own methods).
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
/// The C library's `write(2)` (inside ``IndexFile``, `write` names its own methods).
private let systemWrite = Darwin.write
#endif

/// The binary index file: a fixed header (magic, format version, body length, XXH64 of the
/// body) and a body of tagged sections in a fixed order, so that the same index always has the
/// same bytes. Loading checks magic, version, length and checksum before it parses anything.
enum IndexFile {
  /// "JOBLENS" and a 0x1A byte (which stops text tools from printing the rest).
  static let magic: [UInt8] = Array("JOBLENS".utf8) + [0x1A]
  /// The format version this code writes and reads; raised also when the text pipeline gives
  /// words other terms (2, 3, 4: ``EnglishStems``), leaves labels out (4: generic and
  /// duplicate skill labels) or adds some (5: ``ToolNames``), since an older index would not
  /// match the same way; 6 adds the unit groups' word model (``GroupTextModel``), 7 the skills'
  /// context documents, 8 the background corpus model (``BackgroundModel``) and JobLens's
  /// own posting phrasings (``PostingPhrasings``); 9 stores what label matching derives from
  /// the labels (``MatchingTables``), which loading used to derive; 10 starts every section
  /// and array at a multiple of its values' alignment and stores anchor records as they lie in
  /// memory, so that a mapped file's arrays are read in place (``FlatArray``); 11 stores each
  /// label's ``LabelTextFacts`` in its flags.
  static let formatVersion = 11
  static let headerSize = 32

  /// The body's sections, in file order.
  enum Section: UInt32, CaseIterable {
    case metadata = 1, strings, terms, labels, idf, descriptions, skills, occupations
    case iscoGroups, skillGroups, relations, groupModel, skillContexts, background, matching
  }

  // MARK: Writing

  /// The file's bytes for an index, and the body checksum.
  static func encode(_ data: IndexData) -> (bytes: [UInt8], checksum: UInt64) {
    var body = BinaryWriter()
    for section in Section.allCases {
      var payload = BinaryWriter()
      write(section, of: data, to: &payload)
      body.write(section.rawValue)
      body.write(UInt64(payload.bytes.count))
      body.pad(to: 8)
      body.append(payload.bytes)
    }
    let checksum = XXHash64.hash(body.bytes)
    var file = BinaryWriter()
    file.append(magic)
    file.write(UInt32(formatVersion))
    file.write(UInt32(0))
    file.write(UInt64(body.bytes.count))
    file.write(checksum)
    file.append(body.bytes)
    return (file.bytes, checksum)
  }

  /// Writes an index's file bytes (``encode(_:)``) atomically (a temporary file renamed into
  /// place).
  static func write(_ bytes: [UInt8], to path: String) throws(IndexError) {
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    } catch {
      throw .unwritable(path: path, reason: "cannot create the folder \(folder.path)")
    }
    // POSIX calls rather than Foundation's, whose errors say neither what nor why.
    let temporary = path + ".\(getpid()).tmp"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard descriptor >= 0 else {
      throw .unwritable(path: path, reason: FileProbe.reason(errno: errno))
    }
    var failure: Int32?
    bytes.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let written = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          failure = errno
          return
        }
        offset += written
      }
    }
    if close(descriptor) != 0 && failure == nil { failure = errno }
    if failure == nil && rename(temporary, path) != 0 { failure = errno }
    if let failure {
      unlink(temporary)
      throw .unwritable(path: path, reason: FileProbe.reason(errno: failure))
    }
  }

  // MARK: Reading

  /// Reads and checks an index file.
  static func read(path: String) throws(IndexError) -> (IndexData, checksum: UInt64) {
    var status = stat()
    guard stat(path, &status) == 0 else {
      if errno == ENOENT { throw .notFound(path: path) }
      throw .unreadable(path: path, reason: FileProbe.reason(errno: errno))
    }
    if (status.st_mode & S_IFMT) == S_IFDIR {
      throw .unreadable(path: path, reason: "is a directory")
    }
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else {
      throw .unreadable(path: path, reason: FileProbe.reason(errno: errno))
    }
    defer { close(descriptor) }
    let size = Int(status.st_size)
    guard size > 0 else { return try decode([UInt8](), path: path) }
    // Mapped, not read: the large arrays are read in place from the mapping, which lives as
    // long as they do (``Mapping``). Index files are replaced by a rename, never rewritten in
    // place, so a mapped file does not change under a running process.
    // The checksum reads every page at once: on Linux they are mapped in one call beforehand
    // rather than fault by fault.
    #if os(Linux)
    let flags = MAP_PRIVATE | MAP_POPULATE
    #else
    let flags = MAP_PRIVATE
    #endif
    guard let base = mmap(nil, size, PROT_READ, flags, descriptor, 0), base != MAP_FAILED
    else {
      throw .unreadable(path: path, reason: FileProbe.reason(errno: errno))
    }
    let mapping = Mapping(base: base, size: size)
    return try decode(
      UnsafeRawBufferPointer(start: base, count: size), path: path, mapping: mapping)
  }

  /// An index file's memory mapping, unmapped when the last array read from it in place goes.
  final class Mapping: FlatArrayOwner, @unchecked Sendable {
    private let base: UnsafeMutableRawPointer
    private let size: Int

    init(base: UnsafeMutableRawPointer, size: Int) {
      self.base = base
      self.size = size
      super.init()
    }

    deinit { munmap(base, size) }
  }

  /// Checks and parses an index file's bytes.
  /// `mapping`: the bytes are this file mapping, whose arrays are read in place (else copied).
  static func decode<Bytes: ContiguousBytes>(
    _ bytes: Bytes, path: String, mapping: Mapping? = nil
  ) throws(IndexError)
    -> (IndexData, checksum: UInt64)
  {
    do {
      return try bytes.withUnsafeBytes { raw in
        guard raw.count >= magic.count, magic.elementsEqual(raw[0..<magic.count]) else {
          throw IndexError.notAnIndex(path: path)
        }
        guard raw.count >= headerSize else {
          throw IndexError.truncated(path: path, expected: headerSize, actual: raw.count)
        }
        return try decodeBody(raw, raw.count, path, mapping)
      }
    } catch let error as IndexError {
      throw error
    } catch {
      throw .corrupt(path: path, detail: String(describing: error))
    }
  }

  private static func decodeBody(
    _ raw: UnsafeRawBufferPointer, _ count: Int, _ path: String, _ mapping: Mapping?
  ) throws(IndexError) -> (IndexData, checksum: UInt64) {
    var header = BinaryReader(raw, offset: magic.count)
    let version: UInt32
    let bodyLength: UInt64
    let expectedChecksum: UInt64
    do {
      version = try header.readUInt32()
      _ = try header.readUInt32()
      bodyLength = try header.readUInt64()
      expectedChecksum = try header.readUInt64()
    } catch {
      throw .truncated(path: path, expected: headerSize, actual: count)
    }
    guard Int(version) == formatVersion else {
      throw .formatVersion(path: path, found: Int(version), expected: formatVersion)
    }
    let expectedSize = bodyLength > UInt64(Int.max / 2) ? Int.max : headerSize + Int(bodyLength)
    guard count >= expectedSize else {
      throw .truncated(path: path, expected: expectedSize, actual: count)
    }
    let body = UnsafeRawBufferPointer(rebasing: raw[headerSize..<expectedSize])
    guard XXHash64.hash(body) == expectedChecksum else { throw .checksumMismatch(path: path) }
    guard count == expectedSize else {
      throw .corrupt(path: path, detail: "\(count - expectedSize) bytes after the body")
    }
    do {
      let data = try parse(body, path: path, mapping: mapping)
      if let problem = validate(data) { throw IndexError.corrupt(path: path, detail: problem) }
      return (data, expectedChecksum)
    } catch let error as IndexError {
      throw error
    } catch {
      throw .corrupt(path: path, detail: "a section ends early")
    }
  }

  private static func parse(
    _ body: UnsafeRawBufferPointer, path: String, mapping: Mapping?
  ) throws -> IndexData {
    var outer = BinaryReader(body)
    var data = IndexData(
      metadata: IndexMetadata(
        formatVersion: formatVersion, joblensVersion: "", taxonomyVersion: "", language: "",
        inputChecksum: "", cleaning: CleaningCounts(), warningCount: 0, warnings: []))
    for expected in Section.allCases {
      let tag = try outer.readUInt32()
      let length = Int(try outer.readUInt64())
      try outer.align(to: 8)
      guard tag == expected.rawValue, length <= outer.end - outer.offset else {
        throw IndexError.corrupt(path: path, detail: "section \(expected) missing")
      }
      var r = BinaryReader(
        body, offset: outer.offset, end: outer.offset + length, owner: mapping)
      try read(expected, into: &data, from: &r)
      outer = BinaryReader(body, offset: outer.offset + length)
    }
    return data
  }
}
