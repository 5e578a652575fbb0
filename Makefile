# sparkd — two commands for a newcomer: `make run` and `make test`.
SWIFT ?= swift
BIN = $(shell $(SWIFT) build --show-bin-path)
RELEASE_BIN = $(shell $(SWIFT) build -c release --show-bin-path)

# How Package.swift links libgit2: statically whenever its archives are installed, asked afresh for
# every command (after `deps`) and passed to swift. Left to Package.swift, the answer was the one of
# the first build: SwiftPM keys its cached evaluation of Package.swift on the environment, not on the
# file system, and a build begun before libgit2-dev was installed kept a dynamically linked
# sparkd-hook: 10 ms a run instead of 2.7. `make build SPARKD_LIBGIT2=shared` to choose; every build
# of sparkd-hook is checked (scripts/check-hook-linking.sh).
export SPARKD_LIBGIT2 ?= $(shell scripts/libgit2-linking.sh)

.PHONY: all deps build run test test-peers lint format check-modules modules-graph bench-commit bench-rewrite bench-daemon bench-hook bench-sim migrate-real refactor-real fuzz-rewrite fuzz-loader install check-systemd clean

all: build

## Install what is missing: libgit2-dev and libsqlite3-dev (apt-get), git.
deps:
	@scripts/install-deps.sh

build: deps
	$(SWIFT) build
	@scripts/check-hook-linking.sh "$(BIN)"

## The main job on embedded defaults: sparkd watches an example repository; a push becomes a review branch.
run: build
	@scripts/run-example.sh "$(BIN)"

## Benchmark peers the test suite compares against byte for byte (pre-commit-hooks 6.0.0).
test-peers:
	@scripts/install-test-peers.sh

## The whole suite.
test: deps test-peers
	$(SWIFT) build --build-tests
	@scripts/check-hook-linking.sh "$(BIN)"
	$(SWIFT) test --skip-build

## The toolchain's swift-format, with the checked-in .swift-format: `lint` fails on any finding (CI runs it), `format` fixes them.
lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift

format:
	$(SWIFT) format format --in-place --recursive Sources Tests Package.swift

## Documentation/Modules.md's dependency graph matches Package.swift (CI runs this).
check-modules:
	@SWIFT="$(SWIFT)" python3 scripts/modules-graph.py --check

## Regenerate that graph after changing Package.swift's targets.
modules-graph:
	@SWIFT="$(SWIFT)" python3 scripts/modules-graph.py --write

## Commit of 10,000 changed files: sparkctl apply vs git worktree + add -A + commit.
bench-commit: deps
	$(SWIFT) build -c release
	@scripts/check-hook-linking.sh "$(RELEASE_BIN)"
	python3 scripts/bench_commit.py --sparkctl "$(RELEASE_BIN)/sparkctl"

## One structural rewrite over the Swift files of three real packages: sparkd vs ast-grep.
bench-rewrite: deps
	python3 scripts/bench_rewrite.py

## Push -> review branch latency and idle memory of the real sparkd (inotify and polling).
bench-daemon: deps
	$(SWIFT) build -c release --product sparkd
	python3 scripts/bench_daemon.py --sparkd "$(RELEASE_BIN)/sparkd"

## Latency a pre-commit fixer hook adds to git commit, 10 / 1000 staged files: sparkd vs pre-commit and prek (from PyPI).
bench-hook: deps
	$(SWIFT) build -c release --product sparkctl
	$(SWIFT) build -c release --product sparkd-hook
	@scripts/check-hook-linking.sh "$(RELEASE_BIN)"
	python3 scripts/bench_hook.py --sparkctl "$(RELEASE_BIN)/sparkctl"

## The WSE simulator's own cost: CPU seconds (getrusage) to simulate 10M output tokens in virtual time.
bench-sim:
	$(SWIFT) build -c release --product sparkctl
	"$(RELEASE_BIN)/sparkctl" wse bench --tokens 10000000

## XCTest -> Swift Testing on real packages from the mirror: apply, then swift test before and after.
migrate-real: build
	python3 scripts/migrate_real_packages.py

## if-let shorthand, rename-symbol and replace-deprecated-call on real packages: apply, then swift build/test.
refactor-real: build
	python3 scripts/refactor_real_packages.py

## Fuzz the structural matcher / the recipe loader for SECONDS (libFuzzer + AddressSanitizer).
SECONDS ?= 600
fuzz-rewrite:
	scripts/fuzz.sh rewrite $(SECONDS)

fuzz-loader:
	scripts/fuzz.sh loader $(SECONDS)

## Release build, then binaries, systemd units and /etc/sparkd/sparkd.yml (if absent): PREFIX=/usr/local DESTDIR=.
install: deps
	@PREFIX="$(PREFIX)" DESTDIR="$(DESTDIR)" SYSTEMDDIR="$(SYSTEMDDIR)" scripts/install.sh

## systemd-analyze verify the units, and their exposure score (fails above 2.0).
check-systemd:
	@scripts/check-systemd.sh

clean:
	rm -rf .build .example .bench
