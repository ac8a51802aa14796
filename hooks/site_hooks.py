"""MkDocs events for Gentle Movements: a thin layer over the `gentle_movements` package.

Only `on_*` event functions live here; the package does the work.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority

from gentle_movements import csp, render
from gentle_movements import mkdocs_adapter as adapter

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page


# Early, so that search, offline and privacy see the generated pages as if they were in docs/.
@event_priority(100)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    site = adapter.load_for_build(config)
    adapter.check_reviews(config, files, site)
    adapter.check_placeholders(files)
    adapter.minify_own_stylesheets(config, files)
    for file in adapter.generated_files(config, site):
        files.append(file)
    return files


def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    adapter.add_exercises_to_nav(nav, files, adapter.content_of(config))
    return nav


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    site = adapter.content_of(config)
    adapter.escape_meta(page)
    markdown = render.fill_placeholders(markdown, site, page.file.src_uri)
    if page.file.generated_by is None:
        markdown += render.hand_written_review(page.meta)
    return markdown


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return adapter.finish_page(output, page, config)


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    # Theme pages that are not built from Markdown, such as 404.html, get the policy too.
    return csp.with_policy(output_content) if template_name.endswith(".html") else output_content


# Late, after the search and offline plugins have written their files: the audit reads the
# finished site, and the offline copy holds all of it.
@event_priority(-100)
def on_post_build(*, config: MkDocsConfig) -> None:
    adapter.audit_build(config)
    adapter.write_offline_copy(config)
