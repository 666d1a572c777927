"""Debian's nginx and Apache httpd serving a built site under a sub-path, on 127.0.0.1.

Each server is configured with the file the guide ships for it (``deploy/nginx.conf``, the
site's own ``.htaccess``) inside a minimal main configuration, as an IT department would include
it. Both run in the foreground as children of the test run and are stopped when it leaves.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from sitebuild.static_server import serving
from tests.support.site import ROOT

NGINX = "/usr/sbin/nginx"
APACHE = "/usr/sbin/apache2"
APACHE_MODULES = "/usr/lib/apache2/modules"
SHIPPED_NGINX_PREFIX = "/kommune/samskaping/"
SHIPPED_NGINX_FOLDER = "/srv/samskaping/"
START_TIMEOUT_S = 15

NGINX_MAIN = """
daemon off;
worker_processes 1;
pid {run}/nginx.pid;
error_log {run}/error.log warn;
load_module /usr/lib/nginx/modules/ngx_http_brotli_static_module.so;
events {{ worker_connections 256; }}
http {{
    access_log off;
    client_body_temp_path {run}/body;
    proxy_temp_path {run}/proxy;
    fastcgi_temp_path {run}/fastcgi;
    uwsgi_temp_path {run}/uwsgi;
    scgi_temp_path {run}/scgi;
    server {{
        listen 127.0.0.1:{port};
        include {run}/guide.conf;
    }}
}}
"""

APACHE_MAIN = """
ServerName 127.0.0.1
Listen 127.0.0.1:{port}
PidFile {run}/httpd.pid
ErrorLog {run}/error.log
LogLevel warn
DefaultRuntimeDir {run}
Mutex file:{run} default
User www-data
Group www-data
LoadModule mpm_event_module {modules}/mod_mpm_event.so
LoadModule authz_core_module {modules}/mod_authz_core.so
LoadModule mime_module {modules}/mod_mime.so
LoadModule dir_module {modules}/mod_dir.so
LoadModule alias_module {modules}/mod_alias.so
LoadModule headers_module {modules}/mod_headers.so
LoadModule rewrite_module {modules}/mod_rewrite.so
LoadModule filter_module {modules}/mod_filter.so
LoadModule deflate_module {modules}/mod_deflate.so
# Debian's defaults, enabled on a stock install: its MIME and language table, gzip on the fly.
Include /etc/apache2/mods-available/mime.conf
Include /etc/apache2/mods-available/deflate.conf
Alias {prefix} {site}/
<Directory {site}>
    AllowOverride FileInfo Indexes
    Require all granted
</Directory>
"""


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _logs(run: Path) -> str:
    return "\n".join(path.read_text(errors="replace") for path in sorted(run.glob("*.log")))


def _wait_for(port: int, process: subprocess.Popen[bytes], run: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server stopped:\n{_logs(run)}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"the server did not answer on port {port} within {START_TIMEOUT_S} s")


def _public_copy(site: Path, scratch: Path) -> Path:
    """A copy the servers' unprivileged workers (nobody, www-data) may read."""
    copy = scratch / "site"
    shutil.copytree(site, copy)
    for path in [scratch, *copy.rglob("*"), copy]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    return copy


@contextmanager
def _running(command: list[str], port: int, run: Path) -> Iterator[None]:
    with (run / "output.log").open("wb") as output:
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT)
    try:
        _wait_for(port, process, run)
        yield
    finally:
        process.terminate()
        process.wait(timeout=START_TIMEOUT_S)


@dataclass(frozen=True)
class _Setup:
    run: Path  # the server's own folder: configuration, pid, logs
    site: Path  # the copy of the site it serves
    port: int


@contextmanager
def _serve(site: Path, prefix: str, configure: Callable[[_Setup], list[str]]) -> Iterator[str]:
    """Start the command ``configure`` returns for a fresh setup; yield the site's base URL."""
    with tempfile.TemporaryDirectory() as scratch:
        run = Path(scratch)
        setup = _Setup(run=run, site=_public_copy(site, run), port=free_port())
        with _running(configure(setup), setup.port, run):
            yield f"http://127.0.0.1:{setup.port}{prefix}"


def nginx(site: Path, prefix: str) -> AbstractContextManager[str]:
    """Serve ``site`` with nginx and ``deploy/nginx.conf`` at ``http://127.0.0.1:PORT{prefix}``."""

    def configure(setup: _Setup) -> list[str]:
        shipped = (ROOT / "deploy/nginx.conf").read_text(encoding="utf-8")
        guide = shipped.replace(SHIPPED_NGINX_PREFIX, prefix)
        guide = guide.replace(SHIPPED_NGINX_FOLDER, f"{setup.site}/")
        (setup.run / "guide.conf").write_text(guide, encoding="utf-8")
        main = setup.run / "nginx.conf"
        main.write_text(NGINX_MAIN.format(run=setup.run, port=setup.port), encoding="utf-8")
        return [NGINX, "-p", str(setup.run), "-c", str(main)]

    return _serve(site, prefix, configure)


def apache(site: Path, prefix: str) -> AbstractContextManager[str]:
    """Serve ``site`` with Apache httpd and the site's ``.htaccess`` at ``…:PORT{prefix}``."""

    def configure(setup: _Setup) -> list[str]:
        main = setup.run / "httpd.conf"
        settings = {"run": setup.run, "port": setup.port, "site": setup.site}
        main.write_text(
            APACHE_MAIN.format(**settings, modules=APACHE_MODULES, prefix=prefix),
            encoding="utf-8",
        )
        return [APACHE, "-f", str(main), "-DFOREGROUND"]

    return _serve(site, prefix, configure)


SERVERS: dict[str, Callable[[Path, str], AbstractContextManager[str]]] = {
    "test-server": serving,
    "nginx": nginx,
    "apache": apache,
}
"""Every server the browser layer and the benchmark run the site on, by name."""

READERS_SERVER = "nginx"
"""The server every browser test that does not judge a server runs on: nginx with the shipped
``deploy/nginx.conf`` is what the guide's readers meet."""


class RunningServers:
    """Each server of ``SERVERS`` started the first time a test asks for it, then kept running
    until ``stack`` closes: tests on one server share it, and one nobody asks for never starts."""

    def __init__(self, site: Path, prefix: str, stack: ExitStack) -> None:
        self._site = site
        self._prefix = prefix
        self._stack = stack
        self._urls: dict[str, str] = {}

    def url(self, name: str) -> str:
        """The site's base URL on the server called ``name``."""
        if name not in self._urls:
            self._urls[name] = self._stack.enter_context(SERVERS[name](self._site, self._prefix))
        return self._urls[name]


EVERY_SERVER = pytest.mark.parametrize(
    "server", [pytest.param(name, marks=pytest.mark.xdist_group(name)) for name in SERVERS]
)
"""For a test that judges what a server sends: it runs once per server, named by ``server``.

The tests of one server run in one process when the suite runs in several (``--dist
loadgroup``), so that each server starts, and its site is walked, once."""
