"""What several test directories share: campaigns, servers, waiting helpers.

``smtp``: SMTP test servers and sample campaigns; ``outbox``: TEA Lite campaigns and
recipients; ``sandbox``: clients for the running sandbox; ``stats_sandbox`` and
``fake_tealite``: statistics fixtures; ``compose``: waiting on the composer and its preview.
"""
