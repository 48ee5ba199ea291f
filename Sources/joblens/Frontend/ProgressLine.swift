import JobLens

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A progress line on standard error ("12,345 records · 1,234/s · 3.2 MB/s · ETA 0:42"),
/// redrawn at most four times a second, and only when standard error is a terminal.
final class ProgressLine {
  private let totalBytes: Int?
  private let clock = ContinuousClock()
  private let start: ContinuousClock.Instant
  private var lastDraw: ContinuousClock.Instant?
  private var drawn = false

  /// A progress line, or nil when standard error is not a terminal.
  init?(totalBytes: Int?) {
    guard Diagnostics.isTerminal else { return nil }
    self.totalBytes = totalBytes
    start = clock.now
  }

  /// Redraws the line when a quarter second has passed since the last time.
  func update(records: Int, bytes: Int) {
    let now = clock.now
    if let lastDraw, now - lastDraw < .milliseconds(250) { return }
    lastDraw = now
    let duration = now - start
    let elapsed = max(
      Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18, 1e-3)
    var parts = [
      "\(records) records", "\(Int(Double(records) / elapsed))/s",
      JSONWriter.format(Double(bytes) / elapsed / 1e6, decimals: 1) + " MB/s",
    ]
    if let totalBytes, bytes > 0, totalBytes >= bytes {
      let remaining = Int(Double(totalBytes - bytes) / (Double(bytes) / elapsed))
      parts.append("ETA \(remaining / 60):" + String(format2: remaining % 60))
    }
    Diagnostics.write("\r\u{1B}[K" + parts.joined(separator: " · "))
    drawn = true
  }

  /// Erases the line (before other messages and at the end).
  func clear() {
    guard drawn else { return }
    Diagnostics.write("\r\u{1B}[K")
    drawn = false
  }
}

extension String {
  /// A number from 0 to 99 with two digits.
  fileprivate init(format2 value: Int) {
    self = value < 10 ? "0\(value)" : String(value)
  }
}
