import Foundation

/// Common English words of five letters or more (SCOWL, see Resources/english-words.LICENSE).
/// A word found here is taken as written, never as a misspelling of a rubric word:
/// "treat" is not "treaty", "blockage" is not "blockade".
public final class EnglishWordList: Sendable {
    public static let shared = EnglishWordList()

    private let bytes: [UInt8]
    /// Start offset of each line; lines are sorted bytewise.
    private let lineStarts: [Int32]

    init(bytes: [UInt8]) {
        self.bytes = bytes
        var starts: [Int32] = []
        starts.reserveCapacity(bytes.count / 8)
        var lineStart = 0
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            if index > lineStart { starts.append(Int32(lineStart)) }
            lineStart = index + 1
        }
        if lineStart < bytes.count { starts.append(Int32(lineStart)) }
        self.lineStarts = starts
    }

    private convenience init() {
        let url = Bundle.module.url(forResource: "english-words", withExtension: "txt", subdirectory: "Resources")
        let data = url.flatMap { try? Data(contentsOf: $0) } ?? Data()
        self.init(bytes: [UInt8](data))
    }

    public var count: Int { lineStarts.count }

    /// Whether the lower-case word is a known English word.
    public func contains(_ word: some Collection<UInt8>) -> Bool {
        let key = Array(word)
        var low = 0
        var high = lineStarts.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let order = compare(line: middle, key)
            if order == 0 { return true }
            if order < 0 { low = middle + 1 } else { high = middle - 1 }
        }
        return false
    }

    private func compare(line: Int, _ key: [UInt8]) -> Int {
        var position = Int(lineStarts[line])
        var index = 0
        while true {
            let lineEnded = position >= bytes.count || bytes[position] == 0x0A
            let keyEnded = index >= key.count
            if lineEnded || keyEnded { return lineEnded && keyEnded ? 0 : (lineEnded ? -1 : 1) }
            if bytes[position] != key[index] { return bytes[position] < key[index] ? -1 : 1 }
            position += 1
            index += 1
        }
    }
}
