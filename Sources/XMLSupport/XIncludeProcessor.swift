internal import CLibXML2
import Foundation

/// XInclude, done by XMLSupport over libxml2 trees rather than by libxml2's engine
/// (which in 2.9.14 parses included files with DTD loading on, reports through global
/// error handlers, adds `xml:base` attributes that schemas reject, and silently falls
/// back when a load is refused).
///
/// Each `xi:include` (2001 or 2003 namespace) is checked by `FileAccessPolicy`, the file
/// is read with a size bound and parsed by `DocumentParser` (same safe options, entity
/// refusal), its own includes are expanded, and a copy of its root element (or, for
/// parse="text", its text) replaces the `xi:include` element. Element locations travel
/// with the copies, so included content keeps its own file, line and column.
///
/// Not supported (refused with a diagnostic): `xpointer`, fragment identifiers, includes
/// without `href`, text encodings other than UTF-8. `xi:fallback` is never used: a refused
/// or missing include is an error.
struct XIncludeProcessor {
    static let maxDepth = 16
    static let maxIncludes = 1_000

    let policy: FileAccessPolicy
    private(set) var diagnostics: [XMLDiagnostic] = []
    private var includeCount = 0
    /// Parsed and expanded included documents by symlink-free path, with their expanded size.
    private var cache: [String: (document: LibXMLDocument, weight: Int)] = [:]

    init(policy: FileAccessPolicy) {
        self.policy = policy
    }

    /// One file in the chain of includes.
    struct Source {
        /// Name used in diagnostics and locations.
        var display: String
        /// Absolute path, for resolving relative hrefs.
        var path: String
        /// Symlink-free paths of this file and every file including it (loop detection).
        var chain: [String]
    }

    /// Expands every `xi:include` in `document`; returns the size of the expanded content
    /// (the document's own bytes plus everything included).
    @discardableResult
    mutating func expand(_ document: LibXMLDocument, source: Source) -> Int {
        var weight = document.byteCount
        for include in Self.includeElements(of: document) {
            guard diagnostics.count < 100 else { break }
            let location = document.location(of: include, defaultFile: source.display)
            let href = include.plainAttribute("href") ?? ""
            func refuse(_ reason: String) {
                let shown = href.isEmpty ? "xi:include" : "xi:include of '\(href)'"
                diagnostics.append(XMLDiagnostic(file: location.file, line: location.line, column: location.column,
                                                 message: "\(shown) refused: \(reason)"))
            }
            includeCount += 1
            guard includeCount <= Self.maxIncludes else {
                refuse("more than \(Self.maxIncludes) includes")
                break
            }
            guard source.chain.count <= Self.maxDepth else {
                refuse("includes nested more than \(Self.maxDepth) deep")
                continue
            }
            guard include.plainAttribute("xpointer") == nil else {
                refuse("the xpointer attribute is not supported")
                continue
            }
            guard !href.isEmpty else {
                refuse("an href naming a file is required")
                continue
            }
            let parse = include.plainAttribute("parse") ?? "xml"
            guard parse == "xml" || parse == "text" else {
                refuse("parse must be \"xml\" or \"text\", not \"\(parse)\"")
                continue
            }
            let path: String
            let real: String
            do {
                path = try FileAccessPolicy.localPath(forReference: href, relativeTo: SourceFile.directory(of: source.path))
                real = try policy.check(path: path)
            } catch {
                refuse(error.reason)
                continue
            }
            if source.chain.contains(real) {
                refuse("inclusion loop (\(real) includes itself)")
                continue
            }
            let display = FileAccessPolicy.scheme(of: href) == nil && !href.hasPrefix("/")
                ? SourceFile.join(SourceFile.directory(of: source.display), href.removingPercentEncoding ?? href)
                : path
            let replacement: xmlNodePtr
            let addedWeight: Int
            if parse == "text" {
                guard include.pointee.parent?.pointee.type == XML_ELEMENT_NODE else {
                    refuse("a text include cannot be the document element")
                    continue
                }
                let encoding = include.plainAttribute("encoding")?.lowercased()
                guard encoding == nil || encoding == "utf-8" || encoding == "us-ascii" else {
                    refuse("only UTF-8 text can be included")
                    continue
                }
                let bytes: [UInt8]
                do {
                    bytes = try SourceFile.read(path: real, display: display, maxBytes: policy.maxBytes)
                } catch {
                    diagnostics += error.diagnostics
                    continue
                }
                if let problem = Self.textProblem(bytes) {
                    refuse("\(display) \(problem)")
                    continue
                }
                guard let node = bytes.withUnsafeBufferPointer({ xmlNewDocTextLen(document.doc, $0.baseAddress, Int32($0.count)) }) else {
                    refuse("out of memory")
                    continue
                }
                replacement = node
                addedWeight = bytes.count
            } else {
                let included: (document: LibXMLDocument, weight: Int)
                if let cached = cache[real] {
                    included = cached
                } else {
                    let parsed: LibXMLDocument
                    do {
                        let bytes = try SourceFile.read(path: real, display: display, maxBytes: policy.maxBytes)
                        parsed = try DocumentParser.parse(bytes: bytes, display: display, url: path)
                    } catch {
                        diagnostics += error.diagnostics
                        continue
                    }
                    let errorsBefore = diagnostics.count
                    let expandedWeight = expand(parsed, source: Source(display: display, path: path, chain: source.chain + [real]))
                    guard diagnostics.count == errorsBefore else { continue }
                    included = (parsed, expandedWeight)
                    cache[real] = included
                }
                guard let includedRoot = included.document.rootElement,
                      let copy = xmlDocCopyNode(includedRoot, document.doc, 1)
                else {
                    refuse("the included document has no root element")
                    continue
                }
                Self.copyLocations(from: includedRoot, in: included.document, to: copy, in: document)
                replacement = copy
                addedWeight = included.weight
            }
            weight += addedWeight
            guard weight <= policy.maxBytes else {
                xmlFreeNode(replacement)
                refuse("the included content exceeds the size limit of \(policy.maxBytes) bytes")
                break
            }
            Self.forgetLocations(under: include, in: document)
            if let old = xmlReplaceNode(include, replacement) {
                xmlFreeNode(old)
            }
        }
        return weight
    }

    /// The `xi:include` elements of a document, in order (not looking inside them).
    private static func includeElements(of document: LibXMLDocument) -> [xmlNodePtr] {
        var result: [xmlNodePtr] = []
        var stack: [xmlNodePtr] = []
        var next: xmlNodePtr? = document.doc.pointee.children
        while true {
            guard let node = next else {
                guard let parent = stack.popLast() else { break }
                next = parent.pointee.next
                continue
            }
            if node.isElement, isXInclude(node) {
                result.append(node)
                next = node.pointee.next
            } else if node.isElement, let child = node.pointee.children {
                stack.append(node)
                next = child
            } else {
                next = node.pointee.next
            }
        }
        return result
    }

    private static func isXInclude(_ node: xmlNodePtr) -> Bool {
        guard swiftString(node.pointee.name) == "include",
              let namespace = node.pointee.ns.flatMap({ swiftString($0.pointee.href) })
        else { return false }
        return LibXML.xincludeNamespaces.contains(namespace)
    }

    /// Why text cannot be included (not UTF-8, or characters XML 1.0 forbids), or nil.
    private static func textProblem(_ bytes: [UInt8]) -> String? {
        guard let text = String(bytes: bytes, encoding: .utf8) else { return "is not valid UTF-8 text" }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D) || value == 0xFFFE || value == 0xFFFF {
                return "contains characters XML does not allow (U+\(String(value, radix: 16, uppercase: true)))"
            }
        }
        return nil
    }

    /// Gives each element of a fresh copy the location of the element it was copied from
    /// (the copy has the same shape).
    private static func copyLocations(
        from original: xmlNodePtr, in source: LibXMLDocument, to copy: xmlNodePtr, in target: LibXMLDocument
    ) {
        var pairs: [(xmlNodePtr, xmlNodePtr)] = [(original, copy)]
        while let (from, to) = pairs.popLast() {
            if let location = source.locations[from] { target.locations[to] = location }
            var a = from.pointee.children
            var b = to.pointee.children
            while let left = a, let right = b {
                guard left.pointee.type == right.pointee.type else { break }
                if left.isElement { pairs.append((left, right)) }
                a = left.pointee.next
                b = right.pointee.next
            }
        }
    }

    /// Drops the locations of a subtree about to be freed (its addresses may be reused).
    private static func forgetLocations(under node: xmlNodePtr, in document: LibXMLDocument) {
        var stack = [node]
        while let current = stack.popLast() {
            document.locations[current] = nil
            var child = current.pointee.children
            while let element = child {
                if element.isElement { stack.append(element) }
                child = element.pointee.next
            }
        }
    }
}
