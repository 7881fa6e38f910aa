"""sqlmap against every parameter that reaches a database query: the search page, the search
API, the content API's filters and the inquiry form (a POST with Django's CSRF token, which
sqlmap fetches anew from the form page before each request).

Bounded so the scan ends in minutes: level 1, risk 1 (no payload that could change data even
if it worked), SQLite's payloads (the throwaway portal's database), and the boolean-blind,
error-based and UNION techniques; time-based blind tests wait seconds per payload on a shared
machine and find nothing the others miss on a portal whose queries all go through Django's ORM.
"""

import re
import subprocess
from urllib.parse import urlencode

OPTIONS = [
    "--batch",
    "--level=1",
    "--risk=1",
    "--technique=BEU",
    # The portal under test runs on SQLite: other engines' payloads cannot succeed against it.
    "--dbms=SQLite",
    "--disable-coloring",
    "--flush-session",
    "--skip-waf",
    # Our 4xx answers to bad input are correct behaviour, not a reason to stop testing.
    "--ignore-code=400,404,414",
]
INJECTABLE = re.compile(
    r"(?:GET|POST|URI|Cookie|\(custom\) POST) parameter '(?P<name>[^']+)' (?:is|appears to be) "
    r"'(?P<technique>[^']+)' injectable"
)
SERVER_ERRORS = re.compile(r"HTTP error codes detected during run:\s*(?P<codes>.+)")

INQUIRY_FIELDS = {
    "organisation": "Scan City Hall",
    "city": "Scanville",
    "country": "KE",
    "name": "Scan Visitor",
    "role": "",
    "email": "scan@example.org",
    "language": "en",
    "kind": "information",
    "message": "How did you restrict high-emission vehicles?",
    "consent": "on",
    "website": "",
}


def targets(base_url, api_paths):
    """(name, sqlmap arguments) per target."""
    inquiry_form = f"{base_url}/en/inquiries/new/"
    found = [
        (
            "search page",
            [
                "-u",
                f"{base_url}/en/search/?q=water&page=1&sector=water&language=en&year=2020",
                "-p",
                "q,page,sector,language,year",
            ],
        ),
        (
            "search API",
            ["-u", f"{base_url}/api/search/?q=water&lang=en&page=1", "-p", "q,lang,page"],
        ),
        (
            "inquiry form",
            [
                "-u",
                inquiry_form,
                "--data",
                urlencode({"csrfmiddlewaretoken": "x", "form_token": "x", **INQUIRY_FIELDS}),
                "--csrf-token=csrfmiddlewaretoken",
                f"--csrf-url={inquiry_form}",
                "-p",
                "organisation,city,country,name,email,language,kind,message",
            ],
        ),
    ]
    for path in api_paths:
        found.append((f"API {path.split('?')[0]}", ["-u", f"{base_url}{path}"]))
    return found


def run(base_url, api_paths, work_dir, log):
    """[(target name, injectable parameters, server error summary or '')]"""
    results = []
    for name, arguments in targets(base_url, api_paths):
        # sqlmap fetches a CSRF token one request at a time; elsewhere two threads halve the wait.
        threads = (
            "--threads=1" if any(a.startswith("--csrf-url") for a in arguments) else "--threads=2"
        )
        completed = subprocess.run(
            ["sqlmap", *OPTIONS, threads, f"--output-dir={work_dir / 'sqlmap'}", *arguments],
            capture_output=True,
            text=True,
            check=False,
        )
        log.write(completed.stdout + completed.stderr)
        log.flush()
        output = completed.stdout
        injectable = sorted(
            {f"{m['name']} ({m['technique']})" for m in INJECTABLE.finditer(output)}
        )
        errors = SERVER_ERRORS.search(output)
        if completed.returncode != 0 and "do not appear to be injectable" not in output:
            raise RuntimeError(f"sqlmap failed on the {name} (exit {completed.returncode})")
        results.append((name, injectable, errors["codes"].strip() if errors else ""))
    return results


def findings(results):
    found = []
    for name, injectable, errors in results:
        for parameter in injectable:
            found.append(("sqlmap", "SQL injection", 4, name, parameter))
        if errors and re.search(r"\b5\d\d\b", errors):
            found.append(("sqlmap", "Internal Server Error", 3, name, errors))
    return found
