"""Serve a built site on loopback the way a static host does, for screenshots and tests.

The site is served under `prefix` (for example `/gentle-movements/`, as a GitHub project
page is), and a missing address gets the site's 404.html with status 404.
"""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path


class StaticSiteHandler(http.server.SimpleHTTPRequestHandler):
    def __init__(self, *args: object, site: Path, prefix: str, **kwargs: object) -> None:
        self.site = site
        self.prefix = prefix
        super().__init__(*args, directory=str(site), **kwargs)  # type: ignore[arg-type]

    def translate_path(self, path: str) -> str:
        path = path.split("?", 1)[0].split("#", 1)[0]
        if not path.startswith(self.prefix):
            return str(self.site / "__outside_the_site__")
        return super().translate_path("/" + path[len(self.prefix):])

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = self.site / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


def serve(site: Path, prefix: str = "/") -> tuple[http.server.ThreadingHTTPServer, str]:
    """Start serving in a background thread; return the server and the site's base address."""
    handler = functools.partial(StaticSiteHandler, site=site, prefix=prefix)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}{prefix}"
