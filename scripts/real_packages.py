"""Shared helpers for the scripts that apply recipes to real Swift packages from the mirror.

Used by migrate_real_packages.py and refactor_real_packages.py: clone a package at a tag (by its
GitHub address; a git `insteadOf` setting can point that at a local mirror), build and test it with SwiftPM, run
`sparkctl apply` and read its JSON report.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

BASE_BRANCH = "sparkd-base"


def run(command, cwd, check=True):
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    if check and result.returncode != 0:
        sys.exit(f"{' '.join(command)} failed in {cwd}:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return result


def default_sparkctl():
    """This checkout's debug build of sparkctl."""
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    return os.path.join(root, ".build", "debug", "sparkctl")


def workspace(keep, prefix):
    """The directory to clone into: `keep` (created if missing) or a new temporary one."""
    directory = keep or tempfile.mkdtemp(prefix=prefix)
    os.makedirs(directory, exist_ok=True)
    return directory


def clone(package, into):
    """Clones OWNER/NAME@TAG into `into`/NAME on a branch `sparkd-base` at the tag.

    A clone already there (from an earlier run with --keep) is reset to the tag instead, its
    review branches deleted and untracked files other than .build removed, so SwiftPM's build
    folder is reused and the run is the same as on a fresh clone."""
    name, tag = package.split("@")
    directory = os.path.join(into, name.split("/")[1])
    if os.path.isdir(os.path.join(directory, ".git")):
        run(["git", "checkout", "-q", "-f", "--detach", tag], directory)
        for branch in run(["git", "for-each-ref", "--format=%(refname:short)", "refs/heads/"], directory).stdout.split():
            run(["git", "branch", "-q", "-D", branch], directory)
        run(["git", "clean", "-q", "-fdx", "-e", ".build"], directory)
    else:
        run(["git", "clone", "-q", "--branch", tag, f"https://github.com/{name}", directory], into)
    run(["git", "checkout", "-q", "-B", BASE_BRANCH], directory)
    return directory


def swift_build(directory):
    """(passed, log tail) of `swift build`."""
    result = run(["swift", "build"], directory, check=False)
    return result.returncode == 0, (result.stdout + result.stderr)[-2000:]


def swift_test(directory):
    """(passed, XCTest tests run, Swift Testing tests run, log tail) of `swift test`."""
    result = run(["swift", "test"], directory, check=False)
    log = result.stdout + result.stderr
    xctest = [int(n) for n in re.findall(r"Executed (\d+) tests?, with", log)]
    testing = [int(n) for n in re.findall(r"Test run with (\d+) tests?", log)]
    return result.returncode == 0, max(xctest, default=0), max(testing, default=0), log[-2000:]


def apply(sparkctl, directory, recipe, parameters=None, branch=None):
    """Runs `sparkctl apply` for one recipe on `directory`'s HEAD (onto `branch`, default
    spark/<recipe-slug>); returns its JSON report."""
    command = [sparkctl, "apply", "--repo", directory, "--recipe", recipe, "--json"]
    if branch:
        command += ["--branch", branch]
    for key, value in (parameters or {}).items():
        command += ["--param", f"{key}={value}"]
    return json.loads(run(command, directory).stdout)


def changed_files(directory, base, branch):
    """Paths that differ between `base` and `branch`."""
    return run(["git", "diff", "-z", "--name-only", base, branch], directory).stdout.split("\0")[:-1]


def show(directory, revision, path):
    """The text of `path` at `revision` ('' when it does not exist there)."""
    result = run(["git", "show", f"{revision}:{path}"], directory, check=False)
    return result.stdout if result.returncode == 0 else ""
