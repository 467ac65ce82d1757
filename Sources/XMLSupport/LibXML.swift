internal import CLibXML2

/// Process-wide libxml2 set-up, done once: `xmlInitParser()` and the refusing
/// external entity loader. `xmlCleanupParser()` is never called.
enum LibXML {
    private static let initialized: Bool = {
        xmlInitParser()
        xmlSetExternalEntityLoader(guardedEntityLoader)
        return true
    }()

    static func ensureInitialized() {
        _ = initialized
    }

    /// Safe options for untrusted input: no network, no DTD loading or validation,
    /// no entity substitution, no huge-input mode; errors are collected, never printed.
    static let parseOptions: Int32 = Int32(bitPattern:
        XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_NOERROR.rawValue
            | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_NSCLEAN.rawValue)

    static let xincludeNamespaces: Set<String> = [
        "http://www.w3.org/2001/XInclude", "http://www.w3.org/2003/XInclude",
    ]
}

/// A Swift string from a libxml2 string (UTF-8; invalid bytes are repaired).
func swiftString(_ pointer: UnsafePointer<xmlChar>?) -> String? {
    guard let pointer else { return nil }
    return String(cString: pointer)
}

func swiftString(_ pointer: UnsafePointer<CChar>?) -> String? {
    guard let pointer else { return nil }
    return String(cString: pointer)
}

/// A libxml2-allocated string, freed after conversion.
func takeString(_ pointer: UnsafeMutablePointer<xmlChar>?) -> String? {
    guard let pointer else { return nil }
    defer { essay_grader_xml_free(pointer) }
    return String(cString: pointer)
}

/// libxml2 messages end with a newline and sometimes span lines: make them one clean line.
func cleanMessage(_ raw: String) -> String {
    var text = raw.replacingOccurrencesOfNewlines()
    while let last = text.last, last.isWhitespace { text.removeLast() }
    while let first = text.first, first.isWhitespace { text.removeFirst() }
    return text
}

extension String {
    fileprivate func replacingOccurrencesOfNewlines() -> String {
        guard contains(where: \.isNewline) else { return self }
        var result = ""
        var lastWasBreak = false
        for character in self {
            if character.isNewline {
                if !lastWasBreak { result.append(" ") }
                lastWasBreak = true
            } else {
                result.append(character)
                lastWasBreak = false
            }
        }
        return result
    }
}

extension UnsafeMutablePointer where Pointee == xmlNode {
    /// `prefix:name` as written in the source (for finding the start tag).
    var qualifiedName: String {
        let local = swiftString(pointee.name) ?? ""
        if let ns = pointee.ns, let prefix = swiftString(ns.pointee.prefix), !prefix.isEmpty {
            return prefix + ":" + local
        }
        return local
    }

    var isElement: Bool { pointee.type == XML_ELEMENT_NODE }

    /// The value of an attribute without namespace, or nil.
    func plainAttribute(_ name: String) -> String? {
        takeString(xmlGetNoNsProp(self, name))
    }
}
