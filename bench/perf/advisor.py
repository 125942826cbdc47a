# SPDX-License-Identifier: EUPL-1.2
"""The instrumentenwijzer's time per question (target: at most 5 ms, docs/scaling.md).

Every question of the evaluation set (src/raadsloket/advisor/data/evaluation.jsonl) is
advised REPEAT times in this process, after one warm-up; prints one JSON line with the median,
95th percentile and maximum in milliseconds.
"""

import json
import os
import time
from pathlib import Path

import django

REPEAT = 5


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "raadsloket.settings")
    django.setup()
    from raadsloket.advisor import advisor

    source = Path(advisor.__file__).parent / "data" / "evaluation.jsonl"
    questions = [
        json.loads(line)["text"] for line in source.read_text("utf-8").splitlines() if line.strip()
    ]
    advisor.warm_up()
    times = []
    for _ in range(REPEAT):
        for text in questions:
            started = time.perf_counter()
            advisor.advise(text)
            times.append((time.perf_counter() - started) * 1000)
    times.sort()
    print(
        json.dumps(
            {
                "questions": len(questions),
                "advices": len(times),
                "median_ms": round(times[len(times) // 2], 3),
                "p95_ms": round(times[int(len(times) * 0.95)], 3),
                "max_ms": round(times[-1], 3),
            }
        )
    )


if __name__ == "__main__":
    main()
