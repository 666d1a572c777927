"""The last build steps that make ``site/`` ready for any plain web server.

Order matters: the server configuration files are copied in, then every servable file is listed
(``site-files.json``), the service worker is written from that list, and last the compressed
copies are made (they are not listed: a server sends them in place of the original).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from sitebuild.manifest import write_manifest
from sitebuild.offline import write_service_worker
from sitebuild.precompress import precompress

DEPLOY_DIR = Path(__file__).resolve().parent.parent / "deploy"
SHIPPED_CONFIGS = {"apache.htaccess": ".htaccess", "iis.web.config": "web.config"}
"""Configuration files that work from inside the site's folder (Apache, IIS), by target name."""


def finish_site(site: Path, pyodide_dir: str, offline: bool) -> None:
    for source, target in SHIPPED_CONFIGS.items():
        shutil.copyfile(DEPLOY_DIR / source, site / target)
    manifest = write_manifest(site, pyodide_dir)
    write_service_worker(site, manifest, offline)
    precompress(site)
