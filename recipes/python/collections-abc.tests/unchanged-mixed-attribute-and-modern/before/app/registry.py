import collections
import collections.abc
from collections import OrderedDict, Mapping
from collections import abc, defaultdict
from collections.abc import Sequence

REGISTRY = defaultdict(list)


def register(name, plugin):
    if not isinstance(plugin, collections.abc.Callable):
        raise TypeError(name)
    if isinstance(plugin.options, collections.Mapping):  # fix by hand
        REGISTRY[name].append(OrderedDict(plugin.options))
    elif isinstance(plugin.options, (Mapping, Sequence, abc.Set)):
        REGISTRY[name].append(plugin.options)
