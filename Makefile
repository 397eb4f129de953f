# Fazhi — the two commands a newcomer needs are `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PG_URL ?= postgres://postgres@127.0.0.1:5432/fazhi

.PHONY: install run test test-sqlite test-postgres test-deps bench bench-deps lint clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $@

# Serve the demo on http://127.0.0.1:8000 (demo mode: the published demo passwords stay valid).
run: install
	FAZHI_DEMO=1 $(BIN)/fazhi init --demo-if-empty
	FAZHI_DEMO=1 $(BIN)/fazhi run

# The whole suite, first on SQLite, then on PostgreSQL.
test: install test-deps
	$(MAKE) --no-print-directory test-sqlite
	$(MAKE) --no-print-directory test-postgres

test-sqlite: install
	@echo "== tests on SQLite =="
	env -u FAZHI_DATABASE_URL $(BIN)/pytest -p no:cacheprovider

test-postgres: install
	@echo "== tests on PostgreSQL =="
	scripts/ensure-postgres
	FAZHI_DATABASE_URL=$(PG_URL) $(BIN)/pytest -p no:cacheprovider

# Debian's packages the tests drive: Chromium for Playwright (never a downloaded browser), CJK
# fonts, and LibreOffice + poppler to render generated 公文 DOCX and count lines per page.
test-deps:
	@if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/soffice ] || [ ! -x /usr/bin/pdftotext ] \
	    || ! fc-list 2>/dev/null | grep -qi 'Noto Sans CJK'; then \
	  SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium fonts-noto-cjk >/dev/null && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends \
	    libreoffice-writer-nogui poppler-utils >/dev/null; \
	fi

# ripgrep (Debian's package), the yardstick bench/review.py measures the batch scan against.
bench-deps:
	@if ! command -v rg >/dev/null; then \
	  SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq ripgrep >/dev/null; \
	fi

# Each benchmark prints its figures; bench/RESULTS.md records them with date and machine.
BENCHMARKS := bench/citations.py bench/review.py bench/documents.py
bench: install bench-deps
	@for script in $(BENCHMARKS); do echo "== $$script =="; $(BIN)/python $$script || exit 1; done

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy

clean:
	rm -rf $(VENV) build src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
