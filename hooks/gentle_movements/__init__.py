"""Gentle Movements: content model, loader, renderer and safety audit.

Only `mkdocs_adapter.py` knows MkDocs; `hooks/site_hooks.py` holds the MkDocs events.
"""
