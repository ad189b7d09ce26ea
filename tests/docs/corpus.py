"""A small corpus in every supported format with facts on known pages (tests and bench)."""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

from tests.docs import docs_fixtures as F


@dataclass(frozen=True)
class Fact:
    query: str
    file: str
    page: int | None
    needle: str  # a phrase the right chunk contains


FACTS = (
    Fact("who painted the lighthouse tower crimson", "atlas.pdf", 3, "Adelina Vorster"),
    Fact("volcanic observatory seismograph Kettleby", "atlas.pdf", 5, "Kettleby"),
    Fact("annual budget of the Quokka project", "plan.docx", 2, "42 million"),
    Fact("migration of the saffron finches", "plan.docx", 3, "saffron finches"),
    Fact("pelican eats sardines", "notes_utf16.txt", None, "pelican"),
    Fact("how to install frobnicate", "guide.md", None, "frobnicate"),
    Fact("axolotl regrows limbs", "fauna.html", None, "axolotl"),
    Fact("café crème brûlée recipe nutmeg", "menu_cp1252.txt", None, "nutmeg"),
)


def build_corpus(folder: Path, seed: int = 7) -> Path:
    """Write one document per format into `folder` (facts as in FACTS) and return it."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    pages = [F.filler(rng, 260) for _ in range(6)]
    pages[2] += " The lighthouse keeper Adelina Vorster painted the tower crimson in 1911."
    pages[4] = (
        F.filler(rng, 80)
        + " The volcanic observatory at Kettleby keeps a seismograph running. "
        + F.filler(rng, 80)
    )
    F.write_pdf(folder / "atlas.pdf", pages)
    F.write_docx(
        folder / "plan.docx",
        [
            ("Introduction", [F.filler(rng, 120)]),
            ("Budget", ["The annual budget for the Quokka project is 42 million dollars."]),
            ("Birds", [F.filler(rng, 60), "The migration of the saffron finches starts in May."]),
        ],
        page_breaks=True,
    )
    (folder / "notes_utf16.txt").write_bytes(
        ("Field notes.\n\nThe pelican eats sardines at dawn.\n\n" + F.filler(rng, 40)).encode(
            "utf-16"
        )
    )
    (folder / "guide.md").write_text(
        "# Guide\n\nIntro text about the tool.\n\n## Install\n\nRun the installer named "
        "frobnicate from the downloads folder.\n\n## Usage\n\n" + F.filler(rng, 60) + "\n",
        encoding="utf-8",
    )
    (folder / "fauna.html").write_text(
        "<html><head><title>Fauna</title><style>p{color:red}</style>"
        "<script>var hidden = 'scriptword';</script></head><body><h1>Amphibians</h1>"
        "<p>The axolotl regrows limbs.</p><h2>Other</h2><p>"
        + F.filler(rng, 40)
        + "</p></body></html>",
        encoding="utf-8",
    )
    (folder / "menu_cp1252.txt").write_bytes(
        "Menu du café.\n\nLa crème brûlée est parfumée à la muscade (nutmeg), servie tiède. "
        "Prix : 7 €. Le gâteau « maison » est offert.\n".encode("cp1252")
    )
    (folder / "chine_gbk.txt").write_bytes(
        (
            "第一章 概述\n\n北京是中国的首都。量子计算机的研究在合肥的实验室进行，"
            "研究人员每天记录实验数据，并与其他城市的团队交流结果。\n"
        ).encode("gbk")
    )
    return folder
