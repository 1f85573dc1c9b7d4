"""Runtime continuity: Material for MkDocs announces its end of life for May 2027 and pins MkDocs
below 2. ProperDocs, a maintained drop-in fork of MkDocs 1.6, builds the same mkdocs.yml with the
same hooks into the same pages."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import BUILD_EPOCH, ROOT


def test_properdocs_builds_the_same_pages(site, tmp_path):
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT / "hooks"), "SOURCE_DATE_EPOCH": str(BUILD_EPOCH)}
    result = subprocess.run([sys.executable, "-m", "properdocs", "build", "--strict", "--config-file", str(ROOT / "mkdocs.yml"),
                             "--site-dir", str(tmp_path / "site")], capture_output=True, text=True, env=env, timeout=600)
    assert result.returncode == 0, result.stderr
    built = sorted(path.relative_to(tmp_path / "site").as_posix() for path in (tmp_path / "site").rglob("*") if path.is_file()
                   and "/pagefind/" not in f"/{path.relative_to(tmp_path / 'site').as_posix()}")
    expected = sorted(path.relative_to(site.root).as_posix() for path in site.root.rglob("*") if path.is_file()
                      and "/pagefind/" not in f"/{path.relative_to(site.root).as_posix()}")
    assert built == expected
    assert (tmp_path / "site" / "pagefind" / "pagefind-entry.json").exists()  # its own search index, file names hashed
