"""The signing secret kept in the data folder when INTAKE_SECRET_KEY is unset."""

from __future__ import annotations

import stat
import threading
from pathlib import Path

import pytest

from backend.errors import ConfigError
from backend.secret_key import SECRET_FILE, kept_secret, signing_secret
from backend.settings import MIN_SECRET_LENGTH, load_settings


def test_an_unset_secret_is_generated_once_private_and_kept(tmp_path: Path) -> None:
    settings = load_settings(_env_file=None, env="test", data_dir=tmp_path / "var")

    first = signing_secret(settings).get_secret_value()
    again = signing_secret(settings).get_secret_value()

    path = tmp_path / "var" / SECRET_FILE
    assert first == again == path.read_text().strip()
    assert len(first) >= MIN_SECRET_LENGTH
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in path.parent.iterdir()] == [SECRET_FILE]  # no temporary left


def test_two_processes_starting_together_agree_on_one_secret(tmp_path: Path) -> None:
    path = tmp_path / "var" / SECRET_FILE
    barrier = threading.Barrier(12)
    seen: list[str] = []

    def start() -> None:
        barrier.wait()
        seen.append(kept_secret(path).get_secret_value())

    threads = [threading.Thread(target=start) for _ in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert len(seen) == 12 and len(set(seen)) == 1
    assert seen[0] == path.read_text().strip()


def test_a_configured_secret_wins_and_nothing_is_written(tmp_path: Path) -> None:
    real = "r" * 16 + "S3cr3t" * 4
    settings = load_settings(_env_file=None, secret_key=real, data_dir=tmp_path / "var")

    assert signing_secret(settings).get_secret_value() == real
    assert not (tmp_path / "var").exists()


@pytest.mark.parametrize("content", ["", "change-me\n", "short\n"])
def test_an_unusable_kept_secret_stops_start_up_with_one_line(
    tmp_path: Path, content: str
) -> None:
    path = tmp_path / SECRET_FILE
    path.write_text(content)

    with pytest.raises(ConfigError) as caught:
        kept_secret(path)
    assert "remove the file" in str(caught.value) and "\n" not in str(caught.value)
