"""A local, faithful emulator of the Teenvio SMTP-API and the TEA Lite REST API. Qt-free.

Modules (each one job): ``config`` (SandboxConfig, SandboxInfo), ``server`` (start_sandbox,
RunningSandbox: the loop thread and test hooks), ``embedded`` (what ``--sandbox`` and the
self-test start), ``smtp_server`` (aiosmtpd with the seed's replies), ``mime_intake``
(DATA -> campaign), ``rest_api`` / ``rest_params`` (TEA Lite on aiohttp.web),
``service`` (accepting and planning), ``simulation`` (seeded outcomes), ``faults``,
``storage`` (its own SQLite file), ``tls`` (its CA), ``records`` (what tests read back),
``openapi.json`` (the TEA Lite description it serves at ``/openapi.json``).
See ``server`` for how SMTP campaigns map to TEA Lite's statistics.

Faithful where the seeds speak (every request example of both documents is accepted as
written: ``tests/sandbox/test_sandbox_seed_examples.py`` replays them), lenient where they
are silent. What it does that the seeds do **not** promise (clients must not rely on it;
the strict peer in ``tests/peers/`` does none of it):

TEA Lite
  * Deduplication: a second ``POST /send`` (or ``/sendWithAttachment``) with a
    ``(sourceSystem, outboundId)`` already stored answers ``202`` with the first
    ``messageId`` and stores nothing.
  * ``messageId`` values are consecutive integers (as strings), shared with SMTP messages.
  * Paging: /bounces, /responses and /interactions answer a JSON array of at most
    ``page_size`` entries (100; ``--page-size``), ``page`` from 0, ``[]`` past the end;
    /unsubscribe answers ``{page, lastPage, unsubscribes}`` with ``page`` from 1. Entries
    come in event-time order.
  * Windows are inclusive. /bounces and /responses require one (their examples give one);
    /interactions without a window (its examples give none) reads the last 30 days up to
    now, and a missing bound alone defaults the same way; /unsubscribe without a window
    reads everything. ``tz`` takes an IANA name, ``UTC``/``GMT`` or an offset (``-06:00``).
  * /responses lists deliveries (``"type": "Delivered"``, ``"errorCode": "250"``) next to
    Hard and Soft bounces; ``type=open|click`` is read in any case; the ``Basic`` scheme
    too.
  * Validation texts follow the seed's example: 500 ``El <atributo> es requerido`` or
    ``... no es válido`` (a line break in a one-line attribute, a malformed address, a
    malformed ``sendAt``, a body that is not a JSON object).
  * Simulated outcomes: each accepted message gets a seeded plan (delivery or bounce,
    opens, clicks of its links, unsubscribes) whose events become visible once their time
    has passed (``time_scale`` speeds simulated time up). Recipients whose local part
    starts with ``hard-bounce``, ``soft-bounce``, ``clicker``, ``unsubscribe`` or ``silent``
    force that outcome.
  * Injected faults: ``fail_rate`` (400 Retriable, nothing done), ``drop_rate`` (the call
    is processed, then the connection is closed before the answer), ``latency_ms``.
  * ``/openapi.json`` and ``/files/<id>/<name>`` (hosted attachments and images) need no
    token.

SMTP-API
  * The plain port announces ``STARTTLS`` and refuses AUTH before it (``530 5.7.0 Must
    issue a STARTTLS command first``); the implicit-TLS port speaks the seed's transcript.
  * Commands, parameters and the AUTH mechanism in any case; bare-LF line ends accepted.
  * The seed's DATA as printed (header lines that lost their indentation, delimiter lines
    without the leading ``--``) is repaired, not refused (``mime_intake``).
  * A DATA with only the ending dot imports the recipients as a contact group (``250 OK``);
    a Reply-To that is not a validated sender is ``500 Internal error - ...``.
  * Unknown commands ``500 5.5.1 Invalid command``; VRFY/EXPN ``551 Invalid command``.
  * Injected faults: ``451`` for DATA (nothing stored); a dropped connection after the
    campaign was stored.
"""
