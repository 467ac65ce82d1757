#!/usr/bin/env python3
"""Builds the CLI test class folder: one essay in each input format, written as
word processors write them, plus a corrupt .docx and a file of another type.
Run from this folder; the output is committed so tests need no Python."""
import os, zipfile, shutil

ESSAYS = {
    "ana": ("Ana López", [
        "The crisis ended peacefully after letters between Kennedy and Khrushchev.",
        "The Soviets took their missiles out of Cuba, and the Americans promised not to invade the island.",
        "In secret the United States also agreed to remove its Jupiter missiles from Turkey.",
        "Robert McNamara, the Secretary of State, advised Kennedy throughout.",
    ]),
    "ben": ("Ben Okafor", [
        "After the crisis a hotline was set up between Washington and Moscow in 1963.",
        "Castro was furious because nobody asked him before the missiles were removed.",
        "Khrushchev was ousted in October 1964, partly because the crisis had humiliated him.",
    ]),
}

def docx(path, author, paragraphs):
    body = []
    for i, text in enumerate(paragraphs):
        # Word splits words across runs when formatting or editing changes mid-word.
        head, tail = text[:7], text[7:]
        body.append(
            '<w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr>'
            # Word marks a run whose text starts or ends with a space xml:space="preserve".
            + ('<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">' if head != head.strip() else '<w:r><w:rPr><w:b/></w:rPr><w:t>')
            + f'{head}</w:t></w:r>'
            f'<w:r><w:t xml:space="preserve">{tail}</w:t></w:r>'
            + ('<w:r><w:footnoteReference w:id="1"/></w:r>' if i == 0 else '')
            + '</w:p>')
    document = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
        + ''.join(body) + '</w:body></w:document>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        z.writestr("word/document.xml", document)
        z.writestr("word/footnotes.xml", '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:footnote w:id="1"><w:p><w:r><w:t>FOOTNOTE TEXT MUST NOT APPEAR</w:t></w:r></w:p></w:footnote></w:footnotes>')
        z.writestr("docProps/core.xml", '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
                   f'<dc:creator>{author}</dc:creator></cp:coreProperties>')

def odt(path, author, paragraphs):
    ps = ''.join(f'<text:p text:style-name="P1">{t}</text:p>' for t in paragraphs)
    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>'
        + ps + '</office:text></office:body></office:document-content>')
    meta = ('<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><office:meta>'
        f'<dc:creator>{author}</dc:creator></office:meta></office:document-meta>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED)
        z.writestr("content.xml", content)
        z.writestr("meta.xml", meta)

shutil.rmtree("class", ignore_errors=True)
os.makedirs("class/period2")
docx("class/ana.docx", *ESSAYS["ana"])
odt("class/ben.odt", *ESSAYS["ben"])
with open("class/chloe.md", "w") as f:
    f.write("# The fallout\n\n## Outcome\n\n- The crisis **ended without a war**.\n- The Soviets *removed* the missiles.\n\n"
            "## Politics\n\nKennedy's reputation soared, while [Khrushchev](https://example.org) lost face.\n")
with open("class/dan.html", "w") as f:
    f.write("<!DOCTYPE html><html><head><title>Dan</title><style>p{color:red}</style><script>var x = 'the Soviets removed the missiles';</script></head>"
            "<body><h1>Essay</h1><p>The US had far more nuclear weapons than the USSR in 1962.</p>"
            "<p>In 1963 the Limited Test Ban Treaty banned tests in the atmosphere, in space and under water.</p></body></html>")
with open("class/eve.txt", "w", encoding="utf-8", newline="\r\n") as f:
    f.write("The crisis ended peacefully.\nKennedy’s standing rose after the crisis.\n")
with open("class/period2/ben.txt", "w") as f:
    f.write("Nuclear war was avoided and the Soviets withdrew their missiles.\n")
with open("class/broken.docx", "wb") as f:
    f.write(b"PK\x03\x04 this is not really a zip archive at all")
with open("class/notes.pdf", "wb") as f:
    f.write(b"%PDF-1.4 not an essay format")
