from logging import getLogger

LOG = getLogger(__name__)
_LOGGER = getLogger("service.audit")


def handle(request):
    if request.user is None:
        LOG.warn(
            "anonymous request to %s from %s",
            request.path,
            request.remote_addr,
        )
    if request.is_admin:
        _LOGGER.warn("admin action: %s", request.path)
    return dispatch(request)
