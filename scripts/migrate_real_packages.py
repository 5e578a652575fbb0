#!/usr/bin/env python3
"""Migrate real Swift packages' XCTest suites with `sparkctl apply` and check the result.

For each package (cloned by its GitHub address at a tag, which a git `insteadOf`
setting can point at a local mirror): run `swift test` on the tag, apply swift/xctest-to-swift-testing with `sparkctl apply`,
check out the review branch, run `swift test` again, and print one Markdown table row with files
changed, assertions converted, what stayed XCTest and why, and the tests run before and after.

    scripts/migrate_real_packages.py [--sparkctl PATH] [--keep DIR] [OWNER/NAME@TAG ...]

Needs a built sparkctl (`swift build`); exits 1 when a package's migrated tests do not build or
pass, run fewer tests than before, or fewer than 90% of its test functions are Swift Testing.
"""
import argparse
import json
import os
import re
import sys

from real_packages import BASE_BRANCH, apply, changed_files, clone, default_sparkctl, run, swift_test, workspace

DEFAULT_PACKAGES = ["mxcl/Version@2.2.1", "pointfreeco/swift-tagged@0.10.0", "swiftcsv/SwiftCSV@0.10.0"]
RECIPE = "swift/xctest-to-swift-testing"
ASSERTION = re.compile(r"\bXCT(?:Assert\w*|Unwrap|Fail|Skip\w*)\s*\(")


def test_sources(directory):
    for root, dirs, files in os.walk(directory):
        dirs[:] = [d for d in dirs if not d.startswith(".build")]
        for name in files:
            if name.endswith(".swift") and ("Tests" in root or name.endswith("Tests.swift")):
                path = os.path.join(root, name)
                with open(path, encoding="utf-8", errors="replace") as handle:
                    yield os.path.relpath(path, directory), handle.read()


def count(directory):
    """Assertion calls, @Test functions, XCTest test methods left, not-migrated reasons."""
    assertions = tests = xctests = 0
    reasons = []
    for path, text in test_sources(directory):
        assertions += len(ASSERTION.findall(text))
        tests += len(re.findall(r"@Test\b[^\n]*\n?\s*(?:@\w+\s*)*func\s", text))
        if "XCTestCase" in text:
            xctests += len(re.findall(r"^\s*func\s+test\w*\s*\(\s*\)", text, re.M))
        for reason in re.findall(r"// sparkd: not migrated: (.*)", text):
            reasons.append(f"{path}: {reason}")
    return assertions, tests, xctests, reasons


def migrate(package, sparkctl, into):
    directory = clone(package, into)
    before_ok, before_xc, before_st, before_log = swift_test(directory)
    if not before_ok:
        sys.exit(f"{package}: the tests do not pass before migrating:\n{before_log}")
    assertions_before, _, xctests_before, _ = count(directory)
    branch = apply(sparkctl, directory, RECIPE)["branch"]
    run(["git", "checkout", "-q", branch], directory)
    stat = changed_files(directory, BASE_BRANCH, branch)
    after_ok, after_xc, after_st, after_log = swift_test(directory)
    assertions_after, st_functions, xctests_after, reasons = count(directory)
    share = st_functions / max(1, st_functions + xctests_after)
    row = {
        "package": package, "files_changed": len(stat), "assertions_converted": assertions_before - assertions_after,
        "assertions_left": assertions_after, "not_migrated": reasons, "tests_before": before_xc + before_st,
        "tests_after": after_xc + after_st, "xctest_after": after_xc, "swift_testing_after": after_st,
        "test_functions_before": xctests_before, "swift_testing_functions": st_functions,
        "swift_testing_share": round(share, 3), "xctest_functions_left": xctests_after, "passed": after_ok, "branch": branch, "directory": directory,
    }
    ok = after_ok and row["tests_after"] >= row["tests_before"] and share >= 0.9
    if not after_ok:
        print(after_log, file=sys.stderr)
    return row, ok


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("packages", nargs="*", default=DEFAULT_PACKAGES)
    parser.add_argument("--sparkctl", default=None, help="the sparkctl binary (default: this checkout's debug build)")
    parser.add_argument("--keep", default=None, help="clone into this directory and keep it")
    arguments = parser.parse_args()
    sparkctl = arguments.sparkctl or default_sparkctl()
    into = workspace(arguments.keep, "sparkd-migrate-")
    print("| package | files changed | assertions converted (left) | not migrated | tests before → after "
          "(XCTest + Swift Testing) | Swift Testing functions | passes |")
    print("|---|---|---|---|---|---|---|")
    failed = False
    for package in arguments.packages:
        row, ok = migrate(package, sparkctl, into)
        failed = failed or not ok
        reasons = "; ".join(row["not_migrated"]) or "nothing"
        print(f"| {row['package']} | {row['files_changed']} | {row['assertions_converted']} ({row['assertions_left']}) "
              f"| {reasons} | {row['tests_before']} → {row['tests_after']} ({row['xctest_after']} + "
              f"{row['swift_testing_after']}) | {row['swift_testing_functions']} of "
              f"{row['swift_testing_functions'] + row['xctest_functions_left']} ({row['swift_testing_share']:.0%}) | {'yes' if row['passed'] else 'NO'} |")
        print(json.dumps(row), file=sys.stderr)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
