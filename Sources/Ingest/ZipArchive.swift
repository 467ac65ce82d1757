/// A zip archive held in memory, read defensively: every offset and length is checked
/// against the bytes before use, sizes are checked before anything is inflated, and
/// inflating stops as soon as an entry outgrows what it declared or the limits.
///
/// Only the central directory is trusted for names, sizes, checksums and methods (the local
/// header only locates the data). ZIP64 and archives with bytes prepended are understood;
/// multi-part, encrypted, and other compression methods than stored and deflate are refused.
///
/// Why not ZIPFoundation's `Archive` for reading: in 0.9.20 its reader converts ZIP64 offsets
/// to `off_t` unchecked (a crafted offset traps) and, on Linux, its inflate loop spins forever
/// on a deflate stream that is cut short at the end of the file. ZIPFoundation still does the
/// inflating (`Data.decompress`), fed by `ZipInflater`, which bounds it.
struct ZipArchive {
    struct Entry: Sendable, Hashable {
        var name: String
        var method: UInt16
        var flags: UInt16
        var crc32: UInt32
        var compressedSize: UInt64
        var uncompressedSize: UInt64
        /// Where the local header starts (already corrected for prepended bytes).
        var localHeaderOffset: UInt64
    }

    /// Why reading failed, in words for the error message ("not a zip archive").
    struct Failure: Error, Sendable {
        var reason: String
        /// How many bytes had been inflated when reading stopped (for tests of the limits).
        var inflatedBytes = 0
    }

    let bytes: [UInt8]
    let entries: [Entry]

    init(bytes: [UInt8]) throws(Failure) {
        self.bytes = bytes
        self.entries = try Self.readDirectory(bytes)
    }

    /// The first entry with this name, compared without regard to ASCII case (part names in
    /// Office packages are case-insensitive).
    func entry(named name: String) -> Entry? {
        let wanted = Self.folded(name)
        return entries.first { Self.folded($0.name) == wanted }
    }

    private static func folded(_ name: String) -> [UInt8] {
        name.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
    }

    // MARK: - Little-endian fields

    private static func u16(_ bytes: [UInt8], _ offset: Int) -> UInt16 {
        UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
    }

    private static func u32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        UInt32(u16(bytes, offset)) | UInt32(u16(bytes, offset + 2)) << 16
    }

    private static func u64(_ bytes: [UInt8], _ offset: Int) -> UInt64 {
        UInt64(u32(bytes, offset)) | UInt64(u32(bytes, offset + 4)) << 32
    }

    private static func hasSignature(_ bytes: [UInt8], at offset: Int, _ signature: UInt32) -> Bool {
        offset >= 0 && offset <= bytes.count - 4 && u32(bytes, offset) == signature
    }

    /// A 64-bit offset or size as an index into `bytes`, when it lies within them.
    private static func index(_ value: UInt64, within bytes: [UInt8]) -> Int? {
        value <= UInt64(bytes.count) ? Int(value) : nil
    }

    // MARK: - Central directory

    private static let endSignature: UInt32 = 0x0605_4B50
    private static let zip64LocatorSignature: UInt32 = 0x0706_4B50
    private static let zip64EndSignature: UInt32 = 0x0606_4B50
    private static let directorySignature: UInt32 = 0x0201_4B50
    private static let localSignature: UInt32 = 0x0403_4B50

    private static func readDirectory(_ bytes: [UInt8]) throws(Failure) -> [Entry] {
        let damaged = { (detail: String) in Failure(reason: "damaged zip archive (\(detail))") }
        guard bytes.count >= 22 else { throw Failure(reason: "not a zip archive") }
        // The end record: the last signature whose comment fits in the file.
        var end: Int?
        var position = bytes.count - 22
        let lowest = max(0, bytes.count - 22 - 0xFFFF)
        while position >= lowest {
            if bytes[position] == 0x50, hasSignature(bytes, at: position, endSignature),
               position + 22 + Int(u16(bytes, position + 20)) <= bytes.count {
                end = position
                break
            }
            position -= 1
        }
        guard let end else { throw Failure(reason: "not a zip archive") }
        if u16(bytes, end + 4) != 0 || u16(bytes, end + 6) != 0 {
            throw Failure(reason: "a zip archive split into several parts")
        }
        var count = UInt64(u16(bytes, end + 10))
        var directorySize = UInt64(u32(bytes, end + 12))
        var directoryOffset = UInt64(u32(bytes, end + 16))
        var directoryEnd = end
        if count == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF,
           hasSignature(bytes, at: end - 20, zip64LocatorSignature) {
            guard let record = index(u64(bytes, end - 20 + 8), within: bytes), record <= bytes.count - 56,
                  hasSignature(bytes, at: record, zip64EndSignature) else {
                throw damaged("its ZIP64 end record is missing")
            }
            count = u64(bytes, record + 32)
            directorySize = u64(bytes, record + 40)
            directoryOffset = u64(bytes, record + 48)
            directoryEnd = record
        }
        if count == 0 { return [] }
        // Bytes prepended to the archive shift every offset; find the directory where it
        // really is, just before the end record, and correct by the difference.
        guard directorySize <= UInt64(directoryEnd) else { throw damaged("its central directory does not fit") }
        let actualStart = directoryEnd - Int(directorySize)
        let shift: Int
        if let declared = index(directoryOffset, within: bytes), hasSignature(bytes, at: declared, directorySignature) {
            shift = 0
        } else if directoryOffset <= UInt64(actualStart), hasSignature(bytes, at: actualStart, directorySignature) {
            shift = actualStart - Int(directoryOffset)
        } else {
            throw damaged("its central directory is missing")
        }
        let start = Int(directoryOffset) + shift
        var entries: [Entry] = []
        var cursor = start
        while UInt64(entries.count) < count {
            guard cursor <= bytes.count - 46, hasSignature(bytes, at: cursor, directorySignature) else {
                throw damaged("its central directory is cut short")
            }
            let nameLength = Int(u16(bytes, cursor + 28))
            let extraLength = Int(u16(bytes, cursor + 30))
            let commentLength = Int(u16(bytes, cursor + 32))
            let next = cursor + 46 + nameLength + extraLength + commentLength
            guard next <= bytes.count else { throw damaged("its central directory is cut short") }
            let nameStart = cursor + 46
            var entry = Entry(
                name: String(decoding: bytes[nameStart..<nameStart + nameLength], as: UTF8.self),
                method: u16(bytes, cursor + 10),
                flags: u16(bytes, cursor + 8),
                crc32: u32(bytes, cursor + 16),
                compressedSize: UInt64(u32(bytes, cursor + 20)),
                uncompressedSize: UInt64(u32(bytes, cursor + 24)),
                localHeaderOffset: UInt64(u32(bytes, cursor + 42)))
            applyZIP64(bytes, extra: nameStart + nameLength..<nameStart + nameLength + extraLength, to: &entry)
            guard let local = index(entry.localHeaderOffset, within: bytes), local + shift >= 0 else {
                throw damaged("an entry lies outside the file")
            }
            entry.localHeaderOffset = UInt64(local + shift)
            entries.append(entry)
            cursor = next
        }
        return entries
    }

    /// Replaces the 32-bit fields set to 0xFFFFFFFF by their ZIP64 extra field values.
    private static func applyZIP64(_ bytes: [UInt8], extra: Range<Int>, to entry: inout Entry) {
        var position = extra.lowerBound
        while position + 4 <= extra.upperBound {
            let id = u16(bytes, position)
            let size = Int(u16(bytes, position + 2))
            let dataEnd = position + 4 + size
            guard dataEnd <= extra.upperBound else { return }
            if id == 0x0001 {
                var field = position + 4
                func next() -> UInt64? {
                    guard field + 8 <= dataEnd else { return nil }
                    defer { field += 8 }
                    return u64(bytes, field)
                }
                if entry.uncompressedSize == 0xFFFF_FFFF, let value = next() { entry.uncompressedSize = value }
                if entry.compressedSize == 0xFFFF_FFFF, let value = next() { entry.compressedSize = value }
                if entry.localHeaderOffset == 0xFFFF_FFFF, let value = next() { entry.localHeaderOffset = value }
                return
            }
            position = dataEnd
        }
    }

    // MARK: - Entry data

    /// The entry's uncompressed bytes, within the limits.
    func read(_ entry: Entry, limits: IngestLimits) throws(Failure) -> [UInt8] {
        let damaged = { (detail: String) in Failure(reason: "damaged zip archive (\(entry.name) \(detail))") }
        if entry.flags & 0x1 != 0 { throw Failure(reason: "password-protected (\(entry.name) is encrypted)") }
        guard entry.method == 0 || entry.method == 8 else {
            throw Failure(reason: "\(entry.name) uses a compression method this reader does not know (\(entry.method))")
        }
        if entry.uncompressedSize > UInt64(max(limits.maxUncompressedBytes, 0)) {
            throw Failure(reason: "\(entry.name) is too large uncompressed (\(ByteCount.text(entry.uncompressedSize)); the limit is \(ByteCount.text(UInt64(max(limits.maxUncompressedBytes, 0)))))")
        }
        if ZipInflater.exceedsRatio(produced: entry.uncompressedSize, from: entry.compressedSize, limits: limits) {
            throw Failure(reason: "\(entry.name) is compressed suspiciously well (\(entry.uncompressedSize / max(entry.compressedSize, 1)) to 1; a zip bomb?)")
        }
        let local = Int(entry.localHeaderOffset)
        guard local <= bytes.count - 30, Self.hasSignature(bytes, at: local, Self.localSignature) else {
            throw damaged("has no local header")
        }
        let dataStart = local + 30 + Int(Self.u16(bytes, local + 26)) + Int(Self.u16(bytes, local + 28))
        guard dataStart <= bytes.count, entry.compressedSize <= UInt64(bytes.count - dataStart) else {
            throw damaged("is cut short")
        }
        let compressed = bytes[dataStart..<dataStart + Int(entry.compressedSize)]
        let size = Int(entry.uncompressedSize)
        let output: [UInt8]
        if entry.method == 0 {
            guard entry.compressedSize == entry.uncompressedSize else { throw damaged("has inconsistent sizes") }
            output = Array(compressed)
        } else {
            output = try ZipInflater.inflate(compressed, declaredSize: size, name: entry.name, limits: limits)
        }
        guard output.count == size else { throw damaged("is shorter than it declares") }
        guard ZipInflater.crc32(output) == entry.crc32 else { throw damaged("fails its checksum") }
        return output
    }
}

/// Byte counts for people: "512 bytes", "3.2 MB" (decimal-free for whole MiB: "64 MB").
enum ByteCount {
    static func text(_ count: UInt64) -> String {
        if count < 1024 { return "\(count) bytes" }
        if count < 1 << 20 { return "\(count >> 10) KB" }
        let tenths = (count * 10) >> 20
        return tenths % 10 == 0 ? "\(tenths / 10) MB" : "\(tenths / 10).\(tenths % 10) MB"
    }
}
