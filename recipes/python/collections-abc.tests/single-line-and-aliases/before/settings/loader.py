"""Loads layered settings from dicts, lists and callables."""
from collections import Mapping, MutableMapping
from collections import OrderedDict
from collections import Sequence as Seq  # lists and tuples of layers

from settings.errors import SettingsError


def merge(base, *layers):
    out = OrderedDict(base)
    for layer in layers:
        if isinstance(layer, Mapping):
            out.update(layer)
        elif isinstance(layer, Seq) and not isinstance(layer, str):
            out = merge(out, *layer)
        else:
            raise SettingsError("cannot merge %r" % (layer,))
    return out


def resolve(value):
    from collections import Callable
    return value() if isinstance(value, Callable) else value


class Settings(MutableMapping):
    def __init__(self, data):
        self._data = dict(data)

    def __getitem__(self, key):
        return resolve(self._data[key])

    def __setitem__(self, key, value):
        self._data[key] = value

    def __delitem__(self, key):
        del self._data[key]

    def __iter__(self):
        return iter(self._data)

    def __len__(self):
        return len(self._data)
