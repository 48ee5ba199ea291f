// swift-tools-version: 6.1
import PackageDescription

/// A library target of JobLens: imports are internal unless marked `public` or `package`.
func layer(_ name: String, _ dependencies: [Target.Dependency] = []) -> Target {
  .target(
    name: name, dependencies: dependencies,
    swiftSettings: [.enableUpcomingFeature("InternalImportsByDefault")])
}

let package = Package(
  name: "JobLens",
  platforms: [.macOS(.v14)],
  products: [
    .library(name: "JobLens", targets: ["JobLens"]),
    .executable(name: "joblens", targets: ["joblens"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    // The web app (`joblens serve`) only; no library layer imports them. No package traits:
    // the app needs neither swift-configuration nor the full-Foundation form coding.
    .package(
      url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
    .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    // Hummingbird's own dependencies that the app names (headers, buffers, the logger).
    .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
  ],
  targets: [
    .systemLibrary(
      name: "CICU", pkgConfig: "icu-i18n", providers: [.apt(["libicu-dev"])]),
    .systemLibrary(name: "CStemmer", providers: [.apt(["libstemmer-dev"])]),
    .systemLibrary(name: "CGzip", providers: [.apt(["zlib1g-dev"])]),
    .systemLibrary(name: "CSQLite", providers: [.apt(["libsqlite3-dev"])]),
    .target(name: "CICUShim", dependencies: ["CICU"]),
    .target(
      name: "CStemmerShim", dependencies: ["CStemmer"], linkerSettings: [.linkedLibrary("stemmer")]),
    .target(name: "CGzipShim", dependencies: ["CGzip"], linkerSettings: [.linkedLibrary("z")]),
    .target(
      name: "CSQLiteShim", dependencies: ["CSQLite"], linkerSettings: [.linkedLibrary("sqlite3")]),
    // The library's layers, each depending only on those below it (docs/Architecture.md).
    layer("JobLensCore"),
    layer("JobLensText", ["JobLensCore", "CICUShim", "CStemmerShim"]),
    layer("JobLensTaxonomy", ["JobLensCore", "ZIPFoundation"]),
    layer("JobLensIndex", ["JobLensTaxonomy", "JobLensText", "JobLensCore"]),
    layer("JobLensInput", ["JobLensCore", "CGzipShim"]),
    layer("JobLensAnalysis", ["JobLensIndex", "JobLensInput", "JobLensText", "JobLensCore"]),
    layer("JobLensBatch", ["JobLensAnalysis", "JobLensIndex", "JobLensInput", "JobLensCore"]),
    layer(
      "JobLensCoverage",
      [
        "JobLensAnalysis", "JobLensIndex", "JobLensInput", "JobLensTaxonomy", "JobLensText",
        "JobLensCore", .product(name: "Yams", package: "Yams"),
      ]),
    layer("JobLensEvaluation", ["JobLensAnalysis", "JobLensInput", "JobLensCore"]),
    layer(
      "JobLensRender",
      [
        "JobLensCoverage", "JobLensEvaluation", "JobLensBatch", "JobLensAnalysis", "JobLensIndex",
        "JobLensInput", "JobLensTaxonomy", "JobLensText", "JobLensCore", "CSQLiteShim",
      ]),
    // The umbrella: re-exports every layer.
    layer(
      "JobLens",
      [
        "JobLensCore", "JobLensText", "JobLensTaxonomy", "JobLensIndex", "JobLensInput",
        "JobLensAnalysis", "JobLensBatch", "JobLensCoverage", "JobLensEvaluation",
        "JobLensRender",
      ]),
    // The web app for curriculum designers over the library (`joblens serve`): the only target
    // importing Hummingbird and Mustache.
    layer(
      "JobLensServe",
      [
        "JobLensRender", "JobLensCoverage", "JobLensBatch", "JobLensAnalysis", "JobLensIndex",
        "JobLensInput", "JobLensCore", "ZIPFoundation",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "Mustache", package: "swift-mustache"),
        .product(name: "HTTPTypes", package: "swift-http-types"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "Logging", package: "swift-log"),
      ]),
    .executableTarget(
      name: "joblens",
      dependencies: [
        "JobLens", "JobLensServe",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    // One test target, its folders mirroring Sources/ (one per library target, and joblens).
    .testTarget(
      name: "JobLensTests",
      dependencies: [
        "JobLensCore", "JobLensText", "JobLensTaxonomy", "JobLensIndex", "JobLensInput",
        "JobLensAnalysis", "JobLensBatch", "JobLensCoverage", "JobLensEvaluation",
        "JobLensRender", "JobLensServe", "ZIPFoundation",
      ],
      exclude: ["Fixtures"]),
  ],
  swiftLanguageModes: [.v6]
)
