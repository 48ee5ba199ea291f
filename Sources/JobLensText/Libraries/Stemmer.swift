internal import CStemmerShim

/// A Snowball stemmer (libstemmer) for one language.
///
/// Not thread-safe: libstemmer keeps state per stemmer, so each thread makes its own.
public final class Stemmer {
  /// The ISO 639-1 code this stemmer was made for.
  public let language: String
  /// The Snowball algorithm name, such as "english".
  public let algorithm: String
  private let handle: OpaquePointer

  /// Snowball algorithm names by ISO 639-1 code.
  public static let algorithms: [String: String] = [
    "ar": "arabic", "hy": "armenian", "eu": "basque", "ca": "catalan", "da": "danish",
    "nl": "dutch", "en": "english", "fi": "finnish", "fr": "french", "de": "german",
    "el": "greek", "hi": "hindi", "hu": "hungarian", "id": "indonesian", "ga": "irish",
    "it": "italian", "lt": "lithuanian", "ne": "nepali", "no": "norwegian", "nb": "norwegian",
    "nn": "norwegian", "pt": "portuguese", "ro": "romanian", "ru": "russian", "sr": "serbian",
    "es": "spanish", "sv": "swedish", "ta": "tamil", "tr": "turkish", "yi": "yiddish",
  ]

  /// The algorithm names the linked libstemmer provides.
  public static let available: Set<String> = {
    var names: Set<String> = []
    guard let list = jl_stemmer_algorithms() else { return names }
    var index = 0
    while let name = list[index] {
      names.insert(String(cString: name))
      index += 1
    }
    return names
  }()

  /// Makes a stemmer for an ISO 639-1 language code (case-insensitive, region ignored:
  /// "en-GB" is "en"); nil when Snowball has no algorithm for it.
  public init?(language: String) {
    let code = Stemmer.baseLanguage(language)
    guard let algorithm = Stemmer.algorithms[code], Stemmer.available.contains(algorithm),
      let handle = jl_stemmer_new(algorithm)
    else { return nil }
    self.language = code
    self.algorithm = algorithm
    self.handle = handle
  }

  deinit { jl_stemmer_delete(handle) }

  /// "en-GB" → "en"; "FR" → "fr".
  package static func baseLanguage(_ code: String) -> String {
    let lower = code.lowercased()
    let end = lower.firstIndex { $0 == "-" || $0 == "_" } ?? lower.endIndex
    return String(lower[..<end])
  }

  /// Stems one lower-case word given as UTF-8 bytes.
  /// - Complexity: O(n) in the length of the word.
  public func stem(_ word: UnsafeBufferPointer<UInt8>) -> [UInt8] {
    let word = algorithm == "french" ? Stemmer.withoutElision(word) : word
    var length: Int32 = 0
    guard let base = word.baseAddress,
      let result = jl_stemmer_stem(handle, base, Int32(word.count), &length)
    else { return Array(word) }
    return Array(UnsafeBufferPointer(start: result, count: Int(length)))
  }

  /// French elided articles and pronouns ("l'", "d'", "qu'" …, with ' or ’) are not part of
  /// the word: "l'entreprise" stems as "entreprise". Snowball 3 does this in its French
  /// stemmer; libstemmer 2.2 does not, so the wrapper does it.
  static func withoutElision(_ word: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
    var prefix = 1
    if word.count > 3 && word[0] == UInt8(ascii: "q") && word[1] == UInt8(ascii: "u") {
      prefix = 2
    } else if word.count < 3 || !"cdjlmnst".utf8.contains(word[0]) {
      return word
    }
    let rest: Int
    if word[prefix] == UInt8(ascii: "'") {
      rest = prefix + 1
    } else if word.count > prefix + 3 && word[prefix] == 0xE2 && word[prefix + 1] == 0x80
      && word[prefix + 2] == 0x99
    {
      rest = prefix + 3
    } else {
      return word
    }
    return rest < word.count ? UnsafeBufferPointer(rebasing: word[rest...]) : word
  }

  /// Stems one lower-case word.
  public func stem(_ word: String) -> String {
    var copy = word
    return copy.withUTF8 { String(decoding: stem($0), as: UTF8.self) }
  }
}
