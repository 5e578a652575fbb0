#!/usr/bin/env python3
"""make bench-hook: latency a pre-commit fixer hook adds to `git commit` (issue 7).

Tools (all run as a real `.git/hooks/pre-commit`, installed the way a user installs them):
  sparkd     : `sparkctl hook install --repo R` (the hook is a link to sparkd-hook beside sparkctl).
  pre-commit : pre-commit + pre-commit-hooks from PyPI, `pre-commit install`. The usual config
               (`repo: https://github.com/pre-commit/pre-commit-hooks`) needs the network to clone
               the hook repository, so the same three hooks are declared `repo: local`,
               `language: system`, with the console scripts pre-commit-hooks installed into the
               private virtualenv as entries and the manifest's `types: [text]`. At run time this
               is what pre-commit does with the remote repo: spawn trailing-whitespace-fixer,
               end-of-file-fixer and mixed-line-ending from a virtualenv.
  prek       : prek from PyPI, `prek install`, its built-in Rust hooks (`repo: builtin`, ids
               trailing-whitespace, end-of-file-fixer, mixed-line-ending; offline).
  prek-py    : (extra row) prek running the same `repo: local` Python hooks as pre-commit.
The hooks in every config: trailing-whitespace, end-of-file-fixer, mixed-line-ending (--fix=auto).
pre-commit, pre-commit-hooks and prek are installed with pip into .bench/venv (git-ignored) at
pinned versions (PINS); caches go to .bench/hook/cache, never to ~/.cache.

Repositories: for each tool and each N (10, 1000) a fresh repository with exactly N small text
files (40 lines of Swift, Markdown, YAML or plain text, 50 per directory), committed once. Before
every timed commit all N files are rewritten (a revision line changes) and `git add -u`'d; this
restaging is not timed. File mtimes are set a day into the past before `git add`, a distinct
second per revision, so git's stat check always sees the change and the index is never "racily
clean" (a racy index makes every later git command re-hash all files, which a user who stages
and commits a few seconds later never sees). The working tree always equals the index when
a commit starts: no unstaged changes, so pre-commit/prek have nothing to stash and every tool does
the same work. Global and system git config are ignored (GIT_CONFIG_GLOBAL=empty file,
GIT_CONFIG_NOSYSTEM=1); gc.auto=0.

Two kinds of change:
  clean : the staged content needs no fix (the steady state: most commits). Every tool's commit
          must succeed.
  dirty : every staged file needs a fix: trailing spaces/tabs on every 6th line, every 4th file
          without a final newline, every 10th file with one CRLF line among LF lines.
          sparkd fixes the index and the commit succeeds (checked: no trailing whitespace in the
          committed tree). pre-commit and prek fix the working-tree files and refuse the commit
          (checked: exit status 1 and the working tree changed), so their "dirty" number is the time
          to a refused commit; "dirty, until committed" adds what the user must then do:
          `git add -u` and `git commit` again (hook runs again, now clean). For sparkd the two
          dirty columns are the same single commit.

Measurement: wall time (time.perf_counter around subprocess.run) of `git commit -q -m msg` with
the hook, and of `git commit --no-verify -q -m msg` in the same repository with the same kind of
change (the baseline, which includes git's own work on N files), alternating which goes first.
Reported: added = median(hook) - median(baseline), and p90(hook) - median(baseline); the baseline
row is absolute. Two untimed warm-up commits per repository. Repetitions: --runs (default 21 for
10 files, 11 for 1000). The machine's load average and CPU pressure (/proc/pressure/cpu, some
avg60) before and after are printed: the budgets (DESIGN.md: <= 5 ms added at 10 files, <= 20 ms at
1000) are for an otherwise idle machine, and on a busy one every row grows (a Python hook manager
that spawns three interpreters suffers most; `nice -n -10` did not undo that against two
parallel Swift builds). --work on a tmpfs removes disk noise (the dirty rows rewrite N
working-tree files) but is not what users' commits see.

Usage: python3 scripts/bench_hook.py --sparkctl PATH [--sizes 10,1000] [--runs 21,11]
       [--modes clean,dirty] [--tools sparkd,pre-commit,prek,prek-py]
"""
import argparse, json, os, shutil, statistics, subprocess, sys, time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
BENCH = os.path.join(ROOT, ".bench")
VENV = os.path.join(BENCH, "venv")
VENV_BIN = os.path.join(VENV, "bin")
PINS = {"pre-commit": "4.7.0", "pre-commit-hooks": "6.0.0", "prek": "0.5.11"}
HOOKS = [  # (id, console script of pre-commit-hooks, args) as in pre-commit-hooks' manifest
    ("trailing-whitespace", "trailing-whitespace-fixer", []),
    ("end-of-file-fixer", "end-of-file-fixer", []),
    ("mixed-line-ending", "mixed-line-ending", ["--fix=auto"]),
]


# --------------------------------------------------------------------------- environment

def make_env(work):
    cache = os.path.join(work, "cache")
    os.makedirs(cache, exist_ok=True)
    empty = os.path.join(work, "empty.gitconfig")
    open(empty, "a").close()
    env = dict(os.environ)
    env.update(GIT_AUTHOR_NAME="Bench", GIT_AUTHOR_EMAIL="bench@example.com",
               GIT_COMMITTER_NAME="Bench", GIT_COMMITTER_EMAIL="bench@example.com",
               GIT_CONFIG_GLOBAL=empty, GIT_CONFIG_NOSYSTEM="1",
               PRE_COMMIT_HOME=os.path.join(cache, "pre-commit"),
               PREK_HOME=os.path.join(cache, "prek"),
               PRE_COMMIT_COLOR="never", NO_COLOR="1",
               PATH=VENV_BIN + os.pathsep + os.environ.get("PATH", ""))
    for var in ("GIT_DIR", "GIT_INDEX_FILE", "GIT_WORK_TREE", "VIRTUAL_ENV", "PRE_COMMIT", "PREK"):
        env.pop(var, None)
    return env


def sh(args, env, **kw):
    return subprocess.run(args, check=True, env=env, stdout=subprocess.DEVNULL, **kw)


def out(args, env, **kw):
    return subprocess.run(args, check=True, env=env, capture_output=True, text=True, **kw).stdout.strip()


def cpu_pressure():
    """'some avg60' of /proc/pressure/cpu: the share of time runnable tasks waited for a CPU."""
    try:
        with open("/proc/pressure/cpu") as f:
            return float(f.readline().split()[2].split("=")[1])
    except (OSError, IndexError, ValueError):
        return None


def load_text(load, pressure):
    return f"load average {load:.1f}" + (f", CPU pressure {pressure:.0f}%" if pressure is not None else "")


def installed_versions():
    script = ("import importlib.metadata as m, json\n"
              "v = {}\n"
              "for p in %r:\n"
              "    try: v[p] = m.version(p)\n"
              "    except m.PackageNotFoundError: pass\n"
              "print(json.dumps(v))" % list(PINS))
    res = subprocess.run([os.path.join(VENV_BIN, "python"), "-c", script], capture_output=True, text=True)
    return json.loads(res.stdout) if res.returncode == 0 else {}


def ensure_venv():
    """pre-commit, pre-commit-hooks and prek at PINS, in .bench/venv, from PyPI (pip's own config)."""
    if not os.path.exists(os.path.join(VENV_BIN, "python")):
        print(f"creating {os.path.relpath(VENV, ROOT)} …", flush=True)
        subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
    if installed_versions() != PINS:
        specs = [f"{p}=={v}" for p, v in PINS.items()]
        print("pip install " + " ".join(specs) + " …", flush=True)
        subprocess.run([os.path.join(VENV_BIN, "python"), "-m", "pip", "install", "-q",
                        "--disable-pip-version-check"] + specs, check=True)
    versions = installed_versions()
    if versions != PINS:
        sys.exit(f"venv has {versions}, expected {PINS}")
    return versions


# --------------------------------------------------------------------------- content

SWIFT = ["import Foundation", "", "/// A small value type used by the benchmark.",
         "public struct Item{f}: Equatable, Sendable {{", "    public var name: String",
         "    public var count: Int", "", "    public init(name: String, count: Int) {{",
         "        self.name = name", "        self.count = count", "    }}", "",
         "    public func scaled(by factor: Int) -> Item{f} {{",
         "        Item{f}(name: name, count: count * factor)", "    }}", "}}"]
MARKDOWN = ["# Component {f}", "", "This component keeps a small amount of state and exposes",
            "a function that scales it. It is part of the benchmark corpus.", "", "## Usage", "",
            "- create an item with a name and a count", "- call `scaled(by:)` to multiply the count",
            "- compare two items with `==`", "", "## Notes", "",
            "Nothing here is meant to be read by anyone, but the shape of the", "text is realistic."]
YAML = ["name: component-{f}", "version: 1.{f}.0", "owners:", "  - team-a", "  - team-b",
        "settings:", "  retries: 3", "  timeout_ms: 250", "  enabled: true", "labels:",
        "  tier: backend", "  lang: swift"]
TEXT = ["Release notes for component {f}.", "", "Fixed a crash when the count was negative.",
        "Improved the error message for missing names.", "Removed a deprecated initializer.",
        "Documented the scaling function.", ""]
KINDS = [("swift", SWIFT, "// "), ("md", MARKDOWN, "<!-- "), ("yml", YAML, "# "), ("txt", TEXT, "")]


def file_path(i):
    ext = KINDS[i % len(KINDS)][0]
    return os.path.join(f"mod{i // 50:03d}", f"file{i:04d}.{ext}")


def file_bytes(i, rev, dirty):
    ext, template, comment = KINDS[i % len(KINDS)]
    body = [line.format(f=i) for line in template]
    lines = [f"{comment}revision {rev} of file {i}" + (" -->" if ext == "md" else "")]
    while len(lines) < 40:
        lines.extend(body)
    lines = lines[:40]
    while not lines[-1]:
        lines.pop()  # clean means end-of-file-fixer has nothing to do either
    if not dirty:
        return ("\n".join(lines) + "\n").encode()
    lines = [line + (" \t" if n % 12 == 2 else "  ") if n % 6 == 2 else line for n, line in enumerate(lines)]
    endings = ["\n"] * len(lines)
    if i % 10 == 3:
        endings[7] = "\r\n"
    text = "".join(line + end for line, end in zip(lines, endings))
    if i % 4 == 1:
        text = text[:-1]  # no final newline
    return text.encode()


# Every revision gets its own whole-second mtime, in the past: git's stat check then always sees
# the change (sizes often repeat and sub-second mtimes may not count), and the index, written now,
# is never racily clean.
MTIME_BASE = int(time.time()) - 100_000


def write_files(repo, n, rev, dirty):
    past = MTIME_BASE + rev
    for i in range(n):
        path = os.path.join(repo, file_path(i))
        with open(path, "wb") as f:
            f.write(file_bytes(i, rev, dirty))
        os.utime(path, (past, past))


# --------------------------------------------------------------------------- tools

def local_config():
    lines = ["repos:", "  - repo: local", "    hooks:"]
    for hook_id, script, args in HOOKS:
        lines += [f"      - id: {hook_id}", f"        name: {hook_id}",
                  f"        entry: {os.path.join(VENV_BIN, script)}",
                  "        language: system", "        types: [text]"]
        if args:
            lines.append(f"        args: [{', '.join(args)}]")
    return "\n".join(lines) + "\n"


def builtin_config():
    lines = ["repos:", "  - repo: builtin", "    hooks:"]
    for hook_id, _, args in HOOKS:
        lines.append(f"      - id: {hook_id}")
        if args:
            lines.append(f"        args: [{', '.join(args)}]")
    return "\n".join(lines) + "\n"


class Tool:
    def __init__(self, key, label, version, config, install):
        self.key, self.label, self.version = key, label, version
        self.config, self.install = config, install  # config text or None; install(repo, env)
        self.fixes_index = key == "sparkd"  # the peers fix the working tree and refuse the commit


def hook_path(repo, env):
    return os.path.join(repo, out(["git", "-C", repo, "rev-parse", "--git-path", "hooks/pre-commit"], env))


def sparkd_version(sparkctl):
    res = subprocess.run([sparkctl, "--version"], capture_output=True, text=True)
    if res.returncode == 0 and res.stdout.strip():
        return res.stdout.strip().splitlines()[0]
    res = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    return f"tree {res.stdout.strip()}" if res.returncode == 0 else "?"


def make_tools(args, versions):
    venv = lambda name: os.path.join(VENV_BIN, name)
    tools = {
        "pre-commit": Tool("pre-commit", "pre-commit + pre-commit-hooks (Python)",
                           f"{versions['pre-commit']} / {versions['pre-commit-hooks']}", local_config(),
                           lambda repo, env: sh([venv("pre-commit"), "install"], env, cwd=repo)),
        "prek": Tool("prek", "prek, built-in hooks (Rust)", versions["prek"], builtin_config(),
                     lambda repo, env: sh([venv("prek"), "install"], env, cwd=repo)),
        "prek-py": Tool("prek-py", "prek + pre-commit-hooks (Python)",
                        f"{versions['prek']} / {versions['pre-commit-hooks']}", local_config(),
                        lambda repo, env: sh([venv("prek"), "install"], env, cwd=repo)),
    }
    chosen = []
    for key in args.tools:
        if key == "sparkd":
            if not args.sparkctl or not os.access(args.sparkctl, os.X_OK):
                sys.exit(f"{args.sparkctl or '(no --sparkctl)'} is not an executable file: pass the release sparkctl")
            tools["sparkd"] = Tool("sparkd", "sparkd (`sparkd-hook`, what `sparkctl hook install` links)", sparkd_version(args.sparkctl), None,
                                   lambda repo, env: sh([args.sparkctl, "hook", "install", "--repo", repo], env))
        chosen.append(tools[key])
    return chosen


# --------------------------------------------------------------------------- measurement

def make_repo(repo, n, tool, env):
    shutil.rmtree(repo, ignore_errors=True)
    os.makedirs(repo)
    sh(["git", "init", "-q", "-b", "main", repo], env)
    sh(["git", "-C", repo, "config", "gc.auto", "0"], env)
    for d in range((n + 49) // 50):
        os.makedirs(os.path.join(repo, f"mod{d:03d}"))
    write_files(repo, n, 0, dirty=False)
    if tool.config:
        with open(os.path.join(repo, ".pre-commit-config.yaml"), "w") as f:
            f.write(tool.config)
    sh(["git", "-C", repo, "add", "-A"], env)
    sh(["git", "-C", repo, "commit", "-q", "--no-verify", "-m", "initial"], env)
    tool.install(repo, env)
    if not os.access(hook_path(repo, env), os.X_OK):
        raise RuntimeError(f"{tool.key}: no executable pre-commit hook after install")


def restage(repo, n, rev, dirty, env):
    write_files(repo, n, rev, dirty)
    sh(["git", "-C", repo, "add", "-u"], env)


def timed(args, env):
    start = time.perf_counter()
    res = subprocess.run(args, env=env, capture_output=True, text=True)
    return time.perf_counter() - start, res


def head(repo, env):
    return out(["git", "-C", repo, "rev-parse", "HEAD"], env)


def committed_whitespace(repo, env):
    """Committed files with trailing blanks. Markdown is left out: a Markdown hard line break (two
    trailing spaces) is kept where a config asks for it (--markdown-linebreak-ext, or sparkd's
    markdown-linebreak-ext parameter)."""
    res = subprocess.run(["git", "-C", repo, "grep", "-I", "-l", "-E", "[[:blank:]]\r?$", "HEAD", "--", ":!*.md"],
                         env=env, capture_output=True, text=True)
    return res.stdout.split()


def fail(tool, what, res):
    raise RuntimeError(f"{tool.key}: {what}\n--- stdout\n{res.stdout}\n--- stderr\n{res.stderr}")


def commit_with_hook(repo, tool, dirty, env):
    """One hooked commit; returns (seconds to the first commit attempt, seconds until committed)."""
    before = head(repo, env)
    seconds, res = timed(["git", "-C", repo, "commit", "-q", "-m", "hooked"], env)
    if not dirty or tool.fixes_index:
        if res.returncode != 0 or head(repo, env) == before:
            fail(tool, "the hooked commit did not succeed", res)
        if dirty:
            left = committed_whitespace(repo, env)
            if left:
                raise RuntimeError(f"{tool.key}: committed files still have trailing whitespace: {left[:3]}")
        return seconds, seconds
    # pre-commit / prek: the hook fixed the working tree and refused the commit.
    if res.returncode == 0 or head(repo, env) != before:
        fail(tool, "a commit of unfixed files was not refused", res)
    if subprocess.run(["git", "-C", repo, "diff", "--quiet"], env=env).returncode != 1:
        fail(tool, "the refused commit left the working tree unfixed", res)
    again, added = timed(["git", "-C", repo, "add", "-u"], env)
    if added.returncode != 0:
        fail(tool, "git add -u after the refused commit failed", added)
    second, res2 = timed(["git", "-C", repo, "commit", "-q", "-m", "hooked, second try"], env)
    if res2.returncode != 0 or head(repo, env) == before:
        fail(tool, "the second commit (after git add -u) did not succeed", res2)
    if committed_whitespace(repo, env):
        raise RuntimeError(f"{tool.key}: committed files still have trailing whitespace")
    return seconds, seconds + again + second


def commit_no_verify(repo, tool, env):
    seconds, res = timed(["git", "-C", repo, "commit", "--no-verify", "-q", "-m", "baseline"], env)
    if res.returncode != 0:
        fail(tool, "git commit --no-verify failed", res)
    return seconds


def measure(tool, n, runs, modes, work, env):
    repo = os.path.join(work, f"{tool.key}-{n}")
    make_repo(repo, n, tool, env)
    rev = 1
    for dirty in (False, True):  # warm-up: page cache, hook environments, pyc files
        restage(repo, n, rev, dirty, env); rev += 1
        commit_with_hook(repo, tool, dirty, env)
        restage(repo, n, rev, dirty, env); rev += 1
        commit_no_verify(repo, tool, env)
    results = {}
    for mode in modes:
        dirty = mode == "dirty"
        base, hook, total = [], [], []
        for r in range(runs):
            order = ("base", "hook") if r % 2 == 0 else ("hook", "base")
            for which in order:
                restage(repo, n, rev, dirty, env); rev += 1
                if which == "base":
                    base.append(commit_no_verify(repo, tool, env))
                else:
                    first, until = commit_with_hook(repo, tool, dirty, env)
                    hook.append(first); total.append(until)
        results[mode] = {"baseline": base, "hook": hook, "until_committed": total}
        b = statistics.median(base)
        print(f"  {tool.key:10s} {n:5d} files {mode:5s}: baseline {b * 1e3:7.1f} ms, "
              f"hooked {statistics.median(hook) * 1e3:7.1f} ms, added {(statistics.median(hook) - b) * 1e3:7.1f} ms"
              + (f", until committed +{(statistics.median(total) - b) * 1e3:.1f} ms" if dirty and not tool.fixes_index else ""),
              flush=True)
    shutil.rmtree(repo, ignore_errors=True)
    return results


def p90(values):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.9 * (len(ordered) - 1))))]


def summarize(samples, key):
    base = statistics.median(samples["baseline"])
    return {"median_ms": round((statistics.median(samples[key]) - base) * 1e3, 1),
            "p90_ms": round((p90(samples[key]) - base) * 1e3, 1)}


# --------------------------------------------------------------------------- main

def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sparkctl", default="", help="the sparkctl binary (release build)")
    parser.add_argument("--sizes", default="10,1000", help="staged files per commit, comma-separated")
    parser.add_argument("--runs", default="21,11", help="repetitions per size, comma-separated")
    parser.add_argument("--modes", default="clean,dirty")
    parser.add_argument("--tools", default="sparkd,pre-commit,prek,prek-py")
    parser.add_argument("--work", default=os.path.join(BENCH, "hook"))
    args = parser.parse_args()
    args.sizes = [int(s) for s in args.sizes.split(",")]
    runs = [int(s) for s in args.runs.split(",")]
    runs += [runs[-1]] * (len(args.sizes) - len(runs))
    args.modes = [m for m in args.modes.split(",") if m]
    args.tools = [t for t in args.tools.split(",") if t]
    if set(args.modes) - {"clean", "dirty"} or set(args.tools) - {"sparkd", "pre-commit", "prek", "prek-py"}:
        parser.error("unknown mode or tool")
    if args.sparkctl:
        args.sparkctl = os.path.abspath(args.sparkctl)
    work = os.path.abspath(args.work)
    os.makedirs(work, exist_ok=True)
    env = make_env(work)

    versions = ensure_venv()
    git_version = out(["git", "--version"], env).replace("git version ", "")
    print("versions: " + ", ".join(f"{p} {v}" for p, v in versions.items()) + f", git {git_version}")
    load_before, pressure_before = os.getloadavg(), cpu_pressure()
    print(f"before: {load_text(load_before[0], pressure_before)} on {os.cpu_count()} cores, nice {os.nice(0)}", flush=True)

    tools = make_tools(args, versions)
    results, errors = {}, {}
    for tool in tools:
        for n, reps in zip(args.sizes, runs):
            try:
                results.setdefault(tool.key, {})[n] = measure(tool, n, reps, args.modes, work, env)
            except (RuntimeError, subprocess.CalledProcessError) as error:
                errors.setdefault(tool.key, []).append(f"{n} files: {error}")
                print(f"  {tool.key} {n} files: ERROR {error}", file=sys.stderr, flush=True)
    load_after, pressure_after = os.getloadavg(), cpu_pressure()
    print(f"after: {load_text(load_after[0], pressure_after)}")

    columns = []  # (header, mode, sample key)
    for mode in args.modes:
        for n in args.sizes:
            columns.append((f"{n} files, {mode}", mode, n, "hook"))
        if mode == "dirty":
            for n in args.sizes:
                columns.append((f"{n} files, dirty, until committed", mode, n, "until_committed"))
    cmdline = "python3 scripts/bench_hook.py " + " ".join(
        a if not a.startswith("/") else os.path.relpath(a, ROOT) if a.startswith(ROOT) else a for a in sys.argv[1:])
    print()
    print(f"`{cmdline.strip()}` — added ms over `git commit --no-verify`, median (p90); "
          f"{'/'.join(map(str, runs[:len(args.sizes)]))} runs for {'/'.join(map(str, args.sizes))} files; "
          f"before: {load_text(load_before[0], pressure_before)}, after: {load_text(load_after[0], pressure_after)}; "
          f"{os.cpu_count()} cores")
    print()
    print("| tool | version | " + " | ".join(c[0] for c in columns) + " |")
    print("|---|---|" + "---|" * len(columns))
    base_cells = []
    for _, mode, n, key in columns:
        pooled = [s for t in results.values() if n in t for s in t[n][mode]["baseline"]]
        base_cells.append(f"{statistics.median(pooled) * 1e3:.1f} ({p90(pooled) * 1e3:.1f})" if pooled else "–")
    print(f"| `git commit --no-verify` (absolute) | git {git_version} | " + " | ".join(base_cells) + " |")
    table = {}
    for tool in tools:
        cells = []
        for _, mode, n, key in columns:
            samples = results.get(tool.key, {}).get(n)
            if samples is None:
                cells.append("error")
                continue
            s = summarize(samples[mode], key)
            table.setdefault(tool.key, {}).setdefault(str(n), {})[f"{mode}/{key}"] = s
            mark = " ✗" if mode == "dirty" and key == "hook" and not tool.fixes_index else ""
            cells.append(f"{s['median_ms']:+.1f} ({s['p90_ms']:+.1f}){mark}")
        print(f"| {tool.label} | {tool.version} | " + " | ".join(cells) + " |")
    print()
    if "dirty" in args.modes:
        print("✗ = the commit was refused (the hook fixed the working tree, not the index); "
              "\"until committed\" adds `git add -u` and a second hooked commit.")

    budgets = {10: 5.0, 1000: 20.0}
    if "sparkd" in table:
        for n, limit in budgets.items():
            for mode in args.modes:
                cell = table["sparkd"].get(str(n), {}).get(f"{mode}/hook")
                if cell:
                    print(f"sparkd budget {n} files {mode}: {cell['median_ms']:.1f} ms <= {limit:.0f} ms: "
                          f"{'met' if cell['median_ms'] <= limit else 'NOT met'}")

    with open(os.path.join(work, "result.json"), "w") as f:
        json.dump({"versions": versions, "git": git_version, "sizes": args.sizes, "runs": runs,
                   "load_average": [load_before[0], load_after[0]],
                   "cpu_pressure_avg60": [pressure_before, pressure_after], "nice": os.nice(0), "added": table, "errors": errors,
                   "raw_seconds": {k: {str(n): v for n, v in r.items()} for k, r in results.items()}}, f, indent=1)
    if errors:
        print("errors:\n" + "\n".join(f"  {k}: {e}" for k, es in errors.items() for e in es), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
