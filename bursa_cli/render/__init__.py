"""Documents from templates: Jinja2 to HTML, WeasyPrint to PDF, python-docx to DOCX.

Import the modules themselves (WeasyPrint is loaded only when a PDF is laid out):

- `pdf.Renderer(event, today=None)`: `.html(template, context, title)`,
  `.pdf(template, context, title) -> bytes`, `.pdf_joined(parts, title)`.
- `job.produce(kind, folder, job.Options(...))`: one `bursa cetak JENIS` run.
"""
