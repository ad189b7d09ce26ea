"""The layering is machine-checked: inference/ never imports Qt or app/, widgets never reach
engines (not even through another module), inference/ is in layers (pyproject.toml), and no two
modules of inference/ or app/ import each other, directly or round a loop."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parent.parent


def test_import_contracts_kept():
    exe = shutil.which("lint-imports") or str(Path(sys.executable).parent / "lint-imports")
    proc = subprocess.run([exe], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "0 broken" in proc.stdout
    assert "layers" in (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert "allow_indirect_imports" not in (ROOT / "pyproject.toml").read_text(encoding="utf-8")


def import_cycles(graph: grimp.ImportGraph) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative), each given
    as one concrete loop through its modules, plus modules importing themselves."""
    modules = sorted(graph.modules)
    edges = {m: sorted(graph.find_modules_directly_imported_by(m)) for m in modules}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    components: list[list[str]] = []
    counter = 0
    for root in modules:
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            node, i = work.pop()
            if i == 0:
                index[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            targets = edges.get(node, [])
            if i < len(targets):
                work.append((node, i + 1))
                nxt = targets[i]
                if nxt not in index:
                    work.append((nxt, 0))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    m = stack.pop()
                    on_stack.discard(m)
                    component.append(m)
                    if m == node:
                        break
                if len(component) > 1 or node in edges.get(node, []):
                    components.append(component)
    return [_loop(graph, sorted(c)) for c in components]


def _loop(graph: grimp.ImportGraph, component: list[str]) -> list[str]:
    """One import loop through the component's first module: a -> ... -> a."""
    start = component[0]
    for nxt in sorted(graph.find_modules_directly_imported_by(start)):
        if nxt in component:
            back = graph.find_shortest_chain(importer=nxt, imported=start) or (nxt, start)
            return [start, *back]
    return [start, start]


def test_no_import_cycle_in_inference_or_app():
    graph = grimp.build_graph("inference", "app")
    cycles = import_cycles(graph)
    assert not cycles, "import cycles:\n" + "\n".join(" -> ".join(c) for c in cycles)


def test_a_cycle_is_found(tmp_path, monkeypatch):
    """The check above can fail: two modules importing each other (lazily, inside a function,
    as the cycles this test guards against did) are reported as a loop."""
    pkg = tmp_path / "cyclepkg"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "low.py").write_text("def f():\n    from . import high\n")
    (pkg / "high.py").write_text("from . import low\n")
    (pkg / "other.py").write_text("from . import low\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    cycles = import_cycles(grimp.build_graph("cyclepkg", cache_dir=None))
    assert cycles == [["cyclepkg.high", "cyclepkg.low", "cyclepkg.high"]]
