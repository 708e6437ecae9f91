"""sphinx_cv_tool: the commands around the ``sphinx_cv`` extension.

- ``python -m sphinx_cv_tool.build``: the PDF, the EPUB and the website in one process (``nox -s all``);
- ``python -m sphinx_cv_tool.serve``: a live preview (``nox -s serve``);
- ``python -m sphinx_cv_tool new`` and ``import``: a starter CV, or one from JSON Resume or RenderCV
  (``sources/``).

It uses the extension only through what ``sphinx_cv`` lists as its public API.
"""
