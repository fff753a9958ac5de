"""Email over TLS: STARTTLS (the default) and implicit TLS, with the certificate checked.

`smtp_send` trusts what the system trusts (`ssl.create_default_context()`); the tests make
their throwaway certificate trusted through `SSL_CERT_FILE`, as an operator's own CA would be.
"""

from __future__ import annotations

import os
import shutil
import smtplib
import ssl
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from backend.notifications.email import Letter, compose, smtp_send
from backend.settings import Settings, load_settings
from tests.notifications.servers import SmtpServer

LETTER = Letter(to="li@czj.gov.test", subject="新案件", text="请签收", link="https://x.test/c/1")
SENDER = "intake@hongqiao.test"
REQUIRED = os.environ.get("INTAKE_TEST_REQUIRE_NGINX", "").strip() in {"1", "true", "yes"}


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 made by openssl (CI installs it)."""
    openssl = shutil.which("openssl")
    if openssl is None:
        missing = "openssl is not installed: no certificate for the TLS mail server"
        if REQUIRED:
            pytest.fail(f"CI needs openssl: {missing}")
        pytest.skip(missing)
    folder = tmp_path_factory.mktemp("smtp-tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"]
        + ["-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"]
        + ["-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
    )
    return cert, key


@pytest.fixture
def trusted(certificate: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> Path:
    """The certificate is trusted by the sending side (as the operator's CA would be)."""
    monkeypatch.setenv("SSL_CERT_FILE", str(certificate[0]))
    return certificate[0]


def server_context(certificate: tuple[Path, Path]) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(str(certificate[0]), str(certificate[1]))
    return context


def running(server: SmtpServer) -> Iterator[SmtpServer]:
    server.start()
    try:
        yield server
    finally:
        server.stop()


def settings_for(server: SmtpServer, security: str, *, login: bool = True) -> Settings:
    return load_settings(
        smtp_host="127.0.0.1",
        smtp_port=server.port,
        smtp_security=security,
        smtp_from=SENDER,
        smtp_user="intake" if login else None,
        smtp_password="right password" if login else None,
    )


@pytest.fixture
def starttls_server(certificate: tuple[Path, Path]) -> Iterator[SmtpServer]:
    yield from running(
        SmtpServer(login=("intake", "right password"), tls=server_context(certificate))
    )


def test_starttls_is_the_default_and_the_login_and_mail_go_over_it(
    starttls_server: SmtpServer, trusted: Path
) -> None:
    settings = settings_for(starttls_server, "starttls")
    assert Settings.model_fields["smtp_security"].default == "starttls"

    smtp_send(settings, compose(LETTER, sender=SENDER))

    # The server refuses AUTH and MAIL before STARTTLS: both having worked proves TLS.
    assert starttls_server.logins == ["intake"]
    (mail,) = starttls_server.mails
    assert mail.subject == "新案件" and "https://x.test/c/1" in mail.part("plain")


def test_a_certificate_the_system_does_not_trust_is_refused_and_nothing_is_sent(
    starttls_server: SmtpServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    empty = tmp_path / "no-authorities.pem"
    empty.write_text("")
    monkeypatch.setenv("SSL_CERT_FILE", str(empty))
    monkeypatch.setenv("SSL_CERT_DIR", str(tmp_path))

    with pytest.raises(ssl.SSLCertVerificationError):
        smtp_send(settings_for(starttls_server, "starttls"), compose(LETTER, sender=SENDER))

    assert starttls_server.mails == [] and starttls_server.logins == []


def test_a_server_that_offers_no_starttls_gets_no_password_and_no_mail(trusted: Path) -> None:
    for server in running(SmtpServer()):  # plain SMTP only: no STARTTLS in its EHLO
        with pytest.raises(smtplib.SMTPNotSupportedError):
            smtp_send(settings_for(server, "starttls"), compose(LETTER, sender=SENDER))
        assert server.mails == []


def test_implicit_tls_sends_over_tls_from_the_first_byte(
    certificate: tuple[Path, Path], trusted: Path
) -> None:
    tls = server_context(certificate)
    for server in running(
        SmtpServer(login=("intake", "right password"), tls=tls, implicit_tls=True)
    ):
        smtp_send(settings_for(server, "tls"), compose(LETTER, sender=SENDER))
        assert server.logins == ["intake"]
        assert [mail.subject for mail in server.mails] == ["新案件"]
