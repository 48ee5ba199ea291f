import Foundation

/// Where `joblens` looks for the ESCO download and the index when no path is given (the
/// library itself always takes paths).
enum DefaultPaths {
  /// The index file in a checkout, where versions before 0.2 wrote it: still read when the
  /// data directory has none.
  static let checkoutIndex = "Data/index/esco.jlidx"

  /// How the default index is named in help texts.
  static let indexDescription =
    "$JOBLENS_INDEX, then $XDG_DATA_HOME/joblens/esco.jlidx (~/.local/share/joblens/esco.jlidx)"

  /// The ESCO download: the flag, then `$JOBLENS_ESCO`, then `Data/esco/`, then
  /// `../shared/esco/v1.1.1` (the first that exists; the last when none does).
  static func esco(flag: String?, environment: [String: String]? = nil) -> String {
    let environment = environment ?? ProcessInfo.processInfo.environment
    if let flag, !flag.isEmpty { return flag }
    if let variable = environment["JOBLENS_ESCO"], !variable.isEmpty { return variable }
    for candidate in ["Data/esco", "../shared/esco/v1.1.1"]
    where FileManager.default.fileExists(atPath: candidate) {
      return candidate
    }
    return "../shared/esco/v1.1.1"
  }

  /// The background corpus when neither `--background` nor `JOBLENS_BACKGROUND` names one,
  /// used when it exists.
  static let backgroundCorpus = "../shared/corpus_dev.jsonl"

  /// The background corpus files: the flags, then `$JOBLENS_BACKGROUND` (paths separated by
  /// `:`), then ``backgroundCorpus`` when it exists; empty when none is found.
  static func background(flags: [String], environment: [String: String]? = nil) -> [String] {
    let environment = environment ?? ProcessInfo.processInfo.environment
    if !flags.isEmpty { return flags }
    if let variable = environment["JOBLENS_BACKGROUND"], !variable.isEmpty {
      return variable.split(separator: ":").map(String.init)
    }
    return FileManager.default.fileExists(atPath: backgroundCorpus) ? [backgroundCorpus] : []
  }

  /// JobLens's data directory (XDG base directories): `$XDG_DATA_HOME/joblens`, else
  /// `~/.local/share/joblens`.
  static func dataDirectory(environment: [String: String]? = nil) -> String {
    let environment = environment ?? ProcessInfo.processInfo.environment
    // The specification says to ignore a relative XDG_DATA_HOME.
    if let base = environment["XDG_DATA_HOME"], base.hasPrefix("/") { return base + "/joblens" }
    let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
    return home + "/.local/share/joblens"
  }

  /// The index an installed tool writes by default: `esco.jlidx` in ``dataDirectory``.
  static func dataIndex(environment: [String: String]? = nil) -> String {
    dataDirectory(environment: environment) + "/esco.jlidx"
  }

  /// The index to read: the flag, then `$JOBLENS_INDEX`, then ``dataIndex`` when it exists,
  /// then ``checkoutIndex`` when that exists (a checkout's, written before 0.2), else
  /// ``dataIndex`` (so that the error names it).
  static func index(flag: String?, environment: [String: String]? = nil) -> String {
    let environment = environment ?? ProcessInfo.processInfo.environment
    if let flag, !flag.isEmpty { return flag }
    if let variable = environment["JOBLENS_INDEX"], !variable.isEmpty { return variable }
    let data = dataIndex(environment: environment)
    if FileManager.default.fileExists(atPath: data) { return data }
    if FileManager.default.fileExists(atPath: checkoutIndex) { return checkoutIndex }
    return data
  }

  /// Where `index build` writes: the flag, then `$JOBLENS_INDEX`, then ``dataIndex`` (its
  /// folder created).
  static func indexToWrite(flag: String?, environment: [String: String]? = nil) throws -> String {
    let environment = environment ?? ProcessInfo.processInfo.environment
    if let flag, !flag.isEmpty { return flag }
    if let variable = environment["JOBLENS_INDEX"], !variable.isEmpty { return variable }
    let folder = dataDirectory(environment: environment)
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
      throw CommandError("cannot create '\(folder)': \(error.localizedDescription); give --out")
    }
    return folder + "/esco.jlidx"
  }
}
