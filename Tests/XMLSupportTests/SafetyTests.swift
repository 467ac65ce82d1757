import Foundation
import Testing
@testable import XMLSupport

@Suite struct SafetyTests {
    @Test func externalEntityIsNeverExpanded() throws {
        let text = """
            <?xml version="1.0"?>
            <!DOCTYPE r [
              <!ENTITY x SYSTEM "file:///etc/passwd">
            ]>
            <r>&x;</r>
            """
        for options in [XMLParseOptions(), XMLParseOptions(xincludeRoot: URL(fileURLWithPath: "/"))] {
            let error = try #require(failure { _ = try parse(text, name: "xxe.xml", options: options) })
            #expect(error.diagnostics.count == 1)
            #expect(error.description == "xxe.xml:3: entity declarations are not allowed (DOCTYPE with <!ENTITY x ...>)")
            #expect(!error.description.contains("root:"))
        }
    }

    @Test func billionLaughsIsRefusedQuickly() throws {
        var text = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n"
        for level in 1...9 {
            let previous = level == 1 ? "lol" : "lol\(level - 1)"
            text += " <!ENTITY lol\(level) \"" + String(repeating: "&\(previous);", count: 10) + "\">\n"
        }
        text += "]>\n<lolz>&lol9;</lolz>\n"
        let clock = ContinuousClock()
        var error: XMLFailure?
        let elapsed = clock.measure {
            error = failure { _ = try parse(text, name: "lol.xml") }
        }
        #expect(elapsed < .seconds(2))
        #expect(error?.diagnostics.first?.message.contains("entity declarations are not allowed") == true)
        #expect(error?.diagnostics.first?.line == 3)
    }

    @Test func parameterEntityIsRefused() throws {
        let text = "<!DOCTYPE r [\n<!ENTITY % p \"<!ENTITY y 'z'>\">\n%p;\n]>\n<r>&y;</r>"
        let error = try #require(failure { _ = try parse(text, name: "pe.xml") })
        #expect(error.description == "pe.xml:2: entity declarations are not allowed (DOCTYPE with <!ENTITY % p ...>)")
    }

    @Test func externalParameterEntityAndUnparsedEntityAreRefused() throws {
        let external = "<!DOCTYPE r [<!ENTITY % ext SYSTEM \"file:///etc/passwd\"> %ext;]><r/>"
        let error = try #require(failure { _ = try parse(external) })
        #expect(error.description.contains("<!ENTITY % ext ...>"))
        #expect(!error.description.contains("root:"))
        let unparsed = "<!DOCTYPE r [<!NOTATION png SYSTEM \"image/png\"><!ENTITY pic SYSTEM \"p.png\" NDATA png>]><r/>"
        #expect(failure { _ = try parse(unparsed) }?.description.contains("entity declarations are not allowed") == true)
    }

    @Test func externalDTDIsNotLoadedAndUndeclaredEntitiesAreRefused() throws {
        // The DOCTYPE is allowed but its DTD is never fetched.
        let plain = try parse("<!DOCTYPE r SYSTEM \"file:///etc/passwd\"><r>text</r>")
        #expect(plain.root.text == "text")
        // An entity the unloaded DTD might declare is never fetched, and the document is refused.
        let error = try #require(failure { _ = try parse("<!DOCTYPE r SYSTEM \"file:///etc/passwd\">\n<r>&foo;</r>", name: "ref.xml") })
        #expect(error.description == "ref.xml:2:9: Entity 'foo' not defined")
        #expect(!error.description.contains("root:"))
    }

    @Test func internalSubsetWithoutEntitiesIsAccepted() throws {
        let parsed = try parse("<!DOCTYPE r [<!ELEMENT r (#PCDATA)>]>\n<r>ok</r>")
        #expect(parsed.root.text == "ok")
        #expect(parsed.root.location.line == 2)
    }

    @Test func oversizedInputIsRefusedBeforeParsing() throws {
        // Malformed on purpose: any parser diagnostic would show that it was parsed.
        let bytes = Array("<a><<<<".utf8) + [UInt8](repeating: 0x41, count: 100)
        let error = try #require(failure {
            _ = try ParsedXML.parse(bytes: bytes, name: "big.xml", options: .init(maxBytes: 50))
        })
        #expect(error.diagnostics.count == 1)
        #expect(error.description == "big.xml: the input is 107 bytes, over the limit of 50 bytes; not parsed")

        let folder = try TemporaryFolder()
        let file = try folder.write("big.xml", String(repeating: "x", count: 100))
        let fileError = try #require(failure { _ = try ParsedXML.parse(file: file, displayName: "big.xml", options: .init(maxBytes: 50)) })
        #expect(fileError.description == "big.xml: the input is 100 bytes, over the limit of 50 bytes; not parsed")
        // At the limit exactly is fine.
        #expect(try ParsedXML.parse(bytes: Array("<a/>".utf8), name: "a", options: .init(maxBytes: 4)).root.name == "a")
    }

    @Test func deviceFilesAreBounded() throws {
        let error = try #require(failure { _ = try ParsedXML.parse(file: URL(fileURLWithPath: "/dev/zero"), options: .init(maxBytes: 1000)) })
        #expect(error.description.contains("over the limit of 1000 bytes"))
    }
}
