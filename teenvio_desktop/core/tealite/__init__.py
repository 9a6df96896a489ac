"""Client side of the TEA Lite REST API (seed: tea-lite-rest-api.txt)."""
