"""How many beacon lines one `policyshare collect-beacons` counts, and its CPU per line.

Usage: .venv/bin/python bench/collector_lines.py [--baseline /tmp/edge-base] [--rate 2000]
           [--flood-rate 30000] [--seconds 5] [--rounds 2]

Lines as nginx sends them (deploy/nginx/policyshare.conf's policyshare_beacon format) go over UDP
on loopback to one collector, from this process, from a few hundred visitors' addresses with 30
browser versions and 1 % crawlers. For each tree (this one and, with --baseline, another checkout
such as `git worktree add --detach /tmp/edge-base 870bf81`), in turns, --rounds times:

- paced: --rate lines/s for --seconds, which one collector keeps up with: the collector's CPU
  (user + system, from /proc) per line received, and received = sent;
- flood: --flood-rate lines/s for --seconds, more than it can take: lines received per second
  is what one collector counts at most on this machine (the rest the kernel drops), with its CPU
  per line then.

The first 2,000 lines of each collector are a warm-up (imports, crawlerdetect's patterns) and are
not measured. CPU per line is the figure to compare; lines/s depends on the machine's other load.
"""

import argparse
import os
import random
import re
import signal
import socket
import statistics
import subprocess
import time
from pathlib import Path

from servers import POLICYSHARE, ROOT, cpu_seconds, portal

WARM_UP = 2000
BROWSERS = [
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    f"Chrome/1{version}.0.0.0 Safari/537.36"
    for version in range(10, 40)
]
CRAWLER = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"
REFERRERS = ["-", "https://www.google.com", "https://search.naver.com", "https://x.com"]


def lines(count):
    """``count`` datagrams as nginx's syslog logger sends them."""
    made = []
    for n in range(count):
        agent = CRAWLER if n % 100 == 0 else random.choice(BROWSERS)
        address = f"198.18.{random.randint(0, 3)}.{random.randint(1, 254)}"
        query = f"page={random.randint(3, 60)}&kind=view"
        referrer = random.choice(REFERRERS)
        if referrer != "-":
            query += "&ref=" + referrer.replace(":", "%3A").replace("/", "%2F")
        fields = ["policyshare-beacon-1", address, "portal.example.org", agent, "-", "-", "-"]
        made.append(
            ("<190>Nov 26 01:00:00 policyshare: " + "\t".join([*fields, "-", query])).encode()
        )
    return made


def send_paced(sender, target, datagrams, rate):
    """Send at about ``rate`` per second, in slices of 10 ms."""
    per_slice = max(int(rate / 100), 1)
    start = time.perf_counter()
    for first in range(0, len(datagrams), per_slice):
        for datagram in datagrams[first : first + per_slice]:
            sender.sendto(datagram, target)
        ahead = start + (first + per_slice) / rate - time.perf_counter()
        if ahead > 0:
            time.sleep(ahead)
    return time.perf_counter() - start


def measure(tree, env, datagrams, rate, seconds):
    """One collector of ``tree``: (lines received, seconds, CPU µs per received line)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    address = ("127.0.0.1", port)
    collector = subprocess.Popen(
        [*POLICYSHARE, "collect-beacons", "--socket", f"127.0.0.1:{port}"],
        env={**env, "PYTHONPATH": str(tree)},
        cwd=tree,
        stdout=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    collector.stdout.readline()
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sender:
        send_paced(sender, address, datagrams[:WARM_UP], 2000)
        time.sleep(1)
        cpu_before = cpu_seconds(collector.pid)
        measured = datagrams[WARM_UP : WARM_UP + int(rate * seconds)]
        elapsed = send_paced(sender, address, measured, rate)
        time.sleep(0.5)  # what is queued is read
        cpu = cpu_seconds(collector.pid) - cpu_before
    collector.send_signal(signal.SIGTERM)
    output, _ = collector.communicate(timeout=60)
    received = int(re.search(r"(\d+) beacons received", output).group(1)) - WARM_UP
    return received, len(measured), elapsed, 1e6 * cpu / max(received, 1)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", type=Path, help="another checkout to measure in turns")
    parser.add_argument("--rate", type=float, default=2000)
    parser.add_argument("--flood-rate", type=float, default=30000)
    parser.add_argument("--seconds", type=float, default=5)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    trees = {"this tree": ROOT}
    if args.baseline:
        trees = {"baseline": args.baseline.resolve(), **trees}
    datagrams = lines(WARM_UP + int(max(args.rate, args.flood_rate) * args.seconds))
    results = {(name, run): [] for name in trees for run in ("paced", "flood")}
    with portal() as (env, _var_dir):
        for _round in range(args.rounds):
            for name, tree in trees.items():
                for run, rate in (("paced", args.rate), ("flood", args.flood_rate)):
                    results[name, run].append(measure(tree, env, datagrams, rate, args.seconds))
    print(f"load average: {' '.join(f'{n:.1f}' for n in os.getloadavg())}")
    print(f"medians of {args.rounds} rounds of {args.seconds} s; one collector, UDP on loopback")
    print(
        "| tree | paced: sent / received | paced: CPU µs per line |"
        " flood: sent / received | flood: lines/s received | flood: CPU µs per line |"
    )
    for name in trees:
        paced, flood = results[name, "paced"], results[name, "flood"]

        def median(runs, index):
            return statistics.median(run[index] for run in runs)

        print(
            f"| {name} | {median(paced, 1):.0f} / {median(paced, 0):.0f} |"
            f" {median(paced, 3):.1f} | {median(flood, 1):.0f} / {median(flood, 0):.0f} |"
            f" {statistics.median(run[0] / run[2] for run in flood):.0f} |"
            f" {median(flood, 3):.1f} |"
        )


if __name__ == "__main__":
    main()
