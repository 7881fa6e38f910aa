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
        "Serve the portal with gunicorn, a production-grade WSGI server, and run one background "
        "task worker beside it (mail, indexing) unless --no-worker is given."
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
            "--no-worker",
            action="store_false",
            dest="task_worker",
            help="Do not start a task worker: one runs elsewhere (`policyshare db_worker`).",
        )

    def handle(self, *args, host, port, workers, threads, task_worker, **options):
        worker = self._start_task_worker() if task_worker else None
        self.stdout.write(f"Serving policyshare on http://{host}:{port}/ (Ctrl+C to stop)")
        try:
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
            if worker is not None:
                self._stop_task_worker(worker)

    def _start_task_worker(self):
        # A process of its own, not a thread: a long task must not hold up the web server, and
        # gunicorn forks its workers from this process.
        self.stdout.write("Starting the task worker (policyshare db_worker)")
        return subprocess.Popen(
            [sys.executable, "-m", "policyshare.cli", "db_worker", "--no-reload"],
            env=os.environ.copy(),
        )

    def _stop_task_worker(self, worker):
        if worker.poll() is not None:
            return
        worker.terminate()  # the worker finishes its current task on SIGTERM, then exits
        try:
            worker.wait(WORKER_STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()
