"""``teenvio-desktop account``: add, list, test, set the default and remove accounts.

Secrets never come from arguments (they would show in the process list and the shell
history): ``add`` reads the SMTP password and then the TEA Lite token from stdin, one per
line, or from ``TEENVIO_PASSWORD`` / ``TEENVIO_TOKEN``, and stores them in the keyring.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from collections.abc import Callable
from email.utils import parseaddr
from typing import Any

from teenvio_desktop.cli.common import EXIT_FAILURE, EXIT_OK, EXIT_USAGE, CliRuntime
from teenvio_desktop.core.accounts import (
    Account,
    NamedAddress,
    RestConnection,
    SecretKind,
    SmtpConnection,
    account_repository,
    default_security,
    env_overrides,
    secret_store,
)
from teenvio_desktop.core.accounts.probe import test_connection
from teenvio_desktop.core.errors import TeenvioError
from teenvio_desktop.core.tasks import CancelToken, no_progress


def register(subparsers: Any, add_common: Callable[[argparse.ArgumentParser], None]) -> None:
    parser = subparsers.add_parser(
        "account",
        help="manage Teenvio accounts (secrets are kept in the system keyring)",
        description="Manage Teenvio accounts. Passwords and tokens are stored only in the "
        "system keyring.",
    )
    add_common(parser)
    actions = parser.add_subparsers(dest="account_action", metavar="ACTION", required=True)

    add = actions.add_parser(
        "add",
        help="add an account",
        description="Add an account. The SMTP password and then the TEA Lite token are read "
        "from stdin, one per line (or from TEENVIO_PASSWORD / TEENVIO_TOKEN).",
    )
    add_common(add)
    add.add_argument("name", metavar="NAME")
    smtp = add.add_argument_group("SMTP-API")
    smtp.add_argument("--smtp-host", metavar="H", help="host from Configuration → APIs")
    smtp.add_argument(
        "--smtp-port",
        type=int,
        metavar="P",
        help="46500 (TLS), 58700 (STARTTLS), 2500 (deprecated)",
    )
    smtp.add_argument("--security", choices=("tls", "starttls", "none"))
    smtp.add_argument("--user", metavar="U", help="usuario.nombredeplan")
    rest = add.add_argument_group("TEA Lite REST API")
    rest.add_argument("--api", metavar="URL", help="base URL of the TEA Lite API")
    rest.add_argument("--source-system", metavar="ID")
    add.add_argument("--cafile", metavar="PEM", help="trust only this CA file")
    add.add_argument(
        "--sender", action="append", default=[], metavar="ADDR", help='"Name <addr>" or addr'
    )
    add.add_argument("--reply-to", action="append", default=[], metavar="ADDR")
    add.add_argument("--default", action="store_true", help="make it the default account")
    add.add_argument("--replace", action="store_true", help="replace an existing account")
    add.set_defaults(handler=run_add)

    listing = actions.add_parser("list", help="list the accounts")
    add_common(listing)
    listing.add_argument("--json", action="store_true", help="machine-readable output")
    listing.set_defaults(handler=run_list)

    test = actions.add_parser("test", help="test an account's connections (changes nothing)")
    add_common(test)
    test.add_argument("name", metavar="NAME")
    test.set_defaults(handler=run_test)

    default = actions.add_parser("default", help="make an account the default")
    add_common(default)
    default.add_argument("name", metavar="NAME")
    default.set_defaults(handler=run_default)

    remove = actions.add_parser("remove", help="remove an account and its keyring entries")
    add_common(remove)
    remove.add_argument("name", metavar="NAME")
    remove.set_defaults(handler=run_remove)


def _addresses(values: list[str]) -> tuple[NamedAddress, ...]:
    parsed = []
    for value in values:
        name, address = parseaddr(value)
        parsed.append(NamedAddress(address or value, name))
    return tuple(parsed)


def _read_secret(runtime: CliRuntime, prompt: str) -> str:
    """One line from stdin (a prompt without echo when it is a terminal)."""
    if sys.stdin.isatty():
        return getpass.getpass(runtime.tr(prompt))
    return sys.stdin.readline().rstrip("\r\n")


def run_add(runtime: CliRuntime) -> int:
    args = runtime.args
    smtp = None
    if args.smtp_host or args.smtp_port or args.user or args.security:
        if not (args.smtp_host and args.user):
            print(runtime.tr("--smtp-host and --user are both needed for SMTP."), file=sys.stderr)
            return EXIT_USAGE
        port = args.smtp_port or 46500
        smtp = SmtpConnection(
            args.smtp_host, port, args.security or default_security(port), args.user
        )
    rest = None
    if args.api or args.source_system:
        if not (args.api and args.source_system):
            print(runtime.tr("--api and --source-system are both needed."), file=sys.stderr)
            return EXIT_USAGE
        rest = RestConnection(args.api, args.source_system)
    account = Account(
        args.name,
        smtp=smtp,
        rest=rest,
        ca_file=args.cafile,
        senders=_addresses(args.sender),
        reply_tos=_addresses(args.reply_to),
        is_default=args.default,
    )
    try:
        account = account.validate()
        if account.smtp is not None and account.smtp.deprecated:
            print(
                runtime.tr("Note: Teenvio marks port 2500 as deprecated; prefer 58700 or 46500."),
                file=sys.stderr,
            )
        password, token = env_overrides()
        if account.smtp is not None and not password:
            password = _read_secret(runtime, "SMTP password: ")
        if account.rest is not None and not token:
            token = _read_secret(runtime, "TEA Lite token: ")
        if (account.smtp is not None and not password) or (account.rest is not None and not token):
            print(
                runtime.tr(
                    "The password and/or token are missing: give them on stdin, one per line "
                    "(password first), or in TEENVIO_PASSWORD / TEENVIO_TOKEN."
                ),
                file=sys.stderr,
            )
            return EXIT_USAGE
        context = runtime.context()
        repo = account_repository(context)
        existing = repo.find(account.name) if args.replace else None
        if existing is not None and not existing.is_sandbox:
            account = repo.update(existing.name, account)
        else:
            account = repo.add(account)
    except TeenvioError as exc:
        runtime.report_error(exc)
        return EXIT_FAILURE
    store = secret_store(context)
    problems = []
    if password:
        problems.append(store.set(account.name, SecretKind.SMTP_PASSWORD, password))
    if token:
        problems.append(store.set(account.name, SecretKind.TEALITE_TOKEN, token))
    problem = next((p for p in problems if p is not None), None)
    if problem is not None:
        runtime.report_error(problem)
        print(
            runtime.tr(
                "The account was saved without its secrets. Once the keyring works, run "
                "“account add NAME --replace” again, or set TEENVIO_PASSWORD / TEENVIO_TOKEN "
                "for each command."
            ),
            file=sys.stderr,
        )
        return EXIT_FAILURE
    print(runtime.tr("Account “{name}” saved.").format(name=account.name))
    return EXIT_OK


def _describe(account: Account) -> dict[str, Any]:
    smtp, rest = account.smtp, account.rest
    return {
        "name": account.name,
        "default": account.is_default,
        "sandbox": account.is_sandbox,
        "smtp": None
        if smtp is None
        else {
            "host": smtp.host,
            "port": smtp.port,
            "security": smtp.security,
            "user": smtp.user,
            "deprecated_port": smtp.deprecated,
        },
        "rest": None
        if rest is None
        else {"base_url": rest.base_url, "source_system": rest.source_system},
        "ca_file": account.ca_file,
        "senders": [s.formatted() for s in account.senders],
        "reply_tos": [s.formatted() for s in account.reply_tos],
    }


def run_list(runtime: CliRuntime) -> int:
    accounts = account_repository(runtime.context()).list()
    if runtime.args.json:
        print(json.dumps([_describe(a) for a in accounts], ensure_ascii=False, indent=2))
        return EXIT_OK
    if not accounts:
        print(runtime.tr("No accounts yet. Add one with “teenvio-desktop account add”."))
    for account in accounts:
        marker = "*" if account.is_default else " "
        parts = [f"{marker} {account.name}"]
        if account.smtp is not None:
            smtp = account.smtp
            deprecated = runtime.tr(" (deprecated port)") if smtp.deprecated else ""
            parts.append(f"smtp={smtp.user}@{smtp.host}:{smtp.port}/{smtp.security}{deprecated}")
        if account.rest is not None:
            parts.append(f"api={account.rest.base_url} source={account.rest.source_system}")
        if account.senders:
            parts.append("senders=" + ", ".join(s.formatted() for s in account.senders))
        print("  ".join(parts))
    return EXIT_OK


def run_test(runtime: CliRuntime) -> int:
    context = runtime.context()
    try:
        account = account_repository(context).get(runtime.args.name)
    except TeenvioError as exc:
        runtime.report_error(exc)
        return EXIT_FAILURE
    store = secret_store(context)
    password, token = env_overrides()
    if password:
        store.set_session_only(account.name, SecretKind.SMTP_PASSWORD, password)
    if token:
        store.set_session_only(account.name, SecretKind.TEALITE_TOKEN, token)
    report = test_connection(account, store, no_progress, CancelToken())
    labels = {"smtp": runtime.tr("SMTP-API"), "rest": runtime.tr("TEA Lite")}
    for check in report.checks:
        if check.error is None:
            print(runtime.tr("{transport}: OK").format(transport=labels[check.transport]))
        else:
            print(runtime.tr("{transport}: FAILED").format(transport=labels[check.transport]))
            runtime.report_error(check.error)
    return EXIT_OK if report.ok else EXIT_FAILURE


def run_default(runtime: CliRuntime) -> int:
    try:
        account_repository(runtime.context()).set_default(runtime.args.name)
    except TeenvioError as exc:
        runtime.report_error(exc)
        return EXIT_FAILURE
    return EXIT_OK


def run_remove(runtime: CliRuntime) -> int:
    context = runtime.context()
    try:
        account = account_repository(context).get(runtime.args.name)
        account_repository(context).remove(account.name)
    except TeenvioError as exc:
        runtime.report_error(exc)
        return EXIT_FAILURE
    problem = secret_store(context).delete_account(account.name)
    if problem is not None:
        runtime.report_error(problem)
        return EXIT_FAILURE
    print(runtime.tr("Account “{name}” and its keyring entries removed.").format(name=account.name))
    return EXIT_OK
