import Foundation
import Testing

@testable import JobLensCore

@Suite("Why a file cannot be read")
struct FileProbeTests {
  @Test(arguments: [
    (ENOENT, "no such file"), (EACCES, "permission denied"), (EPERM, "permission denied"),
    (ELOOP, "a symbolic link loop (too many levels of links)"), (EISDIR, "is a directory"),
    (ENOSPC, "no space left on device"),
  ])
  func reasonsComeFromTheFailedCall(code: Int32, reason: String) {
    #expect(FileProbe.reason(errno: code) == reason)
  }
}
