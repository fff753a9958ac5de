# Every target that needs Python creates .venv first; nothing is installed by hand.
PYTHON ?= python3
# Where `make run` listens: `make run PORT=8080`, `make run HOST=0.0.0.0 PORT=8080`.
HOST ?= 127.0.0.1
PORT ?= 8000
# How many processes `make test` runs the suite in (pytest-xdist; one file stays in one process).
TEST_WORKERS ?= 2
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run test lint bench clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: install
	$(BIN)/intake db upgrade
	$(BIN)/intake run --host $(HOST) --port $(PORT)

test: install
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || \
		echo "NOTE: no chromium found: the browser tests (tests/browser) will be SKIPPED; apt-get install chromium"
	$(BIN)/python -m pytest -q -n $(TEST_WORKERS) --dist loadfile --durations=30

lint: install
	$(BIN)/ruff check backend bot dialogs tests bench
	$(BIN)/ruff format --check backend bot dialogs tests bench
	$(BIN)/mypy backend dialogs
	$(BIN)/mypy --explicit-package-bases bench  # a benchmark calls the services as the app does

bench: install
	$(BIN)/python bench/intake_api.py
	$(BIN)/python bench/sweep_scaling.py
	$(BIN)/python bench/routing_eval.py
	$(BIN)/python bench/dialog_throughput.py --floor
	$(BIN)/python bench/overload.py
	$(BIN)/python bench/intake_throughput.py
	$(BIN)/python bench/read_write_p99.py
	$(BIN)/python bench/routing_cold.py
	$(BIN)/python bench/scaling.py

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache tests/.artifacts
