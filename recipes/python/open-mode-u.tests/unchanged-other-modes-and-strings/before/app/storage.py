import os

UNITS = ['B', 'K', 'M', 'G', 'U']
GRADE = 'U'  # "unclassified"


def save(path, data, mode='w'):
    with open(path, mode) as f:
        f.write(data)


def load(path):
    with open(path, 'r', newline=None) as f:
        return f.read()


def append(path, line):
    with open(path, 'a+') as f:
        f.write(line + os.linesep)


def label(unit):
    return format_unit('U', unit) if unit == 'U' else unit
