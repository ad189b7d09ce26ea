"""Builds the window's Backend: the real model opener, the document library and the jobs.

The one place where the widgets' seams (app/seams.py) meet the modules that reach the engines
(app/engine_open.py, app/jobs.py, app/doc_library.py). app/main.py and the tests call it; no
widget imports it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from inference.paths import DataDirs

from .doc_library import DocLibrary
from .engine_open import StateOptions, opener_for, probe_server
from .jobs import job_for
from .seams import COLLECTION, Backend, Opener


def make_backend(
    dirs: DataDirs,
    *,
    opener: Opener | None = None,
    state: StateOptions = StateOptions(),
    offline_only: Callable[[], bool] | None = None,
) -> Backend:
    """The backend over `dirs`; `opener` replaces the real engines (GUI tests' fake engine);
    `state`: the engines' checkpoint settings (Settings.state_options); `offline_only()` true
    refuses servers' models (the setting, read when one is opened)."""
    library = DocLibrary(dirs.docs_db, dirs.models)
    return Backend(
        opener=opener or opener_for(dirs.models, state, offline_only),
        library=library,
        job_for=functools.partial(job_for, docs=(library, COLLECTION)),
        probe=probe_server,
    )
