// swift-tools-version: 6.0
// A package of its own so that the main build and CI never compile benchmarks.
import PackageDescription

let package = Package(
  name: "IngestBenchmark",
  // run.sh links .checkout/argmap to the repository, so the identity is the same in any clone.
  dependencies: [.package(path: ".checkout/argmap")],
  targets: [
    .executableTarget(
      name: "ingest-benchmark",
      dependencies: [.product(name: "ArgumentMap", package: "argmap")],
      swiftSettings: [.unsafeFlags(["-Ounchecked"])]
    )
  ]
)
