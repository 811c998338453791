from __future__ import annotations

from pathlib import Path

import pytest

from tests.fuzz.base import make_base


@pytest.fixture(scope="module")
def base_register(tmp_path_factory) -> Path:
    return make_base(tmp_path_factory.mktemp("基准"))
