"""Print how hard each built page is to read, and the sentences editors should split.

Usage: python -m site_tools.readability_report SITE_DIR
For every built page: its Flesch-Kincaid grade, words, sentences and sentences over
25 words, then the text of those long sentences. Exercise pages above the target grade are
marked. What is graded (and what is left out, such as the shared red-flag box on exercise
pages) is described in hooks/gentle_movements/readability.py.
"""

from __future__ import annotations

import sys
from pathlib import Path

from gentle_movements.checks.readability import (
    EXERCISE_GRADE_LIMIT,
    LONG_SENTENCE_WORDS,
    PageReadability,
    is_exercise_page,
    site_readability,
    word_count,
)

ROOT = Path(__file__).resolve().parents[2]

HEADINGS = ("Page", "FK grade", "Words", "Sentences", "Long sentences")


def table(results: list[PageReadability]) -> list[str]:
    rows = [(r.page, f"{r.grade:.1f}", str(r.words), str(len(r.sentences)),
             str(len(r.long_sentences))) for r in results]
    widths = [max(len(row[i]) for row in [HEADINGS, *rows]) for i in range(len(HEADINGS))]
    lines = []
    for row, result in zip([HEADINGS, *rows], [None, *results], strict=True):
        cells = [row[0].ljust(widths[0])] + [cell.rjust(w) for cell, w in zip(row[1:],
                                                                                widths[1:],
                                                                                strict=True)]
        line = "  ".join(cells)
        if result and is_exercise_page(result.page) and result.grade > EXERCISE_GRADE_LIMIT:
            line += f"  above grade {EXERCISE_GRADE_LIMIT}"
        lines.append(line)
    return lines


def flagged(results: list[PageReadability]) -> list[str]:
    lines = [f"Flagged for editors: sentences over {LONG_SENTENCE_WORDS} words"]
    long_ones = [(r.page, s) for r in results for s in r.long_sentences]
    if not long_ones:
        return [*lines, "  None."]
    for page, sentence in long_ones:
        lines.append(f"  {page} ({word_count(sentence)} words): {sentence}")
    return lines


def main(site_dir: Path) -> int:
    if not (site_dir / "index.html").is_file():
        print(f"{site_dir}: no built site here (build it first: make build)", file=sys.stderr)
        return 2
    results = site_readability(site_dir)
    print("\n".join([
        *table(results),
        "",
        f"Target: exercise pages at Flesch-Kincaid grade {EXERCISE_GRADE_LIMIT} or below. The "
        "red-flag box they share is graded on the safety page.",
        "",
        *flagged(results),
    ]))
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__.split("\n\n")[1].splitlines()[0])
    sys.exit(main(Path(sys.argv[1])))
