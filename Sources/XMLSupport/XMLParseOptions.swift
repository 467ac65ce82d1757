import Foundation

/// How `ParsedXML.parse` treats its input.
///
/// Parsing is always safe for untrusted input: no network access, no DTD loading,
/// no entity expansion (documents that declare entities are refused).
public struct XMLParseOptions: Sendable {
    /// When non-nil, XInclude (`xi:include`, parse="xml" or "text") is processed, and only
    /// files inside this folder (after resolving symlinks and `..`) may be included;
    /// anything else (another folder, /etc/passwd, http:, file: outside, a symlink leading
    /// out, a missing file) is refused with a diagnostic naming the href, the including file
    /// and its line. When nil, `xi:include` elements stay ordinary elements in the tree.
    ///
    /// For `parse(bytes:name:)`, relative hrefs resolve against this folder.
    public var xincludeRoot: URL?
    /// Inputs larger than this are refused before parsing (default 64 MiB). With XInclude,
    /// it also bounds each included file and the total size of all included content.
    public var maxBytes: Int
    /// Whether element locations get exact start-tag lines and columns (found in the
    /// source). Without it an element's line is libxml2's (where its start tag ends) and
    /// its column 0: cheaper, for loads whose locations will only be shown if something
    /// is wrong (reload with it then).
    public var locatesColumns: Bool

    public init(xincludeRoot: URL? = nil, maxBytes: Int = 64 << 20, locatesColumns: Bool = true) {
        self.xincludeRoot = xincludeRoot
        self.maxBytes = maxBytes
        self.locatesColumns = locatesColumns
    }
}
