// swift-tools-version: 6.0
import PackageDescription

// libFuzzer targets for ArgMap's readers, built with the fuzzer and address sanitizers:
//
//   swift build -c release --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address \
//     --scratch-path ../.build-fuzz
//
// (not `--sanitize=fuzzer --sanitize=address`: swift-driver keeps only the last -sanitize=, and
// SwiftPM orders the two at random), or simply `Scripts/fuzz.sh TARGET [RUNS]`. Each target is an executable whose only source file
// exports `LLVMFuzzerTestOneInput`; libFuzzer's runtime supplies `main`. See docs/fuzzing.md.
let package = Package(
  name: "ArgMapFuzz",
  dependencies: [.package(name: "ArgMap", path: "..")],
  targets: [
    // The invariants the targets share: round trips, in-bounds positions, traps with a message.
    .target(
      name: "FuzzSupport",
      dependencies: [.product(name: "ArgumentMap", package: "ArgMap")]
    ),
    .executableTarget(
      name: "fuzz-argmap",
      dependencies: ["FuzzSupport", .product(name: "ArgumentMap", package: "ArgMap")]
    ),
    .executableTarget(
      name: "fuzz-json",
      dependencies: ["FuzzSupport", .product(name: "ArgumentMap", package: "ArgMap")]
    ),
    .executableTarget(
      name: "fuzz-argdown",
      dependencies: [
        "FuzzSupport", .product(name: "ArgumentMap", package: "ArgMap"),
        .product(name: "ArgumentInterchange", package: "ArgMap"),
      ]
    ),
    .executableTarget(
      name: "fuzz-aif",
      dependencies: [
        "FuzzSupport", .product(name: "ArgumentMap", package: "ArgMap"),
        .product(name: "ArgumentInterchange", package: "ArgMap"),
      ]
    ),
    .executableTarget(
      name: "fuzz-framework",
      dependencies: [
        "FuzzSupport", .product(name: "ArgumentMap", package: "ArgMap"),
        .product(name: "ArgumentInterchange", package: "ArgMap"),
      ]
    ),
    .executableTarget(
      name: "fuzz-kialo",
      dependencies: [
        "FuzzSupport", .product(name: "ArgumentMap", package: "ArgMap"),
        .product(name: "ArgumentInterchange", package: "ArgMap"),
      ]
    ),
    .executableTarget(
      name: "fuzz-markdown",
      dependencies: [
        "FuzzSupport", .product(name: "ArgumentMap", package: "ArgMap"),
        .product(name: "LessonNotes", package: "ArgMap"),
      ]
    ),
  ]
)
