import Foundation

/// Decides which files a reference (an XInclude href, a schema's include) may reach:
/// only local files inside one folder, after resolving `..` and symlinks.
struct FileAccessPolicy {
    /// The allowed folder, symlink-free.
    let root: String
    let maxBytes: Int

    struct Refusal: Error {
        let reason: String
    }

    /// The local path a reference names, resolved against `directory`; network URLs and
    /// other schemes, `file:` URLs with a host, and fragment identifiers are refused.
    static func localPath(forReference reference: String, relativeTo directory: String) throws(Refusal) -> String {
        if let scheme = scheme(of: reference) {
            guard scheme == "file" else {
                throw Refusal(reason: "network and other non-file URLs are not allowed (\(scheme):)")
            }
            guard let url = URL(string: reference), !url.path.isEmpty else {
                throw Refusal(reason: "not a usable file: URL")
            }
            if let host = url.host, !host.isEmpty, host != "localhost" {
                throw Refusal(reason: "file: URLs naming a host are not allowed")
            }
            if url.fragment != nil {
                throw Refusal(reason: "fragment identifiers (#...) are not supported")
            }
            return SourceFile.lexicallyStandardized(url.path)
        }
        if reference.contains("#") {
            throw Refusal(reason: "fragment identifiers (#...) are not supported")
        }
        let decoded = reference.removingPercentEncoding ?? reference
        return SourceFile.join(directory, decoded)
    }

    /// The URI scheme (lowercased) if the reference starts with one (`http:`, `file:`).
    static func scheme(of reference: String) -> String? {
        guard let colon = reference.firstIndex(of: ":") else { return nil }
        let candidate = reference[..<colon]
        guard let first = candidate.first, first.isASCII, first.isLetter,
              candidate.count >= 2,
              candidate.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) })
        else { return nil }
        return candidate.lowercased()
    }

    /// Checks that `path` exists, is a regular file inside the root (after resolving
    /// symlinks) and not larger than `maxBytes`; returns its symlink-free path.
    func check(path: String) throws(Refusal) -> String {
        guard let real = SourceFile.realPath(path) else {
            throw Refusal(reason: "no such file (\(path))")
        }
        guard SourceFile.isInside(real, root: root) else {
            if real != path {
                throw Refusal(reason: "it resolves to \(real), outside the allowed folder \(root)")
            }
            throw Refusal(reason: "\(real) is outside the allowed folder \(root)")
        }
        var status = stat()
        guard stat(real, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            throw Refusal(reason: "\(real) is not a regular file")
        }
        guard Int(status.st_size) <= maxBytes else {
            throw Refusal(reason: "\(real) is \(status.st_size) bytes, over the limit of \(maxBytes) bytes")
        }
        return real
    }
}
