"""A local, faithful emulator of the Teenvio SMTP-API and the TEA Lite REST API. Qt-free.

Modules (each one job): ``config`` (SandboxConfig, SandboxInfo), ``server`` (start_sandbox,
RunningSandbox: the loop thread and test hooks), ``embedded`` (what ``--sandbox`` and the
self-test start), ``smtp_server`` (aiosmtpd with the seed's replies), ``mime_intake``
(DATA -> campaign), ``rest_api`` / ``rest_params`` (TEA Lite on aiohttp.web),
``service`` (accepting and planning), ``simulation`` (seeded outcomes), ``faults``,
``storage`` (its own SQLite file), ``tls`` (its CA), ``records`` (what tests read back),
``openapi.json`` (the TEA Lite description it serves at ``/openapi.json``).
See ``server`` for how SMTP campaigns map to TEA Lite's statistics.
"""
