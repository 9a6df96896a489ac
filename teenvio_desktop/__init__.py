"""teenvio-desktop: compose, send and follow Teenvio email campaigns from the desktop."""

import time

# The earliest moment our code runs: the self-test and benchmarks measure startup from here.
STARTED_AT = time.perf_counter()

# Written here and in pyproject.toml (tests/test_packaging.py checks they agree): asking
# importlib.metadata at every start cost --version about a third of its time.
__version__ = "0.1.0"

APP_NAME = "teenvio-desktop"
APP_ID = "com.teenvio.TeenvioDesktop"
