import XMLSupport

/// Writes polyglot HTML5: a page browsers read as HTML and XML parsers as well-formed
/// XML (`<!DOCTYPE html>` without entities, XHTML namespace on the root, void elements
/// self-closed, other elements always with an end tag, only `&amp; &lt; &gt; &quot;`
/// and numeric references). Escaping comes from `XMLWriter`, which also drops the
/// characters XML 1.0 forbids. No whitespace is added except by `newline()`.
struct HTMLBuilder {
    private(set) var output = ""
    private var stack: [String] = []

    /// Starts a page: doctype, `<html>`, and a `<head>` with charset, viewport, title and
    /// the style sheet; leaves `<body>` open.
    init(title: String, css: String) {
        precondition(!css.contains("<") && !css.contains("&"), "the style sheet must not need escaping")
        output.reserveCapacity(32 * 1024)
        output += "<!DOCTYPE html>\n"
        open("html", ["xmlns": "http://www.w3.org/1999/xhtml", "lang": "en", "xml:lang": "en"])
        newline()
        open("head")
        newline()
        void("meta", ["charset": "utf-8"])
        newline()
        void("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"])
        newline()
        void("meta", ["name": "generator", "content": "essay-grader"])
        newline()
        element("title", text: title)
        newline()
        open("style")
        output += "\n" + css + "\n"
        close()
        newline()
        close()
        newline()
        open("body")
        newline()
    }

    typealias Attributes = KeyValuePairs<String, String?>

    /// `<name a="v">`. Attributes with a nil value are left out.
    mutating func open(_ name: String, _ attributes: Attributes = [:]) {
        output += "<" + name
        write(attributes)
        output += ">"
        stack.append(name)
    }

    /// Closes the innermost open element.
    mutating func close() {
        guard let name = stack.popLast() else { return }
        output += "</" + name + ">"
    }

    /// Closes open elements until `count` remain.
    mutating func close(downTo count: Int) {
        while stack.count > count { close() }
    }

    var depth: Int { stack.count }

    mutating func text(_ text: String) {
        output += XMLWriter.escapeText(text)
    }

    /// `<name a="v">text</name>`, end tag always written (even when empty).
    mutating func element(_ name: String, _ attributes: Attributes = [:], text: String = "") {
        open(name, attributes)
        self.text(text)
        close()
    }

    /// `<name a="v" />`: only for HTML void elements (`meta`, `br`, `hr`, ...) and SVG
    /// shapes; an HTML parser would treat `<div />` as an open tag.
    mutating func void(_ name: String, _ attributes: Attributes = [:]) {
        output += "<" + name
        write(attributes)
        output += " />"
    }

    mutating func newline() { output += "\n" }

    /// Closes everything (`</body></html>`) and returns the page.
    mutating func finish() -> String {
        close(downTo: 0)
        output += "\n"
        return output
    }

    private mutating func write(_ attributes: Attributes) {
        for (name, value) in attributes {
            guard let value else { continue }
            output += " " + name + "=\"" + XMLWriter.escapeAttribute(value) + "\""
        }
    }
}
