"""An extension of the project's own: each page ends with "Signed by version 1."."""

OWNER = "Ada Lovelace"


def _sign(app, docname, source):
    source[0] += "\n\nSigned by version 1.\n"


def setup(app):
    app.connect("source-read", _sign)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
