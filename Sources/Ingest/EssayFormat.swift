/// The file formats an essay can be read from.
public enum EssayFormat: String, CaseIterable, Sendable, Hashable {
    case text, markdown, docx, odt, html

    /// The format for a file name extension (without the dot), case-insensitively:
    /// txt, text → text; md, markdown → markdown; docx; odt; html, htm → html.
    public init?(fileExtension: String) {
        switch fileExtension.lowercased() {
        case "txt", "text": self = .text
        case "md", "markdown": self = .markdown
        case "docx": self = .docx
        case "odt": self = .odt
        case "html", "htm": self = .html
        default: return nil
        }
    }

    /// The usual extension, with the dot: ".txt", ".md", ".docx", ".odt", ".html".
    public var displayExtension: String {
        switch self {
        case .text: ".txt"
        case .markdown: ".md"
        case .docx: ".docx"
        case .odt: ".odt"
        case .html: ".html"
        }
    }
}
