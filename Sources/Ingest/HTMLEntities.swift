/// Character references as HTML (and Markdown) write them: `&name;`, `&#NNN;`, `&#xHH;`.
enum HTMLEntities {
    /// Decodes the reference starting at `index` (which holds `&`). Returns the scalar and the
    /// number of bytes the reference takes, or nil when it is not a reference (a lone `&`,
    /// an unknown name: the caller keeps the text as it is).
    ///
    /// Numeric references may omit the `;`; zero, surrogates and values past U+10FFFF give
    /// U+FFFD; 128 to 159 mean their Windows-1252 characters, as in browsers. Named ones need
    /// the `;`, except `&amp`, `&lt`, `&gt`, `&quot` and `&nbsp` before a character that
    /// cannot continue a name.
    static func decode(_ bytes: ArraySlice<UInt8>, at index: Int) -> (scalar: UInt32, length: Int)? {
        var position = index + 1
        guard position < bytes.endIndex else { return nil }
        if bytes[position] == UInt8(ascii: "#") {
            position += 1
            var hex = false
            if position < bytes.endIndex, bytes[position] | 0x20 == UInt8(ascii: "x") {
                hex = true
                position += 1
            }
            var value: UInt32 = 0
            var digits = 0
            while position < bytes.endIndex, let digit = digitValue(bytes[position], hex: hex) {
                if value <= 0x10FFFF { value = value * (hex ? 16 : 10) + digit }
                digits += 1
                position += 1
            }
            guard digits > 0 else { return nil }
            if position < bytes.endIndex, bytes[position] == UInt8(ascii: ";") { position += 1 }
            let scalar: UInt32
            switch value {
            case 0, 0xD800...0xDFFF, 0x110000...: scalar = 0xFFFD
            case 0x80...0x9F: scalar = Windows1252.scalar(UInt8(value))
            default: scalar = value
            }
            return (scalar, position - index)
        }
        let nameStart = position
        while position < bytes.endIndex, position - nameStart < 32, isNameByte(bytes[position]) { position += 1 }
        guard position > nameStart else { return nil }
        let name = String(decoding: bytes[nameStart..<position], as: UTF8.self)
        if position < bytes.endIndex, bytes[position] == UInt8(ascii: ";") {
            guard let scalar = named[name] else { return nil }
            return (scalar, position + 1 - index)
        }
        if let scalar = legacy[name], position == bytes.endIndex || bytes[position] != UInt8(ascii: "=") {
            return (scalar, position - index)
        }
        return nil
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    private static func digitValue(_ byte: UInt8, hex: Bool) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    private static let legacy: [String: UInt32] = ["amp": 0x26, "lt": 0x3C, "gt": 0x3E, "quot": 0x22, "nbsp": 0xA0]

    /// Latin-1 names, in order from U+00A0 to U+00FF.
    private static let latin1 = """
        nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr \
        deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest \
        Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml \
        ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig \
        agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml \
        eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml
        """

    /// Greek capitals from U+0391 (U+03A2 is unassigned) and small letters from U+03B1.
    private static let greekCapitals = "Alpha Beta Gamma Delta Epsilon Zeta Eta Theta Iota Kappa Lambda Mu Nu Xi Omicron Pi Rho - Sigma Tau Upsilon Phi Chi Psi Omega"
    private static let greekSmall = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigmaf sigma tau upsilon phi chi psi omega"

    private static let others: [(String, UInt32)] = [
        ("quot", 0x22), ("amp", 0x26), ("apos", 0x27), ("lt", 0x3C), ("gt", 0x3E),
        ("OElig", 0x152), ("oelig", 0x153), ("Scaron", 0x160), ("scaron", 0x161), ("Yuml", 0x178),
        ("fnof", 0x192), ("circ", 0x2C6), ("tilde", 0x2DC),
        ("ensp", 0x2002), ("emsp", 0x2003), ("thinsp", 0x2009), ("zwnj", 0x200C), ("zwj", 0x200D),
        ("lrm", 0x200E), ("rlm", 0x200F), ("ndash", 0x2013), ("mdash", 0x2014), ("horbar", 0x2015),
        ("lsquo", 0x2018), ("rsquo", 0x2019), ("sbquo", 0x201A), ("ldquo", 0x201C), ("rdquo", 0x201D),
        ("bdquo", 0x201E), ("dagger", 0x2020), ("Dagger", 0x2021), ("bull", 0x2022), ("hellip", 0x2026),
        ("permil", 0x2030), ("prime", 0x2032), ("Prime", 0x2033), ("lsaquo", 0x2039), ("rsaquo", 0x203A),
        ("oline", 0x203E), ("frasl", 0x2044), ("euro", 0x20AC), ("trade", 0x2122), ("TRADE", 0x2122),
        ("larr", 0x2190), ("uarr", 0x2191), ("rarr", 0x2192), ("darr", 0x2193), ("harr", 0x2194),
        ("lArr", 0x21D0), ("rArr", 0x21D2), ("hArr", 0x21D4), ("minus", 0x2212), ("le", 0x2264),
        ("ge", 0x2265), ("ne", 0x2260), ("asymp", 0x2248), ("infin", 0x221E), ("deg", 0xB0),
        ("hyphen", 0x2010), ("dash", 0x2010), ("nbhy", 0x2011), ("shy", 0xAD), ("numsp", 0x2007),
        ("COPY", 0xA9), ("REG", 0xAE), ("AMP", 0x26), ("LT", 0x3C), ("GT", 0x3E), ("QUOT", 0x22),
        ("NewLine", 0x0A), ("Tab", 0x09), ("colon", 0x3A), ("comma", 0x2C), ("period", 0x2E),
        ("excl", 0x21), ("quest", 0x3F), ("semi", 0x3B), ("lpar", 0x28), ("rpar", 0x29),
        ("lsqb", 0x5B), ("rsqb", 0x5D), ("lbrack", 0x5B), ("rbrack", 0x5D), ("lcub", 0x7B), ("rcub", 0x7D),
        ("ast", 0x2A), ("midast", 0x2A), ("sol", 0x2F), ("bsol", 0x5C), ("num", 0x23), ("percnt", 0x25),
        ("dollar", 0x24), ("commat", 0x40), ("equals", 0x3D), ("plus", 0x2B), ("lowbar", 0x5F),
        ("verbar", 0x7C), ("vert", 0x7C), ("grave", 0x60), ("Hat", 0x5E),
    ]

    static let named: [String: UInt32] = {
        var table: [String: UInt32] = [:]
        for (offset, name) in latin1.split(separator: " ").enumerated() {
            table[String(name)] = 0xA0 + UInt32(offset)
        }
        for (offset, name) in greekCapitals.split(separator: " ").enumerated() where name != "-" {
            table[String(name)] = 0x391 + UInt32(offset)
        }
        for (offset, name) in greekSmall.split(separator: " ").enumerated() {
            table[String(name)] = 0x3B1 + UInt32(offset)
        }
        for (name, scalar) in others { table[name] = scalar }
        return table
    }()
}
