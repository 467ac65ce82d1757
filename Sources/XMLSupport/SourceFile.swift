import Foundation

/// Bounded file reading and path helpers (no libxml2).
enum SourceFile {
    /// Reads a whole file, refusing anything larger than `maxBytes` without reading it all,
    /// and refusing directories. Works for any file type (a FIFO or /dev/zero cannot make
    /// it read without bound).
    static func read(path: String, display: String, maxBytes: Int) throws(XMLFailure) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else {
            throw XMLFailure(file: display, "cannot read the file: \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw XMLFailure(file: display, "cannot read the file: \(String(cString: strerror(errno)))")
        }
        if (status.st_mode & S_IFMT) == S_IFDIR {
            throw XMLFailure(file: display, "cannot read the file: it is a directory")
        }
        if (status.st_mode & S_IFMT) == S_IFREG, Int(status.st_size) > maxBytes {
            throw tooLarge(display: display, size: Int(status.st_size), maxBytes: maxBytes)
        }
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN { break }  // a FIFO without a writer: nothing to read
                throw XMLFailure(file: display, "cannot read the file: \(String(cString: strerror(errno)))")
            }
            if count == 0 { break }
            result.append(contentsOf: chunk[0..<count])
            if result.count > maxBytes {
                throw tooLarge(display: display, size: nil, maxBytes: maxBytes)
            }
        }
        return result
    }

    static func tooLarge(display: String, size: Int?, maxBytes: Int) -> XMLFailure {
        let what = size.map { "is \($0) bytes" } ?? "is larger than that"
        return XMLFailure(file: display, "the input \(what), over the limit of \(maxBytes) bytes; not parsed")
    }

    /// The symlink-free absolute path of an existing file or folder, or nil.
    static func realPath(_ path: String) -> String? {
        guard let resolved = Foundation.realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Removes `.` and `..` and duplicate slashes without touching the file system.
    /// Leading `..` of a relative path are kept.
    static func lexicallyStandardized(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
            } else if part == "..", absolute {
                continue
            } else {
                parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        if absolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    /// The folder part of a path ("" when it has none).
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    /// `path` (absolute or relative) joined onto `directory`, standardized.
    static func join(_ directory: String, _ path: String) -> String {
        if path.hasPrefix("/") || directory.isEmpty { return lexicallyStandardized(path) }
        return lexicallyStandardized(directory + "/" + path)
    }

    /// Whether `path` is `root` or inside it (both already symlink-free).
    static func isInside(_ path: String, root: String) -> Bool {
        if root == "/" { return path.hasPrefix("/") }
        return path == root || path.hasPrefix(root + "/")
    }
}
