"""Serve a built site on loopback the way a static host does, for screenshots and tests.

The site is served under `prefix` (for example `/gentle-movements/`, as a GitHub project
page is), and a missing address gets the site's 404.html with status 404.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import threading
from pathlib import Path


class StaticSiteHandler(http.server.SimpleHTTPRequestHandler):
    def __init__(self, *args: object, site: Path, prefix: str, gzip_text: bool = False,
                 **kwargs: object) -> None:
        self.site = site
        self.prefix = prefix
        self.gzip_text = gzip_text
        super().__init__(*args, directory=str(site), **kwargs)  # type: ignore[arg-type]

    def send_head(self):
        """With `gzip_text`, text files go out compressed, as static hosts send them."""
        path = Path(self.translate_path(self.path))
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (self.gzip_text and accepts and path.is_file()
                and path.suffix in {".html", ".css", ".js", ".json", ".svg", ".xml"}):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

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


def serve(site: Path, prefix: str = "/", *,
          gzip_text: bool = False) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Start serving in a background thread; return the server and the site's base address."""
    handler = functools.partial(StaticSiteHandler, site=site, prefix=prefix, gzip_text=gzip_text)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}{prefix}"
