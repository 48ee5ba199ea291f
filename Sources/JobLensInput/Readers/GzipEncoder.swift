internal import CGzipShim
import JobLensCore

/// Compresses bytes into one gzip member (zlib, through the same shim that ``ByteStream``
/// decodes with), for outputs whose name ends in `.gz`.
public final class GzipEncoder {
  private let encoder: OpaquePointer?
  private var finished = false

  /// An encoder at compression `level` (1 fastest … 9 smallest; 6 is gzip's default).
  public init(level: Int32 = 6) {
    encoder = jl_gzip_new(level)
  }

  deinit { jl_gzip_delete(encoder) }

  /// Compresses `input`; the compressed bytes so far go to `sink`, in pieces.
  /// - Throws: ``InputError`` when zlib fails (out of memory).
  public func compress(_ input: UnsafeRawBufferPointer, to sink: ([UInt8]) throws -> Void) throws {
    try step(input, finish: false, sink)
  }

  /// Ends the member (the gzip trailer) and hands the last bytes to `sink`.
  public func finish(to sink: ([UInt8]) throws -> Void) throws {
    guard !finished else { return }
    finished = true
    try step(UnsafeRawBufferPointer(start: nil, count: 0), finish: true, sink)
  }

  private func step(
    _ input: UnsafeRawBufferPointer, finish: Bool, _ sink: ([UInt8]) throws -> Void
  ) throws {
    guard let encoder else {
      throw InputError.unreadable(path: "gzip output", reason: "out of memory")
    }
    var output = [UInt8](repeating: 0, count: 1 << 16)
    var offset = 0
    while true {
      var consumed = 0
      var produced = 0
      let status = output.withUnsafeMutableBufferPointer { out in
        jl_gzip_step(
          encoder,
          input.baseAddress.map { $0.assumingMemoryBound(to: UInt8.self) + offset },
          input.count - offset, out.baseAddress, out.count, finish ? 1 : 0, &consumed,
          &produced)
      }
      offset += consumed
      if produced > 0 { try sink(Array(output[0..<produced])) }
      if status < 0 {
        throw InputError.unreadable(path: "gzip output", reason: "zlib could not compress")
      }
      if finish ? status == 1 : (offset == input.count && produced < output.count) { return }
    }
  }
}
