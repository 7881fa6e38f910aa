import os

from django.core.management.base import BaseCommand
from gunicorn.app.base import BaseApplication


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
    help = "Serve the portal with gunicorn, a production-grade WSGI server."

    def add_arguments(self, parser):
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
        parser.add_argument(
            "--workers",
            type=int,
            default=int(os.environ.get("WEB_CONCURRENCY", str((os.cpu_count() or 1) + 1))),
        )
        parser.add_argument("--threads", type=int, default=int(os.environ.get("THREADS", "4")))

    def handle(self, *args, host, port, workers, threads, **options):
        self.stdout.write(f"Serving policyshare on http://{host}:{port}/ (Ctrl+C to stop)")
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
