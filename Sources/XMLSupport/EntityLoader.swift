internal import CLibXML2
import Foundation

/// A load that libxml2 may make on one thread while it runs: the folder it may read
/// from, and where refusals are reported.
final class LoadPermit {
    let policy: FileAccessPolicy
    let collector: DiagnosticCollector

    init(policy: FileAccessPolicy, collector: DiagnosticCollector) {
        self.policy = policy
        self.collector = collector
    }
}

/// The roots libxml2 may currently load from, one per thread that is running an operation
/// needing it (compiling a schema whose `xs:include`/`xs:import` name other files).
/// Lock-protected; the loader looks up the calling thread, since libxml2 calls it
/// synchronously from inside that operation.
final class LoadPermits: @unchecked Sendable {
    static let shared = LoadPermits()

    private let lock = NSLock()
    private var permits: [pthread_t: LoadPermit] = [:]

    /// Runs `body` with `permit` registered for the calling thread.
    func with<Result>(_ permit: LoadPermit, _ body: () -> Result) -> Result {
        let thread = pthread_self()
        lock.lock()
        let previous = permits.updateValue(permit, forKey: thread)
        lock.unlock()
        defer {
            lock.lock()
            permits[thread] = previous
            lock.unlock()
        }
        return body()
    }

    func current() -> LoadPermit? {
        lock.lock()
        defer { lock.unlock() }
        return permits[pthread_self()]
    }
}

/// The process-wide external entity loader, installed once (see `LibXML`).
///
/// Parsing never asks for DTDs or entities (no DTDLOAD/NOENT) and XInclude is done by
/// XMLSupport itself, so for documents this loader is only a backstop and refuses
/// everything. It allows exactly one kind of load: a whole document (the context has no
/// input yet, so not a DTD or an entity inside a document) that is a local file under the
/// root registered for the calling thread. Such documents get the same error collection
/// and entity refusal as documents XMLSupport parses itself.
func guardedEntityLoader(
    _ url: UnsafePointer<CChar>?, _ id: UnsafePointer<CChar>?, _ context: xmlParserCtxtPtr?
) -> xmlParserInputPtr? {
    guard let permit = LoadPermits.shared.current() else { return nil }
    let reference = swiftString(url) ?? ""
    func refuse(_ reason: String) -> xmlParserInputPtr? {
        permit.collector.add("refused to load '\(reference)': \(reason)")
        return nil
    }
    guard let context, !reference.isEmpty else { return refuse("no parser context") }
    guard context.pointee.inputNr == 0 else {
        return refuse("DTDs and external entities are never loaded")
    }
    let real: String
    do {
        let path = try FileAccessPolicy.localPath(forReference: reference, relativeTo: "")
        real = try permit.policy.check(path: path)
    } catch {
        return refuse(error.reason)
    }
    guard let input = xmlNewInputFromFile(context, real) else {
        return refuse("cannot open \(real)")
    }
    DocumentParser.installHooks(on: context, collector: permit.collector)
    return input
}

/// Asks the installed loader for `url`, as libxml2 itself would: for a whole document
/// (a fresh context), or from inside a document being parsed (a DTD or entity load).
/// True when the loader handed out an input. Exists to test the backstop.
func probeExternalEntityLoad(_ url: String, insideDocument: Bool = false) -> Bool {
    LibXML.ensureInitialized()
    let source: StaticString = "<a/>"
    let context = insideDocument
        ? source.utf8Start.withMemoryRebound(to: CChar.self, capacity: source.utf8CodeUnitCount) {
            xmlCreateMemoryParserCtxt($0, Int32(source.utf8CodeUnitCount))
        }
        : xmlNewParserCtxt()
    guard let context else { return false }
    defer { xmlFreeParserCtxt(context) }
    let collector = DiagnosticCollector(file: "probe")
    return withExtendedLifetime(collector) {
        DocumentParser.installHooks(on: context, collector: collector)
        guard let input = xmlLoadExternalEntity(url, nil, context) else { return false }
        xmlFreeInputStream(input)
        return true
    }
}
