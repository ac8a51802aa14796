"""What the environment may set for a build, each value checked before it is used.

A bad value stops the build with a message that names its variable, never a traceback:
these values reach review checks, page headers and links.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from datetime import date

from gentle_movements.errors import SettingError

TODAY = "GM_TODAY"
"""Check reviews against this date (YYYY-MM-DD) instead of today's, to see what falls due."""
SITE_URL = "GM_SITE_URL"
REPO_URL = "GM_REPO_URL"
EDIT_URI = "GM_EDIT_URI"

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_ADDRESS = re.compile(r"https?://[A-Za-z0-9.-]+(?::[0-9]{1,5})?(?:/[A-Za-z0-9\-._~%/]*)?")
_PATH = re.compile(r"[A-Za-z0-9\-._~%/]*")


def build_date(environ: Mapping[str, str] = os.environ) -> date:
    """The date reviews are checked against: GM_TODAY when set, otherwise today."""
    value = environ.get(TODAY, "").strip()
    if not value:
        return date.today()
    try:
        if _ISO_DATE.fullmatch(value) is None:
            raise ValueError(value)
        return date.fromisoformat(value)
    except ValueError:
        raise SettingError(TODAY, f"{value!r} is not a real date; write it as YYYY-MM-DD, or "
                           "unset it to check against today's date") from None


def check_address(variable: str, value: str | None, *, or_path: bool = False) -> None:
    """Refuse an address that could not be written into a page as it is: a site, repository
    or edit address goes into links and the page head, so it may hold only the characters
    of a plain http(s) address."""
    if not value:
        return
    if _ADDRESS.fullmatch(value) or (or_path and _PATH.fullmatch(value)):
        return
    shape = "an http:// or https:// address such as https://example.org/gentle-movements/"
    if or_path:
        shape += ", or a path such as edit/main/docs/"
    raise SettingError(variable, f"{value!r} is not {shape}, with only letters, digits and "
                       "- . _ ~ % /")
