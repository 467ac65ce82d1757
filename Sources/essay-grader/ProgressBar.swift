import Foundation

/// A one-line progress bar on standard error: counts, rate and time left.
/// Redrawn at most ten times a second.
final class ProgressBar: @unchecked Sendable {
    private let total: Int
    private let start = Date()
    private let lock = NSLock()
    private var done = 0
    private var lastDraw = Date.distantPast

    init(total: Int) { self.total = total }

    func advance() {
        lock.lock()
        defer { lock.unlock() }
        done += 1
        let now = Date()
        if done == total || now.timeIntervalSince(lastDraw) >= 0.1 {
            lastDraw = now
            draw(now)
        }
    }

    func finish() {
        lock.lock()
        defer { lock.unlock() }
        draw(Date())
        FileHandle.standardError.write(Data("\n".utf8))
    }

    private func draw(_ now: Date) {
        let elapsed = max(now.timeIntervalSince(start), 0.001)
        let rate = Double(done) / elapsed
        let width = 30
        let filled = total > 0 ? done * width / total : width
        let remaining = rate > 0 ? Double(total - done) / rate : 0
        let bar = String(repeating: "=", count: filled) + String(repeating: " ", count: width - filled)
        let line = String(format: "\r[%@] %d/%d  %.1f essays/s  %@ left ", bar, done, total, rate, Self.duration(remaining))
        FileHandle.standardError.write(Data(line.utf8))
    }

    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.up))
        return whole >= 60 ? "\(whole / 60)m\(String(format: "%02d", whole % 60))s" : "\(whole)s"
    }
}
