"""Accessibility of every built page, WCAG 2.2 AA.

axe-core (npm, run in Debian's Chromium) judges every page in light and dark, on a phone and
a desktop, and an exercise page with the search dialog open and, on a phone, the menu open.
Our own checks cover what axe does not: a visible focus on every control reached with the
keyboard, and reduced motion. (tests/site/test_accessibility_built.py checks the headings and
every image's text alternative in the built HTML.)
"""

from __future__ import annotations

import pytest

from shared import ROOT, BuiltSite, site_pages

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}
SCHEMES = ("light", "dark")


# axe-core ---------------------------------------------------------------------------------


def settle(page) -> None:
    """Wait until no CSS transition or finite animation is running, so colours are final."""
    page.wait_for_function(
        """() => document.getAnimations().every(animation => animation.playState !== 'running'
                 || animation.effect.getComputedTiming().endTime === Infinity)""",
        timeout=5_000,
    )


def axe_violations(page) -> list[str]:
    """Run axe-core on the page as it is now (its context loads axe); one line per failing
    element."""
    settle(page)
    violations = page.evaluate(
        """tags => axe.run(document, {
               runOnly: {type: 'tag', values: tags}, resultTypes: ['violations'],
           }).then(result => result.violations)""",
        AXE_TAGS,
    )
    return [
        f"{rule['id']} ({rule['impact']}): {' '.join(node['target'])}: "
        + " ".join(node["failureSummary"].split())
        for rule in violations
        for node in rule["nodes"]
    ]


def open_search(page, viewport: str) -> None:
    """Open the search dialog the way a reader does, and type a word that finds pages."""
    if viewport == "phone":
        page.locator("label.md-header__button[for='__search']").click()
    else:
        page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").press_sequentially("knee", delay=20)
    page.locator(".md-search-result__list a").first.wait_for(timeout=10_000)


CHROME_PAGE = "exercises/knee-to-chest.html"
"""Where axe judges the search dialog and the phone menu open. Both are Material's chrome,
the same on every page, so one page per scheme and viewport is enough. An exercise page,
because that is where most readers arrive (a clinician sends one), and because its menu
opens at the deepest level, inside the exercises' section, with this page marked current."""


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("scheme", SCHEMES)
def test_axe_finds_nothing_on_any_page(browser, built_site: BuiltSite, hosted: str,
                                       scheme: str, viewport: str) -> None:
    assert AXE.is_file(), f"{AXE} is missing: run `npm ci`"
    # The page's Content-Security-Policy forbids inline scripts, which is how Playwright
    # injects axe. Bypassing it changes nothing axe judges; test_browser.py checks the policy.
    context = browser.new_context(
        color_scheme=scheme, viewport=VIEWPORTS[viewport], bypass_csp=True
    )
    # Given to the browser once, and run in each page as it opens: not sent again per page.
    context.add_init_script(path=str(AXE))
    page = context.new_page()
    found: list[str] = []
    for page_path in site_pages(built_site.folder):
        page.goto(hosted + page_path)
        found += [f"{page_path}: {line}" for line in axe_violations(page)]
    page.goto(hosted + CHROME_PAGE)
    open_search(page, viewport)
    found += [f"{CHROME_PAGE} (search open): {line}" for line in axe_violations(page)]
    if viewport == "phone":  # the menu is a drawer on a phone, read as often as the page
        page.keyboard.press("Escape")
        page.locator("label.md-header__button[for='__drawer']").click()
        found += [f"{CHROME_PAGE} (menu open): {line}" for line in axe_violations(page)]
    context.close()
    assert found == [], f"{len(found)} axe violations ({scheme}, {viewport}):\n" + "\n".join(
        found
    )


# Keyboard focus ---------------------------------------------------------------------------

FOCUS_STATE = """() => {
  const focused = document.activeElement;
  if (!focused || focused === document.body) return null;
  // A visually hidden radio (Material's colour-scheme switch) shows its focus on the label
  // beside it.
  const shown = node => node && node.getBoundingClientRect().width > 1;
  const labels = [focused.nextElementSibling, ...(focused.labels || [])]
    .filter(node => node && node.tagName === 'LABEL' && shown(node));
  const element = !shown(focused) && labels.length ? labels[0] : focused;
  const style = getComputedStyle(element);
  const transparent = colour => /rgba\\(.*,\\s*0\\)$/.test(colour) || colour === 'transparent';
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1
    && !transparent(style.outlineColor);
  const shadow = style.boxShadow !== 'none';
  let opacity = 1;
  for (let node = element; node instanceof Element; node = node.parentElement) {
    opacity *= parseFloat(getComputedStyle(node).opacity);
  }
  const box = element.getBoundingClientRect();
  const onScreen = box.width > 0 && box.height > 0 && box.right > 0 && box.bottom > 0
    && box.left < innerWidth && box.top < innerHeight && style.visibility === 'visible'
    && opacity > 0.5;
  // Not hidden behind something else (WCAG 2.4.11): the sticky header, a panel of the menu.
  // The menu's see-through overlay dims the page but hides nothing.
  const points = [[(box.left + box.right) / 2, (box.top + box.bottom) / 2],
                  [box.left + 2, box.top + 2], [box.right - 2, box.bottom - 2]];
  const unobscured = points.some(([x, y]) => {
    const top = document.elementFromPoint(x, y);
    return top !== null && (element.contains(top) || top.contains(element)
      || top.classList.contains('md-overlay'));
  });
  const text = (focused.getAttribute('aria-label') || focused.textContent || '')
    .trim().replace(/\\s+/g, ' ').slice(0, 40);
  const name = focused.tagName.toLowerCase()
    + (focused.id ? '#' + focused.id : '')
    + (typeof focused.className === 'string' && focused.className.trim()
       ? '.' + focused.className.trim().split(/\\s+/).join('.') : '')
    + (focused.getAttribute('href') ? `[href=${focused.getAttribute('href')}]` : '')
    + ` "${text}"`;
  return {name, visible: (outline || shadow) && onScreen && unobscured,
          inMenu: focused.closest('.md-sidebar--primary') !== null};
}"""
"""The focused element, and whether its focus shows: an outline or a box shadow, on screen,
not hidden behind anything."""

FOCUS_PAGES = ["index.html", "exercises/index.html", "exercises/cat-cow.html", "safety.html",
               "faq.html", "404.html"]
"""Each kind of page: home, a section index, an exercise, a safety page, FAQ, the 404."""


def tab_through(page, limit: int = 400, *, menu_only: bool = False) -> list[dict]:
    """Press Tab until focus leaves the page (or the menu) or comes back round; the states
    seen."""
    seen: list[dict] = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        settle(page)
        state = page.evaluate(FOCUS_STATE)
        if state is None or (seen and state["name"] == seen[0]["name"]):
            break
        if menu_only and seen and seen[-1]["inMenu"] and not state["inMenu"]:
            break
        seen.append(state)
    return seen


def focus_on(page, selector: str, limit: int = 20) -> None:
    """Press Tab until the control the selector names has the focus, as a keyboard user."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_every_control_shows_its_keyboard_focus(browser, hosted: str, viewport: str) -> None:
    # Reduced motion, so that what focus reveals (the skip link) is there at once.
    context = browser.new_context(viewport=VIEWPORTS[viewport], reduced_motion="reduce")
    page = context.new_page()
    hidden: list[str] = []
    for page_path in FOCUS_PAGES:
        page.goto(hosted + page_path)
        states = tab_through(page)
        assert len(states) > 5, f"{page_path}: only {len(states)} stops for the keyboard"
        hidden += [f"{page_path}: {s['name']}" for s in states if not s["visible"]]
    context.close()
    assert hidden == [], "focus not visible on:\n" + "\n".join(hidden)


def test_the_phone_menu_and_search_work_from_the_keyboard(browser, hosted: str) -> None:
    context = browser.new_context(viewport=VIEWPORTS["phone"], reduced_motion="reduce")
    page = context.new_page()
    page.goto(hosted + "exercises/cat-cow.html")
    focus_on(page, "label[for='__drawer'].md-header__button")
    page.keyboard.press("Enter")
    assert page.locator("#__drawer").is_checked(), "Enter did not open the menu"
    states = tab_through(page, menu_only=True)
    in_menu = [s for s in states if s["inMenu"]]
    assert any("cat-cow.html" not in s["name"] and ".md-nav__link" in s["name"]
               for s in in_menu), f"no link in the open menu: {states}"
    hidden = [s["name"] for s in states if not s["visible"]]
    assert hidden == [], f"focus not visible in the open menu: {hidden}"
    # Escape closes it and gives the focus back to the menu button.
    page.keyboard.press("Escape")
    assert not page.locator("#__drawer").is_checked(), "Escape did not close the menu"
    assert page.evaluate("document.activeElement.matches(\"label[for='__drawer']\")")
    # The open section's title goes back up a level.
    page.goto(hosted + "exercises/cat-cow.html")
    focus_on(page, "label[for='__drawer'].md-header__button")
    page.keyboard.press("Enter")
    back = page.locator(".md-nav__title[tabindex='0']:visible").last
    section = back.get_attribute("for")
    focus_on(page, f"#{section}_back")
    page.keyboard.press("Enter")
    assert not page.locator(f"#{section}").is_checked(), "Enter did not go back a level"
    # Search opens from its button, and finds pages.
    page.goto(hosted + "exercises/cat-cow.html")
    focus_on(page, "label[for='__search'].md-header__button")
    page.keyboard.press("Enter")
    assert page.locator("#__search").is_checked(), "Enter did not open search"
    page.keyboard.type("knee")
    page.locator(".md-search-result__list a").first.wait_for(timeout=10_000)
    context.close()


# Reduced motion ---------------------------------------------------------------------------


SCROLL_THE_CONTENTS_SMOOTHLY = """() => {
  const contents = document.querySelector('.md-sidebar--secondary .md-sidebar__scrollwrap');
  contents.scrollTo({top: 0});
  contents.scrollTo({top: contents.scrollHeight, behavior: 'smooth'});
  return contents.scrollTop;  // at once: a smooth scroll has barely begun
}"""


@pytest.mark.parametrize("motion", ["reduce", "no-preference"])
def test_scripted_scrolling_jumps_when_less_motion_is_asked(browser, hosted: str,
                                                            motion: str) -> None:
    """Material scrolls the table of contents smoothly as the page moves (toc.follow)."""
    context = browser.new_context(viewport={"width": 1280, "height": 360}, reduced_motion=motion)
    page = context.new_page()
    page.goto(hosted + "exercises/pigeon-pose.html")
    jumped = page.evaluate(SCROLL_THE_CONTENTS_SMOOTHLY) > 0
    context.close()
    assert jumped == (motion == "reduce")

MOVING = """() => {
  const seconds = value => Math.max(...value.split(',').map(part =>
    part.trim().endsWith('ms') ? parseFloat(part) / 1000 : parseFloat(part)));
  const moving = [];
  for (const element of document.querySelectorAll('*')) {
    for (const pseudo of [null, '::before', '::after']) {
      const style = getComputedStyle(element, pseudo);
      const transition = style.transitionProperty !== 'none'
        ? seconds(style.transitionDuration) : 0;
      const animation = style.animationName !== 'none' ? seconds(style.animationDuration) : 0;
      if (transition > 0.01 || animation > 0.01) {
        moving.push(`${element.tagName.toLowerCase()}.${element.classList}${pseudo || ''}:`
          + ` transition ${style.transitionDuration}, animation ${style.animationDuration}`);
      }
    }
  }
  // SVG's own animations (SMIL), which CSS does not see.
  for (const svg of document.querySelectorAll('svg')) {
    if (!svg.ownerSVGElement && !svg.animationsPaused()
        && svg.querySelector('animate, animateMotion, animateTransform, set')) {
      moving.push(`svg ${svg.getAttribute('aria-label') || svg.className.baseVal}: animated`);
    }
  }
  const smooth = getComputedStyle(document.documentElement).scrollBehavior === 'smooth';
  return smooth ? [...moving, 'html: scroll-behavior smooth'] : moving;
}"""


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_reduced_motion_stops_movement(browser, built_site: BuiltSite, hosted: str,
                                      viewport: str) -> None:
    context = browser.new_context(viewport=VIEWPORTS[viewport], reduced_motion="reduce")
    page = context.new_page()
    moving: list[str] = []
    for page_path in site_pages(built_site.folder):
        page.goto(hosted + page_path)
        moving += [f"{page_path}: {line}" for line in page.evaluate(MOVING)]
    open_search(page, viewport)
    moving += [f"search open: {line}" for line in page.evaluate(MOVING)]
    context.close()
    assert moving == [], "movement despite reduced motion:\n" + "\n".join(sorted(set(moving)))
