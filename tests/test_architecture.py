"""The import graph keeps the house's shape: stages apart, nothing running back up, no loops."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "corroborate"

# Each layer may import only from the layers before it (and from itself).
LAYERS: tuple[tuple[str, ...], ...] = (
    ("corroborate.errors", "corroborate.layout", "corroborate.domain", "corroborate.settings",
     "corroborate.dates", "corroborate._version", "corroborate.filters", "corroborate.lang",
     "corroborate.clauses"),
    ("corroborate.store", "corroborate.encoder", "corroborate.ingest", "corroborate.index",
     "corroborate.origins", "corroborate.stance", "corroborate.claims", "corroborate.speakers",
     "corroborate.factcheck", "corroborate.cluster",
     "corroborate.verdict",
     "corroborate.results", "corroborate.compare"),
    ("corroborate.engine", "corroborate.assemble", "corroborate.upkeep", "corroborate.feedbook",
     "corroborate.remote"),
    ("corroborate.page", "corroborate.demo", "corroborate.cli", "corroborate.__main__",
     "corroborate.serve"),
)
STAGES = ("corroborate.ingest", "corroborate.index", "corroborate.encoder", "corroborate.store",
          "corroborate.origins", "corroborate.stance", "corroborate.factcheck",
          "corroborate.cluster")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _nodes(tree: ast.AST, runtime_only: bool) -> list[ast.AST]:
    """Every node of ``tree``; with ``runtime_only``, none under ``if TYPE_CHECKING:``."""
    out: list[ast.AST] = []
    todo = [tree]
    while todo:
        node = todo.pop()
        out.append(node)
        for child in ast.iter_child_nodes(node):
            if (
                runtime_only
                and isinstance(child, ast.If)
                and "TYPE_CHECKING" in ast.unparse(child.test)
            ):
                todo.extend(child.orelse)
                continue
            todo.append(child)
    return out


def imports_of(path: Path, runtime_only: bool = False) -> set[str]:
    """Every corroborate/research module ``path`` imports, at the top or inside a function
    (``runtime_only``: leaving out imports made for type checking only)."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in _nodes(ast.parse(path.read_text(encoding="utf-8")), runtime_only):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            found.add(target)
            found.update(f"{target}.{a.name}" for a in node.names)  # `from pkg import module`
    return {m for m in found if m.split(".")[0] in ("corroborate", "research")}


MODULES = {module_name(p): p for p in PACKAGE.rglob("*.py") if "corpus" not in p.parts}
GRAPH = {name: {m for m in imports_of(p) if m in MODULES and m != name}
         for name, p in MODULES.items()}
RUNTIME_GRAPH = {name: {m for m in imports_of(p, runtime_only=True) if m in MODULES and m != name}
                 for name, p in MODULES.items()}


def layer_of(name: str) -> int:
    for i, layer in enumerate(LAYERS):
        if any(name == top or name.startswith(top + ".") for top in layer):
            return i
    raise AssertionError(f"{name} is in no layer: add it to LAYERS")


def test_every_module_has_a_layer() -> None:
    for name in MODULES:
        if name not in ("corroborate",):
            layer_of(name)


@pytest.mark.parametrize("name", sorted(n for n in MODULES if n != "corroborate"))
def test_no_import_runs_back_up(name: str) -> None:
    """A module imports only from its own layer or below, never the package root."""
    here = layer_of(name)
    wrong = sorted(m for m in GRAPH[name] if m == "corroborate" or layer_of(m) > here)
    assert wrong == [], f"{name} imports upwards: {wrong}"


def test_stages_do_not_import_the_engine_or_the_shells() -> None:
    for name, targets in GRAPH.items():
        if name.startswith(STAGES):
            up = sorted(
                t
                for t in targets
                if t.startswith(
                    (
                        "corroborate.engine",
                        "corroborate.cli",
                        "corroborate.page",
                        "corroborate.demo",
                    )
                )
            )
            assert up == [], f"{name} imports {up}"


def test_the_library_never_imports_research_code() -> None:
    """Only the CLI may reach research/ (``eval stance --format dev``, from a source checkout)."""
    for name, path in MODULES.items():
        if not name.startswith("corroborate.cli"):
            assert not any(m.startswith("research") for m in imports_of(path)), name


def test_no_import_loops_between_modules() -> None:
    """Depth-first search for a cycle in the module import graph (function-level imports too;
    imports for type checking only cannot loop at run time and are left out)."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(RUNTIME_GRAPH[node]):
            if state.get(nxt) == 1:
                cycle = [*stack[stack.index(nxt):], nxt]
                raise AssertionError("import loop: " + " → ".join(cycle))
            if nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for node in sorted(RUNTIME_GRAPH):
        if node not in state:
            visit(node)


def test_modules_stay_under_500_lines() -> None:
    files = [*PACKAGE.rglob("*.py"), *(REPO / "research").rglob("*.py"), REPO / "app.py"]
    long = sorted(f"{p.relative_to(REPO)}: {n}" for p in files
                  if (n := len(p.read_text(encoding="utf-8").splitlines())) > 500)
    assert long == []


def test_every_module_opens_with_a_line_saying_its_job() -> None:
    files = [*PACKAGE.rglob("*.py"), *(REPO / "research").rglob("*.py")]
    missing = sorted(
        str(p.relative_to(REPO))
        for p in files
        if not (ast.get_docstring(ast.parse(p.read_text(encoding="utf-8"))) or "").strip()
    )
    assert missing == []


def test_the_wheel_carries_no_research_code() -> None:
    import tomllib

    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    include = config["tool"]["setuptools"]["packages"]["find"]["include"]
    assert include == ["corroborate*"]
