# `make run` starts bangwo on the embedded default; `make test` runs every test on every store here.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
POSTGRES_TEST_URL ?= postgresql+asyncpg://postgres@127.0.0.1:5432/test

.PHONY: run test lint clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "bangwo needs Python 3.11 or newer (set PYTHON=python3.11)")'
	$(PYTHON) -m venv $(VENV)

$(INSTALLED): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	@touch $(INSTALLED)

run: $(INSTALLED)
	$(BIN)/bangwo serve

lint: $(INSTALLED)
	$(BIN)/ruff check .

test: $(INSTALLED)
	@scripts/start-services
	$(BIN)/ruff check .
	@echo "== tests on SQLite =="
	$(BIN)/pytest -q
	@if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then \
		echo "== tests on PostgreSQL =="; \
		BANGWO_TEST_DATABASE_URL=$(POSTGRES_TEST_URL) $(BIN)/pytest -q; \
	else echo "PostgreSQL is not reachable at 127.0.0.1:5432: skipping the PostgreSQL pass"; fi

clean:
	rm -rf $(VENV) data .pytest_cache .ruff_cache .hypothesis
