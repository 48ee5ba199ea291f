import Foundation
internal import ZIPFoundation

/// The files of an ESCO download that JobLens reads.
public enum ESCOFile: String, Sendable, CaseIterable {
  case occupations, skills, iscoGroups, skillGroups, skillsHierarchy
  case occupationSkillRelations, broaderOccupations, broaderSkills, skillSkillRelations

  /// The file name for a language, as the portal ships it.
  public func name(language: String) -> String {
    switch self {
    case .occupations: "occupations_\(language).csv"
    case .skills: "skills_\(language).csv"
    case .iscoGroups: "ISCOGroups_\(language).csv"
    case .skillGroups: "skillGroups_\(language).csv"
    case .skillsHierarchy: "skillsHierarchy_\(language).csv"
    case .occupationSkillRelations: "occupationSkillRelations.csv"
    case .broaderOccupations: "broaderRelationsOccPillar.csv"
    case .broaderSkills: "broaderRelationsSkillPillar.csv"
    case .skillSkillRelations: "skillSkillRelations.csv"
    }
  }

  /// Whether the import cannot go on without the file.
  public var isRequired: Bool {
    switch self {
    case .occupations, .skills, .iscoGroups, .occupationSkillRelations: true
    default: false
    }
  }

  /// Whether the file name carries the language suffix in every version.
  var isLanguageSpecific: Bool {
    switch self {
    case .occupations, .skills, .iscoGroups, .skillGroups, .skillsHierarchy: true
    default: false
    }
  }
}

/// An ESCO download as users get it from the ESCO portal: a folder of CSV files, a folder with
/// the portal's zip files, or one zip file. Finds the files, whatever their version's naming
/// (relation files with or without a language suffix), and tells version and language from the
/// names unless they are given.
public struct ESCOSource: Sendable {
  /// The largest file read, in bytes (uncompressed): the biggest ESCO v1 file is about 21 MB,
  /// and a zip entry of zeros could otherwise take all memory.
  public static let fileSizeLimit = 256 << 20

  /// The path given.
  public let path: String
  /// The ESCO version ("v1.1.1"), from the path or given; "unknown" when neither says.
  public let version: String
  /// The language (ISO 639-1), from the file names or given.
  public let language: String
  /// Every CSV file found (file name → where it is), for messages and checksums.
  private let files: [String: Location]

  private enum Location: Sendable {
    case file(String)
    case zipEntry(archive: String, entry: String)
  }

  /// The CSV file names found.
  public var fileNames: [String] { files.keys.sorted() }

  /// Opens a download at `path`; `version` and `language` override what the names say.
  public init(path: String, version: String? = nil, language: String? = nil) throws(TaxonomyError) {
    self.path = path
    var found: [String: Location] = [:]
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw .unreadable(path: path, reason: "no such file or directory")
    }
    if isDirectory.boolValue {
      guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else {
        throw .unreadable(path: path, reason: "cannot list the directory")
      }
      for name in names.sorted() {
        let full = (path as NSString).appendingPathComponent(name)
        if name.lowercased().hasSuffix(".csv") {
          found[name] = .file(full)
        } else if name.lowercased().hasSuffix(".zip") {
          for (entry, location) in try ESCOSource.entries(ofArchive: full) where found[entry] == nil
          {
            found[entry] = location
          }
        }
      }
    } else if path.lowercased().hasSuffix(".zip") {
      found = try Dictionary(
        ESCOSource.entries(ofArchive: path), uniquingKeysWith: { first, _ in first })
    } else {
      throw .unreadable(path: path, reason: "not a directory or a zip file")
    }
    files = found

    if let language {
      self.language = language
    } else if let detected = ESCOSource.detectLanguage(found.keys) {
      self.language = detected
    } else if found.isEmpty {
      throw .missingFile(name: "occupations_<lang>.csv", path: path, found: [])
    } else {
      throw .unknownLanguage(path: path)
    }
    self.version =
      version ?? ESCOSource.detectVersion(path, entries: Array(found.keys)) ?? "unknown"
  }

  private static func entries(ofArchive path: String) throws(TaxonomyError) -> [(String, Location)]
  {
    let archive: Archive
    do {
      archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
    } catch {
      throw .badArchive(path: path, reason: String(describing: error))
    }
    var entries: [(String, Location)] = []
    for entry in archive where entry.type == .file {
      let name = (entry.path as NSString).lastPathComponent
      if name.lowercased().hasSuffix(".csv") {
        entries.append((name, .zipEntry(archive: path, entry: entry.path)))
      }
    }
    return entries
  }

  /// "occupations_fr.csv" → "fr".
  static func detectLanguage<Names: Sequence<String>>(_ names: Names) -> String? {
    for name in names.sorted() {
      let lower = name.lowercased()
      if lower.hasPrefix("occupations_") && lower.hasSuffix(".csv") {
        let code = lower.dropFirst("occupations_".count).dropLast(".csv".count)
        if !code.isEmpty { return String(code) }
      }
    }
    return nil
  }

  static let tooLarge =
    "over \(ESCOSource.fileSizeLimit >> 20) MB uncompressed, far more than an esco file"

  /// A "v1.1.1"-like component of the path or of a zip entry's name.
  static func detectVersion(_ path: String, entries: [String]) -> String? {
    let candidates = [path] + entries
    for candidate in candidates {
      var index = candidate.startIndex
      while let v = candidate[index...].firstIndex(where: { $0 == "v" || $0 == "V" }) {
        let after = candidate.index(after: v)
        let digits = candidate[after...].prefix { $0.isNumber || $0 == "." }
        let trimmed = digits.hasSuffix(".") ? digits.dropLast() : digits[...]
        let isBoundary =
          v == candidate.startIndex || !candidate[candidate.index(before: v)].isLetter
        if isBoundary, trimmed.contains("."), trimmed.first?.isNumber == true {
          return "v" + trimmed
        }
        index = after
      }
    }
    return nil
  }

  /// The actual name of a file in this download: exact, case-insensitive, or with/without the
  /// language suffix (relation files gained one in some versions).
  public func locate(_ file: ESCOFile) -> String? {
    let wanted = file.name(language: language).lowercased()
    var alternatives = [wanted]
    if !file.isLanguageSpecific {
      alternatives.append(wanted.replacingOccurrences(of: ".csv", with: "_\(language).csv"))
    }
    for alternative in alternatives {
      if let name = files.keys.sorted().first(where: { $0.lowercased() == alternative }) {
        return name
      }
    }
    return nil
  }

  /// The bytes of a file, or nil when the download has no such file.
  public func read(_ file: ESCOFile) throws(TaxonomyError) -> (name: String, bytes: [UInt8])? {
    guard let name = locate(file) else {
      if file.isRequired {
        throw .missingFile(name: file.name(language: language), path: path, found: fileNames)
      }
      return nil
    }
    return (name, try bytes(of: name))
  }

  private func bytes(of name: String) throws(TaxonomyError) -> [UInt8] {
    switch files[name]! {
    case .file(let full):
      let size = (try? FileManager.default.attributesOfItem(atPath: full)[.size] as? Int) ?? 0
      if size > ESCOSource.fileSizeLimit {
        throw .unreadable(path: full, reason: ESCOSource.tooLarge)
      }
      guard let data = FileManager.default.contents(atPath: full) else {
        throw .unreadable(path: full, reason: "cannot read the file")
      }
      return Array(data)
    case .zipEntry(let archivePath, let entryPath):
      do {
        let archive = try Archive(url: URL(fileURLWithPath: archivePath), accessMode: .read)
        guard let entry = archive[entryPath] else {
          throw TaxonomyError.badArchive(path: archivePath, reason: "no entry \(entryPath)")
        }
        let tooLarge = TaxonomyError.badArchive(
          path: archivePath, reason: "entry \(entryPath) is \(ESCOSource.tooLarge)")
        // The size the entry declares may be false: the bytes are counted too.
        guard entry.uncompressedSize <= UInt64(ESCOSource.fileSizeLimit) else { throw tooLarge }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(entry.uncompressedSize))
        _ = try archive.extract(entry, skipCRC32: false) { chunk in
          guard bytes.count + chunk.count <= ESCOSource.fileSizeLimit else { throw tooLarge }
          bytes.append(contentsOf: chunk)
        }
        return bytes
      } catch let error as TaxonomyError {
        throw error
      } catch {
        throw .badArchive(path: archivePath, reason: String(describing: error))
      }
    }
  }
}
