"""The MkDocs events, and the only module of the package that knows MkDocs: files,
navigation and errors. `hooks/site_hooks.py`, which mkdocs.yml names, re-exports the events.

Kept apart so that the model, loader, pages and checks stay usable without MkDocs, and the
site could move to another MkDocs-compatible engine by rewriting this file.
"""

from __future__ import annotations

import logging
import re
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import get_data

from gentle_movements import markup, settings, templating
from gentle_movements.checks import addresses, reviews
from gentle_movements.checks.audit import audit_site
from gentle_movements.errors import ContentError, ContentErrors, SettingError
from gentle_movements.load.loader import load_content
from gentle_movements.model.review import review_date_problems
from gentle_movements.model.site import SiteContent
from gentle_movements.outputs import csp, offline_copy, open_data, permalinks, stylesheets
from gentle_movements.outputs.previews import preview_png
from gentle_movements.outputs.redirects import redirect_files, robots_txt
from gentle_movements.pages import markdown, registry
from gentle_movements.pages.index import exercises_in_group
from gentle_movements.pages.placeholders import (
    PLACEHOLDERS,
    fill_placeholders,
    hand_written_review,
    unknown_placeholders,
)
from gentle_movements.urls import EXERCISE_FOLDER, EXERCISE_GROUPS, exercise_path, group_index_path

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

log = logging.getLogger("mkdocs.gentle_movements")  # under mkdocs., so strict mode counts it

CONTENT_FOLDER = "content"
CONTENT_KEY = "gentle_movements_content"
"""Where this build's content is kept on the config object: per build, never in a global."""
TODAY_KEY = "gentle_movements_today"
"""The date this build checks reviews against, read once."""


def project_root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def load_for_build(config: MkDocsConfig) -> SiteContent:
    """Check the settings, load the content and keep it on this build's config; stop the
    build on any error, and if a published address would stop working."""
    root = project_root(config)
    try:
        settings.check_address(settings.SITE_URL, config.site_url)
        settings.check_address(settings.REPO_URL, config.repo_url)
        settings.check_address(settings.EDIT_URI, config.edit_uri, or_path=True)
        today = settings.build_date()
    except SettingError as error:
        raise PluginError(str(error)) from None
    if not markup.same_as_build(config.markdown_extensions, config.mdx_configs):
        raise PluginError(
            "mkdocs.yml: markdown_extensions differ from the ones content is checked with; "
            "change both mkdocs.yml and MARKDOWN_EXTENSIONS in hooks/gentle_movements/markup.py")
    try:
        site = load_content(root / CONTENT_FOLDER, root, today)
        lost = addresses.lost_addresses(site, Path(config.docs_dir), root / addresses.LEDGER)
        if lost:
            raise ContentErrors(lost)
    except ContentErrors as problems:
        raise PluginError(f"The content has problems:\n{problems.report()}") from None
    config[CONTENT_KEY] = site
    config[TODAY_KEY] = today
    return site


def check_reviews(config: MkDocsConfig, files: Files, site: SiteContent) -> None:
    """Report reviews due within 60 days; stop the build when any is overdue, or when a
    hand-written page's review dates break the rules content's do (`Review`)."""
    today = config[TODAY_KEY]
    pages, lines, problems = {}, {}, []
    for file in files.documentation_pages():
        if file.generated_by is None:
            source = file.content_string
            _, meta = get_data(source)
            last, next_due = meta.get("last_reviewed"), meta.get("next_review_due")
            shown = f"docs/{file.src_uri}"
            if isinstance(next_due, date):
                pages[shown] = next_due
                lines[shown] = _line_of(source, "next_review_due")
            if isinstance(last, date) and isinstance(next_due, date):
                problems += [ContentError(shown, _line_of(source, "last_reviewed"), "last_reviewed",
                                          problem)
                             for problem in review_date_problems(last, next_due, today)]
    if problems:
        raise PluginError(f"The content has problems:\n{ContentErrors(problems).report()}")
    dates = reviews.review_dates(site, pages, lines)
    for due in reviews.due_soon(dates, today):
        log.info(f"Review due soon: {due}")
    late = reviews.overdue(dates, today)
    if late:
        listed = "\n".join(str(due) for due in late)
        raise PluginError(f"These pages are overdue for review; check them against their "
                          f"sources and move their review dates on:\n{listed}")


def check_placeholders(files: Files) -> None:
    """Stop the build on any `<!-- gm:... -->` comment in docs/ that is not a placeholder,
    naming every one, so that a mistyped name never leaves a page without its block."""
    unknown = [
        f"docs/{file.src_uri}:{line}: unknown placeholder <!-- gm:{name} -->"
        for file in files.documentation_pages() if file.generated_by is None
        for line, name in unknown_placeholders(file.content_string)
    ]
    if unknown:
        known = ", ".join(f"<!-- gm:{name} -->" for name in PLACEHOLDERS)
        raise PluginError("\n".join(unknown) + f"\nThe placeholders are: {known}")


def minify_own_stylesheets(config: MkDocsConfig, files: Files) -> None:
    """Serve the stylesheets in docs/ minified; the theme's come minified already."""
    docs = Path(config.docs_dir).resolve()
    for file in files:
        if file.src_uri.endswith(".css") and file.abs_src_path \
                and Path(file.abs_src_path).resolve().is_relative_to(docs):
            file.content_string = stylesheets.minified(file.content_string)


def _line_of(source: str, key: str) -> int:
    found = re.search(rf"^{key}:", source, re.MULTILINE)
    return source.count("\n", 0, found.start()) + 1 if found else 1


def escape_meta(page: Page) -> None:
    """Escape a hand-written page's metadata, which themes write into the page head as it
    is (generated pages' metadata is escaped where it is written, in `pages/`)."""
    if page.file.generated_by is None:
        page.meta = {key: markdown.head_text(value) if isinstance(value, str) else value
                     for key, value in page.meta.items()}


def content_of(config: MkDocsConfig) -> SiteContent:
    return config[CONTENT_KEY]


def generated_files(config: MkDocsConfig, site: SiteContent) -> list[File]:
    """Every file made from content, in memory (never written into docs/)."""
    site_url = config.site_url or ""
    files = []
    for page in registry.generated_pages(site, site_url):
        file = File.generated(
            config, page.src_uri, content=page.markdown,
            # Exercise pages join the navigation in `add_exercises_to_nav`, under their group.
            inclusion=InclusionLevel.NOT_IN_NAV if page.is_exercise else InclusionLevel.UNDEFINED,
        )
        file.edit_uri = f"../{page.edit_path}"  # edit_uri points at docs/; content/ is beside it
        files.append(file)
    others: dict[str, str | bytes] = {
        **redirect_files(site, site_url),
        "robots.txt": robots_txt(site_url),
        open_data.DATA_FILE: open_data.exercise_data(site, site_url),
        open_data.SCHEMA_FILE: open_data.exercise_data_schema(site),
        PREVIEW_IMAGE: preview_png(config.site_name, config.site_description or ""),
    }
    files += [File.generated(config, src_uri, content=data) for src_uri, data in others.items()]
    _refuse_escapes(config, files)
    return files


PREVIEW_IMAGE = "assets/previews/site.png"
"""The link-preview image; overrides/main.html names it in each page's metadata."""


def _refuse_escapes(config: MkDocsConfig, files: list[File]) -> None:
    """Every generated file must land inside the site folder, whatever its name says."""
    site_dir = Path(config.site_dir).resolve()
    for file in files:
        destination = Path(file.abs_dest_path).resolve()
        if not destination.is_relative_to(site_dir):
            raise PluginError(f"{file.src_uri}: refusing to write outside the site: {destination}")


NAV_LISTS_AT_MOST = 12
"""Exercises listed in the sidebar under their group; a larger group shows only its index
page, which lists them all. Every page repeats the sidebar, so listing every exercise would
make each page grow with the number of exercises, and the whole site with its square."""


def add_exercises_to_nav(nav: Navigation, files: Files, site: SiteContent) -> None:
    """Put each exercise under its group's section: listed after the group's index page while
    the group is small, and in any case with the section as its parent, so it shows as
    active when the exercise is open."""
    for group in EXERCISE_GROUPS:
        index = files.get_file_from_path(group_index_path(group))
        section = index.page.parent if index and index.page else None
        if not isinstance(section, Section):
            raise PluginError(
                f"mkdocs.yml: nav: put {group_index_path(group)} first in a section of "
                "its own, so that its exercises can be listed under it"
            )
        slugs = exercises_in_group(site, group)
        for slug in slugs:
            exercise = site.exercises[slug]
            page = files.get_file_from_path(exercise_path(slug)).page
            # As text: Material escapes a title in attributes and writes it as it is between
            # tags, where the model's checks leave nothing that reads as markup.
            page.title = exercise.title
            page.parent = section
            if len(slugs) <= NAV_LISTS_AT_MOST:
                section.children.append(page)
            for version in exercise.versions:  # reached from the exercise's page, not listed
                version_page = files.get_file_from_path(exercise_path(slug, version.id)).page
                version_page.title = exercise.page_title(version.id)
                version_page.parent = section
    nav.pages = _pages_in_order(nav.items)
    for previous, page, following in zip([None, *nav.pages[:-1]], nav.pages,
                                         [*nav.pages[1:], None], strict=True):
        page.previous_page, page.next_page = previous, following


def _pages_in_order(items: list) -> list[Page]:
    pages = []
    for item in items:
        if isinstance(item, Page):
            pages.append(item)
        if item.children:
            pages += _pages_in_order(item.children)
    return pages


def finish_page(html: str, page: Page, config: MkDocsConfig) -> str:
    """Add the page's schema.org data, if it has any, then its Content-Security-Policy."""
    site, site_url = content_of(config), config.site_url or ""
    src_uri = page.file.src_uri
    slug = src_uri.removeprefix(f"{EXERCISE_FOLDER}/").removesuffix(".md")
    if src_uri == exercise_path(slug) and slug in site.exercises:
        html = open_data.with_json_ld(html, open_data.exercise_json_ld(slug, site, site_url))
    elif src_uri == "faq.md":
        html = open_data.with_json_ld(html, open_data.faq_json_ld(site))
    return csp.with_policy(html)


def audit_build(config: MkDocsConfig) -> None:
    """Fail the build when any built page lacks a caution its content promises."""
    findings = audit_site(Path(config.site_dir), content_of(config))
    if findings:
        report = "\n".join(str(finding) for finding in findings)
        raise PluginError(
            f"Safety audit of the built site failed:\n{report}\n"
            f"{len(findings)} problem(s); these pages must not be published."
        )


def write_offline_copy(config: MkDocsConfig) -> None:
    """The offline zip, at the address the About page links to, in every build."""
    offline_copy.write_offline_copy(Path(config.site_dir))


# The events ------------------------------------------------------------------------------

# Early, so that search, offline and privacy see the generated pages as if they were in docs/.
@event_priority(100)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    site = load_for_build(config)
    check_reviews(config, files, site)
    check_placeholders(files)
    minify_own_stylesheets(config, files)
    for file in generated_files(config, site):
        files.append(file)
    return files


def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    add_exercises_to_nav(nav, files, content_of(config))
    return nav


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    site = content_of(config)
    escape_meta(page)
    markdown = fill_placeholders(markdown, site, page.file.src_uri)
    if page.file.generated_by is None:
        markdown += hand_written_review(page.meta)
    return markdown


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    env.bytecode_cache = templating.THEME_TEMPLATES
    return env


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    return permalinks.quiet_permalinks(html)


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return finish_page(output, page, config)


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    # Theme pages that are not built from Markdown, such as 404.html, get the policy too.
    return csp.with_policy(output_content) if template_name.endswith(".html") else output_content


# Late, after the search and offline plugins have written their files: the audit reads the
# finished site, and the offline copy holds all of it.
@event_priority(-100)
def on_post_build(*, config: MkDocsConfig) -> None:
    audit_build(config)
    write_offline_copy(config)
