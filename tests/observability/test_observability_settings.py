"""The settings of metrics and logs: refused with one readable line when wrong."""

from __future__ import annotations

from ipaddress import ip_network

import pytest

from backend.errors import ConfigError
from backend.settings import load_settings


def test_metrics_are_for_the_machine_itself_unless_networks_are_named() -> None:
    assert load_settings().metrics_networks == [
        ip_network("127.0.0.0/8"),
        ip_network("::1/128"),
    ]
    assert load_settings(metrics_networks="10.0.0.0/8, 192.168.1.7").metrics_networks == [
        ip_network("10.0.0.0/8"),
        ip_network("192.168.1.7/32"),
    ]


def test_a_network_list_that_is_not_one_is_refused_naming_the_setting() -> None:
    with pytest.raises(ConfigError, match="INTAKE_METRICS_NETWORKS: is not a comma-separated"):
        load_settings(metrics_networks="intranet")


@pytest.mark.parametrize(
    ("token", "reason"), [("change-me", "placeholder"), ("short-token", "too short")]
)
def test_a_guessable_metrics_token_is_refused(token: str, reason: str) -> None:
    with pytest.raises(ConfigError, match=f"INTAKE_METRICS_TOKEN: is .*{reason}"):
        load_settings(metrics_token=token)


def test_a_blank_metrics_token_means_none() -> None:
    assert load_settings(metrics_token="  ").metrics_token is None


def test_an_unknown_log_format_is_refused() -> None:
    with pytest.raises(ConfigError, match="INTAKE_LOG_FORMAT"):
        load_settings(log_format="xml")
