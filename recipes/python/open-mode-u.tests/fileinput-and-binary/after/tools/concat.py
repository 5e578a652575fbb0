import fileinput
import sys


def concat(paths, out=sys.stdout):
    for line in fileinput.input(paths, mode='r'):
        out.write(line)


def count_bytes(paths):
    total = 0
    for path in paths:
        with open(path, "rb") as f:
            total += len(f.read())
    return total


def lines(paths):
    with fileinput.FileInput(paths, mode="r") as stream:
        return sum(1 for _ in stream)
