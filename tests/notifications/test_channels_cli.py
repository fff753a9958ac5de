"""`intake users email` and `intake units robot-*`, and the INTAKE_SMTP_* settings."""

from __future__ import annotations

import pytest

from backend.bootstrap import Container
from backend.errors import ConfigError
from backend.settings import Settings, load_settings
from tests.cli.test_cli import intake
from tests.notifications.servers import RobotServer, SmtpServer
from tests.staff_accounts import staff_with_password


def _smtp_env(smtp: SmtpServer) -> dict[str, str]:
    return {
        "INTAKE_SMTP_HOST": "127.0.0.1",
        "INTAKE_SMTP_PORT": str(smtp.port),
        "INTAKE_SMTP_SECURITY": "none",
        "INTAKE_SMTP_FROM": "intake@hongqiao.test",
        "INTAKE_PUBLIC_URL": "https://intake.hongqiao.test",
    }


def test_users_email_sends_the_test_message_and_refuses_a_bad_address(
    settings: Settings, container: Container, smtp: SmtpServer
) -> None:
    staff_with_password(container, login="li", role="clerk", department="czj", password=None)
    done = intake(settings, "users", "email", "li", "li@czj.gov.test", **_smtp_env(smtp))
    assert done.returncode == 0, done.stderr
    assert "test message sent to li@czj.gov.test" in done.stdout
    (mail,) = smtp.to("li@czj.gov.test")
    assert "https://intake.hongqiao.test/console/channels/verify/" in mail.part("plain")
    bad = intake(settings, "users", "email", "li", "li at czj", **_smtp_env(smtp))
    assert (bad.returncode, bad.stderr.strip()) == (1, "intake: Not an email address: li at czj")
    removed = intake(settings, "users", "email-remove", "li")
    assert removed.returncode == 0, removed.stderr
    again = intake(settings, "users", "email-remove", "li")
    assert again.stderr.strip() == "intake: The account has no email address"


def test_units_robot_add_tests_the_robot_and_lists_it(
    settings: Settings, container: Container, robots: RobotServer
) -> None:
    added = intake(settings, "units", "robot-add", "czj", "wecom", robots.url("/wecom/czj"))
    assert added.returncode == 0, added.stderr
    assert "took the test message and is in use" in added.stdout
    assert robots.bodies("/wecom/czj")[0]["text"]["content"].startswith("【测试】czj")
    listed = intake(settings, "units", "robots", "czj")
    assert listed.stdout.split("\t")[:4] == ["1", "czj", "wecom", "active"]
    robots.script["/dingtalk/czj"] = [(200, {"errcode": 310000, "errmsg": "sign not match"})]
    failed = intake(
        settings, "units", "robot-add", "czj", "dingtalk", robots.url("/dingtalk/czj"),
        "--secret", "SECwrong",
    )  # fmt: skip
    assert failed.returncode == 1
    assert "did not take the test message: error 310000: sign not match" in failed.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("xyz", "slack", "https://x.test/h"), "The robot kind must be wecom, dingtalk, feishu"),
        (("czj", "wecom", "ftp://x.test/h"), "A robot's address must start with https://"),
        (("nowhere", "wecom", "https://x.test/h"), "No such unit: nowhere"),
    ],
)
def test_units_robot_add_refuses_bad_input_in_one_line(
    settings: Settings, container: Container, args: tuple[str, ...], message: str
) -> None:
    done = intake(settings, "units", "robot-add", *args)
    assert done.returncode == 1 and done.stderr.startswith(f"intake: {message}")


def test_smtp_settings_are_checked_at_start() -> None:
    with pytest.raises(ConfigError, match="INTAKE_SMTP_HOST needs INTAKE_SMTP_FROM"):
        load_settings(smtp_host="smtp.example.test")
    with pytest.raises(ConfigError, match="INTAKE_SMTP_FROM"):
        load_settings(smtp_host="smtp.example.test", smtp_from="not an address")
    with pytest.raises(ConfigError, match="go together"):
        load_settings(smtp_host="smtp.example.test", smtp_from="a@b.test", smtp_user="u")
    with pytest.raises(ConfigError, match="in clear"):
        load_settings(
            env="production",
            secret_key="x" * 40,
            smtp_host="smtp.example.test",
            smtp_from="a@b.test",
            smtp_user="u",
            smtp_password="p",
            smtp_security="none",
        )
    with pytest.raises(ConfigError, match="INTAKE_PUBLIC_URL"):
        load_settings(public_url="intake.example.test")
    with pytest.raises(ConfigError, match="INTAKE_SMTP_SECURITY"):
        load_settings(smtp_security="ssl")
    assert load_settings(smtp_host="smtp.example.test", smtp_from="a@b.test").smtp_port == 587


def test_a_bad_smtp_setting_stops_the_command_line_with_one_line(settings: Settings) -> None:
    done = intake(settings, "units", "robots", INTAKE_SMTP_HOST="smtp.example.test")
    assert done.returncode == 2
    assert "INTAKE_SMTP_HOST needs INTAKE_SMTP_FROM" in done.stderr.strip().splitlines()[-1]
