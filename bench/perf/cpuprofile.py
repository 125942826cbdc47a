# SPDX-License-Identifier: EUPL-1.2
"""Profile one request of each benchmark page, in-process: CPU time, queries and where it goes.

The same personas and pages as `make bench` (bench/perf/personas.py). Per page: the CPU time of
one request (best of ROUNDS, after a warm-up), its queries, and with --top N the N functions
with the highest cumulative time under cProfile. Figures in CPU time are what contention on a
shared machine distorts least (docs/scaling.md).

    DATABASE_URL=postgres://…/raadsloket_bench_… .venv/bin/python bench/perf/cpuprofile.py \\
        [--top 25] [--only "start griffie"] [--json var/bench/profile.json]
"""

import argparse
import cProfile
import io
import json
import os
import pstats
import sys
import time
from pathlib import Path

import django

ROUNDS = 5


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=0, help="print the N costliest functions")
    parser.add_argument("--only", action="append", default=[], help="only this page (repeatable)")
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    args = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "raadsloket.settings")
    os.environ.setdefault("BENCH_FLOOR", "true")
    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    sys.path.insert(0, str(Path(__file__).parent))
    from personas import choose

    about, endpoints = choose()
    print(f"{about['municipality']}: {about['municipality_cases']} verzoeken")
    print(f"{'pagina':<24} {'CPU ms':>8} {'wand ms':>8} {'queries':>7}")
    rows = []
    for name, kind, person, url in endpoints:
        if args.only and name not in args.only:
            continue
        client = Client()
        if person is not None:
            client.force_login(person)
        client.get(url)  # warm-up: caches, lazily built indexes, imported templates
        best_cpu = best_wall = float("inf")
        for _ in range(ROUNDS):
            cpu, wall = time.process_time(), time.perf_counter()
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
            best_cpu = min(best_cpu, time.process_time() - cpu)
            best_wall = min(best_wall, time.perf_counter() - wall)
            # A copy: the next request's request_started signal empties the query log.
            captured = list(queries.captured_queries)
        if response.status_code != 200:
            sys.exit(f"{name}: {url} gaf {response.status_code} in plaats van 200.")
        row = {
            "name": name,
            "kind": kind,
            "url": url,
            "cpu_ms": round(1000 * best_cpu, 2),
            "wall_ms": round(1000 * best_wall, 2),
            "queries": len(captured),
        }
        rows.append(row)
        print(
            f"{name:<24} {row['cpu_ms']:>8.1f} {row['wall_ms']:>8.1f} {row['queries']:>7}".replace(
                ".", ","
            ),
            flush=True,
        )
        if args.top:
            profiler = cProfile.Profile()
            profiler.enable()
            client.get(url)
            profiler.disable()
            out = io.StringIO()
            pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(args.top)
            print(out.getvalue())
            if len(args.only) == 1:
                for query in captured:
                    print(f"  {query['time']}s {query['sql'][:160]}")
    if args.json:
        args.json.write_text(json.dumps({**about, "pages": rows}, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
