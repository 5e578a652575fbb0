"""Uses Twisted's logger, whose warn() is not deprecated; no stdlib logging here."""
from twisted.logger import Logger

logger = Logger()


def on_disconnect(reason):
    logger.warn("connection lost: {reason}", reason=reason)
