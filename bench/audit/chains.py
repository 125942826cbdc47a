# SPDX-License-Identifier: EUPL-1.2
"""Audit writes per second: writers on one municipality's chain against two chains at once.

Each writer is a thread with its own database connection that appends `case.read` events the
way a page does (audit/reads.py: one short transaction per event, in autocommit, so the head's
lock is held for one INSERT, one UPDATE and the COMMIT). Run against PostgreSQL with a database of
your own (SQLite serialises every writer on its file lock, whichever chain):

    createdb -h 127.0.0.1 -U postgres benchaudit
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/benchaudit raadsloket migrate
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/benchaudit \
        python bench/audit/chains.py --writers 4 --seconds 10

Prints events/s for: all writers on one chain (what the single national chain was), the writers
split over two municipalities, and over as many municipalities as writers. docs/scaling.md quotes
the figures.
"""

import argparse
import os
import threading
import time

import django


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--writers", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=10.0)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "raadsloket.settings")
    django.setup()

    from django.db import connection, connections

    from raadsloket.audit import chain
    from raadsloket.organisation.models import Municipality

    towns = [
        Municipality.objects.get_or_create(
            slug=f"bench-audit-{n}", defaults={"name": f"Bench audit {n}", "inhabitants": 1}
        )[0].pk
        for n in range(args.writers)
    ]

    def run(chains: int) -> float:
        counts = [0] * args.writers
        stop = time.monotonic() + args.seconds
        start = threading.Barrier(args.writers)

        def writer(index: int) -> None:
            town = towns[index % chains]
            start.wait()
            while time.monotonic() < stop:
                chain.record(
                    "case.read",
                    actor="bench",
                    municipality_id=town,
                    case_id=index,
                    detail={"sections": ["request"]},
                )
                counts[index] += 1
            connections.close_all()

        threads = [threading.Thread(target=writer, args=(i,)) for i in range(args.writers)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return sum(counts) / args.seconds

    print(f"{connection.vendor}, {args.writers} writers, {args.seconds:.0f} s each run")
    for chains in sorted({1, 2, args.writers}):
        rate = run(chains)
        print(f"  {chains} municipality chain(s): {rate:7.0f} events/s")
    for town in towns:
        assert chain.verify(town) == [], town
    print("  every chain verifies")


if __name__ == "__main__":
    main()
