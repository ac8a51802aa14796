"""Reading grade: every exercise page is plain enough, and the grading reads the right text."""

from __future__ import annotations

from gentle_movements import blocks
from gentle_movements.checks.readability import (
    EXERCISE_GRADE_LIMIT,
    LONG_SENTENCE_WORDS,
    body_blocks,
    body_sentences,
    grade,
    is_exercise_page,
    page_readability,
    site_readability,
    split_sentences,
)
from gentle_movements.markup import normalise, plain_text
from shared import BuiltSite
from site_tools import readability_report

MAX_EXERCISE_GRADE = EXERCISE_GRADE_LIMIT
"""Flesch-Kincaid grade 7: a reading age of about 12 (we aim at 11 to 13)."""


# The built site -----------------------------------------------------------------------------


def test_exercise_page_is_at_most_grade_7(built_site: BuiltSite, slug: str) -> None:
    page = f"exercises/{slug}.html"
    result = page_readability((built_site.folder / page).read_bytes(), page)
    assert result.words > 200, "too little text was found to grade"
    assert result.grade <= MAX_EXERCISE_GRADE, (
        f"{page} reads at Flesch-Kincaid grade {result.grade}; it must be "
        f"{MAX_EXERCISE_GRADE} or below. Use shorter sentences and simpler words "
        f"(`make readability` lists the long ones)."
    )


def test_every_page_is_at_most_grade_7(built_site: BuiltSite) -> None:
    """Hand-written and generated pages too: a reader in pain reads them all."""
    for result in site_readability(built_site.folder):
        assert result.grade <= MAX_EXERCISE_GRADE, (
            f"{result.page} reads at Flesch-Kincaid grade {result.grade}; it must be "
            f"{MAX_EXERCISE_GRADE} or below.")


def test_exercise_grade_reads_its_own_words_not_the_shared_box(
    built_site: BuiltSite, slug: str
) -> None:
    exercise = built_site.content.exercises[slug]
    page = f"exercises/{slug}.html"
    sentences = page_readability((built_site.folder / page).read_bytes(), page).sentences
    text = normalise(" ".join(sentences))
    for words in [exercise.summary, exercise.start, *exercise.steps, exercise.you_should_feel]:
        assert normalise(plain_text(words)) in text
    assert built_site.content.red_flags.emergency.signs[0] not in text
    assert exercise.sources[0].title not in text
    assert "How much to do" not in sentences, "headings are not graded"


def test_report_lists_every_page_with_its_grade(built_site: BuiltSite, capsys) -> None:
    assert readability_report.main(built_site.folder) == 0
    out = capsys.readouterr().out
    assert out.startswith("Page ")
    for result in site_readability(built_site.folder):
        row = next(line for line in out.splitlines() if line.startswith(result.page + " "))
        assert f" {result.grade:.1f} " in row
    for slug in built_site.content.exercises:
        assert f"exercises/{slug}.html" in out
    assert f"sentences over {LONG_SENTENCE_WORDS} words" in out


# The module ---------------------------------------------------------------------------------

PAGE = f"""<html><body><nav><p>Menu text is not the article.</p></nav>
<article class="md-content__inner">
<h1 id="x">Knee hug<a class="headerlink" href="#x">¶</a></h1>
<div class="gm-summary"><p>A gentle <strong>stretch</strong> for your back. Do it slowly.</p></div>
<ul><li><strong>Hold:</strong> 20 seconds</li><li>Repeat 3 times</li></ul>
<p class="admonition-title">Stop if:</p>
<p>Your address is <code>https://example.org/x.html</code> <button>Copy link</button></p>
<figure><svg><title>QR code</title></svg></figure>
<div class="admonition danger {blocks.RED_FLAGS}"><p>Call 999 now.</p></div>
<div class="{blocks.SOURCES}"><ul><li><a href="#">NICE NG59: Low back pain</a></li></ul></div>
</article></body></html>"""


def test_blocks_are_the_article_prose_only() -> None:
    assert body_blocks(PAGE) == [
        "A gentle stretch for your back. Do it slowly.",
        "Hold: 20 seconds",
        "Repeat 3 times",
        "Stop if:",
        "Your address is",
        "Call 999 now.",
    ]
    assert "Call 999 now." not in body_blocks(PAGE, exercise=True)
    assert list(body_sentences(PAGE, exercise=True))[:2] == [
        "A gentle stretch for your back.", "Do it slowly."]
    assert body_blocks("<html><body><p>No article.</p></body></html>") == []


def test_sentences_split_at_end_marks_before_a_capital() -> None:
    assert split_sentences('New to this? Start here. Say "stop." Then rest (2 minutes). '
                           "Use e.g. a cushion.") == [
        "New to this?", "Start here.", 'Say "stop."', "Then rest (2 minutes).",
        "Use e.g. a cushion."]
    assert split_sentences("1. Systems") == ["1. Systems"]


def test_a_block_without_a_full_stop_is_still_its_own_sentence() -> None:
    # Run together, these would read as one 12-word sentence and grade higher.
    separate = grade(["Hold: 20 seconds", "Repeat 3 times", "Rest between them"])
    assert separate == grade(["Hold: 20 seconds.", "Repeat 3 times.", "Rest between them."])
    assert separate < grade(["Hold 20 seconds repeat 3 times rest between them."])


def test_grade_rises_with_long_sentences_and_long_words() -> None:
    plain = grade(["Lie on your back.", "Bend your knees.", "Hold for 20 seconds."])
    hard = grade(["Subsequently, individuals experiencing radiculopathy should "
                  "preferentially undertake progressive mobilisation, discontinuing "
                  "immediately should symptoms peripheralise."])
    assert plain < 3 < MAX_EXERCISE_GRADE < hard
    assert grade([]) == 0.0


def test_long_sentences_are_listed() -> None:
    long_one = " ".join(["word"] * (LONG_SENTENCE_WORDS + 1)) + "."
    just_right = " ".join(["word"] * LONG_SENTENCE_WORDS) + "."
    page = f"<article><p>{long_one} {just_right.capitalize()}</p></article>"
    assert page_readability(page).long_sentences == (long_one,)


def test_exercise_pages_are_told_apart_by_address() -> None:
    assert is_exercise_page("exercises/bridge.html")
    assert not is_exercise_page("exercises/index.html")
    assert not is_exercise_page("exercises/stretches/index.html")
    assert not is_exercise_page("safety.html")
