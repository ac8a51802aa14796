"""The hook file mkdocs.yml names. The events live in the package (`gentle_movements.mkdocs_hooks`),
which `uv sync` installs; MkDocs reads the `on_*` names from here."""

from gentle_movements.mkdocs_hooks import (  # noqa: F401 (MkDocs looks these names up)
    on_env,
    on_files,
    on_nav,
    on_page_content,
    on_page_markdown,
    on_post_build,
    on_post_page,
    on_post_template,
)
