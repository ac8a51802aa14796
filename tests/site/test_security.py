"""Every page carries a strict Content-Security-Policy that still lets the site work."""

from __future__ import annotations

import pytest

from gentle_movements.outputs.csp import policy_for, with_policy
from shared import BuiltSite, site_pages


def policy_of(built_site: BuiltSite, page: str) -> dict[str, list[str]]:
    meta = built_site.soup(page).find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    assert meta is not None, f"{page} has no Content-Security-Policy"
    return {name: sources for name, *sources in
            (directive.split() for directive in meta["content"].split(";"))}


def test_every_page_has_a_strict_policy(built_site: BuiltSite) -> None:
    redirects = [f"exercises/{old}.html" for old in built_site.content.redirects.exercises]
    for page in [*site_pages(built_site.folder), *redirects]:
        policy = policy_of(built_site, page)
        script = policy["script-src"]
        assert "'unsafe-inline'" not in script and "'unsafe-eval'" not in script, page
        assert all(s == "'self'" or s.startswith("'sha256-") for s in script), page
        assert policy["object-src"] == ["'none'"] and policy["base-uri"] == ["'self'"], page
        assert policy["default-src"] == ["'none'"], page


def test_the_policy_comes_before_any_script(built_site: BuiltSite) -> None:
    for page in site_pages(built_site.folder):
        html = (built_site.folder / page).read_text(encoding="utf-8")
        assert html.index("Content-Security-Policy") < html.index("<script"), page


@pytest.mark.parametrize(
    ("inline", "allowed"),
    [("alert(1)", False), ("var a = 1", True)],
)
def test_only_the_pages_own_inline_scripts_are_allowed(inline: str, allowed: bool) -> None:
    page = "<html><head><meta charset='utf-8'></head><body><script>var a = 1</script></body></html>"
    hashes = policy_for(page)
    probe = policy_for(f"<script>{inline}</script>").split("script-src ")[1].split(";")[0]
    assert (probe.split()[-1] in hashes) is allowed
    assert "Content-Security-Policy" in with_policy(page)
