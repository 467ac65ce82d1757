import Foundation
import Testing
@testable import XMLSupport

/// A fresh folder under the system temporary folder, removed when released.
final class TemporaryFolder {
    let url: URL

    init() throws {
        let base = FileManager.default.temporaryDirectory
            .appendingPathComponent("xmlsupport-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        // Resolve symlinks (/tmp on some systems) so that paths compare plainly.
        url = base.resolvingSymlinksInPath()
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    @discardableResult
    func write(_ relativePath: String, _ text: String) throws -> URL {
        let file = url.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
        return file
    }
}

/// The failure thrown by `body`, or nil (and a recorded issue) when it did not fail.
func failure(
    sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void
) -> XMLFailure? {
    do {
        try body()
        Issue.record("expected an XMLFailure", sourceLocation: sourceLocation)
        return nil
    } catch let error as XMLFailure {
        return error
    } catch {
        Issue.record("expected an XMLFailure, got \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

func parse(_ text: String, name: String = "test.xml", options: XMLParseOptions = .init()) throws(XMLFailure) -> ParsedXML {
    try ParsedXML.parse(bytes: Array(text.utf8), name: name, options: options)
}

extension NSLock {
    func locked<T>(_ body: () throws -> T) rethrows -> T {
        lock()
        defer { unlock() }
        return try body()
    }
}
