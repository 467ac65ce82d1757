import Dispatch
import Foundation

/// Ctrl-C (SIGINT) or SIGTERM during a batch: stop taking new essays, let the ones
/// being graded finish (their reports are written whole), then report and exit 130.
final class Interruption: @unchecked Sendable {
    static let shared = Interruption()

    private let lock = NSLock()
    private var requested = false
    private var sources: [DispatchSourceSignal] = []

    var isRequested: Bool {
        lock.lock()
        defer { lock.unlock() }
        return requested
    }

    /// Replaces the default "die at once" for SIGINT and SIGTERM with a request to stop.
    func watch() {
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { [weak self] in
                guard let self else { return }
                self.lock.lock()
                self.requested = true
                self.lock.unlock()
                Console.error("interrupted: finishing the essays being graded, then stopping")
            }
            source.resume()
            sources.append(source)
        }
    }
}
