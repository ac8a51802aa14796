"""Each Material partial we override names the upstream file it was copied from, by hash:
when Material changes that file, this fails, so its change can be carried into our copy."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import material
import pytest

from shared import ROOT

OVERRIDES = sorted((ROOT / "overrides" / "partials").glob("*.html"))
UPSTREAM = Path(material.__file__).parent / "templates"
RECORD = re.compile(r"Upstream: Material (\S+), (partials/\S+\.html), sha256 ([0-9a-f]{64})")


@pytest.mark.parametrize("override", OVERRIDES, ids=lambda path: path.name)
def test_an_overridden_partial_matches_the_upstream_file_it_was_copied_from(
        override: Path) -> None:
    found = RECORD.search(override.read_text(encoding="utf-8"))
    assert found, f"{override.name}: its first comment must say which upstream file it copies"
    version, partial, recorded = found.groups()
    assert partial == f"partials/{override.name}"
    upstream = (UPSTREAM / partial).read_bytes()
    assert hashlib.sha256(upstream).hexdigest() == recorded, (
        f"Material's {partial} is no longer the one {override.name} was copied from "
        f"(Material {version}): compare the two, carry our change into a fresh copy, and "
        "record the new hash")

