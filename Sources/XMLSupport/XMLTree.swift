/// An element tree: plain Swift values, no libxml2 pointers.
///
/// Comments and processing instructions are left out; CDATA sections become text;
/// adjacent text is merged into one `.text` node; whitespace between elements is kept
/// as text (use `elements` to skip it).
public enum XMLTree {
    public struct Element: Sendable, Hashable {
        /// Local name, no prefix.
        public var name: String
        public var namespaceURI: String?
        /// In document order; namespace declarations (`xmlns`, `xmlns:p`) are not attributes.
        public var attributes: [Attribute]
        public var children: [Node]
        /// Where the start tag begins (`<` of `<name`).
        public var location: Location

        public init(
            name: String, namespaceURI: String? = nil, attributes: [Attribute] = [],
            children: [Node] = [], location: Location = Location(file: "", line: 0, column: 0)
        ) {
            self.name = name
            self.namespaceURI = namespaceURI
            self.attributes = attributes
            self.children = children
            self.location = location
        }

        /// The value of the first attribute with this local name (any namespace).
        public subscript(attribute name: String) -> String? {
            attributes.first { $0.name == name }?.value
        }

        /// Child elements only, in order.
        public var elements: [Element] {
            children.compactMap {
                if case .element(let element) = $0 { return element }
                return nil
            }
        }

        /// Child elements with this local name.
        public func elements(named name: String) -> [Element] {
            elements.filter { $0.name == name }
        }

        /// The first child element with this local name.
        public func firstElement(named name: String) -> Element? {
            for case .element(let element) in children where element.name == name {
                return element
            }
            return nil
        }

        /// All descendant text concatenated, in document order.
        public var text: String {
            var result = ""
            var stack: [ArraySlice<Node>] = [children[...]]
            while !stack.isEmpty {
                guard let node = stack[stack.count - 1].popFirst() else {
                    stack.removeLast()
                    continue
                }
                switch node {
                case .text(let text): result += text
                case .element(let element): stack.append(element.children[...])
                }
            }
            return result
        }
    }

    public struct Attribute: Sendable, Hashable {
        /// Local name, no prefix.
        public var name: String
        public var value: String
        /// The attribute's namespace (for `w:val`, the namespace bound to `w`); nil when
        /// unprefixed. An addition to the original API.
        public var namespaceURI: String?

        public init(name: String, value: String, namespaceURI: String? = nil) {
            self.name = name
            self.value = value
            self.namespaceURI = namespaceURI
        }
    }

    public enum Node: Sendable, Hashable {
        case element(Element)
        case text(String)
    }

    /// A place in a source file. For elements: the line and column of the `<` that starts
    /// the start tag (even when the tag spans several lines); column 0 when it could not be
    /// recovered. Columns count code points, 1-based (see `XMLDiagnostic`).
    public struct Location: Sendable, Hashable {
        /// The document's name, or for content reached through XInclude, the included file.
        public var file: String
        public var line: Int
        public var column: Int

        public init(file: String, line: Int, column: Int) {
            self.file = file
            self.line = line
            self.column = column
        }
    }
}
