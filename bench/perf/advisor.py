# SPDX-License-Identifier: EUPL-1.2
"""The instrumentenwijzer's time per question and memory (targets: p95 <= 5 ms, <= 50 MB).

Memory: the resident set size before numpy and the advisor are imported, after the import, and
after `warm_up()` has trained the model; "model_mb" is the last minus the first, so it includes
what numpy adds at import. "peak_mb" is the high-water mark while training (ru_maxrss) minus the
first. Time: the training at first use, and every question of the evaluation set and of
real.jsonl advised REPEAT times after the warm-up, in wall-clock and in CPU time; prints one
JSON line.

    PYTHONPATH=src .venv/bin/python bench/perf/advisor.py
"""

import json
import os
import resource
import sys
import time
from pathlib import Path

import django

REPEAT = 5


def _rss_mb() -> float:
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "raadsloket.settings")
    django.setup()
    already = "numpy" in sys.modules
    before = _rss_mb()
    from raadsloket.advisor import advisor

    imported = _rss_mb()
    started = time.perf_counter()
    cpu = time.process_time()
    advisor.warm_up()
    training_s = time.perf_counter() - started
    training_cpu_s = time.process_time() - cpu
    loaded = _rss_mb()
    peak = _peak_mb()

    data = Path(advisor.__file__).parent / "data"
    questions = [
        json.loads(line)["text"]
        for name in ("evaluation.jsonl", "real.jsonl")
        if (data / name).exists()
        for line in (data / name).read_text("utf-8").splitlines()
        if line.strip()
    ]
    times, cpu_times = [], []
    for _ in range(REPEAT):
        for text in questions:
            started, cpu = time.perf_counter(), time.thread_time()
            advisor.advise(text)
            times.append((time.perf_counter() - started) * 1000)
            cpu_times.append((time.thread_time() - cpu) * 1000)
    times.sort()
    cpu_times.sort()
    trained = advisor._model()
    print(
        json.dumps(
            {
                "questions": len(questions),
                "advices": len(times),
                "median_ms": round(times[len(times) // 2], 3),
                "p95_ms": round(times[int(len(times) * 0.95)], 3),
                "max_ms": round(times[-1], 3),
                # CPU time of this thread only: on a busy machine the wall clock also counts
                # the time the process waits for a core.
                "cpu_median_ms": round(cpu_times[len(cpu_times) // 2], 3),
                "cpu_p95_ms": round(cpu_times[int(len(cpu_times) * 0.95)], 3),
                "training_s": round(training_s, 2),
                "training_cpu_s": round(training_cpu_s, 2),
                "features": len(trained.columns),
                "weights_mb": round(trained.nbytes() / 2**20, 2),
                "numpy_imported_before": already,
                "import_mb": round(imported - before, 1),
                "model_mb": round(loaded - before, 1),
                "peak_mb": round(peak - before, 1),
            }
        )
    )


if __name__ == "__main__":
    main()
