import Foundation

/// Finds the essays among files and folders, for batch grading.
///
/// - Folders are walked recursively; symbolic links to files and folders are followed.
///   A link leading back to a folder being walked (a loop) is reported once as an error and
///   not followed; a link to a folder inside the folder given, or to one already walked, is
///   skipped (its files are read through their own path).
/// - Hidden files and folders (name starting with "."), `__MACOSX`, `Thumbs.db`,
///   `desktop.ini` and Office lock files (`~$...`) are ignored silently.
/// - Other file types are skipped with a reason; so is a second path to a file already found.
/// - Order is deterministic: arguments in the order given; within a folder, by relative
///   path in byte order. Display names are relative to the folder given, or the file name.
public enum EssayCollector {
    public static func collect(_ paths: [URL]) -> EssayCollection {
        var walk = CollectorWalk()
        for url in paths { walk.add(url) }
        return walk.collection
    }

    /// Names never meant as essays, ignored without a word.
    static func isJunk(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasPrefix("~$") || name == "__MACOSX" || name.lowercased() == "thumbs.db"
            || name.lowercased() == "desktop.ini"
    }
}

/// The state of one collection.
struct CollectorWalk {
    var collection = EssayCollection()
    /// Real paths of the essays found → their display names.
    private var seenFiles: [String: String] = [:]
    /// Real paths of the folders walked → their display names.
    private var seenFolders: [String: String] = [:]
    private static let maxDepth = 256

    private struct Candidate {
        var url: URL
        var relative: String
        var realPath: String
        var format: EssayFormat
        /// The path's last component is a symbolic link.
        var isLink: Bool
    }

    mutating func add(_ url: URL) {
        let path = url.path
        let shown = url.relativePath.isEmpty ? path : url.relativePath
        var info = stat()
        guard stat(path, &info) == 0 else {
            collection.errors.append(IngestError(file: shown, reason: Self.statFailure(path, errno)))
            return
        }
        let type = info.st_mode & S_IFMT
        if type == S_IFDIR {
            guard let real = Self.realPath(path) else {
                collection.errors.append(IngestError(file: shown, reason: FileBytes.reason(errno)))
                return
            }
            if let earlier = seenFolders[real] {
                collection.skipped.append(SkippedFile(url: url, displayName: shown, reason: "the same folder as \(earlier), already read"))
                return
            }
            var candidates: [Candidate] = []
            let firstSkipped = collection.skipped.count
            walkFolder(path, relative: "", shown: shown, root: real, ancestors: [real], depth: 0, into: &candidates)
            candidates.sort { $0.relative.utf8.lexicographicallyPrecedes($1.relative.utf8) }
            // Of several paths to one file, the file's own path wins over links to it.
            var preferred: [String: Int] = [:]
            for (index, candidate) in candidates.enumerated() {
                if let earlier = preferred[candidate.realPath], !candidates[earlier].isLink || candidate.isLink { continue }
                preferred[candidate.realPath] = index
            }
            for (index, candidate) in candidates.enumerated() where preferred[candidate.realPath] == index { accept(candidate) }
            for (index, candidate) in candidates.enumerated() where preferred[candidate.realPath] != index { accept(candidate) }
            collection.skipped[firstSkipped...].sort { $0.displayName.utf8.lexicographicallyPrecedes($1.displayName.utf8) }
            return
        }
        let name = url.lastPathComponent
        guard type == S_IFREG else {
            collection.skipped.append(SkippedFile(url: url, displayName: name, reason: "not a regular file"))
            return
        }
        if name.hasPrefix("~$") {
            collection.skipped.append(SkippedFile(url: url, displayName: name, reason: "an Office lock file, not an essay"))
            return
        }
        guard let format = EssayFormat(fileExtension: url.pathExtension) else {
            collection.skipped.append(SkippedFile(url: url, displayName: name, reason: Self.notEssay(url)))
            return
        }
        accept(Candidate(url: url, relative: name, realPath: Self.realPath(path) ?? path, format: format, isLink: false))
    }

    private mutating func accept(_ candidate: Candidate) {
        if let earlier = seenFiles[candidate.realPath] {
            collection.skipped.append(SkippedFile(url: candidate.url, displayName: candidate.relative,
                                                  reason: "the same file as \(earlier)"))
            return
        }
        seenFiles[candidate.realPath] = candidate.relative
        collection.files.append(EssayFile(url: candidate.url, displayName: candidate.relative, format: candidate.format))
    }

    private static func notEssay(_ url: URL) -> String {
        url.pathExtension.isEmpty ? "not an essay format (no file extension)" : "not an essay format (.\(url.pathExtension))"
    }

    private static func folderFailure(_ code: Int32) -> String {
        code == EACCES || code == EPERM ? "cannot read the folder (permission denied)"
            : "cannot read the folder (\(String(cString: strerror(code))))"
    }

    private static func statFailure(_ path: String, _ code: Int32) -> String {
        var info = stat()
        if code == ENOENT, lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK {
            return "a symbolic link to a missing file"
        }
        if code == ELOOP { return "a symbolic link loop" }
        return FileBytes.reason(code)
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The names in a folder (without "." and ".."), or an errno.
    private struct Errno: Error {
        var code: Int32
    }

    private static func names(in path: String) -> Result<[String], Errno> {
        guard let directory = opendir(path) else {
            return .failure(Errno(code: errno))
        }
        defer { closedir(directory) }
        var names: [String] = []
        while true {
            errno = 0
            guard let entry = readdir(directory) else {
                if errno != 0 { return .failure(Errno(code: errno)) }
                break
            }
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw -> String in
                let bytes = raw.bindMemory(to: UInt8.self)
                let length = bytes.firstIndex(of: 0) ?? bytes.count
                return String(decoding: bytes[..<length], as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return .success(names)
    }

    private mutating func walkFolder(
        _ path: String, relative: String, shown: String, root: String, ancestors: [String], depth: Int,
        into candidates: inout [Candidate]
    ) {
        let folderName = relative.isEmpty ? shown : relative
        guard depth < Self.maxDepth else {
            collection.errors.append(IngestError(file: folderName, reason: "folders nested too deeply (over \(Self.maxDepth) levels)"))
            return
        }
        if let real = ancestors.last { seenFolders[real] = folderName }
        let names: [String]
        switch Self.names(in: path) {
        case .success(let found): names = found
        case .failure(let code):
            collection.errors.append(IngestError(file: folderName, reason: Self.folderFailure(code.code)))
            return
        }
        for name in names.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) where !EssayCollector.isJunk(name) {
            let childPath = path.hasSuffix("/") ? path + name : path + "/" + name
            let childRelative = relative.isEmpty ? name : relative + "/" + name
            let childURL = URL(fileURLWithPath: childPath)
            var info = stat()
            guard stat(childPath, &info) == 0 else {
                let code = errno
                if EssayFormat(fileExtension: childURL.pathExtension) != nil || code == ELOOP {
                    collection.errors.append(IngestError(file: childRelative, reason: Self.statFailure(childPath, code)))
                } else {
                    collection.skipped.append(SkippedFile(url: childURL, displayName: childRelative, reason: Self.statFailure(childPath, code)))
                }
                continue
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                guard let real = Self.realPath(childPath) else {
                    collection.errors.append(IngestError(file: childRelative, reason: FileBytes.reason(errno)))
                    continue
                }
                if let ancestor = ancestors.firstIndex(of: real) {
                    let target = ancestor == 0 ? "the folder given" : seenFolders[real] ?? real
                    collection.errors.append(IngestError(file: childRelative, reason: "a symbolic link loop (it leads back to \(target)); not followed"))
                    continue
                }
                if let earlier = seenFolders[real] {
                    collection.skipped.append(SkippedFile(url: childURL, displayName: childRelative, reason: "a link to \(earlier), already read"))
                    continue
                }
                var isLink = stat()
                if lstat(childPath, &isLink) == 0, isLink.st_mode & S_IFMT == S_IFLNK, real.hasPrefix(root + "/") {
                    collection.skipped.append(SkippedFile(url: childURL, displayName: childRelative,
                                                          reason: "a link to \(real.dropFirst(root.count + 1)), read through its own path"))
                    continue
                }
                walkFolder(childPath, relative: childRelative, shown: shown, root: root, ancestors: ancestors + [real],
                           depth: depth + 1, into: &candidates)
            case S_IFREG:
                guard let format = EssayFormat(fileExtension: childURL.pathExtension) else {
                    collection.skipped.append(SkippedFile(url: childURL, displayName: childRelative, reason: Self.notEssay(childURL)))
                    continue
                }
                var link = stat()
                let isLink = lstat(childPath, &link) == 0 && link.st_mode & S_IFMT == S_IFLNK
                candidates.append(Candidate(url: childURL, relative: childRelative, realPath: Self.realPath(childPath) ?? childPath,
                                            format: format, isLink: isLink))
            default:
                collection.skipped.append(SkippedFile(url: childURL, displayName: childRelative, reason: "not a regular file"))
            }
        }
    }
}
