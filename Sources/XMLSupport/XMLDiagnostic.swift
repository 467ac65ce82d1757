/// One problem found in an XML file; printed as `file:line:column: message`.
///
/// Lines and columns are 1-based; 0 means unknown. Columns count Unicode scalar
/// values (code points) from the start of the line, a tab counting as one, which is
/// also how libxml2 counts the columns it reports for parser errors.
public struct XMLDiagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable {
        case warning, error
    }

    /// The path or name of the file, as given by the caller (or derived from it for
    /// files reached through XInclude).
    public var file: String
    /// 1-based; 0 when unknown.
    public var line: Int
    /// 1-based, in code points; 0 when unknown.
    public var column: Int
    /// Readable, one line, no trailing newline.
    public var message: String
    public var severity: Severity

    public init(file: String, line: Int = 0, column: Int = 0, message: String, severity: Severity = .error) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.severity = severity
    }

    /// `file:line:column: message`; `:column` is left out when 0, and `:line`
    /// (and with it the column) when the line is 0.
    public var description: String {
        var text = file
        if line > 0 {
            text += ":\(line)"
            if column > 0 { text += ":\(column)" }
        }
        return text + ": " + message
    }
}

/// Parsing or loading failed; carries every diagnostic collected.
public struct XMLFailure: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [XMLDiagnostic]

    public init(diagnostics: [XMLDiagnostic]) {
        self.diagnostics = diagnostics
    }

    /// A failure carrying one error.
    init(file: String, line: Int = 0, column: Int = 0, _ message: String) {
        self.diagnostics = [XMLDiagnostic(file: file, line: line, column: column, message: message)]
    }

    /// One diagnostic a line.
    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
