"""Documents from templates: Jinja2 to HTML, WeasyPrint to PDF, python-docx to DOCX.

The public API, imported lazily so `import bursa_cli.render.kinds` stays cheap:

- `Renderer(event, today=None)`: `.html(template, context, title)`,
  `.pdf(template, context, title) -> bytes`, `.pdf_joined(parts, title)`.
- `render_html(event, template, context, title)` and
  `render_pdf(event, template, context, out_path, title)` for one-off use.
- `produce(kind, folder, Options(...))`: one `bursa cetak JENIS` run.
"""

from __future__ import annotations

_LAZY = {
    "Renderer": ".pdf", "render_html": ".pdf", "render_pdf": ".pdf", "provenance": ".origin",
    "Provenance": ".origin", "produce": ".job", "Options": ".job", "Job": ".job",
    "make_env": ".env",
}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name], __name__), name)
    raise AttributeError(name)
