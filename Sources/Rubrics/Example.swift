/// A sentence a rule must match (with the expected evidence span) or must not.
public struct RuleExample: Sendable, Hashable {
    public var text: String
    /// True for `<example>`, false for `<counterexample>`.
    public var expectsMatch: Bool
    /// The span marked with `<m>`, as UTF-8 byte offsets into `text`.
    public var mark: Range<Int>?
    public var location: SourceLocation

    public init(text: String, expectsMatch: Bool, mark: Range<Int>? = nil, location: SourceLocation) {
        self.text = text
        self.expectsMatch = expectsMatch
        self.mark = mark
        self.location = location
    }

    /// The marked text, if any.
    public var markedText: String? {
        guard let mark else { return nil }
        let bytes = Array(text.utf8)
        return String(decoding: bytes[mark], as: UTF8.self)
    }
}
