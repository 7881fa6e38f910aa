"""What one full garbage collection costs a server process that has served the demo pages, with
the heap loaded at start frozen (``gc.freeze()`` in ``policyshare/wsgi.py``) and without.

    .venv/bin/python bench/gc_pause.py [--collections 7]

Python runs a full collection every so often, inside whichever request allocates at that moment:
its cost is a pause in that one request (it shows in the render benchmarks' p95, not their
median). Each variant runs in a process of its own (``bench/render_cost.py``'s throwaway demo
site), imports the WSGI application, renders every page type twice, then times full collections
(CPU, median). The frozen variant is the shipped one; the other unfreezes right after import.
"""

import argparse
import gc
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def variant(frozen: bool, collections: int) -> dict:
    from render_cost import page_paths, setup

    setup(ROOT)
    import policyshare.wsgi  # noqa: F401 -- freezes the heap loaded at start

    if not frozen:
        gc.unfreeze()
    from django.test import Client

    client = Client()
    for path in page_paths().values():
        for _ in range(2):
            client.get(path)
    pauses = []
    for _ in range(collections):
        start = time.process_time()
        gc.collect()
        pauses.append((time.process_time() - start) * 1000)
    return {
        "frozen objects": gc.get_freeze_count(),
        "tracked objects": len(gc.get_objects()),
        "full collection CPU ms": statistics.median(pauses),
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--collections", type=int, default=7)
    parser.add_argument("--variant", choices=["frozen", "unfrozen"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.variant:
        print(json.dumps(variant(args.variant == "frozen", args.collections)))
        return
    results = {}
    for name in ("unfrozen", "frozen"):
        command = [sys.executable, __file__, "--variant", name]
        command += ["--collections", str(args.collections)]
        output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        results[name] = json.loads(output.strip().splitlines()[-1])
    print(f"{'variant':<10} {'frozen objects':>15} {'tracked objects':>16} {'full GC CPU ms':>15}")
    for name, figures in results.items():
        print(
            f"{name:<10} {figures['frozen objects']:>15,} {figures['tracked objects']:>16,} "
            f"{figures['full collection CPU ms']:>15.1f}"
        )
    ratio = (
        results["frozen"]["full collection CPU ms"] / results["unfrozen"]["full collection CPU ms"]
    )
    print(f"frozen / unfrozen: {ratio:.3f}")


if __name__ == "__main__":
    main()
