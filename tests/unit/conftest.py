"""Unit tests read the content and the code, never the built site or a browser. The fixtures
that give those fail here, so that a unit test cannot come to depend on them unnoticed."""

from __future__ import annotations

import pytest


def _not_for_unit_tests(name: str):
    @pytest.fixture(name=name)
    def refused() -> None:
        pytest.fail(f"a unit test asked for {name!r}: tests that read the built site belong "
                    "in tests/site, those that need Chromium in tests/browser")

    return refused


built_site = _not_for_unit_tests("built_site")
renamed_site_dir = _not_for_unit_tests("renamed_site_dir")
