# -*- coding: utf-8 -*-
"""Compatibility shims for the collection ABCs."""
try:
    from collections.abc import Iterable, Iterator
except ImportError:  # Python 2
    from collections.abc import Iterable, Iterator

from collections.abc import (
    Hashable,
    KeysView,
    ItemsView,
    ValuesView,
)
from collections.abc import (Sized, Container)

__all__ = [
    "Container", "Hashable", "ItemsView", "Iterable", "Iterator",
    "KeysView", "Sized", "ValuesView",
]
