import TextAnalysis

/// The words that rubric terms are made of. Essay words meet them by stem (or by
/// exact form for `stem="no"` terms), or by spelling tolerance for long words.
struct RubricVocabulary: Sendable {
    struct Entry: Sendable {
        /// A stem, or a normalized form for unstemmed terms.
        var key: [UInt8]
        var byStem: Bool
        var fuzzy: Bool
    }

    private(set) var entries: [Entry] = []
    private var stemIndex: [[UInt8]: Int32] = [:]
    private var formIndex: [[UInt8]: Int32] = [:]
    /// Entries open to spelling tolerance, by first byte.
    private var fuzzyByFirstByte: [UInt8: [Int32]] = [:]

    /// Shortest key that spelling tolerance applies to; longer keys allow two edits.
    static let fuzzyMinimumLength = 5
    static let twoEditMinimumLength = 8

    mutating func entry(key: [UInt8], byStem: Bool, fuzzy: Bool) -> Int32 {
        if let existing = byStem ? stemIndex[key] : formIndex[key] {
            if fuzzy && !entries[Int(existing)].fuzzy { markFuzzy(existing) }
            return existing
        }
        let id = Int32(entries.count)
        entries.append(Entry(key: key, byStem: byStem, fuzzy: false))
        if byStem { stemIndex[key] = id } else { formIndex[key] = id }
        if fuzzy { markFuzzy(id) }
        return id
    }

    private mutating func markFuzzy(_ id: Int32) {
        let key = entries[Int(id)].key
        guard key.count >= Self.fuzzyMinimumLength, key.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return }
        entries[Int(id)].fuzzy = true
        fuzzyByFirstByte[key[0], default: []].append(id)
    }

    /// Every entry an essay word meets: by stem, by form, else by spelling tolerance.
    func matches(form: ArraySlice<UInt8>, stem: ArraySlice<UInt8>, isFunctionWord: Bool, words: EnglishWordList) -> [Int32] {
        var result: [Int32] = []
        if let id = stemIndex[Array(stem)] { result.append(id) }
        if let id = formIndex[Array(form)], !result.contains(id) { result.append(id) }
        if !result.isEmpty || isFunctionWord { return result }
        guard stem.count >= Self.fuzzyMinimumLength, let first = stem.first,
              stem.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }), !words.contains(form),
              let candidates = fuzzyByFirstByte[first] else { return result }
        for id in candidates {
            let key = entries[Int(id)].key
            let limit = key.count >= Self.twoEditMinimumLength ? 2 : 1
            if boundedEditDistance(stem, key[...], limit: limit) != nil
                || boundedEditDistance(form, key[...], limit: limit) != nil {
                result.append(id)
            }
        }
        return result
    }
}

/// What case a term word asks of an essay word (for `case="exact"` terms).
enum CaseRequirement: UInt8, Sendable {
    case none, capitalized, allCaps
}

/// One word position of a phrase.
struct PhraseSlot: Sendable, Hashable {
    var entry: Int32
    var caseRequirement: CaseRequirement
    /// Words that may come between the previous slot and this one: "take ... out"
    /// allows `maximumGap` words ("took *their rockets* out").
    var gapBefore: UInt8 = 0

    static let maximumGap: UInt8 = 3
}
