"""The loop of the long-running analytics commands (collect-beacons, flush-views --every)."""

import signal
import threading


def repeat_until_stopped(step, pause=0):
    """Call ``step()`` over and over, ``pause`` seconds apart, until SIGTERM (systemctl stop) or
    Ctrl+C; then return, so that the command finishes its work (a last flush, the beacons still
    queued) before it exits. A step under way when the signal comes is completed."""
    stopping = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stopping.set())
    try:
        while not stopping.is_set():
            step()
            if pause:
                stopping.wait(pause)
    except KeyboardInterrupt:
        pass
