"""The site runs under the strict Content-Security-Policy the shipped server configs send.

Every page is opened, every calculator started and brought to a result (with its charts), and
the browser's ``securitypolicyviolation`` events are collected: there must be none. Judged on
every server from its walk (tests/support/walk.py).
"""

from __future__ import annotations

from sitebuild.policy import CONTENT_SECURITY_POLICY
from tests.support.browser import recorded_page
from tests.support.servers import EVERY_SERVER, RunningServers
from tests.support.walk import EVERY_WALK, WALKING, Walked, Walks


@WALKING
@EVERY_WALK
def test_no_page_violates_the_policy(walks: Walks, walked: Walked) -> None:
    walk = walks.of(walked)
    assert walk.found(lambda record: record.violations) == {}


@WALKING
@EVERY_WALK
def test_every_calculator_and_the_server_check_finish_under_the_policy(
    walks: Walks, walked: Walked
) -> None:
    """A calculator that gives no result (or a self-check that never ends) would also leave
    the code the policy could refuse unexercised."""
    assert walks.of(walked).found(lambda record: record.failed) == {}


@EVERY_SERVER
def test_pages_are_served_with_the_policy(browser, servers: RunningServers, server: str) -> None:
    with recorded_page(browser, servers.url(server)) as visit:
        response = visit.page.goto(visit.base_url)
        assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
