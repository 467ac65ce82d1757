/// Where a very long essay is cut to be graded in sections: at blank lines (always
/// sentence breaks), else after a sentence's final punctuation, else at a space, never
/// inside a UTF-8 character. Essays up to `sectionBytes` are one section: everything a
/// student writes is graded whole; only a text of book length is cut, where a pronoun or
/// a two-sentence point across a cut is all that can be lost.
enum EssaySections {
    static let sectionBytes = 256 * 1024
    /// How far back from the target a cut is looked for.
    static let searchBytes = 64 * 1024

    static func split(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        guard bytes.count > sectionBytes else { return [0..<bytes.count] }
        var sections: [Range<Int>] = []
        var start = 0
        while bytes.count - start > sectionBytes {
            let cut = cutPoint(bytes, before: start + sectionBytes, after: start)
            sections.append(start..<cut)
            start = cut
        }
        sections.append(start..<bytes.count)
        return sections
    }

    /// A cut between `after` and `target`: the start of the next section.
    private static func cutPoint(_ bytes: UnsafeBufferPointer<UInt8>, before target: Int, after: Int) -> Int {
        let floor = max(after + 1, target - searchBytes)
        // A blank line: the cut goes after it.
        var position = target
        while position > floor {
            if bytes[position - 1] == 0x0A, position >= 2, bytes[position - 2] == 0x0A
                || (bytes[position - 2] == 0x0D && position >= 3 && bytes[position - 3] == 0x0A) {
                return position
            }
            position -= 1
        }
        // ". " / "? " / "! " then a capital letter.
        position = target
        while position > floor + 2 {
            let mark = bytes[position - 2]
            if bytes[position - 1] == 0x20, mark == 0x2E || mark == 0x3F || mark == 0x21,
               bytes[position] >= 0x41, bytes[position] <= 0x5A {
                return position
            }
            position -= 1
        }
        // Any space or line break.
        position = target
        while position > floor {
            if bytes[position - 1] == 0x20 || bytes[position - 1] == 0x0A { return position }
            position -= 1
        }
        // Not inside a UTF-8 character.
        position = target
        while position > after + 1, bytes[position] & 0xC0 == 0x80 { position -= 1 }
        return position
    }
}

extension Evidence {
    /// The same evidence found in a section that starts `bytes` bytes and `sentences`
    /// sentences into the essay.
    func shifted(bytes: Int, sentences: Int) -> Evidence {
        guard bytes != 0 || sentences != 0 else { return self }
        return Evidence(sentence: sentence + sentences,
                        byteRange: (byteRange.lowerBound + bytes)..<(byteRange.upperBound + bytes),
                        text: text, sentenceText: sentenceText,
                        sentenceByteRange: (sentenceByteRange.lowerBound + bytes)..<(sentenceByteRange.upperBound + bytes))
    }
}

extension SlipFinding {
    func shifted(bytes: Int, sentences: Int) -> SlipFinding {
        var shifted = self
        shifted.evidence = evidence.shifted(bytes: bytes, sentences: sentences)
        return shifted
    }
}
