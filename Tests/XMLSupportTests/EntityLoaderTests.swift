import Foundation
import Testing
@testable import XMLSupport

/// The process-wide external entity loader, asked directly (parsing never asks it).
@Suite struct EntityLoaderTests {
    @Test func refusesEverythingWithoutAPermit() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("inside.xml", "<a/>")
        #expect(!probeExternalEntityLoad(file.path))
        #expect(!probeExternalEntityLoad("/etc/passwd"))
        #expect(!probeExternalEntityLoad("http://example.com/x"))
    }

    @Test func allowsOnlyWholeLocalDocumentsUnderThePermittedRoot() throws {
        let folder = try TemporaryFolder()
        let inside = try folder.write("root/inside.xml", "<a/>")
        let outside = try folder.write("outside.xml", "<a/>")
        let collector = DiagnosticCollector(file: "probe")
        let permit = LoadPermit(
            policy: FileAccessPolicy(root: folder.url.appendingPathComponent("root").path, maxBytes: 1 << 20),
            collector: collector)
        final class Flag: @unchecked Sendable { var value = true }
        let otherThread = Flag()
        LoadPermits.shared.with(permit) {
            #expect(probeExternalEntityLoad(inside.path))
            #expect(probeExternalEntityLoad("file://" + inside.path))
            #expect(!probeExternalEntityLoad(inside.path, insideDocument: true))  // DTD or entity
            #expect(!probeExternalEntityLoad(outside.path))
            #expect(!probeExternalEntityLoad(inside.path + "/../../outside.xml"))
            #expect(!probeExternalEntityLoad("/etc/passwd"))
            #expect(!probeExternalEntityLoad("http://example.com/x"))
            // The permit is for this thread only.
            let done = DispatchSemaphore(value: 0)
            let thread = Thread {
                otherThread.value = probeExternalEntityLoad(inside.path)
                done.signal()
            }
            thread.start()
            done.wait()
        }
        #expect(otherThread.value == false)
        #expect(!probeExternalEntityLoad(inside.path))  // permit gone
        let messages = collector.diagnostics.map(\.message)
        #expect(messages.count == 5)
        #expect(messages.allSatisfy { $0.hasPrefix("refused to load") })
        #expect(messages.contains { $0.contains("DTDs and external entities are never loaded") })
        #expect(messages.contains { $0.contains("network") })
    }
}
