internal import CLibXML2

/// Copies a libxml2 tree into `XMLTree` values (iteratively: depth is not limited by the stack).
enum TreeBuilder {
    /// The element tree under the document element, or diagnostics (an entity reference
    /// left in the tree, which only a DOCTYPE with an unloaded external subset allows).
    static func build(_ document: LibXMLDocument, file: String) throws(XMLFailure) -> XMLTree.Element {
        guard let rootNode = document.rootElement else {
            throw XMLFailure(file: file, "the document has no root element")
        }
        var problems: [XMLDiagnostic] = []
        func shell(_ node: xmlNodePtr) -> XMLTree.Element {
            let location = document.location(of: node, defaultFile: file)
            var attributes: [XMLTree.Attribute] = []
            var property = node.pointee.properties
            while let attribute = property {
                var value = ""
                var child = attribute.pointee.children
                while let part = child {
                    if part.pointee.type == XML_TEXT_NODE, let content = swiftString(part.pointee.content) {
                        value += content
                    } else if part.pointee.type == XML_ENTITY_REF_NODE {
                        problems.append(entityProblem(part, at: location))
                    }
                    child = part.pointee.next
                }
                attributes.append(XMLTree.Attribute(
                    name: swiftString(attribute.pointee.name) ?? "", value: value,
                    namespaceURI: attribute.pointee.ns.flatMap { swiftString($0.pointee.href) }))
                property = attribute.pointee.next
            }
            return XMLTree.Element(
                name: swiftString(node.pointee.name) ?? "",
                namespaceURI: node.pointee.ns.flatMap { swiftString($0.pointee.href) },
                attributes: attributes, children: [], location: location)
        }

        var stack: [(element: XMLTree.Element, next: xmlNodePtr?)] = [(shell(rootNode), rootNode.pointee.children)]
        while true {
            let top = stack.count - 1
            guard let node = stack[top].next else {
                let done = stack.removeLast().element
                if stack.isEmpty {
                    if !problems.isEmpty { throw XMLFailure(diagnostics: problems) }
                    return done
                }
                stack[stack.count - 1].element.children.append(.element(done))
                continue
            }
            stack[top].next = node.pointee.next
            switch node.pointee.type {
            case XML_ELEMENT_NODE:
                stack.append((shell(node), node.pointee.children))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                guard let content = swiftString(node.pointee.content), !content.isEmpty else { break }
                if case .text(let previous)? = stack[top].element.children.last {
                    stack[top].element.children[stack[top].element.children.count - 1] = .text(previous + content)
                } else {
                    stack[top].element.children.append(.text(content))
                }
            case XML_ENTITY_REF_NODE:
                problems.append(entityProblem(node, at: stack[top].element.location))
            default:
                break  // comments, processing instructions
            }
        }
    }

    private static func entityProblem(_ node: xmlNodePtr, at location: XMLTree.Location) -> XMLDiagnostic {
        let name = swiftString(node.pointee.name) ?? "?"
        return XMLDiagnostic(file: location.file, line: location.line, column: location.column,
                             message: "entity reference &\(name); is not allowed (entities are not supported)")
    }
}
