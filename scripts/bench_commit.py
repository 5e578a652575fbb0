#!/usr/bin/env python3
"""make bench-commit: commit of 10,000 changed files onto a review branch.

sparkd route : sparkctl apply --recipe fixup/trailing-whitespace (libgit2, no working tree,
               objects in memory, one pack).
git CLI route: git worktree add + fix the files (sed -i, batched by xargs) + git add -A +
               git commit.

Each run starts from a fresh copy of the same repository (copying is not timed), so neither
route finds objects the other wrote. Budget (DESIGN.md): sparkd <= 0.5 s and >= 2x faster.
"""
import argparse, json, os, shutil, statistics, subprocess, sys, time

ENV = dict(os.environ, GIT_AUTHOR_NAME="Bench", GIT_AUTHOR_EMAIL="bench@example.com",
           GIT_COMMITTER_NAME="Bench", GIT_COMMITTER_EMAIL="bench@example.com")


def sh(args, **kw):
    subprocess.run(args, check=True, env=ENV, stdout=subprocess.DEVNULL, **kw)


def make_template(path, files, dirs):
    shutil.rmtree(path, ignore_errors=True)
    os.makedirs(path)
    sh(["git", "init", "-q", "-b", "main", path])
    # No automatic gc: a detached gc after a 10,000-object commit would run on into later timings.
    sh(["git", "-C", path, "config", "gc.auto", "0"])
    per_dir = files // dirs
    for d in range(dirs):
        sub = os.path.join(path, f"pkg{d:03d}", "src")
        os.makedirs(sub)
        for f in range(per_dir):
            lines = [f"line {i} of file {f} in {d}" + ("   " if i % 3 == 0 else "") for i in range(40)]
            with open(os.path.join(sub, f"file{f:03d}.txt"), "w") as out:
                out.write("\n".join(lines) + "\n")
    sh(["git", "-C", path, "add", "-A"])
    sh(["git", "-C", path, "commit", "-q", "-m", "template"])
    sh(["git", "-C", path, "gc", "-q"])


def fresh_copy(template, target):
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(template, target, symlinks=True)
    subprocess.run(["sync"], check=True)


def time_sparkd(sparkctl, repo):
    start = time.perf_counter()
    out = subprocess.run([sparkctl, "apply", "--repo", repo, "--recipe", "fixup/trailing-whitespace", "--json"],
                         check=True, env=ENV, capture_output=True, text=True).stdout
    elapsed = time.perf_counter() - start
    report = json.loads(out)
    assert report["commit"] and report["files_changed"] > 0, report
    return elapsed, report["files_changed"]


def time_git_cli(repo, worktree):
    start = time.perf_counter()
    sh(["git", "-C", repo, "worktree", "add", "-q", "-b", "spark/cli", worktree, "HEAD"])
    subprocess.run(f"cd '{worktree}' && git ls-files -z | xargs -0 sed -i -E 's/[ \\t\\v\\f\\r]+$//'",
                   shell=True, check=True, env=ENV)
    sh(["git", "-C", worktree, "add", "-A"])
    sh(["git", "-C", worktree, "commit", "-q", "-m", "Trim trailing whitespace"])
    elapsed = time.perf_counter() - start
    changed = subprocess.run(["git", "-C", repo, "diff", "--name-only", "HEAD", "spark/cli"],
                             check=True, env=ENV, capture_output=True, text=True).stdout.count("\n")
    return elapsed, changed


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sparkctl", required=True)
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--dirs", type=int, default=200)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--work", default=os.path.join(os.path.dirname(__file__), "..", ".bench", "commit"))
    args = parser.parse_args()
    work = os.path.abspath(args.work)
    template = os.path.join(work, "template")
    print(f"building a repository of {args.files} files in {args.dirs} directories …", flush=True)
    make_template(template, args.files, args.dirs)

    sparkd_times, git_times = [], []
    for run in range(args.runs):
        # Alternate the order so neither route always runs on a disk the other just loaded.
        order = ["sparkd", "git"] if run % 2 == 0 else ["git", "sparkd"]
        for route in order:
            repo = os.path.join(work, f"run-{route}")
            fresh_copy(template, repo)
            if route == "sparkd":
                seconds, changed = time_sparkd(args.sparkctl, repo)
                sparkd_times.append(seconds)
            else:
                worktree = os.path.join(work, "run-git-worktree")
                shutil.rmtree(worktree, ignore_errors=True)
                seconds, changed = time_git_cli(repo, worktree)
                git_times.append(seconds)
                shutil.rmtree(worktree, ignore_errors=True)
            assert changed == args.files, f"{route} changed {changed} files, expected {args.files}"
            print(f"  run {run + 1} {route:6s} {seconds * 1000:8.1f} ms", flush=True)

    sparkd_median, git_median = statistics.median(sparkd_times), statistics.median(git_times)
    result = {"files": args.files, "dirs": args.dirs, "runs": args.runs,
              "sparkd_median_s": round(sparkd_median, 3), "git_cli_median_s": round(git_median, 3),
              "speedup": round(git_median / sparkd_median, 2)}
    os.makedirs(work, exist_ok=True)
    with open(os.path.join(work, "result.json"), "w") as out:
        json.dump(result, out, indent=2)
    print()
    print("| route | median of %d runs |" % args.runs)
    print("|---|---|")
    print(f"| sparkctl apply (libgit2, one pack, no working tree) | {sparkd_median:.3f} s |")
    print(f"| git worktree add + sed -i + git add -A + git commit | {git_median:.3f} s |")
    print(f"| speed-up | {git_median / sparkd_median:.2f}x |")
    budget_ok = sparkd_median <= 0.5 and git_median / sparkd_median >= 2
    print(f"budget (<= 0.5 s and >= 2x): {'met' if budget_ok else 'NOT met'}")


if __name__ == "__main__":
    sys.exit(main())
