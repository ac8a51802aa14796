"""Sources that can carry health advice: every cited website is of a kind we accept.

Each accepted kind says why it may be cited. A source from any other website fails, so a
commercial site, a clinic's marketing blog or a yoga studio cannot slip in as a source of
health advice. Every exercise page also cites at least one guideline-grade source (content
brief 9.4), then the specific sources for the movement.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urlparse

import pytest

from gentle_movements.model.site import SiteContent
from shared import ROOT

GUIDELINE_GRADE = {
    "nice.org.uk": "NICE, which writes the UK guideline on low back pain and sciatica (NG59)",
    "nhs.uk": "the NHS website, the national health service's own advice for the public",
    "nhsinform.scot": "NHS inform, the national health information service for Scotland",
    "csp.org.uk": "the Chartered Society of Physiotherapy, the UK professional body",
    "versusarthritis.org": "Versus Arthritis, the UK charity for joint and back conditions",
    "doi.org/10.1002/14651858.": "Cochrane systematic reviews",
    "doi.org/10.1016/j.msksp.2018.09.006": "May 2018, a systematic review of centralisation",
    "pmc.ncbi.nlm.nih.gov/articles/PMC9925551": "Dove 2022, a systematic review of "
                                                "physiotherapy for sciatica",
    "pmc.ncbi.nlm.nih.gov/articles/PMC2997212": "a systematic review of piriformis syndrome",
    "journals.lww.com/spinejournal/Abstract/2015/09150/Advice_to_Stay_Active_or_Structured":
        "Fernandez 2015, a systematic review in Spine of exercise for sciatica",
}
"""Guidelines, national health services, the professional body and systematic reviews."""

ACCEPTED = {
    **GUIDELINE_GRADE,
    "*.nhs.uk": "NHS hospital trusts' patient leaflets",
    "*.nhs.wales": "NHS Wales health boards' patient pages",
    "sheffieldachesandpains.com": "Sheffield's NHS musculoskeletal service",
    "providephysiotherapy.org.uk": "Provide CIC, a community physiotherapy service for the NHS",
    "gpreasoning.uk": "a UK primary-care pathway for doctors, used for when to refer",
    "health.gov.au": "the Australian Government's health department",
    "mayoclinic.org": "Mayo Clinic, an academic medical centre",
    "uwhealth.org": "UW Health, the University of Wisconsin's academic medical centre",
    "urmc.rochester.edu": "the University of Rochester Medical Center",
    "eskenazihealth.edu": "Eskenazi Health, a public hospital system's exercise sheets",
    "lhsc.on.ca": "London Health Sciences Centre, a teaching hospital (hip precautions)",
    "theros.org.uk": "the Royal Osteoporosis Society, the UK national charity",
    "bonehealthandosteoporosis.org": "the Bone Health and Osteoporosis Foundation, a US charity",
    "osteoporosis.ca": "Osteoporosis Canada's Too Fit To Fracture recommendations",
    "tommys.org": "Tommy's, the UK pregnancy charity behind the sleep-on-side advice",
    "pifonline.org.uk": "the Patient Information Forum: the quality standard, not health advice",
    "hse.gov.uk": "the UK Health and Safety Executive, the regulator for lifting at work",
    "gov.uk": "the UK government: the law on medicines and driving",
    "*.hse.ie": "the Health Service Executive, Ireland's national health service",
    "rcog.org.uk": "the Royal College of Obstetricians and Gynaecologists, a professional body",
    "samaritans.org": "Samaritans, the UK and Irish charity for anyone struggling to cope",
    "creativecommons.org": "the licence of our own words, not health advice",
}
"""Every kind of website the site may cite, each with the reason it is accepted."""

_LINK = re.compile(r"\]\((https?://[^)\s]+)\)|href=\"(https?://[^\"]+)\"")


def kind_of(url: str, kinds: dict[str, str]) -> str | None:
    """The accepted kind an address belongs to: its host (without www.), a host with any
    sub-domain (*.nhs.uk), or a host and the start of a path (for single reviews)."""
    parts = urlparse(url)
    host = parts.netloc.lower().removeprefix("www.").removeprefix("www1.")
    for kind in kinds:
        if kind.startswith("*."):
            if host.endswith(kind[1:]):
                return kind
        elif "/" in kind:
            if f"{host}{parts.path}".startswith(kind):
                return kind
        elif host == kind:
            return kind
    return None


def cited(site: SiteContent) -> Iterator[tuple[str, str]]:
    """Every source of the site and where it is cited: content files and docs pages."""
    for slug, exercise in site.exercises.items():
        for source in exercise.sources:
            yield f"content/exercises/{slug}.yml", source.url
    for source in site.stop_rules.sources:
        yield "content/stop-rules.yml", source.url
    for source in site.red_flags.sources:
        yield "content/red-flags.yml", source.url
    for tip in site.safety_tips.tips:
        for source in tip.sources:
            yield f"content/safety-tips.yml ({tip.id})", source.url
    for question in site.faq.questions:
        for source in question.sources:
            yield f"content/faq.yml ({question.id})", source.url
    for page in sorted((ROOT / "docs").glob("*.md")):
        for match in _LINK.finditer(page.read_text(encoding="utf-8")):
            yield f"docs/{page.name}", match.group(1) or match.group(2)


def test_every_source_is_of_an_accepted_kind(content: SiteContent) -> None:
    refused = [f"{where}: {url}" for where, url in cited(content) if not kind_of(url, ACCEPTED)]
    assert refused == [], (
        "Cite a guideline, an NHS or national health service page, a professional body, a "
        "hospital or a systematic review instead; or, if this kind of source is sound, add "
        "it to ACCEPTED with the reason:\n" + "\n".join(refused))


def test_every_exercise_cites_a_guideline_grade_source(content: SiteContent, slug: str) -> None:
    sources = content.exercises[slug].sources
    assert any(kind_of(source.url, GUIDELINE_GRADE) for source in sources), (
        f"content/exercises/{slug}.yml: cite at least one of NICE, the NHS, NHS inform, the "
        "CSP, Versus Arthritis or a systematic review for the advice it gives")


def test_each_accepted_kind_has_its_reason() -> None:
    assert all(len(reason) > 20 for reason in ACCEPTED.values())


@pytest.mark.parametrize(("url", "kind"), [
    ("https://www.nhs.uk/conditions/sciatica/", "nhs.uk"),
    ("https://www.leedsth.nhs.uk/patients/x/", "*.nhs.uk"),
    ("https://doi.org/10.1002/14651858.CD007612.pub2", "doi.org/10.1002/14651858."),
    ("https://doi.org/10.1234/anything", None),
    ("https://pmc.ncbi.nlm.nih.gov/articles/PMC123", None),
    ("https://www.spine-health.com/conditions/sciatica", None),
    ("https://breakfreephysiotherapy.ca/blog/centralization-vs-peripheralization", None),
    ("https://notnhs.uk/x", None),
])
def test_kinds_are_matched_by_host_or_by_review(url: str, kind: str | None) -> None:
    assert kind_of(url, ACCEPTED) == kind


def test_no_page_claims_safe_doses() -> None:
    # No source says which doses are safe; the site must not claim it either.
    texts = [ROOT / "mkdocs.yml", *(ROOT / "docs").glob("*.md"), *(ROOT / "content").rglob("*.yml")]
    for path in texts:
        assert not re.search(r"safe dos", path.read_text(encoding="utf-8"), re.IGNORECASE), path
