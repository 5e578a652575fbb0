import csv


def totals(path):
    with open(path, newline="") as f:
        return sum(int(row["amount"]) for row in csv.DictReader(f))
