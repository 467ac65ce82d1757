/// Splits UTF-8 text into tokens with byte offsets into the original bytes.
///
/// - Words: letters and digits; accents folded and case lowered in the normalized form.
/// - Clitics split off: "Kennedy's" -> kennedy 's, "didn't" -> did n't, "Soviets'" -> soviets '.
/// - Hyphens split words ("Sino-Soviet" -> sino soviet, the second flagged `hyphenated`),
///   except a hyphen at a line break, which is repaired ("with-\ndrawal" -> withdrawal).
/// - "U.S." and "U.S.S.R." are one token each; "1,000", "17:1" and "1960s" are one number each.
/// - Line-start markers ("-", "*", "•", "1.", "a)", "#") become bullet and heading tokens.
struct Tokenizer {
    let forms: FormTable
    private var scratch: [UInt8] = []

    init(forms: FormTable) {
        self.forms = forms
        scratch.reserveCapacity(64)
    }

    mutating func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, into tokens: inout [Token]) {
        var index = 0
        var lineStart = true
        var paragraphStart = true
        var spaceBefore = true
        var pendingHyphen = false
        let count = bytes.count

        func lineFlags() -> TokenFlags {
            var flags: TokenFlags = []
            if lineStart { flags.insert(.lineStart) }
            if paragraphStart { flags.insert(.paragraphStart) }
            if spaceBefore { flags.insert(.spaceBefore) }
            return flags
        }

        while index < count {
            let (scalar, length) = decodeScalar(bytes, at: index)
            let characterClass = CharacterClass.of(scalar)
            switch characterClass {
            case .space:
                spaceBefore = true
                pendingHyphen = false
                index += length
            case .newline:
                // "\r\n" is one line break; a line holding only spaces is blank.
                if scalar == 0x0D, index + 1 < count, bytes[index + 1] == 0x0A { index += 1 }
                if lineStart { paragraphStart = true }
                lineStart = true
                spaceBefore = true
                pendingHyphen = false
                index += length
            case .ignorable, .combiningMark:
                index += length
            case .letter, .digit:
                var flags = lineFlags()
                if pendingHyphen { flags.insert(.hyphenated) }
                if lineStart, let end = listMarkerEnd(bytes, at: index, count: count) {
                    emitPunctuation(.bullet, bytes, index..<end, flags: flags, into: &tokens)
                    index = end
                } else {
                    index = scanWord(bytes, from: index, flags: flags, into: &tokens, hyphenFollows: &pendingHyphen)
                    spaceBefore = false
                    lineStart = false
                    paragraphStart = false
                    continue
                }
                lineStart = false
                paragraphStart = false
                spaceBefore = false
            case .apostrophe:
                emitPunctuation(.quote, bytes, index..<index + length, flags: lineFlags(), into: &tokens)
                index += length
                lineStart = false
                paragraphStart = false
                spaceBefore = false
                pendingHyphen = false
            case .punctuation(let kind):
                var end = index + length
                var punctuation = kind
                if lineStart, let markerEnd = lineMarkerEnd(bytes, at: index, scalar: scalar, kind: kind, count: count) {
                    punctuation = scalar == UInt32(UInt8(ascii: "#")) ? .heading : .bullet
                    end = markerEnd
                } else {
                    (punctuation, end) = extendPunctuation(bytes, at: index, length: length, kind: kind, count: count)
                }
                if punctuation == .other || punctuation == .dash, let word = standaloneConjunction(bytes, index, end, count, spaceBefore) {
                    tokens.append(Token(start: Int32(index), end: Int32(end), form: forms.intern(word), kind: .word, flags: lineFlags()))
                } else {
                    emitPunctuation(punctuation, bytes, index..<end, flags: lineFlags(), into: &tokens)
                }
                index = end
                lineStart = false
                paragraphStart = false
                spaceBefore = false
                pendingHyphen = false
            case .symbol:
                emitPunctuation(.none, bytes, index..<index + length, flags: lineFlags(), kind: .symbol, into: &tokens)
                index += length
                lineStart = false
                paragraphStart = false
                spaceBefore = false
                pendingHyphen = false
            }
        }
    }

    // MARK: - Words

    /// Scans a word or number starting at `start`; returns where scanning stopped.
    /// Sets `hyphenFollows` when the word ended at a joining hyphen.
    private mutating func scanWord(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, flags startFlags: TokenFlags,
        into tokens: inout [Token], hyphenFollows: inout Bool
    ) -> Int {
        if let end = acronymEnd(bytes, from: start) {
            return emitAcronym(bytes, start..<end, flags: startFlags, into: &tokens)
        }
        scratch.removeAll(keepingCapacity: true)
        let count = bytes.count
        var index = start
        var letters = 0
        var uppers = 0
        var firstUpper = false
        var isNumber = bytes[start] >= 0x30 && bytes[start] <= 0x39
        var wordEnd: Int?
        hyphenFollows = false

        scan: while index < count {
            let (scalar, length) = decodeScalar(bytes, at: index)
            switch CharacterClass.of(scalar) {
            case .letter:
                if scalar < 0x80 {
                    let byte = UInt8(scalar)
                    let isUpper = byte >= 0x41 && byte <= 0x5A
                    if isUpper { uppers += 1 }
                    if letters == 0 && scratch.isEmpty { firstUpper = isUpper }
                    scratch.append(isUpper ? byte + 32 : byte)
                } else if scalar >= 0xC0 && scalar < 0x180 {
                    if isUpperLatin1(scalar) { uppers += 1 }
                    if letters == 0 && scratch.isEmpty { firstUpper = isUpperLatin1(scalar) }
                    scratch.append(contentsOf: latinFolding[Int(scalar) - 0xC0].utf8)
                } else {
                    for offset in 0..<length { scratch.append(bytes[index + offset]) }
                }
                letters += 1
                if isNumber && scalar >= 0x80 { isNumber = false }
                index += length
            case .digit:
                scratch.append(UInt8(truncatingIfNeeded: scalar))
                index += length
            case .ignorable, .combiningMark:
                index += length
            case .apostrophe:
                if let next = clitic(bytes, apostropheAt: index, apostropheLength: length) {
                    return emitWordAndClitic(bytes, start: start, apostrophe: index, clitic: next,
                                             flags: wordFlags(startFlags, letters, uppers, firstUpper),
                                             isNumber: isNumber, into: &tokens)
                }
                // An apostrophe inside a name ("O'Neill") stays in the word.
                if index + length < count, isLetter(bytes, at: index + length) {
                    scratch.append(UInt8(ascii: "'"))
                    index += length
                } else {
                    break scan
                }
            case .punctuation(let kind):
                if kind == .dash, scalar == 0x2D || scalar == 0x2010 || scalar == 0x2011 {
                    // "with-\n  drawal": a word broken at a line end.
                    if let resume = hyphenationResume(bytes, after: index + length) {
                        index = resume
                        continue scan
                    }
                    if index + length < count, isLetterOrDigit(bytes, at: index + length) {
                        // "Sino-Soviet": the hyphen is consumed, not a token; the next word is flagged.
                        hyphenFollows = true
                        wordEnd = index
                        index += length
                    }
                    break scan
                }
                // "1,000" "3.5" "17:1": separators between digits.
                if isNumber, kind == .comma || kind == .period || kind == .colon,
                   index + 1 < count, bytes[index + 1] >= 0x30, bytes[index + 1] <= 0x39,
                   let last = scratch.last, last >= 0x30, last <= 0x39 {
                    scratch.append(bytes[index])
                    index += length
                    continue scan
                }
                break scan
            default:
                break scan
            }
        }
        var flags = wordFlags(startFlags, letters, uppers, firstUpper)
        if isNumber { flags.remove([.capitalized, .allCaps]) }
        tokens.append(Token(start: Int32(start), end: Int32(wordEnd ?? index), form: forms.intern(scratch),
                            kind: isNumber ? .number : .word, flags: flags))
        return index
    }

    private func wordFlags(_ flags: TokenFlags, _ letters: Int, _ uppers: Int, _ firstUpper: Bool) -> TokenFlags {
        var result = flags
        if firstUpper { result.insert(.capitalized) }
        if letters >= 2 && uppers == letters { result.insert(.allCaps) }
        return result
    }

    /// The clitic after an apostrophe inside a word, if it is one: 's 're 've 'll 'd 'm, n't.
    private func clitic(_ bytes: UnsafeBufferPointer<UInt8>, apostropheAt index: Int, apostropheLength: Int) -> ClosedRange<Int>? {
        let count = bytes.count
        var end = index + apostropheLength
        while end < count, isASCIILetter(bytes[end]) { end += 1 }
        let suffixLength = end - index - apostropheLength
        guard suffixLength > 0, suffixLength <= 2 else {
            // "Soviets' missiles": a possessive apostrophe with no letters after it.
            if suffixLength == 0, index > 0, bytes[index - 1] | 0x20 == UInt8(ascii: "s") {
                return index...(index + apostropheLength - 1)
            }
            return nil
        }
        if end < count, isLetterOrDigit(bytes, at: end) { return nil }
        var suffix: [UInt8] = []
        for offset in (index + apostropheLength)..<end { suffix.append(bytes[offset] | 0x20) }
        switch suffix {
        case [UInt8(ascii: "t")]:
            // n't: the n belongs to the clitic ("did|n't").
            if index > 0, bytes[index - 1] | 0x20 == UInt8(ascii: "n") { return (index - 1)...(end - 1) }
            return nil
        case [UInt8(ascii: "s")], [UInt8(ascii: "d")], [UInt8(ascii: "m")],
             [UInt8(ascii: "r"), UInt8(ascii: "e")], [UInt8(ascii: "v"), UInt8(ascii: "e")],
             [UInt8(ascii: "l"), UInt8(ascii: "l")]:
            return index...(end - 1)
        default:
            return nil
        }
    }

    private mutating func emitWordAndClitic(
        _ bytes: UnsafeBufferPointer<UInt8>, start: Int, apostrophe: Int, clitic: ClosedRange<Int>,
        flags: TokenFlags, isNumber: Bool, into tokens: inout [Token]
    ) -> Int {
        let isNegation = clitic.lowerBound < apostrophe
        if isNegation, !scratch.isEmpty { scratch.removeLast() }  // the n of n't
        // can't -> ca n't -> can; won't -> wo n't -> will; shan't -> sha n't -> shall.
        switch scratch {
        case [UInt8(ascii: "c"), UInt8(ascii: "a")] where isNegation: scratch = Array("can".utf8)
        case [UInt8(ascii: "w"), UInt8(ascii: "o")] where isNegation: scratch = Array("will".utf8)
        case [UInt8(ascii: "s"), UInt8(ascii: "h"), UInt8(ascii: "a")] where isNegation: scratch = Array("shall".utf8)
        default: break
        }
        if !scratch.isEmpty {
            tokens.append(Token(start: Int32(start), end: Int32(clitic.lowerBound), form: forms.intern(scratch),
                                kind: isNumber ? .number : .word, flags: flags))
        }
        var form: [UInt8] = isNegation ? Array("n't".utf8) : [UInt8(ascii: "'")]
        if !isNegation {
            for offset in (apostrophe + 1)..<(clitic.upperBound + 1) where isASCIILetter(bytes[offset]) {
                form.append(bytes[offset] | 0x20)
            }
        }
        tokens.append(Token(start: Int32(clitic.lowerBound), end: Int32(clitic.upperBound + 1),
                            form: forms.intern(form), kind: .clitic))
        return clitic.upperBound + 1
    }

    /// "U.S.", "U.S.S.R", "e.g.": single letters each followed by a period, at least two
    /// letters in all (a last letter may lack its period).
    private func acronymEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let count = bytes.count
        var index = start
        var letters = 0
        while index + 1 < count, isASCIILetter(bytes[index]), bytes[index + 1] == UInt8(ascii: ".") {
            letters += 1
            index += 2
        }
        guard letters >= 1 else { return nil }
        if index < count, isASCIILetter(bytes[index]),
           index + 1 >= count || !(isASCIILetter(bytes[index + 1]) || isDigit(bytes[index + 1])) {
            return index + 1
        }
        return letters >= 2 ? index : nil
    }

    private mutating func emitAcronym(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, flags: TokenFlags, into tokens: inout [Token]) -> Int {
        scratch.removeAll(keepingCapacity: true)
        var uppers = 0
        for index in range where isASCIILetter(bytes[index]) {
            if bytes[index] < 0x61 { uppers += 1 }
            scratch.append(bytes[index] | 0x20)
        }
        var tokenFlags = flags
        tokenFlags.insert(.acronym)
        if uppers == scratch.count { tokenFlags.insert([.allCaps, .capitalized]) }
        tokens.append(Token(start: Int32(range.lowerBound), end: Int32(range.upperBound), form: forms.intern(scratch),
                            kind: .word, flags: tokenFlags))
        return range.upperBound
    }

    /// After "-" at a line end followed by a lower-case word, where the word resumes.
    private func hyphenationResume(_ bytes: UnsafeBufferPointer<UInt8>, after index: Int) -> Int? {
        var position = index
        let count = bytes.count
        while position < count, bytes[position] == 0x20 || bytes[position] == 0x09 { position += 1 }
        guard position < count, bytes[position] == 0x0A || bytes[position] == 0x0D else { return nil }
        if bytes[position] == 0x0D, position + 1 < count, bytes[position + 1] == 0x0A { position += 1 }
        position += 1
        while position < count, bytes[position] == 0x20 || bytes[position] == 0x09 { position += 1 }
        guard position < count, bytes[position] >= 0x61, bytes[position] <= 0x7A else { return nil }
        return position
    }

    // MARK: - Punctuation and markers

    private mutating func emitPunctuation(
        _ punctuation: PunctuationKind, _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>,
        flags: TokenFlags, kind: TokenKind = .punctuation, into tokens: inout [Token]
    ) {
        scratch.removeAll(keepingCapacity: true)
        for index in range { scratch.append(bytes[index]) }
        tokens.append(Token(start: Int32(range.lowerBound), end: Int32(range.upperBound), form: forms.intern(scratch),
                            kind: kind, punctuation: punctuation, flags: flags))
    }

    /// Groups "..." and "?!" and makes "->", "=>" arrows.
    private func extendPunctuation(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, length: Int, kind: PunctuationKind, count: Int) -> (PunctuationKind, Int) {
        var end = index + length
        let byte = bytes[index]
        if byte == UInt8(ascii: ".") {
            while end < count, bytes[end] == UInt8(ascii: ".") { end += 1 }
            return (end - index >= 3 ? .ellipsis : .period, end - index >= 3 ? end : index + 1)
        }
        if byte == UInt8(ascii: "?") || byte == UInt8(ascii: "!") {
            while end < count, bytes[end] == UInt8(ascii: "?") || bytes[end] == UInt8(ascii: "!") { end += 1 }
            return (kind, end)
        }
        if (byte == UInt8(ascii: "-") || byte == UInt8(ascii: "=")), end < count, bytes[end] == UInt8(ascii: ">") {
            return (.arrow, end + 1)
        }
        if byte == UInt8(ascii: "-") {
            while end < count, bytes[end] == UInt8(ascii: "-") { end += 1 }
            return (.dash, end)
        }
        return (kind, end)
    }

    /// "&" and a spaced "+" in notes stand for "and".
    private func standaloneConjunction(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ count: Int, _ spaceBefore: Bool) -> [UInt8]? {
        guard end - start == 1 else { return nil }
        let byte = bytes[start]
        let spaceAfter = end >= count || bytes[end] == 0x20 || bytes[end] == 0x0A || bytes[end] == 0x09
        if byte == UInt8(ascii: "&") || (byte == UInt8(ascii: "+") && spaceBefore && spaceAfter) {
            return Array("and".utf8)
        }
        return nil
    }

    /// At a line start: "-", "*", "•", ">" or "#"s followed by a space.
    private func lineMarkerEnd(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, scalar: UInt32, kind: PunctuationKind, count: Int) -> Int? {
        let isMarker = kind == .bullet || kind == .dash
            || scalar == UInt32(UInt8(ascii: "*")) || scalar == UInt32(UInt8(ascii: "#")) || scalar == UInt32(UInt8(ascii: ">"))
        guard isMarker else { return nil }
        var end = index + decodeScalar(bytes, at: index).length
        if scalar == UInt32(UInt8(ascii: "#")) {
            while end < count, bytes[end] == UInt8(ascii: "#") { end += 1 }
        }
        guard end < count, bytes[end] == 0x20 || bytes[end] == 0x09 else { return kind == .bullet ? end : nil }
        return end
    }

    /// At a line start: "1." "12)" "a)" "(b)" followed by a space.
    private func listMarkerEnd(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, count: Int) -> Int? {
        var end = index
        if isDigit(bytes[end]) {
            while end < count, end - index < 2, isDigit(bytes[end]) { end += 1 }
            guard end < count, bytes[end] == UInt8(ascii: ".") || bytes[end] == UInt8(ascii: ")") else { return nil }
        } else if isASCIILetter(bytes[end]), end + 1 < count, bytes[end + 1] == UInt8(ascii: ")") {
            end += 1
        } else {
            return nil
        }
        end += 1
        guard end < count, bytes[end] == 0x20 || bytes[end] == 0x09 else { return nil }
        return end
    }

    // MARK: - Byte tests

    @inline(__always) private func isASCIILetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
    @inline(__always) private func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private func isLetter(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        CharacterClass.of(decodeScalar(bytes, at: index).scalar) == .letter
    }

    private func isLetterOrDigit(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let characterClass = CharacterClass.of(decodeScalar(bytes, at: index).scalar)
        return characterClass == .letter || characterClass == .digit
    }
}
