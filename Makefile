# Mentor Journal: the README's commands. `make run` and `make test` install what is missing first.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

APP        := target/debug/mentor-journal
# The release package `make bundle` builds. Tauri's bundler names the file after the product name,
# space and all (the package inside is `mentor-journal`), so every recipe quotes it.
VERSION    := $(shell sed -n 's/^  "version": "\(.*\)",$$/\1/p' src-tauri/tauri.conf.json)
DEB        := target/release/bundle/deb/Mentor Journal_$(VERSION)_$(shell dpkg --print-architecture).deb
# The desktop entry as installed, named by the app's id (the bundler's name is renamed, see bundle).
DESKTOP    := /usr/share/applications/org.mentorjournal.desktop.desktop
SUDO       := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BUILD_PKGS := build-essential pkg-config perl libwebkit2gtk-4.1-dev libssl-dev fonts-dejavu-core
# Every program a test or a make target spawns is listed once, in tests/tools.txt, with its source.
TOOLS_FILE := tests/tools.txt
TOOLS      := $(shell sed -e 's/\#.*//' $(TOOLS_FILE) | awk 'NF == 2 { print $$1 "=" $$2 }')
NPM_STAMP  := ui/node_modules/.package-lock.json
# WebKitGTK's DMA-BUF renderer draws blank windows under Xvfb and in some VMs.
E2E_ENV    := WEBKIT_DISABLE_DMABUF_RENDERER=1

define apt_install
	missing=""; for p in $(1); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing system packages:$$missing"; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -qq; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi
endef

.PHONY: help deps test-deps ui build run dev test lint bundle install uninstall package-test icons rust-test bindings-check ui-check ui-test e2e soak bench bench-mj startup-bench screenshot docs-screenshots clean supply-chain

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-15s %s\n", $$1, $$2}'

deps: ## Install the system packages and the UI's npm packages needed to build
	@$(call apt_install,$(BUILD_PKGS))
	@$(MAKE) --no-print-directory $(NPM_STAMP)

$(NPM_STAMP): ui/package.json ui/package-lock.json
	cd ui && npm ci --no-audit --no-fund
	@touch $(NPM_STAMP)

test-deps: deps ## Also install every program the tests spawn (tests/tools.txt)
	@apt=""; cargo=""; for t in $(TOOLS); do prog=$${t%%=*}; src=$${t#*=}; \
	  type -P "$$prog" >/dev/null && continue; \
	  case "$$src" in cargo:*) cargo="$$cargo $${src#cargo:}";; *) apt="$$apt $$src";; esac; \
	done; \
	if [ -n "$$apt" ]; then \
	  echo "Installing system packages:$$apt"; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -qq; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$apt; \
	fi; \
	for c in $$cargo; do echo "Installing $${c%@*} with cargo"; cargo install --locked "$${c%@*}" --version "$${c#*@}"; done; \
	for t in $(TOOLS); do prog=$${t%%=*}; type -P "$$prog" >/dev/null || { echo "$$prog is still missing after make test-deps"; exit 1; }; done

ui: deps ## Build the web UI into ui/dist (embedded into the app binary)
	cd ui && npm run build

build: ui ## Build the desktop app (debug, UI embedded)
	cargo build -p mentor-journal

run: build ## Install what is missing, build and open the app
	./$(APP)

# Tauri's bundler (npm's @tauri-apps/cli, a prebuilt binary) packs the release app (the UI
# embedded) with mj, the icons, the desktop entry and the AppStream metadata
# (src-tauri/tauri.conf.json > bundle). Both binaries are built by one cargo run, then the
# bundler packs them (`tauri bundle`, which builds nothing): one feature resolution for the two,
# so the crates they share compile once (built one after the other, `-p mj` alone resolved other
# features and 185 of its 268 crates compiled again for the app: 5 of the 15 minutes), and the
# two fat-LTO links run side by side. The bundler packs with gzip; repacked with xz (dpkg-deb)
# the package is half the size. The repack also renames the desktop entry the bundler names after
# the product ("Mentor Journal.desktop", a space in a desktop-file id) to the app's id, as the
# AppStream metadata's launchable names it.
bundle: ui ## Build the release .deb (the app and mj) into target/release/bundle/deb
	cargo build --release --locked -p mj -p mentor-journal
	cd src-tauri && ../ui/node_modules/.bin/tauri bundle --ci --bundles deb
	@tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	dpkg-deb -R "$(DEB)" "$$tmp/root" && \
	mv "$$tmp/root/usr/share/applications/Mentor Journal.desktop" "$$tmp/root$(DESKTOP)" && \
	sed -i 's|usr/share/applications/Mentor Journal.desktop|$(DESKTOP:/%=%)|' "$$tmp/root/DEBIAN/md5sums" && \
	dpkg-deb --root-owner-group -Zxz -z9 -b "$$tmp/root" "$(DEB)" >/dev/null
	@ls -l "$(DEB)"

install: ## Install the .deb that make bundle built (mentor-journal and mj on the PATH)
	@[ -f "$(DEB)" ] || { echo "$(DEB) is missing: run make bundle first"; exit 1; }
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --reinstall "./$(DEB)"

uninstall: ## Remove the installed package (the journal itself stays where it is)
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq mentor-journal

# The smoke e2e against the installed binary: a packaging mistake (a missing asset, a wrong path)
# fails here and not on a user's machine. The two tests create a journal, lock and unlock it
# (wrong passphrase, restart, recovery key) and write a note that survives a restart.
package-test: test-deps bundle install ## Build and install the .deb, then run a smoke e2e on /usr/bin/mentor-journal
	desktop-file-validate "$(DESKTOP)"
	appstreamcli validate --no-net /usr/share/metainfo/org.mentorjournal.desktop.metainfo.xml
	/usr/bin/mj --version
	cargo build --workspace --all-targets
	$(E2E_ENV) MENTOR_JOURNAL_APP=/usr/bin/mentor-journal xvfb-run -a --server-args="-screen 0 1280x900x24" \
	  cargo test --workspace --features mentor-journal-tests/e2e --test e2e -- --nocapture --test-threads=1 \
	  create_lock_unlock_restart_and_recover daily_capture_loop_survives_a_restart

# The PNGs the package needs, from the SVG source (the bundler reads the list in tauri.conf.json).
icons: deps ## Regenerate src-tauri/icons/*.png from src-tauri/icons/icon.svg
	@tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	cd ui && { out=$$(npx --no-install tauri icon ../src-tauri/icons/icon.svg -o "$$tmp" 2>&1) || { echo "$$out"; exit 1; }; } && \
	for f in 32x32 64x64 128x128 icon; do cp "$$tmp/$$f.png" ../src-tauri/icons/; done; \
	cp "$$tmp/128x128@2x.png" ../src-tauri/icons/256x256.png

dev: deps ## Run against the Vite dev server with hot reload
	cd ui && npm run dev & trap 'kill %1' EXIT; cargo run -p mentor-journal --no-default-features

test: test-deps lint supply-chain rust-test bindings-check ui-check ui-test e2e package-test ## Run every test layer (installs first), then the .deb installed and smoke-tested
	@echo "All test layers passed."

lint: ui ## rustfmt and clippy (warnings are errors); prettier and eslint for the UI
	cargo fmt --all --check
	cargo clippy --workspace --all-targets --all-features -- -D warnings
	cd ui && npm run lint

# cargo-deny reads the metadata of every platform's crates, and a fresh cargo cache holds only the
# host's: `cargo fetch` (without --target) brings the rest before the offline check.
supply-chain: test-deps ## Licences, bans and sources of every crate (offline); npm audit where reachable
	cargo fetch --locked --quiet
	cargo deny --offline check licenses bans sources
	@cd ui && out=$$(npm audit --omit=dev 2>&1) && echo "npm audit: no known vulnerabilities" || { \
	  if echo "$$out" | grep -qiE 'audit endpoint returned an error|ENOTFOUND|ECONNREFUSED|EAI_AGAIN|ETIMEDOUT'; then \
	    echo "npm audit: skipped, the advisory service cannot be reached from here"; \
	  else echo "$$out"; exit 1; fi; }

rust-test: ui ## Core and integration tests on real encrypted vaults (also regenerates the bindings)
	cargo test --workspace

# Rust writes the bindings again into a temp folder and the committed folder must match it file for
# file: a binding Rust no longer generates (a renamed or removed type) fails too, not only a changed
# one. Cheap after rust-test: the same test binaries, only the export tests run.
bindings-check: ## Fail when the committed TypeScript bindings differ from what Rust generates
	@if [ -n "$$(git status --porcelain -- ui/src/bindings)" ]; then \
	  git status --porcelain -- ui/src/bindings; git --no-pager diff --stat -- ui/src/bindings; \
	  echo "ui/src/bindings is stale: run 'cargo test --workspace' and commit the result."; exit 1; \
	fi
	@tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	TS_RS_EXPORT_DIR="$$tmp" cargo test --quiet --workspace --lib -- export_bindings_ export_command_map >/dev/null; \
	[ -s "$$tmp/Commands.ts" ] || { echo "bindings-check: Rust generated no Commands.ts into $$tmp"; exit 1; }; \
	out=$$(git --no-pager diff --no-index --name-status "$$tmp" ui/src/bindings) || { echo "$${out//$$tmp/(generated)}"; \
	  echo "ui/src/bindings is not what Rust generates (A: no longer generated, D: not committed, M: differs): fix and commit."; exit 1; }; \
	echo "ui/src/bindings: $$(ls "$$tmp" | wc -l) files, all generated by Rust and committed as generated"

ui-check: deps ## svelte-check and tsc, strict
	cd ui && npm run check

ui-test: deps ## Vitest component and ipc tests
	cd ui && npm test

# The e2e build resolves features for the whole workspace, like `cargo test --workspace`, so the two
# share compiled dependencies instead of building tauri twice.
e2e: test-deps ui ## Drive the real app through tauri-driver and WebKitWebDriver under Xvfb
	cargo build --workspace --all-targets
	$(E2E_ENV) MENTOR_JOURNAL_APP=$(CURDIR)/$(APP) xvfb-run -a --server-args="-screen 0 1280x900x24" \
	  cargo test --workspace --features mentor-journal-tests/e2e --test e2e -- --nocapture --test-threads=1

soak: ## The security and durability loops at full counts (200 wrong passphrases, 200 crash rounds, 100 kills during backup and restore)
	MJ_SOAK=1 cargo test --workspace --test integration security -- --nocapture --test-threads=1
	MJ_SOAK=1 cargo test --workspace --test integration backups_killed -- --nocapture --test-threads=1

bench: ## Criterion benchmarks of the core, then mj against jrnl (figures for docs/benchmarks.md)
	cargo bench -p journal
	$(MAKE) --no-print-directory bench-mj

bench-mj: ## One search as a whole process: mj against jrnl 4.6 (installed from PyPI into target/)
	cargo build --release -p mj
	python3 src-tauri/cli/bench/jrnl_vs_mj.py

# Start-up and memory of the release app (issue 17): window mapped and unlock screen drawn after
# exec (10 launches), PSS idle on the dashboard at 0, 10,000 and 100,000 notes, under its own Xvfb.
# Pick another binary with MJ_BENCH_APP=path (and MJ_BENCH_MJ for the mj that makes the journals).
startup-bench: ## Start-up time and memory of target/release/mentor-journal (figures for docs/benchmarks.md)
	@for t in xvfb-run xdotool; do type -P $$t >/dev/null || { echo "$$t is missing: run make test-deps"; exit 1; }; done
	python3 src-tauri/packaging/startup_bench.py

screenshot: build ## Open the app under Xvfb on a throwaway journal and save screenshots/app.png
	@mkdir -p screenshots
	$(E2E_ENV) MENTOR_JOURNAL_DIR=$$(mktemp -d) xvfb-run -a --server-args="-screen 0 1280x900x24" \
	  bash -c './$(APP) & sleep 6; import -window root screenshots/app.png; kill %1'
	@echo "Saved screenshots/app.png"

docs-screenshots: test-deps ui ## Regenerate the README's screenshots (docs/*.png) from a seeded journal
	cargo build --workspace --all-targets
	$(E2E_ENV) MENTOR_JOURNAL_APP=$(CURDIR)/$(APP) xvfb-run -a --server-args="-screen 0 1280x900x24" \
	  cargo test --workspace --features mentor-journal-tests/e2e --test e2e readme_screenshots -- --ignored --nocapture

clean: ## Remove build output (keeps node_modules)
	cargo clean
	rm -rf ui/dist
