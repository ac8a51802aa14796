"""Old addresses that forward to new ones, and robots.txt."""

from __future__ import annotations

from gentle_movements.model.site import SiteContent
from gentle_movements.outputs.csp import with_policy
from gentle_movements.templating import markup, render, script_json
from gentle_movements.urls import EXERCISE_FOLDER, exercise_address, page_name


def redirect_files(site: SiteContent, site_url: str) -> dict[str, str]:
    """An HTML page at each old exercise address, and at each of its versions' addresses,
    that forwards to the new one.

    The meta refresh works without JavaScript; the script also keeps a #section anchor.
    """
    files = {}
    for old, new in site.redirects.exercises.items():
        exercise = site.exercises[new]
        for version in [None, *(v.id for v in exercise.versions)]:
            target = f"{page_name(new, version)}.html"
            page = render("redirect.html", title=exercise.title, target=target,
                          canonical=exercise_address(site_url, new, version),
                          script=markup(redirect_script(target)))
            files[f"{EXERCISE_FOLDER}/{page_name(old, version)}.html"] = with_policy(f"{page}\n")
    return files


def redirect_script(target: str) -> str:
    """Forwards to `target`, keeping the #section the old address named."""
    return f"location.replace({script_json(target)} + location.hash)"


def robots_txt(site_url: str) -> str:
    return f"User-agent: *\nAllow: /\n\nSitemap: {site_url.rstrip('/')}/sitemap.xml\n"
