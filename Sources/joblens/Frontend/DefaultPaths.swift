import Foundation

/// Where `joblens` looks for the ESCO download and the index when no path is given (the
/// library itself always takes paths).
enum DefaultPaths {
  /// The index file when neither `--index` nor `JOBLENS_INDEX` says otherwise.
  static let index = "Data/index/esco.jlidx"

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

  /// The index: the flag, then `$JOBLENS_INDEX`, then ``index``.
  static func index(flag: String?, environment: [String: String]? = nil) -> String {
    let environment = environment ?? ProcessInfo.processInfo.environment
    if let flag, !flag.isEmpty { return flag }
    if let variable = environment["JOBLENS_INDEX"], !variable.isEmpty { return variable }
    return index
  }
}
