"""The benchmark scripts still start after code moves: each answers --help, and each that reaches
research/ puts the repository root on its path first (they run as ``python bench/NAME.py``)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SCRIPTS = sorted(p for p in (REPO / "bench").glob("*.py") if p.name != "__init__.py")


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_a_bench_script_answers_help(script: Path) -> None:
    run = subprocess.run([sys.executable, str(script), "--help"], cwd=REPO / "bench",
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    assert "usage:" in run.stdout


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_a_bench_script_reaching_research_puts_the_repository_on_its_path(script: Path) -> None:
    tree = ast.parse(script.read_text(encoding="utf-8"))
    imports = {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    imports |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    if any(m == "research" or m.startswith("research.") for m in imports):
        assert "sys.path.insert(0, str(REPO))" in script.read_text(encoding="utf-8")
