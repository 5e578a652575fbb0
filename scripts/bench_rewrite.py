#!/usr/bin/env python3
"""make bench-rewrite: one structural rewrite over the Swift sources of real packages, sparkd's
matcher (Bench/RewriteBench, release build, files in parallel) against ast-grep.

Rule (both tools, same meaning):
  sparkd   : XCTAssertEqual(:[a], :[b])  ->  #expect(:[a] == :[b])
  ast-grep : XCTAssertEqual($A, $$$B)    ->  #expect($A == $$$B)
`$$$B` (every argument after the first) is what `:[b]` means: a hole is balanced text, so it
takes `b, "message"` or `b, accuracy: 0.1` whole, where `$B` would refuse a call with more than
two arguments. The difference that remains is whitespace: a hole keeps the spaces and newlines at
its edges (`XCTAssertEqual(\n  a,\n  b\n)` keeps the newlines), ast-grep's metavariables are
trimmed nodes. Mismatches are counted file by file and classified (whitespace only or not).

Both tools rewrite the same copy of the corpus in place (copies are not timed); wall time
includes process start, reading and writing. Best of --runs.

A third row is the product end to end: `sparkctl fix --recipe bench/xctassert-equal` (the same
rule as a recipe in a temporary --recipes-dir) on every file of the corpus, one process: recipe
loading, selection, the matcher, and writing the files in place. Its output must equal the
runner's.
"""
import argparse, json, os, re, shutil, subprocess, sys, time

REPOS = [
    ("https://github.com/apple/swift-nio", "2.101.3"),
    ("https://github.com/swiftlang/swift-syntax", "602.0.0"),
    ("https://github.com/apple/swift-argument-parser", "1.8.2"),
]
SPARKD_MATCH, SPARKD_REPLACE = "XCTAssertEqual(:[a], :[b])", "#expect(:[a] == :[b])"
AST_GREP_PATTERN, AST_GREP_REWRITE = "XCTAssertEqual($A, $$$B)", "#expect($A == $$$B)"
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))


def run(args, **kw):
    return subprocess.run(args, check=True, **kw)


def ensure_ast_grep():
    found = shutil.which("ast-grep")
    if found:
        return found
    print("installing ast-grep (pip install ast-grep-cli) …", flush=True)
    run([sys.executable, "-m", "pip", "install", "-q", "ast-grep-cli"])
    found = shutil.which("ast-grep") or os.path.join(os.path.dirname(sys.executable), "ast-grep")
    if not os.path.exists(found):
        sys.exit("ast-grep is not on PATH after pip install ast-grep-cli")
    return found


def build_runner():
    package = os.path.join(ROOT, "Bench", "RewriteBench")
    run(["swift", "build", "-c", "release", "--package-path", package], stdout=subprocess.DEVNULL)
    bin_dir = run(["swift", "build", "-c", "release", "--package-path", package, "--show-bin-path"],
                  capture_output=True, text=True).stdout.strip()
    return os.path.join(bin_dir, "rewrite-bench")


RECIPE = """id: bench/xctassert-equal
version: 1.0.0
title: XCTAssertEqual to #expect (benchmark)
description: The benchmark's rule as a recipe. Not safe in general (argument order, messages).
kind: refactor
languages: [swift]
steps:
  - rewrite: { match: "XCTAssertEqual(:[a], :[b])", replace: "#expect(:[a] == :[b])" }
"""


def build_sparkctl():
    run(["swift", "build", "-c", "release", "--product", "sparkctl", "--package-path", ROOT], stdout=subprocess.DEVNULL)
    bin_dir = run(["swift", "build", "-c", "release", "--package-path", ROOT, "--show-bin-path"],
                  capture_output=True, text=True).stdout.strip()
    return os.path.join(bin_dir, "sparkctl")


def time_sparkctl(sparkctl, recipes, tree):
    files = list_files(tree)
    start = time.perf_counter()
    result = subprocess.run([sparkctl, "fix", "--recipes-dir", recipes, "--recipe", "bench/xctassert-equal"] + files,
                            capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode not in (0, 1):
        sys.exit(f"sparkctl fix failed ({result.returncode}):\n{result.stderr[-2000:]}")
    return elapsed


def make_corpus(work):
    """Swift files of each repository (no hidden paths), under corpus/<repo>/."""
    corpus = os.path.join(work, "corpus")
    if os.path.isdir(corpus):
        return corpus
    sources = os.path.join(work, "src")
    os.makedirs(sources, exist_ok=True)
    for url, tag in REPOS:
        name = url.rsplit("/", 1)[1]
        target = os.path.join(sources, name)
        if not os.path.isdir(target):
            print(f"cloning {name} {tag} …", flush=True)
            run(["git", "clone", "-q", "-c", "advice.detachedHead=false", "--depth", "1", "--branch", tag, url, target],
                stderr=subprocess.DEVNULL)
        for directory, dirs, files in os.walk(target):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for file in sorted(files):
                if file.endswith(".swift") and not file.startswith("."):
                    source = os.path.join(directory, file)
                    copy = os.path.join(corpus, name, os.path.relpath(source, target))
                    os.makedirs(os.path.dirname(copy), exist_ok=True)
                    shutil.copyfile(source, copy)
    return corpus


def list_files(tree):
    paths = []
    for directory, dirs, files in os.walk(tree):
        dirs.sort()
        paths += [os.path.join(directory, f) for f in sorted(files)]
    return paths


def fresh(corpus, target):
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(corpus, target)
    run(["sync"])


def time_sparkd(runner, tree, jobs):
    listing = tree + ".list"
    with open(listing, "w") as out:
        out.write("\n".join(list_files(tree)) + "\n")
    start = time.perf_counter()
    out = run([runner, "--match", SPARKD_MATCH, "--replace", SPARKD_REPLACE, "--jobs", str(jobs), listing],
              capture_output=True, text=True).stdout
    elapsed = time.perf_counter() - start
    report = json.loads(out)
    if report["findings"]:
        print("sparkd findings:", *report["findings"][:10], sep="\n  ")
    return elapsed, report["matches"]


def time_ast_grep(ast_grep, tree, jobs):
    start = time.perf_counter()
    out = run([ast_grep, "run", "-l", "swift", "-p", AST_GREP_PATTERN, "-r", AST_GREP_REWRITE, "-U",
               "--threads", str(jobs), tree], capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    applied = re.search(r"Applied (\d+) changes", out.stdout + out.stderr)
    return elapsed, int(applied.group(1)) if applied else 0


def compare(corpus, sparkd_tree, ast_grep_tree):
    identical, whitespace_only, other, examples = 0, 0, 0, []
    for path in list_files(corpus):
        rel = os.path.relpath(path, corpus)
        with open(os.path.join(sparkd_tree, rel), "rb") as f:
            ours = f.read()
        with open(os.path.join(ast_grep_tree, rel), "rb") as f:
            theirs = f.read()
        if ours == theirs:
            identical += 1
        elif re.sub(rb"\s+", b"", ours) == re.sub(rb"\s+", b"", theirs):
            whitespace_only += 1
        else:
            other += 1
            if len(examples) < 5:
                examples.append(rel)
    return identical, whitespace_only, other, examples


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--work", default=os.path.join(ROOT, ".bench", "rewrite"))
    parser.add_argument("--runner", help="a built rewrite-bench (default: build Bench/RewriteBench)")
    args = parser.parse_args()
    work = os.path.abspath(args.work)
    ast_grep = ensure_ast_grep()
    version = run([ast_grep, "--version"], capture_output=True, text=True).stdout.strip()
    if args.runner:
        runner = args.runner
    else:
        print("building the sparkd runner (release) …", flush=True)
        runner = build_runner()
    print("building sparkctl (release) …", flush=True)
    sparkctl = build_sparkctl()
    recipes = os.path.join(work, "recipes")
    os.makedirs(os.path.join(recipes, "bench"), exist_ok=True)
    with open(os.path.join(recipes, "bench", "xctassert-equal.yml"), "w") as out:
        out.write(RECIPE)
    corpus = make_corpus(work)
    files = list_files(corpus)
    size = sum(os.path.getsize(p) for p in files)
    print(f"corpus: {len(files)} Swift files, {size / 1e6:.1f} MB, {args.jobs} jobs, best of {args.runs}", flush=True)

    sparkd_tree, ast_grep_tree = os.path.join(work, "out-sparkd"), os.path.join(work, "out-ast-grep")
    sparkctl_tree = os.path.join(work, "out-sparkctl")
    best = {"sparkd": None, "ast-grep": None, "sparkctl": None}
    for run_index in range(args.runs):
        fresh(corpus, sparkd_tree)
        sparkd_seconds, sparkd_matches = time_sparkd(runner, sparkd_tree, args.jobs)
        best["sparkd"] = min(best["sparkd"] or sparkd_seconds, sparkd_seconds)
        fresh(corpus, ast_grep_tree)
        ast_grep_seconds, ast_grep_matches = time_ast_grep(ast_grep, ast_grep_tree, args.jobs)
        best["ast-grep"] = min(best["ast-grep"] or ast_grep_seconds, ast_grep_seconds)
        fresh(corpus, sparkctl_tree)
        sparkctl_seconds = time_sparkctl(sparkctl, recipes, sparkctl_tree)
        best["sparkctl"] = min(best["sparkctl"] or sparkctl_seconds, sparkctl_seconds)
        print(f"run {run_index + 1}: sparkd {sparkd_seconds:.3f} s, ast-grep {ast_grep_seconds:.3f} s, "
              f"sparkctl fix {sparkctl_seconds:.3f} s", flush=True)

    identical, whitespace_only, other, examples = compare(corpus, sparkd_tree, ast_grep_tree)
    changed = {name: sum(1 for p in files if open(p, "rb").read() != open(os.path.join(tree, os.path.relpath(p, corpus)), "rb").read())
               for name, tree in (("sparkd", sparkd_tree), ("ast-grep", ast_grep_tree), ("sparkctl", sparkctl_tree))}
    matches = {"sparkd": sparkd_matches, "ast-grep": ast_grep_matches, "sparkctl": sparkd_matches}
    end_to_end_same = all(open(p, "rb").read() == open(os.path.join(sparkctl_tree, os.path.relpath(p, sparkd_tree)), "rb").read()
                          for p in list_files(sparkd_tree))
    print()
    print(f"| tool | wall time (s) | files/s | MB/s | files changed | rewrites |")
    print(f"| --- | ---: | ---: | ---: | ---: | ---: |")
    for name, label in (("sparkd", "sparkd rewrite (matcher, 2 jobs)"), ("sparkctl", "sparkctl fix (end to end, 1 process)"),
                        ("ast-grep", version)):
        seconds = best[name]
        print(f"| {label} | {seconds:.3f} | {len(files) / seconds:,.0f} | {size / 1e6 / seconds:,.1f} | "
              f"{changed[name]} | {matches[name]} |")
    print()
    print(f"outputs: {identical} of {len(files)} files identical; {whitespace_only} differ in whitespace only; "
          f"{other} differ otherwise" + (f" (e.g. {', '.join(examples)})" if examples else ""))
    print(f"sparkctl fix output {'equals' if end_to_end_same else 'DIFFERS from'} the matcher runner's")
    print(f"speed: sparkd is {best['ast-grep'] / best['sparkd']:.1f}x ast-grep's throughput; "
          f"sparkctl fix end to end {best['ast-grep'] / best['sparkctl']:.1f}x")
    if not end_to_end_same:
        sys.exit(1)


if __name__ == "__main__":
    main()
