# Every command sets up what it needs: uv, the locked Python environment and, for tests,
# Debian's Chromium. Run `make help` for the list.

UV := $(shell command -v uv 2>/dev/null || echo "$(HOME)/.local/bin/uv")
SYNC = $(UV) sync --locked --quiet --compile-bytecode && npm ci --ignore-scripts --no-audit --no-fund --silent
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true
# Python keeps the bytecode it compiles (git ignores __pycache__), and `uv sync` compiles the
# installed packages once: otherwise every build and test process compiles them all again.
unexport PYTHONDONTWRITEBYTECODE

.PHONY: help serve build offline publish ledger test test-fast check-upgrades schema lint screenshots printouts readability benchmarks

help:
	@echo "make serve        set up, build and serve the site with live reload on http://127.0.0.1:8000"
	@echo "make build        set up and build the site strictly into site/"
	@echo "make offline      build (which writes site/downloads/), then keep a versioned copy in dist/"
	@echo "make publish      build into a new folder, audit it, then switch public/ to it atomically"
	@echo "make ledger       add this content's new addresses to content/published-addresses.txt"
	@echo "make test         set up (Python packages and Chromium) and run the whole test suite"
	@echo "make test-fast    set up and run the unit and built-site tests (no browser)"
	@echo "make check-upgrades  the fast tests on the newest releases pyproject.toml allows (scratch copy)"
	@echo "make schema       rewrite content/schema/ from the content models"
	@echo "make screenshots  build, then take phone and desktop screenshots, light and dark"
	@echo "make printouts    build, then print exercise sheets and a routine to PDF and PNG"
	@echo "make readability  build, then print each page's reading grade and its long sentences"
	@echo "make lint         ruff over src, hooks, tests and benchmarks"
	@echo "make benchmarks   build cost and growth (several minutes), page weight and Lighthouse"

$(UV):
	python3 -m pip install --quiet --user uv

serve: $(UV)
	$(SYNC)
	$(UV) run mkdocs serve --livereload

build: $(UV)
	$(SYNC)
	$(UV) run mkdocs build

offline: build
	$(UV) run python -m site_tools.offline_zip site dist

publish: $(UV)
	$(SYNC)
	$(UV) run python -m site_tools.publish public

ledger: $(UV)
	$(SYNC)
	$(UV) run python -m gentle_movements.checks.addresses

# One worker a core (pytest-xdist); each test module stays on one worker, so a module's
# shared fixtures (the printed sheets, the Nu checker's run, a publish) are made once.
PARALLEL = -n auto --dist loadscope

test: $(UV)
	$(SYNC)
	scripts/ensure-test-tools
	$(UV) run pytest $(PARALLEL)

# No browser, so no Chromium to set up. The HTML check in tests/site needs Java, which
# `make test` installs; without it that one test is skipped.
test-fast: $(UV)
	$(SYNC)
	$(UV) run pytest $(PARALLEL) tests/unit tests/site

check-upgrades: $(UV)
	UV=$(UV) scripts/check-upgrades

schema: $(UV)
	$(SYNC)
	$(UV) run python -m gentle_movements.outputs.schema content/schema

screenshots: build
	scripts/ensure-test-tools
	$(UV) run python -m site_tools.screenshots site screenshots

printouts: build
	scripts/ensure-test-tools
	$(UV) run python -m site_tools.printouts site printouts

readability: build
	$(UV) run python -m site_tools.readability_report site

lint: $(UV)
	$(UV) sync --locked --quiet --group dev
	$(UV) run ruff check src hooks tests benchmarks

# Build cost runs for several minutes; run it on an otherwise idle machine.
benchmarks: build
	scripts/ensure-test-tools
	cd benchmarks && npm ci --no-audit --no-fund --silent
	$(UV) run python benchmarks/build_cost.py --sizes 10 100 1000 --runs 5
	$(UV) run python -m site_tools.page_weight site
	$(UV) run python benchmarks/lighthouse.py site
