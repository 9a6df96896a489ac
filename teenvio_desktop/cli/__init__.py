"""The command line, on top of core."""
