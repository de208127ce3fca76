"""A document of the yearly cycle as a tagged PDF (WeasyPrint, PDF/UA-1) and as an editable
Word file (python-docx), both made from one outline, so that the two always hold the same
headings, texts and figures. Secretariats finish texts in Word."""

import io
from dataclasses import dataclass, field

from django.template.loader import render_to_string
from django.utils import translation

DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass
class Table:
    caption: str
    headers: list
    rows: list  # lists of cells, as text


@dataclass
class Section:
    heading: str
    paragraphs: list = field(default_factory=list)
    tables: list = field(default_factory=list)


@dataclass
class Outline:
    title: str
    author: str  # the forum
    lines: list = field(default_factory=list)  # under the title: structure, year, status
    sections: list = field(default_factory=list)
    footer: str = ""  # e.g. the SHA-256 of a sealed snapshot
    language: str = "sv"


def outline_pdf(outline):
    from weasyprint import HTML

    with translation.override(outline.language):
        html = render_to_string("cycle/outline_pdf.html", {"outline": outline})
    return HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")


def outline_docx(outline):
    from docx import Document

    document = Document()
    document.core_properties.title = outline.title
    document.core_properties.author = outline.author
    document.core_properties.language = outline.language
    document.add_heading(outline.title, level=0)
    for line in outline.lines:
        document.add_paragraph(line)
    for section in outline.sections:
        document.add_heading(section.heading, level=1)
        for paragraph in section.paragraphs:
            document.add_paragraph(paragraph)
        for table in section.tables:
            _docx_table(document, table)
    if outline.footer:
        document.sections[0].footer.paragraphs[0].text = outline.footer
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _docx_table(document, table):
    if table.caption:
        document.add_paragraph(table.caption, style="Caption")
    grid = document.add_table(rows=1, cols=len(table.headers), style="Table Grid")
    for cell, header in zip(grid.rows[0].cells, table.headers, strict=True):
        cell.text = str(header)
    for row in table.rows:
        for cell, value in zip(grid.add_row().cells, row, strict=True):
            cell.text = str(value)
