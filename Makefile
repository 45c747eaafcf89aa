# make demo: set up .venv if needed, code the bundled article, store it for the dashboard.
# make test: lint, types, tests.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: demo test install bench lock clean

install: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "eventcoder needs Python >= 3.11 (set PYTHON=...)"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/eventcoder code examples/
	@mkdir -p build && rm -f build/demo.duckdb build/demo.duckdb.lock
	@$(BIN)/eventcoder code examples/ --db build/demo.duckdb
	@echo "See these events in the dashboard: $(BIN)/eventcoder serve --db build/demo.duckdb"
	@echo "  (then open http://127.0.0.1:8000 in a browser)"

test: $(STAMP)
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts
	$(BIN)/mypy
	$(BIN)/pytest -q

bench: $(STAMP)
	$(BIN)/python bench/throughput.py

# Re-pin every dependency to what is installed in .venv now.
lock: $(STAMP)
	$(BIN)/python -m pip freeze --exclude-editable | grep -v '^-e' > constraints.txt

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build src/*.egg-info
