#!/usr/bin/env python3
"""Apply the Swift refactors to real Swift packages with `sparkctl apply` and check they still build.

For each package (cloned by its GitHub address at a tag, which a git `insteadOf`
setting can point at a local mirror): `swift build` and `swift test` on the tag; then for each refactor chosen for that package
(swift/if-let-shorthand, swift/rename-symbol, swift/replace-deprecated-call with parameters picked
from the package's own code, see PACKAGES) run `sparkctl apply` from the tag, check out its review
branch, `swift build` and `swift test` again, and print one Markdown table row with the files
changed and the sites rewritten. Package plugins that `swift build` does not compile are run
(PLUGINS), so refactored plugin code is compiled too.

    scripts/refactor_real_packages.py [--sparkctl PATH] [--keep DIR] [OWNER/NAME@TAG ...]

Needs a built sparkctl (`swift build`). Exits 1 when a package does not build (or its tests do
not pass) on the tag, a refactor changes nothing, or a review branch does not build, fails a
test or runs fewer tests than the tag.
"""
import argparse
import json
import re
import sys

from real_packages import BASE_BRANCH, apply, changed_files, clone, default_sparkctl, run, show, swift_build, swift_test, workspace

# The refactors per package: (recipe, parameters, a regex whose matches the refactor removes, why).
# The regex counts the sites rewritten: its matches in the changed files before minus after.
# Rename targets are internal symbols used across several files, so no other package depends on
# the old name; replace-deprecated-call shapes are calls the package really makes.
PACKAGES = {
    "apple/swift-argument-parser@1.8.2": [
        ("swift/if-let-shorthand", {}, None, "every `if let x = x` in sources, tests, tools and plugins"),
        ("swift/rename-symbol", {"from": "SplitArguments", "to": "SplitCommandLine"}, None,
         "an internal struct of the ArgumentParser module (the split command line), used in its "
         "parser and the unit tests (`@testable import`); not public, so no client sees the rename"),
        ("swift/rename-symbol", {"from": "isComposite", "to": "isCompositeHelp"}, None,
         "an internal stored property of ArgumentDefinition.Help whose initializer takes a parameter "
         "of the same name (`self.isComposite = isComposite`): the parameter gets the new name as its "
         "second name and the callers' `isComposite:` labels stay"),
        ("swift/replace-deprecated-call",
         {"from": ".appendingPathComponent($component)", "to": ".appending(path: $component)"},
         r"\.appendingPathComponent\s*\(",
         "Foundation's `URL.appendingPathComponent(_:)` is to be deprecated in favour of "
         "`appending(path:)` (macOS 13, swift-foundation); the test helpers and the "
         "generate-manual / generate-docc-reference tools call it on URLs"),
    ],
    "mxcl/Version@2.2.1": [
        ("swift/if-let-shorthand", {}, None, "`guard let start = start` in local functions, `if let` in init"),
        ("swift/rename-symbol", {"from": "identifiers", "to": "dotSeparatedIdentifiers"}, None,
         "a local function of two initializers whose body also declares a local `identifiers`: "
         "by-name renaming renames both consistently"),
        ("swift/rename-symbol", {"from": "isEqualWithoutPrerelease", "to": "equalsIgnoringPrerelease"}, None,
         "an internal method declared in Version+Comparable.swift and called from Version+Range.swift"),
    ],
}
DEFAULT_RECIPES = [("swift/if-let-shorthand", {}, None, "")]

# Package plugins `swift build` does not compile; run them too, so refactored plugin code is checked.
PLUGINS = {
    "apple/swift-argument-parser@1.8.2": [["generate-manual"], ["--allow-writing-to-package-directory", "generate-docc-reference"]],
}


def site_pattern(recipe, parameters, pattern):
    """The regex whose disappearing matches count the sites a refactor rewrote."""
    if pattern:
        return re.compile(pattern)
    if recipe == "swift/if-let-shorthand":
        return re.compile(r"\b(?:let|var)\s+([A-Za-z_]\w*)\s*=\s*\1\b")
    if recipe == "swift/rename-symbol":
        return re.compile(r"\b" + re.escape(parameters["from"]) + r"\b")
    sys.exit(f"{recipe}: give a regex that counts its sites")


def sites_rewritten(directory, branch, files, pattern):
    return sum(len(pattern.findall(show(directory, BASE_BRANCH, path))) - len(pattern.findall(show(directory, branch, path)))
               for path in files)


def check(directory, plugins=()):
    """(build passed, tests passed or None when there are none, tests run, log tail).

    "Build" includes running each of `plugins` (`swift package ARGUMENTS`), which compiles it."""
    built, log = swift_build(directory)
    for arguments in plugins:
        if not built:
            break
        result = run(["swift", "package"] + arguments, directory, check=False)
        built, log = result.returncode == 0, (result.stdout + result.stderr)[-2000:]
        run(["git", "clean", "-q", "-fd", "-e", ".build"], directory)  # what the plugin wrote
    if not built:
        return False, False, 0, log
    if not run(["git", "ls-files", "--", "Tests", "*Tests*"], directory).stdout.strip():
        return True, None, 0, log
    passed, xctest, testing, log = swift_test(directory)
    return True, passed, xctest + testing, log


def describe(built, passed, tests, plugins=()):
    builds = "builds" + (f" (+ {len(plugins)} plugins run)" if plugins else "")
    if not built:
        return "build FAILS"
    if passed is None:
        return f"{builds} (no tests)"
    return f"{builds}, {tests} tests {'pass' if passed else 'FAIL'}"


def refactor(package, recipes, sparkctl, into):
    directory = clone(package, into)
    plugins = PLUGINS.get(package, [])
    before = check(directory, plugins)
    if not before[0] or before[1] is False:
        print(before[3], file=sys.stderr)
        sys.exit(f"{package}: does not build or pass its tests on the tag; no baseline")
    rows = []
    for recipe, parameters, pattern, why in recipes:
        run(["git", "checkout", "-q", "-f", BASE_BRANCH], directory)
        # One review branch per refactor, from the tag; parameterized ones are named by their `from`.
        slug = "spark/" + recipe.replace("/", "-") + ("-" + parameters["from"].strip(".$()") if "from" in parameters else "")
        report = apply(sparkctl, directory, recipe, parameters, branch=re.sub(r"[^\w./-]+", "-", slug).strip("-"))
        branch = report["branch"]
        files = changed_files(directory, BASE_BRANCH, branch) if report["files_changed"] else []
        sites = sites_rewritten(directory, branch, files, site_pattern(recipe, parameters, pattern)) if files else 0
        after = check_branch(directory, branch, plugins) if files else before
        ok = bool(files) and sites > 0 and after[0] and (before[1] is None or (after[1] and after[2] >= before[2]))
        if not ok:
            print(f"{package} {recipe} {parameters}: {'nothing changed' if not files else 'broke the build or tests'}\n"
                  f"{after[3]}", file=sys.stderr)
        rows.append({
            "package": package, "recipe": recipe, "parameters": parameters, "why": why, "branch": branch,
            "files_changed": len(files), "sites_rewritten": sites,
            "lines_added": sum(f["added"] for f in report["files"]), "lines_removed": sum(f["removed"] for f in report["files"]),
            "before": describe(*before[:3], plugins), "after": describe(*after[:3], plugins), "ok": ok, "directory": directory,
        })
    run(["git", "checkout", "-q", "-f", BASE_BRANCH], directory)
    return rows


def check_branch(directory, branch, plugins):
    run(["git", "checkout", "-q", branch], directory)
    return check(directory, plugins)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("packages", nargs="*", default=list(PACKAGES),
                        help="OWNER/NAME@TAG (default: the packages in PACKAGES; others get swift/if-let-shorthand only)")
    parser.add_argument("--sparkctl", default=None, help="the sparkctl binary (default: this checkout's debug build)")
    parser.add_argument("--keep", default=None,
                        help="clone into this directory and keep it (a clone already there is reset to the tag)")
    arguments = parser.parse_args()
    sparkctl = arguments.sparkctl or default_sparkctl()
    into = workspace(arguments.keep, "sparkd-refactor-")
    print("| package | recipe | params | files changed | sites rewritten (lines +/−) | build/test before → after |")
    print("|---|---|---|---|---|---|")
    failed = False
    for package in arguments.packages:
        for row in refactor(package, PACKAGES.get(package, DEFAULT_RECIPES), sparkctl, into):
            failed = failed or not row["ok"]
            params = ", ".join(f"`{key}={value}`" for key, value in row["parameters"].items()) or "—"
            print(f"| {row['package']} | `{row['recipe']}` | {params} | {row['files_changed']} | {row['sites_rewritten']} "
                  f"(+{row['lines_added']}/−{row['lines_removed']}) | {row['before']} → {row['after']}"
                  f"{'' if row['ok'] else ' — FAILED'} |", flush=True)
            print(json.dumps(row), file=sys.stderr, flush=True)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
