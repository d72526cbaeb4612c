"""The fuzz harness runs briefly in CI (FUZZ_EXAMPLES to change how long)."""

import os

from tests.reliability.fuzz_parsers import fuzz


def test_the_parsers_survive_a_brief_fuzzing_run() -> None:
    wanted = int(os.environ.get("FUZZ_EXAMPLES", "1000"))
    assert fuzz(wanted) >= wanted // 2
