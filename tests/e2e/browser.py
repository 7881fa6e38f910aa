"""What the browser tests share: how Chromium is started, the page types they visit, and the
checks they make on a page."""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = os.environ.get("POLICYSHARE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    # Without these Chromium tries to reach Google's hosts, which this network refuses.
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
PHONE = {
    "viewport": {"width": 375, "height": 812},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
}
PAGE_KINDS = [
    "home",
    "policy_index",
    "policy",
    "news_index",
    "news",
    "publication",
    "video",
    "event",
    "partners",
    "training_institute",
    "city",
    "standard",
]
LANGUAGES = ["ko", "en"]


def open_ok(page, path):
    """Go to ``path`` and insist on a successful, complete page."""
    response = page.goto(path, wait_until="load")
    assert response is not None, f"no response for {path}"
    assert response.ok, f"{path} answered {response.status}"
    return response


def axe_violations(page, impacts=("serious", "critical")):
    """axe-core's violations of the given impacts on the current page."""
    assert AXE_SCRIPT.exists(), f"{AXE_SCRIPT} is missing: `make node_modules/.installed`"
    # Evaluated rather than added as a <script>: the pages' Content Security Policy refuses
    # inline scripts, and DevTools' evaluation is not subject to it.
    page.evaluate(AXE_SCRIPT.read_text())
    # The embedded players come from another site that the tests do not reach: axe would wait
    # for their frames to answer; the iframe elements themselves (their titles) are still checked.
    results = page.evaluate(
        "() => axe.run(document, {iframes: false, resultTypes: ['violations']})"
    )
    return [v for v in results["violations"] if v["impact"] in impacts]


def describe_violations(violations, limit=5):
    lines = []
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']}"
            f" [{len(violation['nodes'])} element(s)] {violation['helpUrl']}"
        )
        for node in violation["nodes"][:limit]:
            summary = " ".join((node.get("failureSummary") or "").split())
            lines.append(f"    {' '.join(map(str, node['target']))}: {node['html'][:160]}")
            if summary:
                lines.append(f"      {summary[:300]}")
    return "\n".join(lines)
