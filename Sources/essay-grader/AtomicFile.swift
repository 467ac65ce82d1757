import Foundation

/// Writes a file so that readers only ever see the old contents or the complete new
/// ones: the bytes go to a temporary file in the same folder, which is renamed over
/// the target. (No fsync: the rename is what makes the write all-or-nothing for an
/// interrupted run; surviving a power cut is not worth a disk flush per report.) An interrupted run leaves no
/// half-written report, and an old report is replaced only by a complete new one.
enum AtomicFile {
    struct WriteError: Error, CustomStringConvertible {
        var path: String
        var reason: String
        var description: String { "cannot write \(path): \(reason)" }
    }

    static func write(_ text: String, to url: URL) throws(WriteError) {
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw WriteError(path: url.path, reason: "cannot create the folder \(folder.path): \(reason(error))")
        }
        let temporary = folder.appendingPathComponent(
            ".\(url.lastPathComponent).\(temporaryMarker)-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw WriteError(path: url.path, reason: String(cString: strerror(errno))) }
        var failure: String?
        Array(text.utf8).withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno))
                    return
                }
                offset += written
            }
        }
        if close(descriptor) != 0, failure == nil { failure = String(cString: strerror(errno)) }
        if failure == nil, rename(temporary.path, url.path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary.path)
            throw WriteError(path: url.path, reason: failure)
        }
    }

    /// Part of every temporary file's name: ".NAME.essay-grader-PID-RANDOM.tmp".
    static let temporaryMarker = "essay-grader"

    /// Removes temporary files that a killed run left under `folder`: ours by name, and
    /// only when the process that made them is gone.
    static func removeLeftovers(under folder: URL) {
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return }
        while let path = walker.nextObject() as? String {
            let name = (path as NSString).lastPathComponent
            guard name.hasPrefix("."), name.hasSuffix(".tmp"), let marker = name.range(of: ".\(temporaryMarker)-") else { continue }
            let pidText = name[marker.upperBound...].prefix { $0.isNumber }
            guard let pid = Int32(pidText), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            unlink(folder.appendingPathComponent(path).path)
        }
    }

    private static func reason(_ error: Error) -> String {
        (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
    }
}
