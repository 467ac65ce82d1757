import Foundation
import Rubrics

/// A copy of the photosynthesis example set in a temporary folder, for tests that
/// break one file and look at what the loader says.
struct RubricSetFixture {
    let folder: URL

    /// The example set shipped in Rubrics/examples, found from this source file.
    static let exampleSet = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Rubrics/examples/photosynthesis")

    init() throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("rubric-fixture-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Self.exampleSet, to: folder)
    }

    func url(_ name: String) -> URL { folder.appendingPathComponent(name) }

    func read(_ name: String) throws -> String { try String(contentsOf: url(name), encoding: .utf8) }

    func write(_ name: String, _ text: String) throws {
        try text.write(to: url(name), atomically: true, encoding: .utf8)
    }

    /// Replaces `old` (which must occur) with `new` in a file.
    func replace(in name: String, _ old: String, with new: String) throws {
        let text = try read(name)
        precondition(text.contains(old), "fixture text not found: \(old)")
        try write(name, text.replacingOccurrences(of: old, with: new))
    }

    /// The 1-based line of the first line containing `needle`.
    func line(of needle: String, in name: String) throws -> Int {
        let lines = try read(name).components(separatedBy: "\n")
        return (lines.firstIndex { $0.contains(needle) } ?? -1) + 1
    }

    func check() -> RubricSetLoader.CheckOutcome { RubricSetLoader().check(folder) }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}
