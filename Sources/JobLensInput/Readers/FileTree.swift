import JobLensCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The files under a directory, walked in a fixed order so that runs are reproducible.
public enum FileTree {
  /// One entry found while walking.
  public enum Entry: Equatable, Sendable {
    /// A regular file (or a symbolic link to one), by its path relative to the root.
    case file(relativePath: String)
    /// A directory that could not be listed.
    case unreadable(relativePath: String, reason: String)
    /// Something that is not read (a link to a directory, a device, a socket).
    case skipped(relativePath: String, reason: String)
  }

  /// The regular files under `root`, recursively, sorted by relative path (byte order), the
  /// directories that could not be listed and what was left out. Hidden directories (".git")
  /// are not entered, and symbolic links to directories are not followed, so that a link cycle
  /// cannot loop.
  /// - Complexity: O(n log n) in the number of entries under `root`.
  public static func walk(_ root: String) -> [Entry] {
    var entries: [Entry] = []
    var pending = [""]
    while let relative = pending.popLast() {
      let path = relative.isEmpty ? root : root + "/" + relative
      guard let directory = opendir(path) else {
        entries.append(
          .unreadable(
            relativePath: relative.isEmpty ? "." : relative,
            reason: FileProbe.reason(errno: errno)))
        continue
      }
      var names: [String] = []
      while let entry = readdir(directory) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
          String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
        }
        if name == "." || name == ".." { continue }
        names.append(name)
      }
      closedir(directory)
      var subdirectories: [String] = []
      for name in names {
        let child = relative.isEmpty ? name : relative + "/" + name
        var status = stat()
        guard lstat(root + "/" + child, &status) == 0 else {
          entries.append(.unreadable(relativePath: child, reason: FileProbe.reason(errno: errno)))
          continue
        }
        switch status.st_mode & S_IFMT {
        case S_IFDIR where name.hasPrefix("."):
          entries.append(.skipped(relativePath: child, reason: "a hidden directory"))
        case S_IFDIR: subdirectories.append(child)
        case S_IFREG: entries.append(.file(relativePath: child))
        case S_IFLNK:
          // A broken link is a file that cannot be opened: it is reported, not dropped.
          var target = stat()
          if stat(root + "/" + child, &target) == 0 && (target.st_mode & S_IFMT) == S_IFDIR {
            entries.append(
              .skipped(relativePath: child, reason: "a link to a directory (not followed)"))
          } else {
            entries.append(.file(relativePath: child))
          }
        default:
          entries.append(.skipped(relativePath: child, reason: "not a regular file"))
        }
      }
      pending.append(contentsOf: subdirectories)
    }
    return entries.sorted { path($0).utf8.lexicographicallyPrecedes(path($1).utf8) }
  }

  private static func path(_ entry: Entry) -> String {
    switch entry {
    case .file(let path), .unreadable(let path, _), .skipped(let path, _): path
    }
  }

  /// Whether two paths name the same existing file (by device and inode, so that hard and
  /// symbolic links count).
  public static func isSameFile(_ first: String, _ second: String) -> Bool {
    var one = stat()
    var other = stat()
    return stat(first, &one) == 0 && stat(second, &other) == 0 && one.st_dev == other.st_dev
      && one.st_ino == other.st_ino
  }

  /// `path` relative to `directory` when it lies under it, comparing real paths (the last
  /// component of `path` need not exist yet); nil otherwise.
  public static func relativePath(of path: String, in directory: String) -> String? {
    let slash = path.lastIndex(of: "/")
    let parent = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
    let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
    guard let realParent = realpath(parent, nil) else { return nil }
    defer { free(realParent) }
    guard let realDirectory = realpath(directory, nil) else { return nil }
    defer { free(realDirectory) }
    let base = String(cString: realDirectory)
    let full = String(cString: realParent) + "/" + name
    let prefix = base.hasSuffix("/") ? base : base + "/"
    return full.hasPrefix(prefix) ? String(full.dropFirst(prefix.count)) : nil
  }

  /// Whether `path` is a directory (following links).
  public static func isDirectory(_ path: String) -> Bool {
    var status = stat()
    return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
  }

  /// The size of a regular file, the total size of the regular files under a directory, or nil.
  public static func regularFileSize(_ path: String) -> Int? {
    var status = stat()
    guard stat(path, &status) == 0 else { return nil }
    switch status.st_mode & S_IFMT {
    case S_IFREG: return Int(status.st_size)
    case S_IFDIR:
      var total = 0
      for case .file(let relative) in walk(path) {
        var file = stat()
        if stat(path + "/" + relative, &file) == 0 { total += Int(file.st_size) }
      }
      return total
    default: return nil
    }
  }
}
