/// What a token is.
public enum TokenKind: UInt8, Sendable {
    case word
    case number
    /// A clitic split off a word: possessive `'s`, `n't`, `'re`, `'ll`...
    case clitic
    case punctuation
    /// Emoji and other symbols: kept for offsets, ignored by matching.
    case symbol
}

/// Which punctuation mark a punctuation token is.
public enum PunctuationKind: UInt8, Sendable {
    case none
    case period, question, exclamation, ellipsis
    case comma, semicolon, colon
    case dash, openBracket, closeBracket, quote, slash, arrow
    /// A list marker at the start of a line: `-`, `*`, `•`, `1.`, `a)`.
    case bullet
    /// A Markdown heading marker at the start of a line: `#`, `##`.
    case heading
    case other

    /// Marks that end a sentence.
    public var isTerminal: Bool { self == .period || self == .question || self == .exclamation || self == .ellipsis }
}

/// Facts about a token, packed for the hot path.
public struct TokenFlags: OptionSet, Sendable, Hashable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// First letter upper case.
    public static let capitalized = TokenFlags(rawValue: 1 << 0)
    /// Two or more letters, all upper case ("US", "USSR", "MAD").
    public static let allCaps = TokenFlags(rawValue: 1 << 1)
    /// First token on its line.
    public static let lineStart = TokenFlags(rawValue: 1 << 2)
    /// First token after a blank line (or of the text).
    public static let paragraphStart = TokenFlags(rawValue: 1 << 3)
    /// Inside a negation's scope ("did not *remove the missiles*", "*war* was avoided").
    public static let negated = TokenFlags(rawValue: 1 << 4)
    /// Called a myth, a mistake, or asked as a question: not the writer's claim.
    public static let disputed = TokenFlags(rawValue: 1 << 5)
    /// Conditional or unrealised: "if the US had invaded", "threatened to invade".
    public static let hypothetical = TokenFlags(rawValue: 1 << 6)
    /// Joined to the previous word by a hyphen ("Sino-*Soviet*").
    public static let hyphenated = TokenFlags(rawValue: 1 << 7)
    /// Written with dots between letters ("U.S.").
    public static let acronym = TokenFlags(rawValue: 1 << 8)
    /// White space (or the start of text) right before the token.
    public static let spaceBefore = TokenFlags(rawValue: 1 << 9)
    /// Hedged: said to be possible ("could send messages", "might invade") or reported as
    /// others' claim ("it is sometimes said that", "some people believe"). A point may
    /// accept it; a slip never triggers on it.
    public static let hedged = TokenFlags(rawValue: 1 << 10)
}

/// One token: a span of the original UTF-8 bytes and its interned normalized form.
public struct Token: Sendable, Hashable {
    /// Byte offsets into the original text.
    public var start: Int32
    public var end: Int32
    /// Id of the normalized form (lower case, accents folded) in the analyzer's `FormTable`.
    public var form: Int32
    public var kind: TokenKind
    public var punctuation: PunctuationKind
    public var flags: TokenFlags

    public init(start: Int32, end: Int32, form: Int32, kind: TokenKind, punctuation: PunctuationKind = .none, flags: TokenFlags = []) {
        self.start = start
        self.end = end
        self.form = form
        self.kind = kind
        self.punctuation = punctuation
        self.flags = flags
    }

    public var byteRange: Range<Int> { Int(start)..<Int(end) }
    /// Words and numbers: what "within N words" counts.
    public var isWordLike: Bool { kind == .word || kind == .number }
}
