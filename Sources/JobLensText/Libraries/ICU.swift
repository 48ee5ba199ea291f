internal import CICUShim

/// Namespace for the ICU services JobLens uses (through the `CICUShim` C target).
enum ICU {
  /// The version of the system ICU library, such as "72.1".
  static let version: String = {
    var buffer = [CChar](repeating: 0, count: 32)
    jl_icu_version(&buffer)
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }()

  /// Normalisation applied by ``fold(_:mode:)``.
  enum FoldMode {
    /// NFKC with case folding.
    case caseFold
    /// NFKC with case folding and without combining marks.
    case matchKey

    fileprivate var rawValue: Int32 {
      switch self {
      case .caseFold: Int32(JL_FOLD_CASE)
      case .matchKey: Int32(JL_FOLD_MATCH_KEY)
      }
    }
  }

  /// Folds UTF-8 bytes with ICU's normaliser.
  /// - Complexity: O(n) in the length of `bytes`.
  static func fold(_ bytes: UnsafeBufferPointer<UInt8>, mode: FoldMode) throws(ICUError) -> [UInt8]
  {
    var capacity = bytes.count * 3 + 16
    while true {
      var status: Int32 = 0
      var output = [UInt8](repeating: 0, count: capacity)
      let length = output.withUnsafeMutableBufferPointer { out in
        bytes.withMemoryRebound(to: CChar.self) { source in
          out.withMemoryRebound(to: CChar.self) { target in
            jl_fold(
              mode.rawValue, source.baseAddress, Int32(source.count), target.baseAddress,
              Int32(target.count), &status)
          }
        }
      }
      if length < 0 { throw ICUError(code: status) }
      if Int(length) <= capacity {
        output.removeSubrange(Int(length)...)
        return output
      }
      capacity = Int(length) + 1
    }
  }

  /// Folds a string with ICU's normaliser.
  static func fold(_ string: String, mode: FoldMode) throws(ICUError) -> String {
    let bytes = try Array(string.utf8).withUnsafeBufferPointer { buffer throws(ICUError) in
      try fold(buffer, mode: mode)
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}

/// An ICU failure, carrying ICU's `UErrorCode`.
struct ICUError: Error, CustomStringConvertible {
  /// The `UErrorCode` value (> 0).
  let code: Int32

  var description: String { "icu error \(code)" }

  /// Throws when `code` is an ICU failure (positive `UErrorCode`).
  static func check(_ code: Int32) throws(ICUError) {
    if code > 0 { throw ICUError(code: code) }
  }
}

/// An ICU break iterator over UTF-8 bytes, yielding byte-offset boundaries.
///
/// Owns the ICU object and closes it in `deinit`; the text it iterates must stay alive and
/// unmoved while the iteration runs, so iteration happens inside ``withText(_:_:)``.
final class BreakIterator {
  /// What the iterator segments.
  enum Kind {
    case word, sentence
  }

  private let handle: OpaquePointer

  /// Opens an iterator of `kind` for `locale` ("" = ICU root rules, which include the
  /// dictionary segmentation of Thai, Lao, Khmer, Burmese, Chinese and Japanese).
  init(_ kind: Kind, locale: String = "") throws(ICUError) {
    var status: Int32 = 0
    let opened = jl_breaker_open(
      kind == .word ? Int32(JL_BREAK_WORD) : Int32(JL_BREAK_SENTENCE), locale, &status)
    guard let opened else { throw ICUError(code: status) }
    handle = opened
  }

  deinit { jl_breaker_close(handle) }

  /// Iterates the boundaries of `text`, calling `body(boundary, iterator)` for each boundary
  /// after the start, in order; `body` may ask ``ruleStatus`` for the segment ending there.
  /// - Complexity: O(n) in the length of `text`.
  func withText(
    _ text: UnsafeBufferPointer<UInt8>, _ body: (Int, BreakIterator) -> Void
  ) throws(ICUError) {
    let status = text.withMemoryRebound(to: CChar.self) {
      jl_breaker_set_text(handle, $0.baseAddress, Int64($0.count))
    }
    try ICUError.check(status)
    while true {
      let boundary = jl_breaker_next(handle)
      if boundary < 0 { break }
      body(Int(boundary), self)
    }
  }

  /// The rule status of the segment that ends at the current boundary (see ``WordRuleStatus``).
  var ruleStatus: Int32 { jl_breaker_rule_status(handle) }
}

/// ICU word-break rule status ranges (`UWordBreak`).
enum WordRuleStatus {
  /// Segments that are not words: spaces, punctuation, symbols.
  static let none: Range<Int32> = 0..<100
  /// Numbers.
  static let number: Range<Int32> = 100..<200
  /// Words of letters.
  static let letter: Range<Int32> = 200..<300
  /// Words of kana.
  static let kana: Range<Int32> = 300..<400
  /// Words of ideographs.
  static let ideograph: Range<Int32> = 400..<500
}
