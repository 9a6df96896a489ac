"""Allows ``python -m teenvio_desktop``."""

from teenvio_desktop.cli.main import main

raise SystemExit(main())
