/// An essay after analysis: its bytes, tokens, sentences and claim flags.
/// Token forms are ids in the `FormTable` of the analyzer that produced it.
public struct AnalyzedText: Sendable {
    /// The original UTF-8 bytes; every offset points into these.
    public let bytes: [UInt8]
    public internal(set) var tokens: [Token]
    public internal(set) var sentences: [Sentence]
    /// For each token, the index of its sentence.
    public internal(set) var sentenceOfToken: [Int32]
    /// For each token, how many word-like tokens come before it: "within N words" is a
    /// difference of these.
    public internal(set) var wordPosition: [Int32]

    public var wordCount: Int { tokens.reduce(0) { $0 + ($1.isWordLike ? 1 : 0) } }

    /// The original text of a byte range.
    public func text(_ range: Range<Int>) -> String {
        let clamped = max(0, range.lowerBound)..<min(bytes.count, max(range.lowerBound, range.upperBound))
        return String(decoding: bytes[clamped], as: UTF8.self)
    }

    public func text(of sentence: Sentence) -> String { text(sentence.bytes) }
}

/// Turns UTF-8 text into an `AnalyzedText`. Keeps a `FormTable` across calls, so
/// use one analyzer per thread and reuse it: each distinct word is interned and
/// stemmed once.
public final class TextAnalyzer {
    public let forms: FormTable
    private var tokenizer: Tokenizer

    public init(forms: FormTable = FormTable()) {
        self.forms = forms
        self.tokenizer = Tokenizer(forms: forms)
    }

    public func analyze(_ text: String) -> AnalyzedText { analyze(Array(text.utf8)) }

    public func analyze(_ bytes: [UInt8]) -> AnalyzedText {
        var tokens: [Token] = []
        tokens.reserveCapacity(bytes.count / 4)
        bytes.withUnsafeBufferPointer { tokenizer.tokenize($0, into: &tokens) }
        let sentences = SentenceSplitter.split(tokens, forms: forms)
        AssertionScopes.mark(&tokens, sentences: sentences, forms: forms)

        var sentenceOfToken = [Int32](repeating: 0, count: tokens.count)
        for (index, sentence) in sentences.enumerated() {
            for position in sentence.tokens { sentenceOfToken[position] = Int32(index) }
        }
        var wordPosition = [Int32](repeating: 0, count: tokens.count)
        var words: Int32 = 0
        for index in tokens.indices {
            wordPosition[index] = words
            if tokens[index].isWordLike { words += 1 }
        }
        return AnalyzedText(bytes: bytes, tokens: tokens, sentences: sentences,
                            sentenceOfToken: sentenceOfToken, wordPosition: wordPosition)
    }

    /// Tokenizes a rubric term ("the Soviet Union") the same way as essays, so that
    /// terms and essays meet on the same forms.
    public func termTokens(_ text: String) -> [Token] {
        var tokens: [Token] = []
        Array(text.utf8).withUnsafeBufferPointer { tokenizer.tokenize($0, into: &tokens) }
        return tokens.filter { $0.kind == .word || $0.kind == .number || $0.kind == .clitic }
    }
}
