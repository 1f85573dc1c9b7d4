"""The editors' preview (`make serve`): a saved data file is rebuilt into the page the browser shows,
found by the system's change notifications (portal/watching.py), and the build's own reading of
files does not set off another rebuild."""

from __future__ import annotations

import re
import subprocess
import sys
import time
import urllib.request

import yaml
from mkdocs.livereload import LiveReloadServer
from watchdog.observers.polling import PollingObserver

from conftest import ROOT, free_port
from portal import watching
from test_languages import make_trilingual

ZONE_PAGE = "/en/invest/zones/mau-zone/"


def _fetch(url: str, timeout: float = 5) -> str:
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.read().decode("utf-8")


def _epoch(page: str) -> int:
    """The build MkDocs's live-reload script in a served page belongs to."""
    match = re.search(r"livereload\((\d+),\s*\d+\)", page)
    assert match, "the served page has no live-reload script"
    return int(match.group(1))


def test_a_saved_data_file_shows_in_the_preview_and_nothing_else_rebuilds(tmp_path):
    config = make_trilingual(tmp_path)
    port = free_port()
    log = tmp_path / "serve.log"
    scratch = tmp_path / "tmp"  # where MkDocs makes the preview's site folder
    scratch.mkdir()
    env = {"NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT / "hooks"), "PATH": "/usr/bin:/bin", "TMPDIR": str(scratch)}
    with log.open("wb") as output:
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--config-file", str(config), "--dev-addr", f"127.0.0.1:{port}"],
                                  env=env, stdout=subprocess.DEVNULL, stderr=output)
    url = f"http://127.0.0.1:{port}{ZONE_PAGE}"
    try:
        page = None
        for _ in range(240):
            try:
                page = _fetch(url)
                break
            except OSError:
                time.sleep(0.5)
        assert page is not None, f"mkdocs serve did not answer:\n{log.read_text(encoding='utf-8')[-3000:]}"
        assert "North of the province" in page
        zones = tmp_path / "data" / "zones" / "mau.yml"
        records = yaml.safe_load(zones.read_text(encoding="utf-8"))
        records[0]["location"]["en"] = "North of the province, on the river"
        zones.write_text(yaml.safe_dump(records, allow_unicode=True), encoding="utf-8")
        # MkDocs answers the live-reload request once the rebuild is served: what the browser waits on.
        _fetch(f"http://127.0.0.1:{port}/livereload/{_epoch(page)}/1", timeout=120)
        page = _fetch(url)
        assert "North of the province, on the river" in page
        time.sleep(3)  # a build that started the next one by reading files would have done so by now
        assert _epoch(_fetch(url)) == _epoch(page)
        assert len(list(scratch.iterdir())) == 1
    finally:
        server.terminate()  # SIGTERM, as an editor's stop button or `docker stop` sends
        server.wait(timeout=20)
    messages = log.read_text(encoding="utf-8")
    assert messages.count("Detected file changes") == 1, messages[-3000:]
    assert "PORTAL_POLL" not in messages
    assert list(scratch.iterdir()) == [], "the preview's site folder was left behind"


def test_portal_poll_keeps_mkdocs_polling(tmp_path, monkeypatch):
    """For a site folder on a network share or a Docker mount that passes no notifications on."""
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    try:
        server.watch(str(tmp_path))
        monkeypatch.setenv("PORTAL_POLL", "1")
        watching.use_native(server)
        assert isinstance(server.observer, PollingObserver)
        monkeypatch.setenv("PORTAL_POLL", "0")
        watching.use_native(server)
        assert not isinstance(server.observer, PollingObserver)
        assert [emitter.watch.path for emitter in server.observer.emitters] == [str(tmp_path)]
    finally:
        server.server_close()
