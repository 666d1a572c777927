"""Every server sends every file of the site as the readers' server does.

The readers' server (nginx) is where every page is walked in the browser, and where every request
a page makes is shown to name a file of the site (test_offline.py). So when another server sends
each of those files with the same status, the same bytes and the same headers a browser acts on,
each page gets the same answers there and does the same: the walk's judgements hold on it too.
The browser still opens there the pages where a server matters most (tests/support/walk.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.served import Server, site_paths
from tests.support.servers import READERS_SERVER, SERVERS, RunningServers

OK = 200


@pytest.mark.parametrize(
    "server",
    [
        pytest.param(name, marks=pytest.mark.xdist_group(name))
        for name in SERVERS
        if name != READERS_SERVER
    ],
)
def test_every_file_is_served_as_the_readers_server_serves_it(
    site: Path, servers: RunningServers, server: str
) -> None:
    readers, other = Server(servers.url(READERS_SERVER)), Server(servers.url(server))
    differences = {}
    try:
        for path in site_paths(site):
            expected, got = readers.get(path), other.get(path)
            assert expected.status == OK, f"{READERS_SERVER} answers {expected.status} for {path}"
            if got.status != expected.status:
                differences[path] = f"status {got.status}"
            elif got.body != expected.body:
                differences[path] = "other bytes"
            elif got.headers != expected.headers:
                differences[path] = f"headers {got.headers} (not {expected.headers})"
    finally:
        readers.close()
        other.close()
    assert differences == {}
