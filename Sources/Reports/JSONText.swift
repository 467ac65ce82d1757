/// A JSON value with ordered object keys, written pretty-printed by hand so that key
/// order is fixed and readable, numbers look like the other formats' (`3`, `2.5`),
/// and slashes stay unescaped.
enum JSONText {
    case string(String)
    case number(Double)
    case integer(Int)
    case bool(Bool)
    case null
    case array([JSONText])
    case object([(String, JSONText)])

    static func optional(_ text: String?) -> JSONText { text.map(JSONText.string) ?? .null }

    /// Two-space indentation, `"key": value`, a newline at the end.
    func rendered() -> String {
        var output = ""
        write(to: &output, depth: 0)
        output.append("\n")
        return output
    }

    private func write(to output: inout String, depth: Int) {
        switch self {
        case .string(let text): Self.writeString(text, to: &output)
        case .number(let value): output += ReportNumber.format(value)
        case .integer(let value): output += String(value)
        case .bool(let value): output += value ? "true" : "false"
        case .null: output += "null"
        case .array(let items):
            guard !items.isEmpty else { output += "[]"; return }
            output += "["
            for (index, item) in items.enumerated() {
                output += index == 0 ? "\n" : ",\n"
                output += String(repeating: "  ", count: depth + 1)
                item.write(to: &output, depth: depth + 1)
            }
            output += "\n" + String(repeating: "  ", count: depth) + "]"
        case .object(let members):
            guard !members.isEmpty else { output += "{}"; return }
            output += "{"
            for (index, (key, value)) in members.enumerated() {
                output += index == 0 ? "\n" : ",\n"
                output += String(repeating: "  ", count: depth + 1)
                Self.writeString(key, to: &output)
                output += ": "
                value.write(to: &output, depth: depth + 1)
            }
            output += "\n" + String(repeating: "  ", count: depth) + "}"
        }
    }

    /// RFC 8259 string: quote, backslash and control characters escaped; everything else
    /// (slashes and non-ASCII included) as is.
    private static func writeString(_ text: String, to output: inout String) {
        output.append("\"")
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
                let hex = String(scalar.value, radix: 16, uppercase: false)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                output.unicodeScalars.append(scalar)
            }
        }
        output.append("\"")
    }
}
