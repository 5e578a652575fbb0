import logging
import warnings

logger = logging.getLogger(__name__)


def record(name, value):
    if value < 0:
        logger.warning("negative value for %s", name)
        warnings.warn("negative metric", RuntimeWarning)
    # Never call logger.warn( here: it is removed in Python 3.13.
    return {"name": name, "value": value}
