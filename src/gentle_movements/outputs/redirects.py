"""Old addresses that forward to new ones, and robots.txt."""

from __future__ import annotations

import html

from gentle_movements.model.site import SiteContent
from gentle_movements.outputs.csp import with_policy
from gentle_movements.urls import EXERCISE_FOLDER, exercise_address


def redirect_files(site: SiteContent, site_url: str) -> dict[str, str]:
    """An HTML page at each old exercise address that forwards to the new one.

    The meta refresh works without JavaScript; the script also keeps a #section anchor.
    """
    files = {}
    for old, new in site.redirects.exercises.items():
        title = html.escape(site.exercises[new].title)
        target = f"{new}.html"
        files[f"{EXERCISE_FOLDER}/{old}.html"] = with_policy(
            '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{title} has moved</title>\n"
            f'<meta http-equiv="refresh" content="0; url={target}">\n'
            f'<link rel="canonical" href="{html.escape(exercise_address(site_url, new))}">\n'
            '<meta name="robots" content="noindex">\n'
            f"<script>{redirect_script(target)}</script>\n"
            "</head>\n<body>\n"
            f'<p>This exercise has moved to <a href="{target}">{title}</a>.</p>\n'
            "</body>\n</html>\n"
        )
    return files


def redirect_script(target: str) -> str:
    return f'location.replace("{target}" + location.hash)'


def robots_txt(site_url: str) -> str:
    return f"User-agent: *\nAllow: /\n\nSitemap: {site_url.rstrip('/')}/sitemap.xml\n"
