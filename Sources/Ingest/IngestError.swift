/// Why a file could not be read as an essay, in one line a teacher understands:
/// `essays/x.docx: not a .docx file (not a zip archive)`.
public struct IngestError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file's display name (or path, for files and folders the collector met).
    public var file: String
    /// What went wrong; one line, no trailing period.
    public var reason: String

    public init(file: String, reason: String) {
        self.file = file
        self.reason = reason
    }

    /// `file: reason`.
    public var description: String { "\(file): \(reason)" }
}
