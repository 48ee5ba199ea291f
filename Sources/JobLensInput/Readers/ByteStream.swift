internal import CGzipShim
import JobLensCore

#if canImport(Glibc)
import Glibc
private let systemRead = Glibc.read
#elseif canImport(Darwin)
import Darwin
private let systemRead = Darwin.read
#endif

/// A stream of byte chunks from a file, standard input or memory. A stream that starts with the
/// gzip magic bytes is decoded transparently (concatenated gzip members included), whatever the
/// file is called. As with `zcat`, bytes after the last complete member that do not start
/// another one (zero padding, trailing garbage) are ignored with a warning; corrupt data hands
/// out everything decoded before it, then fails.
public final class ByteStream {
  /// The name used in messages ("-" is standard input).
  public let name: String
  /// What was tolerated while reading (bytes ignored after the gzip data), for the reader to
  /// say; known once `next()` has returned nil.
  public private(set) var warnings: [String] = []
  /// Bytes taken from the underlying file so far (compressed bytes for gzip).
  public var rawBytesRead: Int { raw.bytesRead }

  private let raw: RawChunks
  private var pending: [UInt8]?
  private let decoder: GzipDecoder?
  /// A read error met while sniffing the first chunk, thrown by the first `next()`.
  private var firstError: InputError?

  /// Opens a file, or standard input for "-".
  /// - Throws: ``InputError/unreadable(path:reason:)``.
  public convenience init(path: String, chunkSize: Int = 1 << 20) throws {
    if path == "-" {
      self.init(name: "-", raw: RawChunks(descriptor: 0, name: "-", chunkSize: chunkSize))
      return
    }
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else {
      throw InputError.unreadable(path: path, reason: FileProbe.reason(errno: errno))
    }
    var status = stat()
    if fstat(descriptor, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR {
      close(descriptor)
      throw InputError.unreadable(path: path, reason: "is a directory")
    }
    self.init(
      name: path,
      raw: RawChunks(descriptor: descriptor, name: path, chunkSize: chunkSize, owned: true))
  }

  /// A stream over bytes in memory.
  public convenience init(bytes: [UInt8], name: String) {
    self.init(name: name, raw: RawChunks(bytes: bytes))
  }

  private init(name: String, raw: RawChunks) {
    self.name = name
    self.raw = raw
    // The first chunk decides whether to decode; it is handed out (or decoded) first.
    let first = try? raw.next()
    let isCompressed = (first?.count ?? 0) >= 2 && first![0] == 0x1F && first![1] == 0x8B
    decoder = isCompressed ? GzipDecoder() : nil
    pending = first
    if first == nil { firstError = raw.lastError }
  }

  /// The next chunk of (decoded) bytes, or nil at the end.
  /// - Throws: ``InputError`` when the file cannot be read or the gzip data is corrupt.
  public func next() throws -> [UInt8]? {
    if let error = firstError {
      firstError = nil
      throw error
    }
    guard let decoder else {
      if let chunk = pending {
        pending = nil
        return chunk
      }
      return try raw.next()
    }
    while true {
      if let output = try decoder.decodeAvailable(name: name) { return output }
      if let chunk = pending {
        pending = nil
        decoder.feed(chunk)
      } else if let chunk = try raw.next() {
        decoder.feed(chunk)
      } else {
        let end = try decoder.finish(name: name)
        if decoder.trailingBytes > 0 && warnings.isEmpty {
          warnings.append(
            "\(name): ignored \(decoder.trailingBytes) bytes after the end of the gzip data"
              + (decoder.trailingIsZeros ? " (zero padding)" : ""))
        }
        return end
      }
    }
  }

  /// The whole (decoded) content, without a leading UTF-8 byte-order mark.
  public func readAll() throws -> [UInt8] {
    try readAll(upTo: .max)!
  }

  /// The whole (decoded) content without a leading byte-order mark, or nil as soon as it
  /// exceeds `limit` bytes (the rest is not read).
  public func readAll(upTo limit: Int) throws -> [UInt8]? {
    var bytes: [UInt8] = []
    while let chunk = try next() {
      bytes.append(contentsOf: chunk)
      if bytes.count > limit { return nil }
    }
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    return bytes
  }
}

/// Chunks read from a file descriptor or memory.
private final class RawChunks {
  private let read: () throws -> [UInt8]?
  private(set) var bytesRead = 0
  private(set) var lastError: InputError?
  private let descriptor: Int32?

  init(descriptor: Int32, name: String, chunkSize: Int, owned: Bool = false) {
    self.descriptor = owned ? descriptor : nil
    read = {
      var chunk = [UInt8](repeating: 0, count: chunkSize)
      while true {
        let count = chunk.withUnsafeMutableBytes {
          systemRead(descriptor, $0.baseAddress, chunkSize)
        }
        if count < 0 {
          if errno == EINTR { continue }
          throw InputError.unreadable(path: name, reason: FileProbe.message(errno: errno))
        }
        if count == 0 { return nil }
        chunk.removeSubrange(count...)
        return chunk
      }
    }
  }

  init(bytes: [UInt8]) {
    descriptor = nil
    var pending: [UInt8]? = bytes.isEmpty ? nil : bytes
    read = {
      defer { pending = nil }
      return pending
    }
  }

  deinit {
    if let descriptor { close(descriptor) }
  }

  func next() throws -> [UInt8]? {
    do {
      let chunk = try read()
      bytesRead += chunk?.count ?? 0
      return chunk
    } catch let error as InputError {
      lastError = error
      throw error
    }
  }
}

/// zlib's gzip decoder, fed compressed chunks and drained into decoded chunks.
private final class GzipDecoder {
  private let decoder: OpaquePointer?
  private var input: [UInt8] = []
  private var position = 0
  /// Whether the decoder is inside a gzip member (a stream must not end there).
  private var inMember = false
  private var outputPending = false
  private static let outputSize = 1 << 18
  /// Whether a member has ended (data after it that is not a member is a trailer).
  private var endedMember = false
  /// An error met after some output of the same call, thrown by the next call.
  private var pendingError: InputError?
  /// Bytes after the last complete member that do not start another one: ignored, as gzip does.
  private(set) var trailingBytes = 0
  /// Whether those bytes are all zeros (padding).
  private(set) var trailingIsZeros = true
  private var inTrailer = false

  init() { decoder = jl_gunzip_new() }

  deinit { jl_gunzip_delete(decoder) }

  func feed(_ chunk: [UInt8]) {
    if inTrailer {
      skipTrailer(chunk[...])
      return
    }
    if position > 0 {
      input.removeSubrange(0..<position)
      position = 0
    }
    input.append(contentsOf: chunk)
  }

  /// Decodes what the buffered input allows; nil when more input is needed.
  func decodeAvailable(name: String) throws -> [UInt8]? {
    guard let decoder else {
      throw InputError.unreadable(path: name, reason: "out of memory for gzip decoding")
    }
    if let error = pendingError {
      pendingError = nil
      throw error
    }
    var output = [UInt8](repeating: 0, count: GzipDecoder.outputSize)
    var produced = 0
    while !input.isEmpty && produced < output.count && (position < input.count || outputPending) {
      var consumed = 0
      var made = 0
      let room = output.count - produced
      let status = input.withUnsafeBufferPointer { source in
        output.withUnsafeMutableBufferPointer { target in
          jl_gunzip_step(
            decoder, source.baseAddress! + position, source.count - position,
            target.baseAddress! + produced, room, &consumed, &made)
        }
      }
      let start = position
      position += consumed
      produced += made
      if status == JL_GUNZIP_ERROR {
        if !inMember && endedMember {
          // Not another member after a complete one: the end of the data, as for gzip.
          inTrailer = true
          skipTrailer(input[start...])
          input.removeAll()
          position = 0
          outputPending = false
          break
        }
        let error = InputError.unreadable(
          path: name, reason: "corrupt gzip data: \(String(cString: jl_gunzip_message(decoder)))")
        // What was decoded before the problem is handed out first.
        guard produced > 0 else { throw error }
        pendingError = error
        break
      }
      // zlib may hold more output than fitted; ask again even without new input.
      outputPending = made == room && status != JL_GUNZIP_MEMBER_END
      if status == JL_GUNZIP_MEMBER_END {
        inMember = false
        endedMember = true
      } else if consumed > 0 || made > 0 {
        inMember = true
      } else {
        break
      }
    }
    guard produced > 0 else { return nil }
    output.removeSubrange(produced...)
    return output
  }

  /// Counts trailing bytes and whether they are zeros.
  private func skipTrailer(_ bytes: ArraySlice<UInt8>) {
    trailingBytes += bytes.count
    if trailingIsZeros { trailingIsZeros = bytes.allSatisfy { $0 == 0 } }
  }

  /// The end of the compressed input: fails when a gzip member was cut short.
  func finish(name: String) throws -> [UInt8]? {
    if let error = pendingError {
      pendingError = nil
      throw error
    }
    if inMember {
      throw InputError.unreadable(path: name, reason: "corrupt gzip data: truncated stream")
    }
    return nil
  }
}
