// The Snowball English ("Porter2") stemmer, as defined at
// https://snowballstem.org/algorithms/english/stemmer.html, in the revision shipped with
// Snowball 3.x (the one the current snowball-data `english/` vocabulary is generated with):
//
//  * R1 special prefixes: gener, commun, arsen, and since 3.0 also past, univers, later,
//    emerg, organ, inter.
//  * Step 1b handles the former "exceptional forms after Step 1a" itself: -ing after exactly
//    `inn`, `out`, `cann`, `herr`, `earr`, `even` is kept, -eed(ly) after exactly `proc`,
//    `exc`, `succ` is kept, and consonant + `ying` (dying, lying, tying, vying) becomes `-ie`.
//  * Step 2 maps -ogist to -og; the "short syllable" test also accepts a preceding `past`.
//
// The whole algorithm works on one `[UInt8]` buffer with index arithmetic. Every edit after
// the prelude replaces a suffix, so the region marks p1 and p2 stay valid throughout, and the
// buffer never grows past the input length (no reallocation after the initial copy).

/// Porter2 (Snowball English) stemmer over lower-case ASCII bytes.
public struct EnglishStemmer: Sendable {
    public init() {}

    /// Stems a lower-case word given as UTF-8 bytes. Words with any non-ASCII byte, or shorter
    /// than 3 bytes, are returned unchanged.
    public func stem(_ word: some Collection<UInt8>) -> [UInt8] {
        let bytes = Array(word)
        for byte in bytes where byte >= 0x80 { return bytes }
        if let special = exceptionalForm(bytes) { return special }
        guard bytes.count >= 3 else { return bytes }
        var word = Porter2Word(bytes)
        word.stem()
        return word.b
    }

    /// Lower-cases ASCII letters, then stems as `stem(_:)` on the UTF-8 bytes. A word with
    /// non-ASCII characters comes back lower-cased (ASCII letters only) but otherwise unchanged.
    public func stem(_ word: String) -> String {
        var bytes = Array(word.utf8)
        for i in bytes.indices where bytes[i] >= 0x41 && bytes[i] <= 0x5A {
            bytes[i] |= 0x20
        }
        return String(decoding: stem(bytes), as: UTF8.self)
    }
}

// MARK: - Character classes

private let apostrophe = UInt8(ascii: "'")
private let lowerY = UInt8(ascii: "y")
private let upperY = UInt8(ascii: "Y")  // a 'y' that acts as a consonant

/// Snowball grouping `v`: a e i o u y (a consonant `Y` is not a vowel).
@inline(__always)
private func isVowel(_ c: UInt8) -> Bool {
    switch c {
    case 0x61, 0x65, 0x69, 0x6F, 0x75, 0x79: return true  // a e i o u y
    default: return false
    }
}

/// Snowball grouping `v_WXY`: the vowels plus w, x and Y.
@inline(__always)
private func isVowelWXY(_ c: UInt8) -> Bool {
    isVowel(c) || c == 0x77 || c == 0x78 || c == upperY  // w x Y
}

/// Snowball grouping `valid_LI`: c d e g h k m n r t.
@inline(__always)
private func isValidLI(_ c: UInt8) -> Bool {
    switch c {
    case 0x63, 0x64, 0x65, 0x67, 0x68, 0x6B, 0x6D, 0x6E, 0x72, 0x74: return true
    default: return false
    }
}

/// Does `b[0..<end]` end with `suffix`? Compares from the last byte backwards, so most
/// mismatches cost one comparison.
@inline(__always)
private func hasSuffix(_ b: [UInt8], _ end: Int, _ suffix: StaticString) -> Bool {
    let n = suffix.utf8CodeUnitCount
    guard end >= n else { return false }
    let p = suffix.utf8Start
    var i = n - 1
    while i >= 0 {
        if b[end - n + i] != p[i] { return false }
        i -= 1
    }
    return true
}

/// Is `b[0..<end]` exactly `word`?
@inline(__always)
private func isExactly(_ b: [UInt8], _ end: Int, _ word: StaticString) -> Bool {
    end == word.utf8CodeUnitCount && hasSuffix(b, end, word)
}

// MARK: - Exceptional forms (checked on the whole input word, before anything else)

private let exceptionalForms: [(word: StaticString, stem: StaticString)] = [
    ("skis", "ski"), ("skies", "sky"),
    ("idly", "idl"), ("gently", "gentl"), ("ugly", "ugli"), ("early", "earli"),
    ("only", "onli"), ("singly", "singl"),
    // Invariant forms.
    ("sky", "sky"), ("news", "news"), ("howe", "howe"),
    ("atlas", "atlas"), ("cosmos", "cosmos"), ("bias", "bias"), ("andes", "andes"),
]

private func exceptionalForm(_ b: [UInt8]) -> [UInt8]? {
    guard b.count >= 3 && b.count <= 6 else { return nil }
    for entry in exceptionalForms where isExactly(b, b.count, entry.word) {
        return entry.stem.withUTF8Buffer { Array($0) }
    }
    return nil
}

// MARK: - Suffix tables (each ordered longest first, so the first hit is Snowball's `among`)

private enum SuffixRule: Sendable {
    case replace(StaticString)
    case delete
    /// Step 2 `ogi`: becomes `og` when preceded by `l`.
    case ogiAfterL
    /// Step 2 `li`: deleted when preceded by a valid li-ending.
    case liAfterValidLI
    /// Step 3 `ative`: deleted when in R2.
    case deleteInR2
    /// Step 4 `ion`: deleted when preceded by `s` or `t`.
    case ionAfterSOrT
}

private let step2Rules: [(suffix: StaticString, rule: SuffixRule)] = [
    ("ational", .replace("ate")), ("ization", .replace("ize")), ("iveness", .replace("ive")),
    ("fulness", .replace("ful")), ("ousness", .replace("ous")),
    ("tional", .replace("tion")), ("biliti", .replace("ble")), ("lessli", .replace("less")),
    ("entli", .replace("ent")), ("aliti", .replace("al")), ("iviti", .replace("ive")),
    ("ousli", .replace("ous")), ("fulli", .replace("ful")), ("alism", .replace("al")),
    ("ation", .replace("ate")), ("ogist", .replace("og")),
    ("enci", .replace("ence")), ("anci", .replace("ance")), ("abli", .replace("able")),
    ("izer", .replace("ize")), ("ator", .replace("ate")), ("alli", .replace("al")),
    ("bli", .replace("ble")), ("ogi", .ogiAfterL),
    ("li", .liAfterValidLI),
]

private let step3Rules: [(suffix: StaticString, rule: SuffixRule)] = [
    ("ational", .replace("ate")),
    ("tional", .replace("tion")),
    ("alize", .replace("al")), ("icate", .replace("ic")), ("iciti", .replace("ic")),
    ("ative", .deleteInR2),
    ("ical", .replace("ic")), ("ness", .delete),
    ("ful", .delete),
]

private let step4Rules: [(suffix: StaticString, rule: SuffixRule)] = [
    ("ement", .delete),
    ("ance", .delete), ("ence", .delete), ("able", .delete), ("ible", .delete), ("ment", .delete),
    ("ant", .delete), ("ent", .delete), ("ism", .delete), ("ate", .delete), ("iti", .delete),
    ("ous", .delete), ("ive", .delete), ("ize", .delete), ("ion", .ionAfterSOrT),
    ("al", .delete), ("er", .delete), ("ic", .delete),
]

/// Prefixes that fix R1 at their end instead of the usual vowel/consonant rule.
private let r1Prefixes: [StaticString] = [
    "arsen", "commun", "emerg", "gener", "inter", "later", "organ", "past", "univers",
]

// MARK: - The algorithm

private struct Porter2Word {
    var b: [UInt8]
    /// Start of R1 and R2 (== b.count when the region is empty).
    var p1 = 0
    var p2 = 0
    var yFound = false

    init(_ bytes: [UInt8]) { b = bytes }

    mutating func stem() {
        prelude()
        markRegions()
        step1a()
        step1b()
        step1c()
        step2()
        step3()
        step4()
        step5()
        if yFound {
            for i in b.indices where b[i] == upperY { b[i] = lowerY }
        }
    }

    // MARK: Helpers

    @inline(__always)
    func ends(_ suffix: StaticString) -> Bool { hasSuffix(b, b.count, suffix) }

    /// Replaces `b[start...]` with `replacement`.
    @inline(__always)
    mutating func replace(from start: Int, with replacement: StaticString) {
        b.removeLast(b.count - start)
        replacement.withUTF8Buffer { b.append(contentsOf: $0) }
    }

    /// Position just after the first non-vowel that follows a vowel, scanning from `start`
    /// (Snowball's `gopast v gopast non-v`), or nil if there is none.
    func pastVowelThenConsonant(from start: Int) -> Int? {
        var i = start
        let n = b.count
        while i < n && !isVowel(b[i]) { i += 1 }
        guard i < n else { return nil }
        i += 1
        while i < n && isVowel(b[i]) { i += 1 }
        guard i < n else { return nil }
        return i + 1
    }

    /// Does `b[0..<end]` end in a short syllable? Either non-vowel, vowel, non-vowel other than
    /// w, x or Y; or the whole of `b[0..<end]` is vowel, non-vowel; or it ends in `past`.
    func endsInShortSyllable(_ end: Int) -> Bool {
        if end >= 3 && !isVowelWXY(b[end - 1]) && isVowel(b[end - 2]) && !isVowel(b[end - 3]) {
            return true
        }
        if end == 2 && !isVowel(b[1]) && isVowel(b[0]) { return true }
        return hasSuffix(b, end, "past")
    }

    /// The first (longest) rule whose suffix ends the word, with the suffix's start.
    func match(_ rules: [(suffix: StaticString, rule: SuffixRule)]) -> (start: Int, rule: SuffixRule)? {
        let n = b.count
        for entry in rules where hasSuffix(b, n, entry.suffix) {
            return (n - entry.suffix.utf8CodeUnitCount, entry.rule)
        }
        return nil
    }

    // MARK: Prelude and regions

    mutating func prelude() {
        if b.first == apostrophe { b.removeFirst() }
        guard !b.isEmpty else { return }
        if b[0] == lowerY {
            b[0] = upperY
            yFound = true
        }
        var i = 1
        while i < b.count {
            if b[i] == lowerY && isVowel(b[i - 1]) {
                b[i] = upperY
                yFound = true
            }
            i += 1
        }
    }

    mutating func markRegions() {
        p1 = b.count
        p2 = b.count
        if let prefix = r1Prefixes.first(where: { isPrefix($0) }) {
            p1 = prefix.utf8CodeUnitCount
        } else if let end = pastVowelThenConsonant(from: 0) {
            p1 = end
        } else {
            return
        }
        if let end = pastVowelThenConsonant(from: p1) { p2 = end }
    }

    func isPrefix(_ prefix: StaticString) -> Bool {
        let n = prefix.utf8CodeUnitCount
        guard b.count >= n else { return false }
        let p = prefix.utf8Start
        for i in 0..<n where b[i] != p[i] { return false }
        return true
    }

    // MARK: Steps

    mutating func step1a() {
        if ends("'s'") {
            b.removeLast(3)
        } else if ends("'s") {
            b.removeLast(2)
        } else if ends("'") {
            b.removeLast(1)
        }
        let n = b.count
        if ends("sses") {
            b.removeLast(2)  // -> ss
        } else if ends("ied") || ends("ies") {
            let start = n - 3
            replace(from: start, with: start >= 2 ? "i" : "ie")
        } else if ends("ss") || ends("us") {
            return
        } else if ends("s") {
            // Delete if a vowel occurs before the letter preceding the s.
            let start = n - 1
            guard start >= 2 else { return }
            for i in 0..<(start - 1) where isVowel(b[i]) {
                b.removeLast()
                return
            }
        }
    }

    mutating func step1b() {
        enum Kind { case eed, ing, ed }
        let n = b.count
        let start: Int
        let kind: Kind
        if ends("eedly") {
            (start, kind) = (n - 5, .eed)
        } else if ends("ingly") {
            (start, kind) = (n - 5, .ed)
        } else if ends("edly") {
            (start, kind) = (n - 4, .ed)
        } else if ends("eed") {
            (start, kind) = (n - 3, .eed)
        } else if ends("ing") {
            (start, kind) = (n - 3, .ing)
        } else if ends("ed") {
            (start, kind) = (n - 2, .ed)
        } else {
            return
        }

        switch kind {
        case .eed:
            // -eed/-eedly -> -ee in R1, except for proceed, exceed, succeed (and their -ly).
            if start >= p1
                && !isExactly(b, start, "proc") && !isExactly(b, start, "exc")
                && !isExactly(b, start, "succ")
            {
                replace(from: start, with: "ee")
            }
            return
        case .ing:
            if start >= 1 && b[start - 1] == lowerY {
                // dying, lying, tying, vying -> die, lie, tie, vie.
                if start == 2 && !isVowel(b[0]) {
                    replace(from: start - 1, with: "ie")
                    return
                }
            } else if isExactly(b, start, "inn") || isExactly(b, start, "out")
                || isExactly(b, start, "cann") || isExactly(b, start, "herr")
                || isExactly(b, start, "earr") || isExactly(b, start, "even")
            {
                return  // inning, outing, canning, herring, earring, evening
            }
        case .ed:
            break
        }

        // Delete the suffix if the part before it contains a vowel, then tidy the ending.
        var hasVowel = false
        for i in 0..<start where isVowel(b[i]) {
            hasVowel = true
            break
        }
        guard hasVowel else { return }
        b.removeLast(n - start)
        let m = b.count
        if ends("at") || ends("bl") || ends("iz") {
            b.append(UInt8(ascii: "e"))
        } else if m >= 2 && b[m - 1] == b[m - 2] && isUndoubleable(b[m - 1]) {
            // Keep the double letter in add, egg, off... (a, e or o plus the double, only).
            if m == 3 && (b[0] == 0x61 || b[0] == 0x65 || b[0] == 0x6F) { return }
            b.removeLast()
        } else if m == p1 && endsInShortSyllable(m) {
            b.append(UInt8(ascii: "e"))
        }
    }

    /// The doubles that Step 1b undoes: bb dd ff gg mm nn pp rr tt.
    @inline(__always)
    func isUndoubleable(_ c: UInt8) -> Bool {
        switch c {
        case 0x62, 0x64, 0x66, 0x67, 0x6D, 0x6E, 0x70, 0x72, 0x74: return true
        default: return false
        }
    }

    mutating func step1c() {
        let n = b.count
        guard n >= 3, b[n - 1] == lowerY || b[n - 1] == upperY, !isVowel(b[n - 2]) else { return }
        b[n - 1] = UInt8(ascii: "i")
    }

    mutating func step2() {
        guard let (start, rule) = match(step2Rules), start >= p1 else { return }
        switch rule {
        case .replace(let replacement):
            replace(from: start, with: replacement)
        case .ogiAfterL:
            if start >= 1 && b[start - 1] == UInt8(ascii: "l") { b.removeLast() }  // ogi -> og
        case .liAfterValidLI:
            if start >= 1 && isValidLI(b[start - 1]) { b.removeLast(2) }
        case .delete, .deleteInR2, .ionAfterSOrT:
            break
        }
    }

    mutating func step3() {
        guard let (start, rule) = match(step3Rules), start >= p1 else { return }
        switch rule {
        case .replace(let replacement):
            replace(from: start, with: replacement)
        case .delete:
            b.removeLast(b.count - start)
        case .deleteInR2:
            if start >= p2 { b.removeLast(b.count - start) }
        case .ogiAfterL, .liAfterValidLI, .ionAfterSOrT:
            break
        }
    }

    mutating func step4() {
        guard let (start, rule) = match(step4Rules), start >= p2 else { return }
        switch rule {
        case .delete:
            b.removeLast(b.count - start)
        case .ionAfterSOrT:
            if start >= 1 && (b[start - 1] == UInt8(ascii: "s") || b[start - 1] == UInt8(ascii: "t")) {
                b.removeLast(3)
            }
        case .replace, .ogiAfterL, .liAfterValidLI, .deleteInR2:
            break
        }
    }

    mutating func step5() {
        let n = b.count
        guard n > 0 else { return }
        let start = n - 1
        if b[start] == UInt8(ascii: "e") {
            if start >= p2 || (start >= p1 && !endsInShortSyllable(start)) { b.removeLast() }
        } else if b[start] == UInt8(ascii: "l") {
            if start >= p2 && start >= 1 && b[start - 1] == UInt8(ascii: "l") { b.removeLast() }
        }
    }
}
