/// The formats one essay's report can be rendered in.
public enum ReportFormat: String, CaseIterable, Sendable {
    /// Plain text for a terminal: the student's self-check and the default `grade` output.
    case text
    /// The report contract, valid against `Rubrics/schema/report.xsd`.
    case xml
    /// The same facts as the XML, as pretty-printed JSON with a fixed key order.
    case json
    /// A self-contained page (inline CSS, no scripts) with the evidence highlighted in the essay.
    case html

    /// The file name extension for a report in this format (without the dot).
    public var fileExtension: String {
        switch self {
        case .text: return "txt"
        case .xml: return "xml"
        case .json: return "json"
        case .html: return "html"
        }
    }
}

/// Choices that change how a report looks, never what it says.
public struct ReportRenderOptions: Sendable, Hashable {
    /// ANSI colour in the text format. The CLI turns it on only when stdout is a terminal.
    public var color: Bool
    /// The text format wraps its lines to this many columns (at least 40).
    public var lineWidth: Int

    public init(color: Bool = false, lineWidth: Int = 80) {
        self.color = color
        self.lineWidth = max(40, lineWidth)
    }
}
