# SPDX-License-Identifier: EUPL-1.2
"""The benchmark's report: a table per size, growth from the smallest to the largest size, and
the targets of docs/scaling.md. Reads var/bench/runs.json (bench/perf/run.py); writes
var/bench/results.json and the chart var/bench/p95.svg.

    .venv/bin/python bench/perf/report.py [var/bench/runs.json]
"""

import json
import sys
from pathlib import Path

from matplotlib.backends.backend_svg import FigureCanvasSVG
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

OUT = Path(__file__).resolve().parents[2] / "var" / "bench"
P95_LIMIT_MS = 50.0
GROWTH_LIMIT = 1.5
FLOOR_SHARE = 0.5
ADVISOR_LIMIT_MS = 5.0
# The instrumentenwijzer's trained model in memory, numpy's import included.
ADVISOR_LIMIT_MB = 50.0
# The pages the targets speak of: every start page and the case page.
TARGET_KINDS = ("start", "case")
COLOURS = ["#B2D7EE", "#42A5D9", "#01689B", "#00364F"]


def number(value: float, decimals: int = 1) -> str:
    """Dutch notation: 1.234,5."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def size_label(size: str) -> str:
    return f"{number(int(size), 0)} verzoeken" if size.isdigit() else f"{size}data"


def floor_of(run: dict, kind: str) -> float:
    """The throughput of a floor: "floor" (/gezond) or "floor_django" (bench/vloer); 0 if absent
    (runs made before the Django floor existed)."""
    return next((e["throughput"] for e in run["endpoints"] if e["kind"] == kind), 0.0)


def table(run: dict) -> list[str]:
    floor = floor_of(run, "floor")
    django_floor = floor_of(run, "floor_django")
    lines = [
        f"\nOmvang: {size_label(run['size'])} ({number(run['all_cases'], 0)} in de database; "
        f"gemeten in {run['municipality']} met {number(run['municipality_cases'], 0)}; "
        f"laden {number(run['load_seconds'])} s; belasting van de machine vooraf "
        f"{number(run.get('load_average', 0), 2)})",
        f"{'pagina':<24} {'aantal':>7} {'verz./s':>9} {'p50 ms':>8} {'p95 ms':>8} "
        f"{'p99 ms':>8} {'queries':>7} {'/gezond':>8} {'Django':>7}",
    ]
    for e in run["endpoints"]:
        e["floor_ratio"] = e["throughput"] / floor if floor else 0.0
        e["django_floor_ratio"] = e["throughput"] / django_floor if django_floor else 0.0
        lines.append(
            f"{e['name']:<24} {e['requests']:>7} {number(e['throughput']):>9} "
            f"{number(e['p50']):>8} {number(e['p95']):>8} {number(e['p99']):>8} {e['queries']:>7} "
            f"{number(100 * e['floor_ratio'], 0) + '%':>8} "
            f"{number(100 * e['django_floor_ratio'], 0) + '%':>7}"
        )
    return lines


def targets(runs: list[dict]) -> tuple[dict, list[dict], list[str]]:
    smallest, largest = runs[0], runs[-1]
    at = {e["name"]: e for e in largest["endpoints"]}
    first = {e["name"]: e for e in smallest["endpoints"]}
    growth = {
        name: e["p95"] / first[name]["p95"]
        for name, e in at.items()
        if name in first and first[name]["p95"] > 0
    }
    pages = [e for e in largest["endpoints"] if e["kind"] in TARGET_KINDS]
    label = size_label(largest["size"])
    results, lines = [], []

    def check(name, limit, figures, at_most, show):
        """figures: (page, value); each must be at most (or at least) the limit."""
        failed = [
            f"{page} {show(v)}" for page, v in figures if (v > limit if at_most else v < limit)
        ]
        page, value = (max if at_most else min)(figures, key=lambda f: f[1])
        results.append(
            {"target": name, "limit": limit, "met": not failed, "figures": dict(figures)}
        )
        worst = f"{'hoogste' if at_most else 'laagste'}: {page} {show(value)}"
        lines.append(
            f"{name}: niet gehaald ({', '.join(failed)})"
            if failed
            else f"{name}: gehaald ({worst})"
        )

    check(
        f"p95 startpagina's en verzoekpagina bij {label} ≤ {number(P95_LIMIT_MS, 0)} ms",
        P95_LIMIT_MS,
        [(e["name"], e["p95"]) for e in pages],
        True,
        lambda v: f"{number(v)} ms",
    )
    if len(runs) > 1:
        check(
            f"p95 bij {label} ÷ p95 bij {size_label(smallest['size'])} ≤ "
            f"{number(GROWTH_LIMIT)} (startpagina's en verzoekpagina)",
            GROWTH_LIMIT,
            [(e["name"], growth[e["name"]]) for e in pages if e["name"] in growth],
            True,
            lambda v: number(v, 2),
        )
    else:
        lines.append(f"p95-groei ≤ {number(GROWTH_LIMIT)}: niet te bepalen (één omvang gemeten)")
    # The target is against the authenticated bare-Django page (bench/vloer); the
    # share of /gezond (no session, no database) is printed in the table.
    has_django_floor = any(e["kind"] == "floor_django" for e in largest["endpoints"])
    check(
        f"doorvoer startpagina's en verzoekpagina bij {label} ≥ "
        f"{number(100 * FLOOR_SHARE, 0)}% van de "
        + ("Django-vloer (bench/vloer)" if has_django_floor else "vloer (/gezond)"),
        FLOOR_SHARE,
        [
            (e["name"], e["django_floor_ratio"] if has_django_floor else e["floor_ratio"])
            for e in pages
        ],
        False,
        lambda v: f"{number(100 * v, 0)}%",
    )
    return growth, results, lines


def chart(runs: list[dict], path: Path) -> None:
    names = [e["name"] for e in runs[0]["endpoints"]]
    figure = Figure(figsize=(10, 5))
    FigureCanvasSVG(figure)
    axes = figure.add_subplot()
    width = 0.8 / len(runs)
    highest = 0.0
    for i, run in enumerate(runs):
        p95 = {e["name"]: e["p95"] for e in run["endpoints"]}
        values = [p95.get(name, 0.0) for name in names]
        highest = max(highest, *values)
        axes.bar(
            [x + (i - (len(runs) - 1) / 2) * width for x in range(len(names))],
            values,
            width,
            label=size_label(run["size"]),
            color=COLOURS[i % len(COLOURS)],
            edgecolor="#00364F",
            linewidth=0.5,
        )
    axes.axhline(
        P95_LIMIT_MS,
        color="#D52B1E",
        linestyle="--",
        linewidth=1,
        label=f"doel: {number(P95_LIMIT_MS, 0)} ms",
    )
    if highest > 10 * P95_LIMIT_MS:
        axes.set_yscale("log")  # one slow page must not flatten all others
    axes.yaxis.set_major_formatter(FuncFormatter(lambda value, _: number(value, 0)))
    axes.set_xticks(range(len(names)), names, rotation=35, ha="right")
    axes.set_ylabel("p95-responstijd (ms)")
    axes.set_title("p95-responstijd per pagina en omvang van de gegevens")
    axes.legend()
    figure.tight_layout()
    figure.savefig(path, format="svg")


def main(source: Path) -> None:
    data = json.loads(source.read_text(encoding="utf-8"))
    runs = data["runs"]
    if not runs:
        sys.exit(f"Geen metingen in {source}.")
    m = data["machine"]
    print(
        f"\nBenchmark {m['date']}: {m['nproc']} kernen ({m['cpu']}), PostgreSQL "
        f"{m['postgresql']}; {data['workers']} gunicorn-workers (sync), "
        f"{data['connections']} verbindingen, {data['seconds']} s per pagina; "
        f"gegevens: {data['data']}"
    )
    for run in runs:
        print("\n".join(table(run)))
    growth, results, lines = targets(runs)
    if len(runs) > 1:
        print(f"\np95 bij {size_label(runs[-1]['size'])} ÷ p95 bij {size_label(runs[0]['size'])}")
        for name, ratio in growth.items():
            print(f"  {name:<24} {number(ratio, 2):>6}")
    advisor = data.get("advisor")
    if advisor:
        met = advisor["p95_ms"] <= ADVISOR_LIMIT_MS
        results.append(
            {
                "target": f"instrumentenwijzer p95 ≤ {number(ADVISOR_LIMIT_MS, 0)} ms",
                "limit": ADVISOR_LIMIT_MS,
                "met": met,
                "figures": advisor,
            }
        )
        lines.append(
            f"instrumentenwijzer ≤ {number(ADVISOR_LIMIT_MS, 0)} ms per vraag: "
            f"{'gehaald' if met else 'niet gehaald'} ({advisor['advices']} adviezen: mediaan "
            f"{number(advisor['median_ms'], 2)} ms, p95 {number(advisor['p95_ms'], 2)} ms, "
            f"hoogste {number(advisor['max_ms'], 2)} ms)"
        )
        if "model_mb" in advisor:
            fits = advisor["model_mb"] <= ADVISOR_LIMIT_MB
            results.append(
                {
                    "target": f"instrumentenwijzer geheugen ≤ {number(ADVISOR_LIMIT_MB, 0)} MB",
                    "limit": ADVISOR_LIMIT_MB,
                    "met": fits,
                    "figures": advisor,
                }
            )
            lines.append(
                f"instrumentenwijzer ≤ {number(ADVISOR_LIMIT_MB, 0)} MB geheugen: "
                f"{'gehaald' if fits else 'niet gehaald'} ({number(advisor['model_mb'], 1)} MB "
                f"na het trainen, hoogste {number(advisor['peak_mb'], 1)} MB tijdens het trainen, "
                f"CPU p95 {number(advisor['cpu_p95_ms'], 2)} ms per vraag)"
            )
    print("\nDoelen (docs/scaling.md):")
    for line in lines:
        print(f"  {line}")
    chart(runs, OUT / "p95.svg")
    (OUT / "results.json").write_text(
        json.dumps(
            {**data, "growth_p95": growth, "targets": results}, indent=1, ensure_ascii=False
        ),
        encoding="utf-8",
    )
    print(f"\nCijfers: {OUT / 'results.json'}; grafiek: {OUT / 'p95.svg'}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT / "runs.json")
