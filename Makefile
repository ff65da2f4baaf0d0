# lkjip — developer commands. `make help` lists them.
# Every target that needs Python depends on the virtual-environment stamp, so on a fresh
# machine `make test` or `make sample` creates .venv and installs everything first. Both also
# install the missing Debian/Ubuntu system packages (.ci/paket-sistem: PDF libraries, fonts,
# and for the tests chromium and poppler-utils) when run as root or with passwordless sudo;
# elsewhere they say what to install and go on.

PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.terpasang
SATKER ?= lapas-banyuasin
TAHUN  ?= 2023
PYTEST_N ?= auto
PYTEST_PARALLEL := -n $(PYTEST_N) --dist loadscope --no-loadscope-reorder

.DEFAULT_GOAL := help
.PHONY: help venv pyc paket-sistem paket-uji sample check test test-cepat lint format benchmark \
	clean distclean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

venv: $(STAMP) ## Create .venv (Python 3.11) and install lkjip with its dev tools
	@echo "Lingkungan siap: $(VENV)"

# The package's bytecode, written ahead (only modules changed since): an editable install
# leaves lkjip_helpers/ uncompiled, and where PYTHONDONTWRITEBYTECODE is set (CI images,
# containers) every process of a build (the build, its kernel, the DOCX child) and of the
# tests would compile its 24 k lines from source again, each time (≈ 0,2 s of CPU a build).
pyc: $(STAMP)
	@$(BIN)/python -m compileall -q lkjip_helpers

paket-sistem: ## Install missing system packages for a build (PDF libraries, fonts), if allowed
	@bash .ci/paket-sistem pdf

paket-uji: ## Install missing system packages for the tests too (chromium, poppler-utils)
	@bash .ci/paket-sistem semua

# Exit code 4: the report was built without the PDF (WeasyPrint's libraries are missing);
# lkjip has printed which packages to install, and the HTML report is there.
sample: paket-sistem pyc ## Build the sample LKjIP and review memo into outputs/lapas-banyuasin/2023/
	$(BIN)/lkjip bangun --satker $(SATKER) --tahun $(TAHUN) || test $$? -eq 4

check: pyc ## Run the data checks on the sample (lkjip periksa)
	$(BIN)/lkjip periksa --satker $(SATKER) --tahun $(TAHUN)

# pytest-xdist: one worker per core; `--dist loadscope` runs each test file on one worker, so
# a file's shared fixtures (a build, a browser) are set up once; `--no-loadscope-reorder` keeps
# the order of tests/conftest.py (slowest files first, so none finishes alone at the end).
# PYTEST_N=0: one process.
test: paket-uji pyc ## Run all tests (includes the end-to-end build of the sample)
	$(BIN)/python -m pytest -q $(PYTEST_PARALLEL)

test-cepat: pyc ## Run the tests without the slow end-to-end and fuzz ones
	$(BIN)/python -m pytest -q $(PYTEST_PARALLEL) -m "not e2e and not fuzz"

lint: $(STAMP) ## Lint with ruff
	$(BIN)/ruff check .

format: $(STAMP) ## Format with ruff
	$(BIN)/ruff format .

benchmark: pyc ## Time the naive papermill/nbconvert pipeline against lkjip build
	$(BIN)/python benchmarks/bench_build.py --satker $(SATKER) --tahun $(TAHUN)

clean: ## Remove generated outputs and caches (keeps .venv and outputs/README.md)
	find outputs -mindepth 1 -maxdepth 1 ! -name README.md -exec rm -rf {} +
	rm -rf .pytest_cache .ruff_cache build dist *.egg-info
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -exec rm -rf {} +

distclean: clean ## Also remove .venv
	rm -rf $(VENV)

help: ## Show this help
	@grep -E '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | \
		awk 'BEGIN {FS = ":.*## "}; {printf "  make %-12s %s\n", $$1, $$2}'
