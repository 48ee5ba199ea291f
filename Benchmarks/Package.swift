// swift-tools-version: 6.1
// Benchmarks live in their own package so that `swift build` and `swift test` at the root
// don't compile the harness. Run from this folder: `swift package benchmark`.
import PackageDescription

import class Foundation.ProcessInfo
import struct Foundation.URL

/// The root package is named after the folder it was cloned into.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .lastPathComponent.lowercased()

let package = Package(
  name: "JobLensBenchmarks",
  platforms: [.macOS(.v14)],
  dependencies: [
    .package(path: ".."),
    .package(
      url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
  ],
  targets: ["Tokenizer", "Index", "Analysis"].map { name in
    .executableTarget(
      name: name,
      dependencies: [
        .product(name: "JobLens", package: root),
        .product(name: "Benchmark", package: "benchmark"),
      ],
      path: name,
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")])
  },
  swiftLanguageModes: [.v6]
)
