import Foundation
import Testing
import ZIPFoundation
@testable import Ingest

/// A fresh folder under the system temporary folder, removed when released.
final class TemporaryFolder {
    let url: URL

    init() throws {
        let base = FileManager.default.temporaryDirectory
            .appendingPathComponent("ingest-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        url = base.resolvingSymlinksInPath()
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    @discardableResult
    func write(_ relativePath: String, _ bytes: [UInt8]) throws -> URL {
        let file = url.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: file)
        return file
    }

    @discardableResult
    func write(_ relativePath: String, _ text: String) throws -> URL {
        try write(relativePath, Array(text.utf8))
    }

    func folder(_ relativePath: String) throws -> URL {
        let folder = url.appendingPathComponent(relativePath, isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    func link(_ relativePath: String, to destination: String) throws {
        let link = url.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: link.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: destination)
    }
}

/// A zip archive written with ZIPFoundation, entries deflated unless said otherwise.
func makeZip(_ entries: [(String, [UInt8])], method: CompressionMethod = .deflate) throws -> [UInt8] {
    let archive = try Archive(data: Data(), accessMode: .create)
    for (path, bytes) in entries {
        let data = Data(bytes)
        try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count),
                             modificationDate: Date(timeIntervalSince1970: 1_700_000_000),
                             compressionMethod: method, provider: { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        })
    }
    return [UInt8](try #require(archive.data))
}

func makeZip(_ entries: [(String, String)], method: CompressionMethod = .deflate) throws -> [UInt8] {
    try makeZip(entries.map { ($0.0, Array($0.1.utf8)) }, method: method)
}

/// The error `body` throws, or nil (with a recorded issue) when it succeeds.
func ingestError(_ body: () throws(IngestError) -> Essay, sourceLocation: SourceLocation = #_sourceLocation) -> IngestError? {
    do {
        let essay = try body()
        Issue.record("expected an IngestError, got text \(String(reflecting: essay.text))", sourceLocation: sourceLocation)
        return nil
    } catch {
        return error
    }
}

func text(_ markup: String, as format: EssayFormat) throws -> String {
    try EssayReader.read(bytes: Array(markup.utf8), format: format, name: "sample\(format.displayExtension)").text
}
