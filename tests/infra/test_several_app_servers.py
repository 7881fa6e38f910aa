"""The reference deployment on one machine: PostgreSQL, Redis, object storage (moto), two app
servers (`policyshare serve --no-worker`) and nginx running the shipped configuration. What one
server does, the other and nginx see; nginx carries on when a server dies; the servers carry on
when PostgreSQL restarts."""

import io
import os
import re
import shutil
import signal
import subprocess
import time
import uuid
from pathlib import Path

import pytest
import requests
from PIL import Image as PILImage

from tests.services import free_port, wait_for_port

from .sites import REPOSITORY, Site

pytestmark = [pytest.mark.servers, pytest.mark.xdist_group("several-app-servers")]

ADMIN = ("operator", "a-long-test-password-1")
# Debian's nginx; root's PATH has /usr/sbin, other users' may not.
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
NGINX_TEMPLATE = REPOSITORY / "deploy" / "nginx" / "policyshare.conf"
NGINX_MAIN = """\
user root;
worker_processes 1;
pid {directory}/nginx.pid;
error_log {directory}/error.log warn;
events {{ worker_connections 256; }}
http {{
    access_log {directory}/access.log;
    client_body_temp_path {directory}/body;
    proxy_temp_path {directory}/proxy;
    fastcgi_temp_path {directory}/fastcgi;
    uwsgi_temp_path {directory}/uwsgi;
    scgi_temp_path {directory}/scgi;
{http_extra}    include {site};
}}
"""


def start_nginx(nginx_dir, app_ports, listen_port, beacons="127.0.0.1:9", http_extra=""):
    """Debian's nginx with the shipped site in front of ``app_ports``, its files in
    ``nginx_dir``; ``http_extra`` is added to its ``http`` block."""
    nginx_dir.mkdir()
    tls = nginx_dir / "no-tls.conf"
    tls.write_text("# plain HTTP on loopback in the tests\n")
    site_conf = nginx_dir / "policyshare.conf"
    site_conf.write_text(
        render_nginx_site(app_ports, listen_port, tls, nginx_dir / "micro-cache", beacons)
    )
    main = nginx_dir / "nginx.conf"
    main.write_text(NGINX_MAIN.format(directory=nginx_dir, site=site_conf, http_extra=http_extra))
    subprocess.run([NGINX, "-t", "-q", "-c", str(main), "-p", str(nginx_dir)], check=True)
    process = subprocess.Popen(
        [NGINX, "-c", str(main), "-p", str(nginx_dir), "-g", "daemon off;"],
        start_new_session=True,
    )
    wait_for_port(listen_port)
    return process


def render_nginx_site(app_ports, listen_port, tls_include, micro_cache, beacons="127.0.0.1:9"):
    """The shipped template with the variables an operator gives envsubst. Beacons go to the
    discard port unless a test runs a collector (tests/infra/test_beacon_nginx.py)."""
    values = {
        "POLICYSHARE_APP_SERVERS": " ".join(f"server 127.0.0.1:{port};" for port in app_ports),
        "POLICYSHARE_LISTEN": f"127.0.0.1:{listen_port}",
        "POLICYSHARE_SERVER_NAME": "127.0.0.1",
        "POLICYSHARE_TLS": str(tls_include),
        "POLICYSHARE_MICRO_CACHE": str(micro_cache),
        "POLICYSHARE_BEACON_SOCKET": beacons,
    }
    text = NGINX_TEMPLATE.read_text()
    for name, value in values.items():
        text = text.replace("${" + name + "}", value)
    return text


def wait_until_healthy(base_url, timeout=120):
    deadline = time.monotonic() + timeout
    while True:
        try:
            if requests.get(f"{base_url}/healthz", timeout=5).status_code == 200:
                return
        except requests.ConnectionError:
            pass
        if time.monotonic() > deadline:
            raise AssertionError(f"{base_url} did not become healthy")
        time.sleep(0.2)


class Deployment:
    def __init__(self, site, directory):
        self.site = site
        self.directory = directory
        self.app_ports = [free_port(), free_port()]
        self.nginx_port = free_port()
        self.app_servers = []
        self.nginx = None

    def app_url(self, index):
        return f"http://127.0.0.1:{self.app_ports[index]}"

    @property
    def nginx_url(self):
        return f"http://127.0.0.1:{self.nginx_port}"

    def start(self):
        for index, port in enumerate(self.app_ports):
            log = (self.directory / f"app{index}.log").open("w")
            self.app_servers.append(self.site.start_app_server(port, log))
        self.nginx = start_nginx(self.directory / "nginx", self.app_ports, self.nginx_port)
        for index in range(len(self.app_ports)):
            wait_until_healthy(self.app_url(index))

    def kill_app_server(self, index):
        process = self.app_servers[index]
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)

    def stop(self):
        for process in [*self.app_servers, self.nginx]:
            if process is not None and process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
                try:
                    process.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, signal.SIGKILL)


@pytest.fixture(scope="module")
def deployment(postgresql_cluster, redis_server, object_storage_server, tmp_path_factory):
    bucket = f"policyshare-{uuid.uuid4().hex[:12]}"
    object_storage_server.client().create_bucket(Bucket=bucket)
    postgresql_cluster.create_database("deployment")
    directory = tmp_path_factory.mktemp("deployment")
    site = Site(
        directory / "var",
        database_url=postgresql_cluster.url("deployment"),
        settings={
            "SECRET_KEY": "several-app-servers-share-this-key",
            "REDIS_URL": redis_server.url,
            "POLICYSHARE_SERVE_MEDIA": "0",
            "POLICYSHARE_TRUSTED_PROXIES": "1",
            "DJANGO_SUPERUSER_USERNAME": ADMIN[0],
            "DJANGO_SUPERUSER_PASSWORD": ADMIN[1],
            "DJANGO_SUPERUSER_EMAIL": "operator@example.org",
            **object_storage_server.environment(bucket),
        },
    )
    site.run("collectstatic", "--noinput")
    site.run("migrate", "--noinput")
    site.run("createsuperuser", "--noinput")
    running = Deployment(site, directory)
    try:
        running.start()
        yield running
    finally:
        running.stop()


def _csrf_token(html):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def log_in(session, base_url):
    form = session.get(f"{base_url}/admin/login/", timeout=30)
    response = session.post(
        f"{base_url}/admin/login/",
        data={
            "username": ADMIN[0],
            "password": ADMIN[1],
            "csrfmiddlewaretoken": _csrf_token(form.text),
            "next": "/admin/",
        },
        headers={"Referer": f"{base_url}/admin/login/"},
        timeout=30,
    )
    assert response.status_code == 200 and "/admin/login/" not in response.url, response.text[:500]


def test_logged_in_through_one_app_server_stays_logged_in_through_the_other(deployment):
    session = requests.Session()
    log_in(session, deployment.app_url(0))

    dashboard = session.get(f"{deployment.app_url(1)}/admin/", timeout=30)

    assert dashboard.status_code == 200
    assert "/admin/login/" not in dashboard.url
    assert "/admin/login/" in requests.get(f"{deployment.app_url(1)}/admin/", timeout=30).url


def test_a_page_published_on_one_app_server_is_read_through_nginx(deployment):
    page_id = deployment.site.python("tests.infra.content", "draft").strip()
    page_url = f"{deployment.nginx_url}/ko/summit-notice/"
    assert requests.get(page_url, timeout=30).status_code == 404

    session = requests.Session()
    log_in(session, deployment.app_url(0))
    publish = (
        f"{deployment.app_url(0)}/admin/bulk/wagtailcore/page/publish/?id={page_id}&next=/admin/"
    )
    form = session.get(publish, timeout=30)
    response = session.post(
        publish,
        data={"csrfmiddlewaretoken": _csrf_token(form.text)},
        headers={"Referer": publish},
        timeout=30,
    )
    assert response.status_code == 200

    page = requests.get(page_url, timeout=30)
    assert page.status_code == 200
    assert "정상회의 안내" in page.text


def test_nginx_keeps_visitors_pages_a_second_and_lets_editors_through(deployment):
    home = f"{deployment.nginx_url}/en/"
    visitor = [requests.get(home, timeout=30) for _ in range(3)]
    editor = requests.Session()
    log_in(editor, deployment.nginx_url)

    assert all(response.status_code == 200 for response in visitor)
    # Whether the copy is still within its second depends on timing; that the later visitors get
    # it does not: an expired copy is still sent while the new one renders in the background.
    assert {response.headers["X-Micro-Cache"] for response in visitor[1:]} <= {
        "HIT",
        "STALE",
        "UPDATING",
    }
    assert editor.get(home, timeout=30).headers["X-Micro-Cache"] == "BYPASS"
    # A form sets its CSRF cookie: never kept, whoever asks.
    forms = [requests.get(f"{deployment.nginx_url}/admin/login/", timeout=30) for _ in range(2)]
    assert [form.headers["X-Micro-Cache"] for form in forms] == ["MISS", "MISS"]


def test_an_image_uploaded_through_one_app_server_is_seen_from_the_other(deployment):
    session = requests.Session()
    log_in(session, deployment.app_url(0))
    add = f"{deployment.app_url(0)}/admin/images/add/"
    buffer = io.BytesIO()
    PILImage.new("RGB", (300, 200), "#2458a6").save(buffer, "PNG")
    response = session.post(
        add,
        data={
            "title": "서울 정상회의 포스터",
            "collection": "1",
            "csrfmiddlewaretoken": _csrf_token(session.get(add, timeout=30).text),
        },
        files={"file": ("poster.png", buffer.getvalue(), "image/png")},
        headers={"Referer": add},
        timeout=60,
    )
    assert response.status_code == 200

    listing = session.get(f"{deployment.app_url(1)}/admin/images/?q=포스터", timeout=60)
    assert "서울 정상회의 포스터" in listing.text
    # The thumbnail the other server made lives in the bucket and is fetched from there.
    endpoint = deployment.site.settings["POLICYSHARE_S3_ENDPOINT_URL"]
    thumbnails = re.findall(rf'src="({re.escape(endpoint)}[^"]+)"', listing.text)
    assert thumbnails
    thumbnail = requests.get(thumbnails[0].replace("&amp;", "&"), timeout=30)
    assert thumbnail.status_code == 200
    assert PILImage.open(io.BytesIO(thumbnail.content)).width <= 300


def test_the_app_servers_reconnect_after_postgresql_restarts(deployment, postgresql_cluster):
    for index in range(2):
        assert requests.get(f"{deployment.app_url(index)}/ko/", timeout=30).status_code == 200

    postgresql_cluster.stop()
    postgresql_cluster.start()

    # A new query string each time: the page cache would otherwise answer without the database.
    for attempt in range(3):
        for index in range(2):
            url = f"{deployment.app_url(index)}/ko/?after-restart={attempt}"
            assert requests.get(url, timeout=30).status_code == 200
    assert requests.get(f"{deployment.nginx_url}/readyz", timeout=30).status_code == 200


def test_nginx_keeps_serving_when_an_app_server_is_killed(deployment):
    deployment.kill_app_server(0)

    statuses = [
        requests.get(f"{deployment.nginx_url}/ko/", timeout=30).status_code for _ in range(10)
    ]

    assert statuses == [200] * 10


def test_the_shipped_nginx_template_names_only_known_variables():
    names = set(re.findall(r"\$\{(\w+)\}", NGINX_TEMPLATE.read_text()))
    rendered = render_nginx_site([8001, 8002], 80, Path("/dev/null"), Path("/tmp/cache"))
    assert names and "${" not in rendered
