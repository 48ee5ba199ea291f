// swift-tools-version: 6.1
import PackageDescription

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
    .target(
      name: "JobLens",
      dependencies: [
        "CICUShim", "CStemmerShim", "CGzipShim", "CSQLiteShim", "ZIPFoundation",
        .product(name: "Yams", package: "Yams"),
      ],
      swiftSettings: [.enableUpcomingFeature("InternalImportsByDefault")]),
    .executableTarget(
      name: "joblens",
      dependencies: [
        "JobLens",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    .testTarget(name: "JobLensTests", dependencies: ["JobLens"], exclude: ["Fixtures"]),
  ],
  swiftLanguageModes: [.v6]
)
