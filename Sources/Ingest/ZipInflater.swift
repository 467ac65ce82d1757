import Foundation
import ZIPFoundation

/// Inflates one deflated zip entry with ZIPFoundation's zlib binding, bounded:
///
/// - output beyond the entry's declared size (already checked against
///   `IngestLimits.maxUncompressedBytes`) stops inflating at once: a zip bomb that lies
///   about its size is never inflated further than it claimed;
/// - output more than `maxCompressionRatio` times the input consumed so far (past
///   `ratioCheckFloor`) stops it too;
/// - input is served from the entry's own bytes only, as one chunk (ZIPFoundation's Linux
///   decoder tells zlib every chunk is `bufferSize` long, so the chunk size is the entry's
///   compressed size: no padding is ever inflated), and running out of input is an error
///   instead of the endless loop the library would enter. The output chunk has the same
///   size; deflate's maximum ratio (about 1,032 to 1) bounds the number of chunks.
enum ZipInflater {

    private struct Stop: Error {
        var reason: String
    }

    static func exceedsRatio(produced: UInt64, from consumed: UInt64, limits: IngestLimits) -> Bool {
        guard limits.maxCompressionRatio > 0, produced > UInt64(max(limits.ratioCheckFloor, 0)) else { return false }
        return produced / max(consumed, 1) > UInt64(limits.maxCompressionRatio)
    }

    static func inflate(_ compressed: ArraySlice<UInt8>, declaredSize: Int, name: String, limits: IngestLimits) throws(ZipArchive.Failure) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(min(declaredSize, limits.maxUncompressedBytes))
        var cursor = compressed.startIndex
        let chunkSize = compressed.count
        guard chunkSize > 0 else { throw ZipArchive.Failure(reason: "damaged zip archive (\(name) is cut short)") }
        do {
            _ = try Data.decompress(size: Int64(chunkSize), bufferSize: chunkSize, skipCRC32: true, provider: { _, wanted in
                guard cursor < compressed.endIndex, wanted == chunkSize else {
                    throw Stop(reason: "damaged zip archive (\(name) is cut short)")
                }
                cursor = compressed.endIndex
                return Data(compressed)
            }, consumer: { data in
                guard output.count + data.count <= declaredSize else {
                    throw Stop(reason: "\(name) inflates to more than the \(ByteCount.text(UInt64(declaredSize))) it declares (damaged, or a zip bomb)")
                }
                output.append(contentsOf: data)
                let consumed = UInt64(cursor - compressed.startIndex)
                if exceedsRatio(produced: UInt64(output.count), from: consumed, limits: limits) {
                    throw Stop(reason: "\(name) is compressed suspiciously well (more than \(limits.maxCompressionRatio) to 1; a zip bomb?)")
                }
            })
        } catch let stop as Stop {
            throw ZipArchive.Failure(reason: stop.reason, inflatedBytes: output.count)
        } catch {
            throw ZipArchive.Failure(reason: "damaged zip archive (\(name) cannot be inflated)", inflatedBytes: output.count)
        }
        return output
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        Data(bytes).crc32(checksum: 0)
    }
}
