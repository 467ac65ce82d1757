import Rubrics
import TextAnalysis

/// Evaluates compiled match expressions over one essay. Results are sorted spans;
/// the first is the evidence. Leaves are found once per essay and reused.
struct ExpressionEvaluator {
    let compiled: CompiledRubricSet
    let index: EssayIndex
    /// Slips are stricter than points: something said to be possible ("could invade")
    /// is no claim that it happened.
    let strict: Bool
    /// Each leaf's spans for this essay: with the longest phrase at each start, and with
    /// every phrase. Owned by the session and reused across essays.
    private let longestCache: LeafCache
    private let alternativesCache: LeafCache
    /// Whether leaves return every phrase found, not only the longest at each start.
    private var keepsAlternatives = false
    /// Whether some leaf set a shorter phrase aside for a longer one at the same start.
    private var setAsideAlternatives = false

    /// Most combinations an `all` tries per sentence window, so a pathological rubric
    /// or essay costs bounded time.
    static let combinationBudget = 4096

    /// The essay's arrays this evaluator reads in its loops, held directly: reading them
    /// through `index.text` would copy the struct, and count references, at every step.
    private let tokens: [Token]
    private let sentenceOf: [Int32]
    private let wordPosition: [Int32]

    init(compiled: CompiledRubricSet, index: EssayIndex, strict: Bool, caches: LeafCache.Pair? = nil) {
        self.compiled = compiled
        self.index = index
        self.strict = strict
        tokens = index.text.tokens
        sentenceOf = index.text.sentenceOfToken
        wordPosition = index.text.wordPosition
        let pair = caches ?? LeafCache.Pair(leafCount: compiled.leaves.count)
        pair.longest.prepare(for: index.serial)
        pair.alternatives.prepare(for: index.serial)
        longestCache = pair.longest
        alternativesCache = pair.alternatives
    }

    @inline(__always) private func sentence(of token: Int32) -> Int { Int(sentenceOf[Int(token)]) }

    /// The matches of a rule's expression: with the longest phrase at each start first
    /// (whole words in the evidence); when that finds nothing, again with every phrase,
    /// since a shorter one may be what fits ("American | troops went into").
    mutating func matches(_ node: MatchNode) -> [Span] {
        setAsideAlternatives = false
        let found = evaluate(node)
        guard found.isEmpty, setAsideAlternatives else { return found }
        keepsAlternatives = true
        defer { keepsAlternatives = false }
        return evaluate(node)
    }

    mutating func evaluate(_ node: MatchNode) -> [Span] {
        switch node {
        case .leaf(let id):
            if let cached = keepsAlternatives ? alternativesCache.entry(id) : longestCache.entry(id) {
                if cached.setAside { setAsideAlternatives = true }
                return cached.spans
            }
            let before = setAsideAlternatives
            setAsideAlternatives = false
            let spans = leafSpans(compiled.leaves[id])
            (keepsAlternatives ? alternativesCache : longestCache).store(id, spans: spans, setAside: setAsideAlternatives)
            setAsideAlternatives = setAsideAlternatives || before
            return spans
        case .any(let children):
            var spans: [Span] = []
            for child in children { spans += evaluate(child) }
            return sortedUnique(spans)
        case .all(let all):
            return evaluateAll(all)
        }
    }

    /// The evidence among matches: the earliest sentence, then the tightest span, then the earliest.
    func best(_ spans: [Span]) -> Span? {
        spans.min { lhs, rhs in
            let (left, right) = (sentence(of: lhs.start), sentence(of: rhs.start))
            if left != right { return left < right }
            if lhs.end - lhs.start != rhs.end - rhs.start { return lhs.end - lhs.start < rhs.end - rhs.start }
            return lhs.start < rhs.start
        }
    }

    // MARK: - Leaves

    private mutating func leafSpans(_ leaf: Leaf) -> [Span] {
        var spans: [Span] = []
        let exceptions = leaf.exceptions.isEmpty ? [] : leaf.exceptions.flatMap { index.spans(of: $0) }.sorted()
        for phrase in leaf.phrases {
            let opensWithNegation = compiled.phraseOpensWithNegation[Int(phrase)]
            for span in index.spans(of: phrase) {
                // "without a shot" is affirmed as a whole unless its "without" is itself negated.
                let checked = opensWithNegation && leaf.polarity == .affirmed ? Span(start: span.start, end: span.start + 1) : span
                guard passes(checked, leaf.polarity) else { continue }
                if isInsideException(span, exceptions) { continue }
                spans.append(span)
            }
        }
        guard leaf.phrases.count > 1 else { return spans }
        if keepsAlternatives { return sortedUnique(spans) }
        // Where several phrases start at one word, the longest speaks ("Soviet Union", not
        // "Soviet"), so evidence reads whole. The shorter ones are kept for a second try.
        let sorted = sortedUnique(spans)
        var longest: [Span] = []
        longest.reserveCapacity(sorted.count)
        for span in sorted {
            // Sorted by start then end: a later span with the same start is longer.
            if let last = longest.last, last.start == span.start {
                longest[longest.count - 1] = span
                setAsideAlternatives = true
            } else {
                longest.append(span)
            }
        }
        return longest
    }

    /// Whether a longer exception phrase holds the span ("Robert Kennedy" around "Kennedy").
    /// Exceptions are sorted by start; a phrase spans at most a few dozen tokens.
    private func isInsideException(_ span: Span, _ exceptions: [Span]) -> Bool {
        guard !exceptions.isEmpty else { return false }
        var low = 0, high = exceptions.count
        while low < high {
            let middle = (low + high) / 2
            if exceptions[middle].start <= span.start { low = middle + 1 } else { high = middle }
        }
        var position = low - 1
        while position >= 0, span.start - exceptions[position].start <= Self.longestPhrase {
            let exception = exceptions[position]
            if span.end <= exception.end && exception != span { return true }
            position -= 1
        }
        return false
    }

    /// More tokens than any phrase spans, gaps included.
    static let longestPhrase: Int32 = 128

    private func passes(_ span: Span, _ polarity: Polarity) -> Bool {
        switch polarity {
        case .any:
            return true
        case .affirmed:
            // Stated as having happened: not negated, not disowned, not merely possible or intended.
            let excluded: TokenFlags = strict ? [.negated, .disputed, .hypothetical, .hedged] : [.negated, .disputed, .hypothetical]
            for position in span.start..<span.end where !tokens[Int(position)].flags.isDisjoint(with: excluded) {
                return false
            }
            return true
        case .negated:
            for position in span.start..<span.end where tokens[Int(position)].flags.contains(.negated) { return true }
            return false
        }
    }

    // MARK: - all

    private mutating func evaluateAll(_ node: AllNode) -> [Span] {
        var lists: [[Span]] = []
        lists.reserveCapacity(node.children.count)
        for child in node.children {
            let spans = evaluate(child)
            if spans.isEmpty { return [] }
            lists.append(spans)
        }
        // Windows of one sentence, or of two adjacent sentences, where child 0 occurs.
        var lows: [Int] = []
        for span in lists[0] {
            let first = sentence(of: span.start)
            if node.adjacent, first > 0, lows.last != first - 1 { lows.append(first - 1) }
            if lows.last != first { lows.append(first) }
        }
        lows = Array(Set(lows)).sorted()

        var search = CombinationSearch(node: node, lists: lists, sentenceOf: sentenceOf, wordPosition: wordPosition)
        for low in lows {
            let high = node.adjacent ? low + 1 : low
            guard search.narrow(to: low...high) else { continue }
            search.budget = Self.combinationBudget
            search.combine(depth: 0, start: .max, end: .min)
        }
        guard !search.results.isEmpty else { return [] }

        // A pronoun's referent is a guess: it may help a match, never cancel one.
        let exclusions = node.exclusions.map { exclusion in
            (spans: evaluate(exclusion.node).filter { !index.isResolvedPronoun($0) }, within: exclusion.within)
        }
        return sortedUnique(search.results.filter { !isExcluded($0, exclusions) })
    }

    /// Depth-first choice of one span per child, pruned by order, overlap and width,
    /// over each child's spans that fall in the current window.
    private struct CombinationSearch {
        let node: AllNode
        let lists: [[Span]]
        let sentenceOf: [Int32]
        let wordPosition: [Int32]
        /// Per child, the indices of its spans inside the window.
        var ranges: [Range<Int>]
        var window: ClosedRange<Int> = 0...0
        var chosen: [Span] = []
        var budget = 0
        var results: [Span] = []

        init(node: AllNode, lists: [[Span]], sentenceOf: [Int32], wordPosition: [Int32]) {
            self.node = node
            self.lists = lists
            self.sentenceOf = sentenceOf
            self.wordPosition = wordPosition
            ranges = Array(repeating: 0..<0, count: lists.count)
            chosen.reserveCapacity(lists.count)
        }

        /// Sets the window; false when some child has nothing in it.
        mutating func narrow(to window: ClosedRange<Int>) -> Bool {
            self.window = window
            for (child, spans) in lists.enumerated() {
                // Spans are sorted by start, so those starting in the window are one run.
                var lower = 0, upper = spans.count
                while lower < upper {
                    let middle = (lower + upper) / 2
                    if Int(sentenceOf[Int(spans[middle].start)]) < window.lowerBound { lower = middle + 1 } else { upper = middle }
                }
                var end = lower
                while end < spans.count, Int(sentenceOf[Int(spans[end].start)]) <= window.upperBound { end += 1 }
                if lower == end { return false }
                ranges[child] = lower..<end
            }
            return true
        }

        mutating func combine(depth: Int, start: Int32, end: Int32) {
            if budget <= 0 { return }
            if depth == lists.count {
                budget -= 1
                results.append(Span(start: start, end: end))
                return
            }
            let spans = lists[depth]
            for position in ranges[depth] {
                let candidate = spans[position]
                if Int(sentenceOf[Int(candidate.end) - 1]) > window.upperBound { continue }
                // In order of where they start: a child may sit inside a gapped phrase before it
                // ("tore *Moscow and Beijing* apart").
                if node.ordered, let last = chosen.last, candidate.start <= last.start { continue }
                if chosen.contains(where: { $0.clashes(with: candidate) }) { continue }
                let newStart = min(start, candidate.start), newEnd = max(end, candidate.end)
                if let within = node.within {
                    let positions = wordPosition
                    if Int(positions[Int(newEnd) - 1] - positions[Int(newStart)]) + 1 > within { continue }
                }
                chosen.append(candidate)
                combine(depth: depth + 1, start: newStart, end: newEnd)
                chosen.removeLast()
                if budget <= 0 { return }
            }
        }
    }

    private func sortedUnique(_ spans: [Span]) -> [Span] {
        var sorted = spans.sorted()
        var kept = 0
        for position in sorted.indices where position == 0 || sorted[position] != sorted[kept - 1] {
            sorted[kept] = sorted[position]
            kept += 1
        }
        sorted.removeSubrange(kept...)
        return sorted
    }

    /// Words from the first to the last token of the span, both counted.
    private func wordWidth(_ span: Span) -> Int {
        let positions = wordPosition
        return Int(positions[Int(span.end) - 1] - positions[Int(span.start)]) + 1
    }

    private func isExcluded(_ span: Span, _ exclusions: [(spans: [Span], within: Int?)]) -> Bool {
        let first = sentence(of: span.start)
        let last = sentence(of: span.end - 1)
        let positions = wordPosition
        for exclusion in exclusions {
            // Only spans starting from the sentence before can reach the match's sentences:
            // find the first by binary search (spans are sorted by start).
            let others = exclusion.spans
            var low = 0, high = others.count
            while low < high {
                let middle = (low + high) / 2
                if sentence(of: others[middle].start) < first - 1 { low = middle + 1 } else { high = middle }
            }
            for other in others[low...] {
                if sentence(of: other.start) > last { break }
                let otherFirst = sentence(of: other.start)
                let otherLast = sentence(of: other.end - 1)
                guard otherLast >= first && otherFirst <= last else { continue }
                guard let within = exclusion.within else { return true }
                let gapAfter = Int(positions[Int(other.start)]) - Int(positions[Int(span.end) - 1])
                let gapBefore = Int(positions[Int(span.start)]) - Int(positions[Int(other.end) - 1])
                if max(gapAfter, gapBefore, 0) <= within { return true }
            }
        }
        return false
    }
}

/// Leaf results of one essay, by leaf id, reused from essay to essay: a generation stamp
/// per entry makes starting a new essay O(1).
final class LeafCache {
    struct Entry {
        var spans: [Span]
        var setAside: Bool
    }

    /// The caches one evaluator uses.
    struct Pair {
        let longest: LeafCache
        let alternatives: LeafCache

        init(leafCount: Int) {
            longest = LeafCache(count: leafCount)
            alternatives = LeafCache(count: leafCount)
        }
    }

    private var entries: [Entry]
    private var stamps: [UInt32]
    private var generation: UInt32 = 1
    /// The essay index whose results are held.
    private var serial: UInt64 = 0

    init(count: Int) {
        entries = Array(repeating: Entry(spans: [], setAside: false), count: count)
        stamps = Array(repeating: 0, count: count)
    }

    /// Forgets everything unless it already holds results for this index.
    func prepare(for indexSerial: UInt64) {
        guard indexSerial != serial else { return }
        serial = indexSerial
        generation &+= 1
        if generation == 0 {
            stamps = Array(repeating: 0, count: stamps.count)
            generation = 1
        }
    }

    func entry(_ id: Int) -> Entry? { stamps[id] == generation ? entries[id] : nil }

    func store(_ id: Int, spans: [Span], setAside: Bool) {
        entries[id] = Entry(spans: spans, setAside: setAside)
        stamps[id] = generation
    }
}
