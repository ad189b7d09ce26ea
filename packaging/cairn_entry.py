"""PyInstaller's entry script: the bundled `cairn` program (window, or sub-commands with args).

Kept outside app/ so that PyInstaller analyses app.launcher as a normal import.
"""

import multiprocessing
import sys

from app.launcher import main

if __name__ == "__main__":
    # Child processes (document parsers) re-run this executable; in a frozen app they must be
    # recognised before anything else happens (required on Windows and macOS, harmless on Linux).
    multiprocessing.freeze_support()
    sys.exit(main())
