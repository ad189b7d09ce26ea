# Cairn: two commands do all set-up on a fresh machine.
#   make run    set up (first time only) and start Cairn (ARGS="chat ..." for the command line)
#   make test   set up (first time only) and run the test suite
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.cairn-installed
ARCH := $(shell uname -m)
OS := $(shell uname -s)

# llama-cpp-python compiles llama.cpp from source. Build it portable: -march=native picked AMX
# kernels that crashed on these virtual machines, and installers must run on other CPUs anyway.
ifeq ($(OS)-$(ARCH),Linux-x86_64)
export CMAKE_ARGS ?= -DGGML_NATIVE=OFF -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON
else ifeq ($(OS),Linux)
export CMAKE_ARGS ?= -DGGML_NATIVE=OFF
endif

.PHONY: run test lint setup

setup: $(STAMP)

$(STAMP): pyproject.toml
	bash packaging/system_deps.sh
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --upgrade pip
	$(BIN)/python -m pip install -e ".[dev]"
	# mlx-vlm pulls opencv-python, which bundles its own Qt 5 and breaks PySide6: use headless
	$(BIN)/python -m pip uninstall -y opencv-python || true
	$(BIN)/python -m pip install --force-reinstall --no-deps opencv-python-headless
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/cairn $(ARGS)

test: $(STAMP)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check inference app tests bench packaging
	$(BIN)/lint-imports
	$(BIN)/mypy
