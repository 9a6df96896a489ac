"""The frozen executable's entry point (the same as the ``teenvio-desktop`` console script)."""

import multiprocessing

from teenvio_desktop.cli.main import main

if __name__ == "__main__":
    # A frozen app that ever starts a multiprocessing child must handle it here first.
    multiprocessing.freeze_support()
    raise SystemExit(main())
