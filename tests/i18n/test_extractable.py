"""Every translated string in app/ must be visible to lupdate, or it can never be translated.

lupdate only sees literals inside tr(), QCoreApplication.translate() and the QT_*_NOOP
markers. A helper like `def _t(text): return translate("Errors", text)` compiles and runs, but
its strings never reach the .ts files, so they stay English in every language. Passing a
variable is fine only for strings marked elsewhere with QT_TRANSLATE_NOOP / QT_TR_NOOP.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return ""


def _is_str(node: ast.expr | None) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def _plural_problem(call: ast.Call, name: str) -> str:
    """What pyside6-lupdate 6.12 does wrong with the count argument (seen in its output):
    QCoreApplication.translate(ctx, text, disambiguation, n) loses the message altogether when
    n is an expression (int(x), self.count), and never marks it plural unless n is a literal;
    `n=` as a keyword is not seen either. self.tr(text, disambiguation, n) works with any n."""
    source = call.args[1] if name == "translate" and len(call.args) >= 2 else None
    if name == "tr" and call.args:
        source = call.args[0]
    if source is None or not _is_str(source):
        return ""
    if any(k.arg == "n" for k in call.keywords) and "%n" in source.value:
        return "plural count passed as n=, which lupdate does not see (pass it by position)"
    if name != "translate" or len(call.args) < 4:
        return ""
    count = call.args[3]
    if isinstance(count, ast.Constant):
        return ""
    if not isinstance(count, ast.Name):
        return "lupdate drops translate() messages whose count is an expression"
    if "%n" in source.value:
        return "lupdate does not mark translate(..., n) as plural: call self.tr(text, '', n) in a QObject method"
    return ""


def invisible_translations(path: Path, root: Path = ROOT) -> list[str]:
    """Calls in one file whose source text lupdate cannot read (file:line: call)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call)]
    # Contexts with strings marked for later translation (QT_TRANSLATE_NOOP("Ctx", "...")).
    marked = {
        c.args[0].value
        for c in calls
        if _name(c.func) == "QT_TRANSLATE_NOOP" and c.args and _is_str(c.args[0])
    }
    tr_marked = any(_name(c.func) == "QT_TR_NOOP" for c in calls)
    bad = []
    for call in calls:
        name = _name(call.func)
        problem = _plural_problem(call, name)
        if problem:
            bad.append(
                f"{path.relative_to(root)}:{call.lineno}: {problem}: {ast.unparse(call)[:70]}"
            )
            continue
        if name == "translate" and len(call.args) >= 2:
            context, source = call.args[0], call.args[1]
            if _is_str(source):
                continue
            if _is_str(context) and context.value in marked:
                continue
        elif name == "tr" and isinstance(call.func, ast.Attribute) and call.args:
            if _is_str(call.args[0]) or tr_marked:
                continue
        else:
            continue
        rel = path.relative_to(root)
        bad.append(f"{rel}:{call.lineno}: {ast.unparse(call)[:80]}")
    return bad


def test_detector_flags_a_wrapper_and_accepts_the_real_patterns(tmp_path):
    sample = tmp_path / "sample.py"
    code = (
        "from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP\n"
        "def _t(text):\n"
        "    return QCoreApplication.translate('Errors', text)\n"
        "NAMES = [QT_TRANSLATE_NOOP('Kinds', 'Video')]\n"
        "def ok(self, kind, items):\n"
        "    return self.tr('Hello'), QCoreApplication.translate('Kinds', kind), self.tr(\n"
        "        '%n file(s)', '', len(items))\n"
        "def plural(count):\n"
        "    return QCoreApplication.translate('S', '%n x', '', count)\n"
        "def dropped(items):\n"
        "    return QCoreApplication.translate('S', 'Total %1', '', len(items))\n"
    )
    sample.write_text(code)
    found = invisible_translations(sample, tmp_path)
    assert [f.split(":")[1] for f in found] == ["3", "9", "11"], found
    assert "plural" in found[1] and "drops" in found[2]


def test_every_translated_string_is_visible_to_lupdate():
    bad = []
    for path in sorted((ROOT / "app").rglob("*.py")):
        bad += invisible_translations(path)
    assert not bad, (
        "lupdate cannot extract these (write the literal inside translate()/tr(), or mark it "
        "with QT_TRANSLATE_NOOP(context, text)):\n" + "\n".join(bad)
    )
