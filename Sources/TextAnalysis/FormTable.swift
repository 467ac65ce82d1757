/// Interns normalized word forms to dense integer ids, and caches each form's stem
/// and function-word class. One table per analyzer (per thread), reused across essays,
/// so each distinct word is stemmed once.
public final class FormTable {
    private var arena: [UInt8] = []
    private var offsets: [Int32] = []
    private var lengths: [Int32] = []
    private var hashes: [UInt32] = []
    private var stems: [Int32] = []
    private var classes: [WordClass] = []
    private var strings: [String?] = []
    /// Open addressing; -1 marks an empty slot. Capacity is a power of two.
    private var slots: [Int32]
    private var mask: Int
    private let stemmer = EnglishStemmer()

    public init(capacity: Int = 4096) {
        var size = 1024
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: -1, count: size)
        mask = size - 1
        arena.reserveCapacity(capacity * 8)
        for (word, wordClass) in WordClass.table {
            let id = intern(Array(word.utf8))
            classes[Int(id)] = wordClass
        }
    }

    public var count: Int { offsets.count }

    /// The id of `bytes`, adding it if new.
    public func intern(_ bytes: [UInt8]) -> Int32 {
        bytes.withUnsafeBufferPointer { intern($0) }
    }

    public func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        let hash = Self.hash(bytes)
        var slot = Int(hash) & mask
        while true {
            let id = slots[slot]
            if id < 0 { break }
            if hashes[Int(id)] == hash && equals(Int(id), bytes) { return id }
            slot = (slot + 1) & mask
        }
        let id = Int32(offsets.count)
        offsets.append(Int32(arena.count))
        lengths.append(Int32(bytes.count))
        hashes.append(hash)
        arena.append(contentsOf: bytes)
        stems.append(-1)
        classes.append([])
        strings.append(nil)
        slots[slot] = id
        if offsets.count * 2 > slots.count { grow() }
        return id
    }

    /// The id of `bytes` if it was interned, without adding it.
    public func lookup(_ bytes: [UInt8]) -> Int32? {
        bytes.withUnsafeBufferPointer { buffer in
            let hash = Self.hash(buffer)
            var slot = Int(hash) & mask
            while true {
                let id = slots[slot]
                if id < 0 { return nil }
                if hashes[Int(id)] == hash && equals(Int(id), buffer) { return id }
                slot = (slot + 1) & mask
            }
        }
    }

    public func bytes(of id: Int32) -> ArraySlice<UInt8> {
        let start = Int(offsets[Int(id)])
        return arena[start..<start + Int(lengths[Int(id)])]
    }

    /// The form as a string, made once per form: callers compare words often.
    public func string(of id: Int32) -> String {
        if let cached = strings[Int(id)] { return cached }
        let string = String(decoding: bytes(of: id), as: UTF8.self)
        strings[Int(id)] = string
        return string
    }

    public func wordClass(of id: Int32) -> WordClass { classes[Int(id)] }

    /// The id of the form's Porter2 stem (itself interned), computed once.
    public func stem(of id: Int32) -> Int32 {
        let cached = stems[Int(id)]
        if cached >= 0 { return cached }
        let stemBytes = stemmer.stem(Array(bytes(of: id)))
        let stemID = intern(stemBytes)
        stems[Int(id)] = stemID
        return stemID
    }

    // MARK: - Internals

    private func equals(_ id: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let length = Int(lengths[id])
        guard length == bytes.count else { return false }
        let start = Int(offsets[id])
        return arena.withUnsafeBufferPointer { arena in
            for index in 0..<length where arena[start + index] != bytes[index] { return false }
            return true
        }
    }

    private func grow() {
        let size = slots.count * 2
        slots = Array(repeating: -1, count: size)
        mask = size - 1
        for id in 0..<offsets.count {
            var slot = Int(hashes[id]) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(id)
        }
    }

    /// FNV-1a: simple, fast for short keys, no per-process seed (deterministic).
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for byte in bytes {
            hash ^= UInt32(byte)
            hash = hash &* 16_777_619
        }
        return hash
    }
}
