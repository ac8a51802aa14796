"""What the browser tests share: where the site is served, a page that records what goes
wrong in it, and moving the focus as a keyboard user does."""

from __future__ import annotations

SUB_PATH = "/gentle-movements/"
"""Where tests serve the built site over loopback, as a GitHub project page is served."""


class Watch:
    """A browser page that records errors and every request that leaves the site."""

    def __init__(self, context, allowed_prefix: str, *, block_outside: bool = True) -> None:
        self.errors: list[str] = []
        self.outside: list[str] = []
        self.context = context

        def route(route) -> None:
            url = route.request.url
            if url.startswith(allowed_prefix) or url.startswith("data:"):
                route.continue_()
            else:
                self.outside.append(url)
                route.abort() if block_outside else route.continue_()

        context.route("**/*", route)
        context.add_init_script(
            "window.__violations = [];"
            "document.addEventListener('securitypolicyviolation', e => window.__violations.push("
            "e.violatedDirective + ' ' + e.blockedURI));"
        )
        self.violations: list[str] = []
        self.page = context.new_page()
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)

    def collect_violations(self) -> None:
        """Content-Security-Policy violations the current page reported; call before leaving."""
        self.violations += self.page.evaluate("window.__violations || []")

    def assert_clean(self) -> None:
        self.collect_violations()
        assert self.outside == [], f"requests that left the site: {self.outside}"
        assert self.errors == [], f"errors in the page: {self.errors}"
        assert self.violations == [], f"Content-Security-Policy violations: {self.violations}"


def tab_to(page, selector: str, *, backwards: bool = False, limit: int = 300) -> None:
    """Press Tab (or Shift+Tab) until the focus is on `selector`, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
        if page.evaluate(f"document.activeElement.matches({selector!r})"):
            return
    raise AssertionError(f"Tab never reached {selector}")
