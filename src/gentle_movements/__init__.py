"""Gentle Movements: content model, loader, renderer and safety audit.

Layers, each importing only from those before it: `errors`, `settings`, `markup`, `blocks`
and `urls`; `model/`; `figure/`; `load/`; `outputs/`; `pages/`; `checks/`; and
`mkdocs_hooks`, the only module that knows MkDocs (`hooks/site_hooks.py` re-exports its
events).
"""
