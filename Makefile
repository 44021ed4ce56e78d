# Reclam: the two commands of the README.
#   make run   installs what is missing, builds the UI and starts the desktop app
#   make test  installs the same and runs every check and test (what CI runs)

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c

# Keep the cargo target directory outside the clone so CI runs reuse it.
export CARGO_TARGET_DIR ?= $(HOME)/.cache/reclam/target
CARGO ?= cargo

# tauri-driver (the WebDriver bridge of the end-to-end tests), installed once outside the clone.
TOOLS_DIR ?= $(HOME)/.cache/reclam/tools
TAURI_DRIVER := $(TOOLS_DIR)/bin/tauri-driver
TAURI_DRIVER_VERSION := 2.1.0
XVFB := xvfb-run -a -s "-screen 0 1280x900x24"
# The timings watch the screen's pixels: Xvfb keeps its framebuffer in a file, in a fresh
# folder for each run.
XVFB_BENCH := RECLAM_BENCH_FBDIR=$$fb xvfb-run -a -s "-screen 0 1280x900x24 -fbdir $$fb"

# Debian/Ubuntu packages Tauri needs on Linux, plus what the tests use (Xvfb, the WebKit
# WebDriver, pdftotext/pdftoppm, a font, PostgreSQL and openssl for the shared register).
APT_PACKAGES := libwebkit2gtk-4.1-dev build-essential pkg-config libssl-dev \
	libayatana-appindicator3-dev librsvg2-dev libxdo-dev \
	xvfb xauth webkit2gtk-driver poppler-utils fonts-dejavu-core unzip postgresql openssl \
	python3 python3-pip

.PHONY: package package-test e2e-bench-release run test deps toolchain system-deps py-deps ui-deps ui build lint rust-test ui-test e2e e2e-bench crash bench bench-shared bench-libreoffice bench-libreoffice-extract bench-extract-memory demo clean-db

run: deps ui
	$(CARGO) build --workspace
	$(CARGO_TARGET_DIR)/debug/reclam-desktop

test: deps ui lint rust-test ui-test e2e package-test

deps: system-deps toolchain ui-deps py-deps

# pyHanko validates the PAdES signatures of issued letters in the tests (tests/signing.rs).
PYHANKO_VERSION := 0.38.0
py-deps:
	@python3 -c "import pyhanko, pyhanko_certvalidator" 2>/dev/null || \
		python3 -m pip install --quiet --disable-pip-version-check \
			"pyhanko==$(PYHANKO_VERSION)" pyhanko-certvalidator \
		|| python3 -m pip install --quiet --disable-pip-version-check --break-system-packages \
			"pyhanko==$(PYHANKO_VERSION)" pyhanko-certvalidator

# rust-toolchain.toml pins 1.95.0. Without network access to the Rust dist servers, alias it to
# the installed stable toolchain when that is the same version.
toolchain:
	@if command -v rustup >/dev/null && ! rustup toolchain list | grep -q '^1.95.0'; then \
		if rustc +stable --version 2>/dev/null | grep -q '^rustc 1.95.0'; then \
			rustup toolchain link 1.95.0 "$$(rustc +stable --print sysroot)" || true; \
		fi; \
	fi

system-deps:
	@missing=""; for p in $(APT_PACKAGES); do \
		dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "Installation des paquets manquants :$$missing"; \
		SUDO=""; [ "$$(id -u)" -eq 0 ] || SUDO="sudo"; \
		$$SUDO apt-get update -qq; \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
	fi
	@command -v node >/dev/null || { echo "Node.js 20+ et npm sont requis (apt-get install nodejs npm)"; exit 1; }

# npm ci refuses lockfiles without other platforms' optional packages (npm 11): install keeps
# the lockfile as it is.
ui-deps: ui/node_modules/.installed
ui/node_modules/.installed: ui/package.json ui/package-lock.json
	cd ui && npm install --no-audit --no-fund
	touch $@

ui: ui-deps
	cd ui && npm run build

lint: ui
	$(CARGO) fmt --all --check
	$(CARGO) clippy --workspace --all-targets --locked -- -D warnings
	cd ui && npm run check

rust-test: ui
	$(CARGO) test --workspace --exclude reclam-e2e --locked

$(TAURI_DRIVER):
	$(CARGO) install tauri-driver --version $(TAURI_DRIVER_VERSION) --locked --root $(TOOLS_DIR)

# End-to-end tests: the real desktop binary driven through WebDriver (tauri-driver +
# WebKitWebDriver) under Xvfb. Screenshots land in tests/e2e/screenshots/.
e2e: deps ui $(TAURI_DRIVER)
	$(CARGO) build --workspace --locked --bins
	TAURI_DRIVER=$(TAURI_DRIVER) $(XVFB) $(CARGO) test -p reclam-e2e --locked -- --test-threads=1

# Start-up and search timings of the app on a 100,000-complaint register (not part of make test).
e2e-bench: deps ui $(TAURI_DRIVER)
	$(CARGO) build --workspace --locked --bins
	fb=$$(mktemp -d) && TAURI_DRIVER=$(TAURI_DRIVER) $(XVFB_BENCH) \
		$(CARGO) test -p reclam-e2e --locked --test timing -- --ignored --nocapture --test-threads=1

# The release app and its Linux .deb bundle (AppImage and NSIS download tools at build time
# and are built by the release workflow instead). The updater's artefacts are signed only
# where the release key is set (TAURI_SIGNING_PRIVATE_KEY); without it they are left out.
TAURI_CLI := ui/node_modules/.bin/tauri
DEB_DIR := $(CARGO_TARGET_DIR)/release/bundle/deb
package: deps ui
	rm -f $(DEB_DIR)/*.deb
	if [ -n "$${TAURI_SIGNING_PRIVATE_KEY:-}" ]; then \
		$(TAURI_CLI) build --bundles deb; \
	else \
		$(TAURI_CLI) build --bundles deb --config '{"bundle":{"createUpdaterArtifacts":false}}'; \
	fi
	ls -l $(CARGO_TARGET_DIR)/release/reclam-desktop $(DEB_DIR)/*.deb

# The .deb unpacked into a scratch root, its binary started under Xvfb on a fresh register.
package-test: package $(TAURI_DRIVER)
	TAURI_DRIVER=$(TAURI_DRIVER) RECLAM_DEB="$$(ls $(DEB_DIR)/*.deb | head -1)" $(XVFB) \
		$(CARGO) test -p reclam-e2e --locked --test package -- --ignored --test-threads=1

# The same timings on the release build (what users install).
e2e-bench-release: package $(TAURI_DRIVER)
	fb=$$(mktemp -d) && TAURI_DRIVER=$(TAURI_DRIVER) RECLAM_APP=$(CARGO_TARGET_DIR)/release/reclam-desktop $(XVFB_BENCH) \
		$(CARGO) test -p reclam-e2e --locked --test timing -- --ignored --nocapture --test-threads=1

# The crash harness with 100 kills of the writer (make test runs 20).
crash: deps
	RECLAM_CRASH_RUNS=100 $(CARGO) test -p reclam --locked --test crash -- --nocapture

ui-test: ui-deps
	cd ui && npm test

# Benchmarks (not part of `make test`): criterion over demo databases.
bench: ui
	$(CARGO) bench --workspace --bench register --bench letters

# The firm's shared register over loopback, against a PostgreSQL started for the run.
bench-shared: deps
	$(CARGO) bench --bench shared

# Letters against LibreOffice converting the same letter (needs libreoffice-writer).
bench-libreoffice: deps
	$(CARGO) build --release --bin reclam
	python3 benches/libreoffice_letters.py $(CARGO_TARGET_DIR)/release/reclam

# The 10,000-complaint register extract against LibreOffice converting the same CSV.
bench-libreoffice-extract: deps
	$(CARGO) build --release --bin reclam
	python3 benches/libreoffice_extract.py $(CARGO_TARGET_DIR)/release/reclam

# Time and peak memory of the PDF extract of 100,000 complaints (pages are streamed to the file).
bench-extract-memory: deps
	$(CARGO) build --release --bin reclam
	python3 benches/extract_memory.py $(CARGO_TARGET_DIR)/release/reclam 100000 3

# A demo register of 10,000 complaints in a separate file, opened by the app.
demo: deps ui
	$(CARGO) build --workspace
	rm -f /tmp/reclam-demo.db*
	$(CARGO_TARGET_DIR)/debug/reclam --db /tmp/reclam-demo.db demo --count 10000
	RECLAM_DB=/tmp/reclam-demo.db $(CARGO_TARGET_DIR)/debug/reclam-desktop
