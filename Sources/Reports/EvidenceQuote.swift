import Grading

/// A short quote of evidence for people: the sentence around the matched words,
/// shortened to about `limit` characters at word boundaries, with the matched words
/// located in it so that a renderer can emphasise them.
struct EvidenceQuote {
    /// The quote, whitespace collapsed, with "…" where it was cut.
    var text: String
    /// Where the matched words are in `text`, in characters.
    var match: Range<Int>

    /// The matched words alone (cut at `limit` characters), without their sentence.
    init(matchOf evidence: Evidence, limit: Int = 100) {
        var bare = evidence
        bare.sentenceText = ""
        bare.sentenceByteRange = evidence.byteRange.lowerBound..<evidence.byteRange.lowerBound
        self.init(bare, limit: limit)
    }

    init(_ evidence: Evidence, limit: Int = 100) {
        var before = ""
        var matched = EssaySpan.collapsingWhitespace(evidence.text)
        var after = ""
        let sentence = Array(evidence.sentenceText.utf8)
        let lower = evidence.byteRange.lowerBound - evidence.sentenceByteRange.lowerBound
        let upper = evidence.byteRange.upperBound - evidence.sentenceByteRange.lowerBound
        // Use the sentence only when the offsets really point at the matched text in it.
        if lower >= 0, lower <= upper, upper <= sentence.count,
           !EssaySpan.isContinuation(sentence[safe: lower]), !EssaySpan.isContinuation(sentence[safe: upper]),
           evidence.text.isEmpty || Array(sentence[lower..<upper]) == Array(evidence.text.utf8) {
            before = String(decoding: sentence[..<lower], as: UTF8.self)
            matched = String(decoding: sentence[lower..<upper], as: UTF8.self)
            after = String(decoding: sentence[upper...], as: UTF8.self)
        }
        var head = Array(EssaySpan.collapsingWhitespace(before))
        var body = Array(EssaySpan.collapsingWhitespace(matched))
        var tail = Array(EssaySpan.collapsingWhitespace(after))
        // Trim the whole quote, not its parts.
        if head.isEmpty { while body.first == " " { body.removeFirst() } }
        while head.first == " " { head.removeFirst() }
        if tail.isEmpty { while body.last == " " { body.removeLast() } }
        while tail.last == " " { tail.removeLast() }
        if head.last == " ", body.first == " " { body.removeFirst() }
        if body.last == " ", tail.first == " " { tail.removeFirst() }

        if head.count + body.count + tail.count <= limit {
            text = String(head + body + tail)
            match = head.count..<(head.count + body.count)
            return
        }
        if body.count >= limit - 10 {
            var cut = Array(body.prefix(limit - 1))
            if let space = cut.lastIndex(of: " "), space > limit / 2 { cut = Array(cut[..<space]) }
            text = String(cut) + "…"
            match = 0..<cut.count
            return
        }
        let budget = limit - body.count
        var left = min(head.count, budget / 2)
        let right = min(tail.count, budget - left)
        left = min(head.count, budget - right)
        var shownHead = Array(head.suffix(left))
        if left < head.count {
            // Start at a word: drop the partial word, keep the space before the match.
            if let space = shownHead.firstIndex(of: " "), space < shownHead.count - 1 {
                shownHead = Array(shownHead[(space + 1)...])
            }
            shownHead = ["…"] + shownHead
        }
        var shownTail = Array(tail.prefix(right))
        if right < tail.count {
            if let space = shownTail.lastIndex(of: " "), space > 0 {
                shownTail = Array(shownTail[..<space])
            }
            shownTail += ["…"]
        }
        text = String(shownHead + body + shownTail)
        match = shownHead.count..<(shownHead.count + body.count)
    }
}

extension Array where Element == UInt8 {
    /// The byte at `index`, or 0 past the end (so that the end counts as a boundary).
    subscript(safe index: Int) -> UInt8 {
        index >= 0 && index < count ? self[index] : 0
    }
}
