import logging
import warnings

logger = logging.getLogger(__name__)


class Worker:
    def __init__(self, queue):
        self.queue = queue
        self._logger = logger.getChild("worker")

    def run(self):
        # logger.warn("...") is deprecated; this comment keeps the old spelling.
        while True:
            job = self.queue.get()
            if job is None:
                logger.warn("queue closed, stopping")
                return
            if job.retries > 3:
                self._logger.warn("job %s retried %d times", job.id, job.retries)
            try:
                job.run()
            except TimeoutError:
                logging.warn("job %s timed out", job.id)


def legacy_option(value):
    warnings.warn("legacy_option is deprecated", DeprecationWarning, stacklevel=2)
    logger.info("called logger.warn(...) before 3.13")
    return value
