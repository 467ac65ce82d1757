import Foundation

/// Common English words of five letters or more (SCOWL, see Resources/english-words.LICENSE).
/// A word found here is taken as written, never as a misspelling of a rubric word:
/// "treat" is not "treaty", "blockage" is not "blockade".
public final class EnglishWordList: Sendable {
    public static let shared = EnglishWordList()

    /// Sorted, newline-separated lines; searched in place, with no index to build.
    private let bytes: [UInt8]

    init(bytes: [UInt8]) { self.bytes = bytes }

    private convenience init() {
        let url = Bundle.module.url(forResource: "english-words", withExtension: "txt", subdirectory: "Resources")
        let data = url.flatMap { try? Data(contentsOf: $0) } ?? Data()
        self.init(bytes: [UInt8](data))
    }

    public var count: Int { bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } }

    /// Whether the lower-case word is a known English word: a binary search over byte
    /// offsets, stepping back to the start of the line each probe lands in.
    public func contains(_ word: some Collection<UInt8>) -> Bool {
        let key = Array(word)
        guard !key.isEmpty else { return false }
        var low = 0
        var high = bytes.count
        while low < high {
            let middle = (low + high) / 2
            var lineStart = middle
            while lineStart > low, bytes[lineStart - 1] != 0x0A { lineStart -= 1 }
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            let order = compare(lineStart..<lineEnd, key)
            if order == 0 { return true }
            if order < 0 { low = lineEnd + 1 } else { high = lineStart }
        }
        return false
    }

    private func compare(_ line: Range<Int>, _ key: [UInt8]) -> Int {
        var index = 0
        for position in line {
            guard index < key.count else { return 1 }
            if bytes[position] != key[index] { return bytes[position] < key[index] ? -1 : 1 }
            index += 1
        }
        return index == key.count ? 0 : -1
    }
}
