import Foundation

/// Reads a whole regular file, refusing folders, devices, pipes and files over the limit
/// (checked before reading, and again while reading in case the file grows).
enum FileBytes {
    static func read(path: String, display: String, maxBytes: Int) throws(IngestError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { throw IngestError(file: display, reason: reason(errno)) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw IngestError(file: display, reason: reason(errno)) }
        let type = info.st_mode & S_IFMT
        if type == S_IFDIR { throw IngestError(file: display, reason: "is a folder, not a file") }
        guard type == S_IFREG else { throw IngestError(file: display, reason: "not a regular file") }
        let limit = max(maxBytes, 0)
        if Int64(info.st_size) > Int64(limit) {
            throw tooLarge(display, UInt64(info.st_size), limit)
        }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size) + 1)
        var filled = 0
        while true {
            if filled == bytes.count {
                guard bytes.count <= limit else { throw tooLarge(display, UInt64(filled), limit) }
                bytes.append(contentsOf: [UInt8](repeating: 0, count: max(4096, bytes.count / 2)))
            }
            let count = bytes.withUnsafeMutableBytes { buffer in
                Foundation.read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw IngestError(file: display, reason: reason(errno))
            }
            if count == 0 { break }
            filled += count
        }
        guard filled <= limit else { throw tooLarge(display, UInt64(filled), limit) }
        bytes.removeSubrange(filled...)
        return bytes
    }

    private static func tooLarge(_ display: String, _ size: UInt64, _ limit: Int) -> IngestError {
        IngestError(file: display, reason: "too large (\(ByteCount.text(size)); the limit is \(ByteCount.text(UInt64(limit))))")
    }

    /// A reason for a failed file operation, in plain words.
    static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT: return "no such file or folder"
        case EACCES, EPERM: return "cannot be read (permission denied)"
        case ELOOP: return "a symbolic link loop"
        case ENOTDIR: return "a part of the path is not a folder"
        case EISDIR: return "is a folder, not a file"
        case ENAMETOOLONG: return "the path is too long"
        default: return "cannot be read (\(String(cString: strerror(code))))"
        }
    }
}
