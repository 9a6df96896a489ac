"""teenvio-desktop: compose, send and follow Teenvio email campaigns from the desktop."""

import time
from importlib.metadata import PackageNotFoundError, version

# The earliest moment our code runs: the self-test and benchmarks measure startup from here.
STARTED_AT = time.perf_counter()

try:
    __version__ = version("teenvio-desktop")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"

APP_NAME = "teenvio-desktop"
APP_ID = "com.teenvio.TeenvioDesktop"
