import Foundation

/// What `EssayCollector.collect` found.
public struct EssayCollection: Sendable, Hashable {
    /// Essays to read, in order: by argument, then by relative path (byte order).
    public var files: [EssayFile]
    /// Files that are not essays (other formats, duplicates, links to folders read anyway),
    /// with the reason; not errors. Hidden files and system junk are left out silently.
    public var skipped: [SkippedFile]
    /// Missing paths, unreadable folders, broken links to essays, symbolic link loops.
    public var errors: [IngestError]

    public init(files: [EssayFile] = [], skipped: [SkippedFile] = [], errors: [IngestError] = []) {
        self.files = files
        self.skipped = skipped
        self.errors = errors
    }
}

/// A file to read as an essay.
public struct EssayFile: Sendable, Hashable {
    public var url: URL
    /// The path relative to the folder given ("period2/smith.docx"), or the file's own name
    /// when the file itself was given.
    public var displayName: String
    public var format: EssayFormat

    public init(url: URL, displayName: String, format: EssayFormat) {
        self.url = url
        self.displayName = displayName
        self.format = format
    }
}

/// A file that is not read, and why ("not an essay format (.pdf)").
public struct SkippedFile: Sendable, Hashable {
    public var url: URL
    public var displayName: String
    public var reason: String

    public init(url: URL, displayName: String, reason: String) {
        self.url = url
        self.displayName = displayName
        self.reason = reason
    }
}
