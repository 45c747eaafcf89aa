"""The scripts that rebuild committed tables reproduce them exactly."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT, shared_file


def test_scripts_import_petrarch_reproduces_the_committed_tables() -> None:
    shared_file("reference/petrarch2/CAMEO.2.0.txt")
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "import_petrarch.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_scripts_import_petrarch_says_what_it_needs(tmp_path: Path) -> None:
    script = ROOT / "scripts" / "import_petrarch.py"
    result = subprocess.run(
        [sys.executable, str(script), "--source", str(tmp_path), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "needs the PETRARCH2 dictionaries" in result.stderr and "CAMEO.2.0.txt" in result.stderr
