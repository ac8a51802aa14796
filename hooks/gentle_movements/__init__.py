"""Gentle Movements: content model, loader, renderer and safety audit.

Nothing in this package imports MkDocs except `pages.py`'s type hints; the MkDocs side is the
thin adapter in `hooks/site_hooks.py`.
"""

# The content model loads first, whichever module is imported: figure_model builds on its
# text types, and the model's Exercise holds figure_model's illustrations.
from . import model  # noqa: F401
