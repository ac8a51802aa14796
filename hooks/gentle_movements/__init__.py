"""Gentle Movements: content model, loader, renderer and safety audit.

Nothing in this package imports MkDocs except `pages.py`'s type hints; the MkDocs side is the
thin adapter in `hooks/site_hooks.py`.
"""
