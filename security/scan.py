"""Attack a throwaway portal with wapiti and sqlmap; fail on any finding of medium severity or
higher, and on any server error.

    .venv/bin/python -m security.scan [--keep DIR]

Starts the portal on loopback with the demo content (security/portal.py), runs wapiti over
every public page (security/wapiti.py) and sqlmap against the search, the APIs and the inquiry
form (security/sqlmap.py), prints a summary table and exits 1 if anything was found. Needs
Debian's ``wapiti`` and ``sqlmap`` packages. Reports and logs stay in ``--keep DIR`` if given.
"""

import argparse
import shutil
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from . import portal, sqlmap, wapiti

# The content API and the OAI-PMH endpoint, with the filters they take (the item list has every
# filter the typed lists share; publications add their kind); those the portal does not serve
# (404) are left out, so the scan covers whatever exists.
API_CANDIDATES = [
    "/api/v1/items/?q=seoul&language=en&type=policy&sector=transport&date_from=2019-01-01"
    "&date_to=2025-12-31&limit=5&offset=0",
    "/api/v1/publications/?language=en&kind=brochure",
    "/oai/?verb=ListRecords&metadataPrefix=oai_dc&set=policies",
]


def served(base_url, path):
    try:
        with urllib.request.urlopen(f"{base_url}{path}", timeout=30):
            return True
    except urllib.error.HTTPError as error:
        return error.code != 404
    except OSError:
        return False


def print_table(rows, headers):
    widths = [max(len(str(cell)) for cell in column) for column in zip(headers, *rows, strict=True)]
    for row in [headers, ["-" * width for width in widths], *rows]:
        print("  ".join(str(cell).ljust(width) for cell, width in zip(row, widths, strict=True)))


def scan(work_dir):
    started = time.monotonic()
    print("starting the portal with the demo content (migrate, load-demo, serve)…", flush=True)
    with portal.running_portal(work_dir) as base_url:
        api_paths = [path for path in API_CANDIDATES if served(base_url, path)]
        with open(work_dir / "wapiti.log", "w") as log:
            print(f"wapiti on {base_url} …", flush=True)
            wapiti_report = wapiti.run(base_url, api_paths, work_dir, log)
        with open(work_dir / "sqlmap.log", "w") as log:
            print("sqlmap …", flush=True)
            sqlmap_results = sqlmap.run(base_url, api_paths, work_dir, log)
        wapiti_found, csrf_checked = wapiti.findings(wapiti_report, base_url)
    errors = portal.server_errors(work_dir / "server.log")
    found = wapiti_found + sqlmap.findings(sqlmap_results)
    found += [("server", "5xx answer", 3, f"{method} {path}", "") for method, path in errors]

    print(f"\nscanned in {time.monotonic() - started:.0f} s; API endpoints: {api_paths or 'none'}")
    print("\nwapiti (levels: 1 low, 2 medium, 3 high, 4 critical; medium and above fail)")
    print_table(
        [
            (kind, count, ",".join(map(str, levels)))
            for kind, count, levels in wapiti.counts(wapiti_report)
        ]
        or [("nothing reported", 0, "")],
        ["category", "found", "levels"],
    )
    for note in csrf_checked:
        print(f"  CSRF alarm checked, not a finding: {note}")
    print("\nsqlmap")
    print_table(
        [
            (name, ", ".join(injectable) or "none", codes or "-")
            for name, injectable, codes in sqlmap_results
        ],
        ["target", "injectable parameters", "HTTP errors"],
    )
    print(f"\nserver errors (5xx) in the portal's access log: {len(errors)}")
    print(f"\nfindings of medium severity or higher: {len(found)}")
    if found:
        print_table(
            [tuple(map(str, row)) for row in found], ["tool", "kind", "level", "where", "detail"]
        )
    return found


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="keep the reports and logs in this folder")
    args = parser.parse_args(argv)
    for tool in ("wapiti", "sqlmap"):
        if shutil.which(tool) is None:
            sys.exit(f"{tool} is not installed: apt-get install wapiti sqlmap")
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        found = scan(args.keep.resolve())
    else:
        with tempfile.TemporaryDirectory(prefix="policyshare-scan-") as tmp:
            found = scan(Path(tmp))
    sys.exit(1 if found else 0)


if __name__ == "__main__":
    main()
