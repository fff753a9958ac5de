"""The files in deploy/ are what they say: compose parses with every service checked, and
nginx accepts the site file (with its proxy settings) when nginx is installed."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.deploy.nginx import REQUIRED, http_block_top, nginx_binary
from tests.durability.server_process import REPO

DEPLOY = REPO / "deploy"


def test_compose_runs_nginx_instances_schedulers_postgres_and_a_one_shot_migration() -> None:
    compose = yaml.safe_load((DEPLOY / "compose.yaml").read_text())
    services = compose["services"]

    assert set(services) == {"db", "migrate", "app", "scheduler", "nginx"}
    assert services["nginx"]["image"].startswith("nginx:")
    assert services["db"]["volumes"] == ["pgdata:/var/lib/postgresql/data"]
    assert services["migrate"]["command"] == ["intake", "db", "upgrade"]
    assert "--no-scheduler" in services["app"]["command"]
    assert services["app"]["deploy"]["replicas"] >= 2
    assert services["scheduler"]["command"] == ["intake", "scheduler"]
    assert {name for name, s in services.items() if "healthcheck" in s} == {
        "db",
        "app",
        "scheduler",
        "nginx",
    }
    assert "/api/v1/ready" in " ".join(services["app"]["healthcheck"]["test"])
    for name in ("app", "scheduler"):
        assert services[name]["depends_on"] == {
            "migrate": {"condition": "service_completed_successfully"}
        }


def test_the_systemd_units_run_instances_without_the_scheduler_and_one_scheduler() -> None:
    instance = (DEPLOY / "intake@.service").read_text()
    scheduler = (DEPLOY / "intake-scheduler.service").read_text()

    assert "intake run --host 127.0.0.1 --port %i --no-scheduler" in instance
    assert "ExecStart=/opt/intake/venv/bin/intake scheduler" in scheduler
    assert "intake db upgrade" in (DEPLOY / "intake-migrate.service").read_text()


def test_the_images_default_command_hands_pid_1_to_intake_run_so_docker_stop_reaches_it() -> None:
    # `sh -c "a && b"` keeps sh as PID 1, which does not pass SIGTERM on: `docker stop` then
    # killed the process after its grace period, without the app's shutdown.
    [command] = [
        line for line in (DEPLOY / "Dockerfile").read_text().splitlines() if line.startswith("CMD")
    ]
    shell = yaml.safe_load(command.removeprefix("CMD"))  # the JSON form: a list

    assert shell[:2] == ["sh", "-c"]
    assert shell[2].endswith("&& exec intake run --host 0.0.0.0 --port 8000")


def test_the_proxy_lets_through_an_upload_the_web_chat_takes() -> None:
    from bot.webchat.files import MAX_UPLOAD_BYTES

    proxy = (DEPLOY / "nginx" / "intake-proxy.conf").read_text()
    limit = next(line for line in proxy.splitlines() if line.startswith("client_max_body_size"))
    megabytes = int(limit.split()[1].rstrip(";").removesuffix("m"))
    assert megabytes * 1024 * 1024 > MAX_UPLOAD_BYTES


@pytest.mark.parametrize("site", ["intake.conf", "compose.conf"])
def test_the_public_side_answers_metrics_with_404_itself(site: str) -> None:
    text = (DEPLOY / "nginx" / site).read_text()
    servers = text.split("listen 443")[1:] or text.split("443")[1:]
    assert servers, site
    for server in servers:
        block = server.split("location = /metrics")[1].split("}")[0]
        assert "return 404;" in block


def _certificate(folder: Path) -> tuple[Path, Path]:
    openssl = shutil.which("openssl")
    if openssl is None:
        missing = "openssl is not installed: no certificate to check the TLS server with"
        if REQUIRED:  # CI checks the site file for real, as it does nginx itself
            pytest.fail(f"INTAKE_TEST_REQUIRE_NGINX is set but {missing}")
        pytest.skip(missing)
    cert, key = folder / "fullchain.pem", folder / "privkey.pem"
    subprocess.run(
        [openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"]
        + ["-subj", "/CN=intake.test", "-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
    )
    return cert, key


def test_nginx_accepts_the_site_file_with_its_proxy_settings(tmp_path: Path) -> None:
    binary = nginx_binary()
    cert, key = _certificate(tmp_path)
    site = (
        (DEPLOY / "nginx" / "intake.conf")
        .read_text()
        .replace(
            "/etc/nginx/snippets/intake-proxy.conf", str(DEPLOY / "nginx" / "intake-proxy.conf")
        )
        .replace("/etc/ssl/intake/fullchain.pem", str(cert))
        .replace("/etc/ssl/intake/privkey.pem", str(key))
    )
    conf = tmp_path / "nginx.conf"
    conf.write_text(http_block_top(tmp_path) + site + "\n}\n")

    checked = subprocess.run(
        [binary, "-t", "-p", str(tmp_path), "-c", str(conf), "-g", f"pid {tmp_path}/nginx.pid;"],
        capture_output=True,
        text=True,
    )

    assert checked.returncode == 0, checked.stderr
    assert "test is successful" in checked.stderr
