"""wapiti (Debian's 3.0.4) over every public page, with nothing that reaches the internet.

Left out: ``ssrf`` and ``xxe`` (they plant payloads that call back to wapiti's servers on the
internet), ``wapp`` and ``nikto`` (they download their databases), ``buster`` and ``backup``
(brute-force file names: minutes of 404s, nothing the application decides), ``brute_login_form``
(a password guesser: the admin sign-in has its own lockout, tested in tests/security), and
``blindsql``/``shellshock``/``htaccess`` (time-based SQL is sqlmap's job; the others target CGI
and Apache). ``--no-bugreport`` keeps wapiti from sending crash reports home.
"""

import http.cookiejar
import json
import subprocess
import urllib.error
import urllib.parse
import urllib.request

MODULES = "cookieflags,crlf,csp,csrf,exec,file,http_headers,methods,permanentxss,redirect,sql,xss"
# wapiti's levels: 1 low, 2 medium, 3 high, 4 critical. Medium and above fail the scan.
FAILING_LEVEL = 2
# wapiti 3.0.4 knows CSRF tokens only by a fixed list of names that lacks Django's.
DJANGO_CSRF_FIELD = "csrfmiddlewaretoken"


def start_paths(api_paths):
    return [
        "/ko/",
        "/en/",
        "/ko/search/?q=서울",
        "/en/search/?q=water",
        "/ko/inquiries/new/",
        "/en/inquiries/new/",
        "/api/search/?q=seoul&lang=en&page=1",
        *api_paths,
    ]


def run(base_url, api_paths, work_dir, log):
    report = work_dir / "wapiti.json"
    command = [
        "wapiti",
        "--url", f"{base_url}/",
        "--scope", "folder",  # the whole host, nothing else
        "--module", MODULES,
        "--depth", "3",
        # The search's facets link to every combination of filters: a few of each are enough.
        "--max-files-per-dir", "25",
        "--max-links-per-page", "30",
        "--max-attack-time", "45",
        "--timeout", "30",
        "--flush-session",
        "--store-session", str(work_dir / "wapiti-session"),
        "--store-config", str(work_dir / "wapiti-config"),
        "--no-bugreport",
        "--format", "json",
        "--output", str(report),
        "--verbose", "1",
    ]  # fmt: skip
    for path in start_paths(api_paths):
        command += ["--start", f"{base_url}{path}"]
    subprocess.run(command, stdout=log, stderr=subprocess.STDOUT, check=True)
    return json.loads(report.read_text())


def csrf_enforced(base_url, path):
    """Whether the form at ``path`` carries Django's CSRF token and the portal refuses a POST
    with a forged one (403), i.e. whether wapiti's "Lack of anti CSRF token" is its blind spot
    for the token's name rather than a missing protection."""
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
    )
    with opener.open(f"{base_url}{path}", timeout=30) as page:
        if f'name="{DJANGO_CSRF_FIELD}"' not in page.read().decode("utf-8", "replace"):
            return False
    forged = urllib.parse.urlencode({DJANGO_CSRF_FIELD: "wapiti"}).encode()
    try:
        opener.open(f"{base_url}{path}", data=forged, timeout=30)
    except urllib.error.HTTPError as error:
        return error.code == 403
    return False


def is_false_alarm(kind, entry, base_url):
    return (
        kind == "Cross Site Request Forgery"
        and entry["info"] == "Lack of anti CSRF token"
        and csrf_enforced(base_url, entry["path"])
    )


def findings(report, base_url):
    """(tool, kind, severity, where, detail) of every medium-or-worse vulnerability and every
    server error wapiti met; its CSRF alarms on forms that do carry and check Django's token
    are checked first (and listed as notes)."""
    found, notes = [], []
    for kind, entries in report.get("vulnerabilities", {}).items():
        for entry in entries:
            if int(entry["level"]) >= FAILING_LEVEL and is_false_alarm(kind, entry, base_url):
                notes.append(
                    f"{entry['method']} {entry['path']}: {DJANGO_CSRF_FIELD} present, "
                    "a forged token is refused with 403"
                )
            elif int(entry["level"]) >= FAILING_LEVEL:
                where = f"{entry['method']} {entry['path']} {entry['parameter']}".strip()
                found.append(("wapiti", kind, int(entry["level"]), where, entry["info"]))
    for entry in report.get("anomalies", {}).get("Internal Server Error", []):
        where = f"{entry['method']} {entry['path']} {entry['parameter']}".strip()
        found.append(("wapiti", "Internal Server Error", 3, where, entry["info"]))
    return found, sorted(set(notes))


def counts(report):
    """Every category wapiti reported on, with how many it found (low ones included)."""
    rows = []
    for section in ("vulnerabilities", "anomalies"):
        for kind, entries in report.get(section, {}).items():
            levels = sorted({int(entry["level"]) for entry in entries})
            rows.append((kind, len(entries), levels))
    return rows
