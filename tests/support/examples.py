# SPDX-License-Identifier: EUPL-1.2
"""Hypothesis profiles: few examples in `make test`, the full count in `make test-nightly`.

`tests/conftest.py` registers and loads the profile named by HYPOTHESIS_PROFILE (default
"fast"). A test that sets its own `max_examples` writes the full count through `examples()`,
which scales it by the loaded profile: "nightly" runs exactly the count written in the test,
"fast" a quarter of it (at least `FLOOR`). A test without its own count gets the profile's
`max_examples`: 25 on "fast", Hypothesis' usual 100 on "nightly".
"""

import math
import os

from hypothesis import settings

FAST = "fast"
NIGHTLY = "nightly"
# The count that `examples(n)` returns n for; the fast profile's share of it.
FULL_EXAMPLES = 100
FAST_EXAMPLES = 25
FLOOR = 3

settings.register_profile(FAST, max_examples=FAST_EXAMPLES)
settings.register_profile(NIGHTLY, max_examples=FULL_EXAMPLES)


def load() -> str:
    """Load the profile named by HYPOTHESIS_PROFILE; refuse an unknown name loudly."""
    name = os.environ.get("HYPOTHESIS_PROFILE", FAST)
    if name not in (FAST, NIGHTLY):
        raise ValueError(f"HYPOTHESIS_PROFILE={name!r}: kies {FAST!r} of {NIGHTLY!r}")
    settings.load_profile(name)
    return name


def examples(full: int) -> int:
    """The examples to run of a test whose full (nightly) count is `full`."""
    share = settings.default.max_examples / FULL_EXAMPLES
    if share >= 1:
        return full
    return min(full, max(FLOOR, math.ceil(full * share)))
