"""Page weight of the main public pages, as a visitor's browser fetches them.

Usage: .venv/bin/python bench/page_weight.py [BASE_URL]   (default http://127.0.0.1:8000,
the portal that `make run` serves). Prints, per page, the number of requests and the bytes
transferred (compressed where the server compressed them), first visit with an empty cache;
requests to other hosts (the video player) are counted but not fetched.
"""

import sys

from playwright.sync_api import sync_playwright

PAGES = [
    "/ko/",
    "/en/",
    "/en/policies/",
    "/en/policies/green-transportation-zone/",
    "/en/news/",
    "/en/publications/",
    "/en/videos/",
]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def measure(browser, base_url, path):
    context = browser.new_context()
    external = []

    def keep_local(route):
        if route.request.url.startswith(base_url):
            route.continue_()
        else:
            external.append(route.request.url)
            route.abort()

    context.route("**/*", keep_local)
    page = context.new_page()
    client = context.new_cdp_session(page)
    client.send("Network.enable")
    transferred = {}
    client.on(
        "Network.loadingFinished",
        lambda event: transferred.__setitem__(event["requestId"], event["encodedDataLength"]),
    )
    page.goto(base_url + path, wait_until="networkidle")
    context.close()
    return len(transferred), sum(transferred.values()), len(external)


def main(base_url="http://127.0.0.1:8000"):
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        print(f"{'page':45} {'requests':>8} {'bytes':>9} {'external':>8}")
        for path in PAGES:
            requests, size, external = measure(browser, base_url, path)
            print(f"{path:45} {requests:8d} {size:9d} {external:8d}")
        browser.close()


if __name__ == "__main__":
    main(*sys.argv[1:])
