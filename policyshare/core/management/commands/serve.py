import os
import subprocess
import sys

from django.core.management.base import BaseCommand
from gunicorn.app.base import BaseApplication

# How long the task worker may take to finish the task it is running when the server stops.
WORKER_STOP_TIMEOUT = 30


class _GunicornApplication(BaseApplication):
    def __init__(self, options):
        self.options = options
        super().__init__()

    def load_config(self):
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        from policyshare.wsgi import application

        return application


class Command(BaseCommand):
    help = (
        "Serve the portal with granian (or gunicorn), a production-grade WSGI server, and run one "
        "background task worker (mail, indexing) and the view-count flush beside it unless "
        "--no-worker is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
        parser.add_argument(
            "--workers",
            type=int,
            default=int(os.environ.get("WEB_CONCURRENCY", str((os.cpu_count() or 1) + 1))),
        )
        parser.add_argument("--threads", type=int, default=int(os.environ.get("THREADS", "4")))
        parser.add_argument(
            "--server",
            choices=["gunicorn", "granian"],
            default=os.environ.get("POLICYSHARE_SERVER", "granian"),
            help="The WSGI server: granian, which spends less CPU per request (bench/load.py), or "
            "gunicorn (gthread workers).",
        )
        parser.add_argument(
            "--no-worker",
            action="store_false",
            dest="task_worker",
            help="Do not start the task worker and the view-count flush: they run elsewhere "
            "(`policyshare db_worker`, `policyshare flush-views`).",
        )

    def handle(self, *args, host, port, workers, threads, task_worker, server, **options):
        helpers = self._start_helpers() if task_worker else []
        self.stdout.write(f"Serving policyshare on http://{host}:{port}/ (Ctrl+C to stop)")
        try:
            if server == "granian":
                self._serve_with_granian(host, port, workers, threads)
                return
            _GunicornApplication(
                {
                    "bind": f"{host}:{port}",
                    "workers": workers,
                    "threads": threads,
                    "worker_class": "gthread",
                    "accesslog": "-",
                    "timeout": 60,
                    "graceful_timeout": 20,
                }
            ).run()
        finally:
            for helper in helpers:
                self._stop_helper(helper)

    def _serve_with_granian(self, host, port, workers, threads):
        from granian import Granian
        from granian.constants import Interfaces

        Granian(
            "policyshare.wsgi:application",
            address=host,
            port=port,
            interface=Interfaces.WSGI,
            workers=workers,
            blocking_threads=threads,
            log_access=True,
            # As gunicorn does: a worker that dies is replaced, and one that does not stop within
            # the graceful timeout is killed (granian would otherwise wait for it for ever).
            respawn_failed_workers=True,
            workers_kill_timeout=20,
        ).serve()

    def _start_helpers(self):
        # Processes of their own, not threads: a long task must not hold up the web server, and
        # gunicorn forks its workers from this process. The flush moves counted views from the
        # buffer into the database every minute, as the systemd timer does on a server.
        self.stdout.write("Starting the task worker and the view-count flush")
        return [
            subprocess.Popen(
                [sys.executable, "-m", "policyshare.cli", *arguments], env=os.environ.copy()
            )
            for arguments in (["db_worker", "--no-reload"], ["flush-views", "--every", "60"])
        ]

    def _stop_helper(self, helper):
        if helper.poll() is not None:
            return
        helper.terminate()  # both finish what they are doing on SIGTERM (a last flush), then exit
        try:
            helper.wait(WORKER_STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            helper.kill()
            helper.wait()
