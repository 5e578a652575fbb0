#!/usr/bin/env python
"""Summarise exported CSV files (written for Python 2.7, still in use)."""
import codecs
import csv
import io
import os
import sys


def rows(path):
    with open(path, 'rU') as f:
        return list(csv.reader(f))


def header(path):
    with io.open(os.path.join(REPORTS, path), mode="Ur", encoding="utf-8") as f:
        return f.readline().strip()


def raw(path):
    return open(path, 'rbU').read()


def legacy(path):
    return codecs.open(path, 'U', 'latin-1').read()


REPORTS = os.environ.get('REPORTS', 'reports')

if __name__ == '__main__':
    for name in sys.argv[1:]:
        print(name, header(name), len(rows(name)), len(raw(name)), len(legacy(name)))
