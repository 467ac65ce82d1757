// swift-tools-version: 6.1
import PackageDescription

/// Release builds of the hot modules skip run-time exclusivity checks (about 6% of
/// grading time); debug builds and the tests keep them.
let hotPath: [SwiftSetting] = [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]

let package = Package(
    name: "essay-grader",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "essay-grader", targets: ["essay-grader"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // The only C dependency: libxml2, reached through one internal layer (XMLSupport).
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(name: "XMLSupport", dependencies: ["CLibXML2"]),
        .target(name: "TextAnalysis", resources: [.copy("Resources")], swiftSettings: hotPath),
        .target(name: "Rubrics", dependencies: ["XMLSupport", "BundledRubrics"]),
        // The bundled rubric sets and schemas, shipped as resources so that any
        // working directory finds them.
        .target(
            name: "BundledRubrics",
            path: "Rubrics",
            exclude: ["README.md", "examples"],
            sources: ["BundledRubrics.swift"],
            resources: [.copy("schema"), .copy("cuban-missile-crisis")]
        ),
        .target(name: "Grading", dependencies: ["Rubrics", "TextAnalysis"], swiftSettings: hotPath),
        .target(name: "Reports", dependencies: ["Grading", "Rubrics", "XMLSupport"]),
        .target(
            name: "Ingest",
            dependencies: ["XMLSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .executableTarget(
            name: "essay-grader",
            dependencies: [
                "Rubrics", "BundledRubrics", "Grading", "Reports", "Ingest", "TextAnalysis",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "XMLSupportTests", dependencies: ["XMLSupport"]),
        .testTarget(name: "TextAnalysisTests", dependencies: ["TextAnalysis"], resources: [.copy("Resources")]),
        .testTarget(name: "RubricsTests", dependencies: ["Rubrics", "BundledRubrics"]),
        .testTarget(name: "GradingTests", dependencies: ["Grading", "Rubrics", "BundledRubrics", "TextAnalysis"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "Grading", "Rubrics", "BundledRubrics", "XMLSupport"]),
        .testTarget(name: "IngestTests", dependencies: ["Ingest"]),
        .testTarget(name: "CLITests", dependencies: ["essay-grader", "XMLSupport", "BundledRubrics"], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
