"""A benchmark that compares two checkouts runs each tree's code in a process of its own, the
trees taking turns: the driver sends one JSON command per line, the worker answers each with one
JSON line (``bench/render_cost.py``, ``bench/first_visits.py``)."""

import json
import subprocess
import sys


def answer_commands(start):
    """In the worker: ``start()`` returns the function that answers a command; it runs with
    stdout set aside, as does every command, so that management commands and stray prints stay
    off the protocol."""
    answers = sys.stdout
    sys.stdout = sys.stderr
    handle = start()
    print(json.dumps({"ready": True}), file=answers, flush=True)
    for line in sys.stdin:
        print(json.dumps(handle(json.loads(line))), file=answers, flush=True)


class WorkerProcess:
    """The driver's side: ``script --worker TREE *arguments`` started, asked, closed."""

    def __init__(self, script, tree, *arguments):
        self.tree = tree
        self.process = subprocess.Popen(
            [sys.executable, str(script), "--worker", str(tree), *map(str, arguments)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def wait_ready(self):
        if not self.process.stdout.readline():
            raise SystemExit(f"the worker for {self.tree} failed to start")

    def ask(self, **command):
        self.process.stdin.write(json.dumps(command) + "\n")
        self.process.stdin.flush()
        return json.loads(self.process.stdout.readline())

    def close(self):
        self.process.stdin.close()
        self.process.wait()
