"""Every built exercise page has its timer, next after the dose, following that dose."""

from __future__ import annotations

from shared import BuiltSite


def test_every_exercise_page_has_its_timer_after_the_dose(built_site: BuiltSite,
                                                          slug: str) -> None:
    soup = built_site.soup(f"exercises/{slug}.html")
    assert len(soup.select(".gm-timer")) == 1
    # Next after the dose, inside the wrapper that keeps its controls out of search.
    box = soup.select_one(".gm-dose").find_next_sibling().select_one(":scope > .gm-timer")
    assert box is not None
    the_dose = built_site.content.exercises[slug].dose
    assert box["data-repetitions"] == str(the_dose.repetitions.min)
    assert box["data-sides"] == the_dose.sides
    assert box["data-hold-max"] == str(the_dose.hold_seconds.max if the_dose.hold_seconds else 0)
    assert soup.select_one(f"a[data-gm-routine-add='{slug}']") is not None
