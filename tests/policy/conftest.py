# SPDX-License-Identifier: EUPL-1.2
from pathlib import Path

import pytest


@pytest.fixture
def write_toml(tmp_path: Path):
    """Write a profile file as a griffier would and return its path."""

    def write(text: str, name: str = "profiel.toml") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write
