"""Reads a .docx with python-docx (Debian's python3-docx), an independent reader of our reports:
prints its paragraphs (with their style), tables, pictures and language as JSON."""
import json
import sys

import docx

document = docx.Document(sys.argv[1])
body = document.element.body
namespaces = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
defaults = document.styles.element.find("w:docDefaults", namespaces)
language = defaults.find(".//w:lang", namespaces) if defaults is not None else None
print(json.dumps({
    "paragraphs": [{"style": paragraph.style.name if paragraph.style is not None else None, "text": paragraph.text} for paragraph in document.paragraphs],
    "tables": [[[cell.text for cell in row.cells] for row in table.rows] for table in document.tables],
    "pictures": len(document.inline_shapes),
    "language": language.get("{%s}val" % namespaces["w"]) if language is not None else None,
}))
