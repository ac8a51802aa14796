"""The "¶" link beside each heading is for the mouse only: no tab stop, nothing read out, and
the audit lets it alone in a safety block only while it holds nothing but the sign."""

from __future__ import annotations

from gentle_movements.checks.audit import audit_html, expected_exercise_page
from shared import BuiltSite, site_pages


def test_no_heading_link_is_a_tab_stop_or_read_out(built_site: BuiltSite) -> None:
    loud = []
    for path in site_pages(built_site.folder):
        for link in built_site.soup(path).select("a.headerlink"):
            if link.get("tabindex") != "-1" or link.get("aria-hidden") != "true":
                loud.append(f"{path}: {link}")
    assert loud == []
    assert built_site.soup("exercises/bridge.html").select("a.headerlink"), "no links to check"


def test_a_hidden_heading_link_that_holds_words_is_still_refused(built_site: BuiltSite) -> None:
    page = "exercises/bridge.html"
    html = (built_site.folder / page).read_text(encoding="utf-8")
    expected = expected_exercise_page("bridge", built_site.content)
    assert audit_html(html, page, expected) == []
    start = html.index('<a class="headerlink"', html.index('class="admonition danger'))
    end = html.index("</a>", start)
    sign = html.index("&para;", start, end)
    hiding = html[:sign] + "Call 999" + html[end:]
    assert any("aria-hidden" in str(finding) for finding in audit_html(hiding, page, expected))
