# SPDX-License-Identifier: EUPL-1.2
"""`make bench`: response times of the main pages as the data grows.

For each size in BENCH_SIZES: generate a national data set in the benchmark database, VACUUM
ANALYZE, start gunicorn, log in one persona per role and measure each page with wrk; then
bench/perf/report.py prints the table and checks the issue's targets.

    make bench [BENCH_SIZES="10000 100000 1000000"] [BENCH_SECONDS=10] [BENCH_DATA=generate|demo]

Without `raadsloket generate` (or with BENCH_DATA=demo) it measures the demo data once.
Never run against anything but a database whose name contains "bench": it is wiped.
"""

import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from datetime import datetime
from pathlib import Path
from typing import NoReturn
from urllib.parse import urlsplit

import psycopg
from psycopg import sql

ROOT = Path(__file__).resolve().parents[2]
BIN = ROOT / ".venv" / "bin"
HERE = ROOT / "bench" / "perf"
OUT = ROOT / "var" / "bench"
# BENCH_PORT: another port when 8002 is taken (two benchmarks on one machine).
PORT = int(os.environ.get("BENCH_PORT", "8002"))
BASE = f"http://127.0.0.1:{PORT}"
CORES = len(os.sched_getaffinity(0))
WORKERS = CONNECTIONS = 2 * CORES
DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/raadsloket_bench"


def fail(message: str) -> NoReturn:
    print(f"BENCHMARK MISLUKT: {message}", file=sys.stderr)
    sys.exit(1)


def database(size: str) -> str:
    """The benchmark database's URL; created when missing, refused unless named for benching.

    "{size}" in BENCH_DATABASE_URL is replaced by the size: one database per size, which
    BENCH_KEEP=true then measures again without generating it anew.
    """
    url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE).replace("{size}", size)
    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    if "bench" not in name:
        fail(
            f"'{name}' is geen benchmarkdatabase (de naam moet 'bench' bevatten): "
            "die wordt leeggemaakt."
        )
    create(url)
    return url


def _server(url: str) -> str:
    return urlsplit(url)._replace(path="/postgres").geturl()


def create(url: str, *, anew: bool = False) -> None:
    """Create the benchmark database when missing; with `anew`, drop it first.

    Emptying it by dropping it: `raadsloket flush` truncates the audit events, which the
    append-only trigger refuses (audit migration 0005), and a benchmark database is wiped anyway.
    """
    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    try:
        with psycopg.connect(_server(url), autocommit=True) as db:
            if anew:
                db.execute(
                    sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
                )
            if not db.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
                db.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
                print(f"Database {name} aangemaakt.")
    except psycopg.OperationalError as error:
        fail(f"PostgreSQL niet bereikbaar op {parts.hostname}:{parts.port or 5432} ({error}).")


def data_mode() -> str:
    mode = os.environ.get("BENCH_DATA", "")
    if mode not in ("", "generate", "demo"):
        fail(f"BENCH_DATA moet 'generate' of 'demo' zijn, niet '{mode}'.")
    has_generate = (
        subprocess.run([BIN / "raadsloket", "help", "generate"], capture_output=True).returncode
        == 0
    )
    if mode == "generate" and not has_generate:
        fail("het commando 'raadsloket generate' bestaat (nog) niet; gebruik BENCH_DATA=demo.")
    if not mode and not has_generate:
        print("Let op: 'raadsloket generate' bestaat (nog) niet; gemeten wordt de demodata.")
    return mode or ("generate" if has_generate else "demo")


def sizes(mode: str) -> list[str]:
    if mode == "demo":
        return ["demo"]
    chosen = os.environ.get("BENCH_SIZES", "").split() or ["10000", "100000", "1000000"]
    if not all(size.isdigit() and int(size) > 0 for size in chosen):
        fail(f"BENCH_SIZES moet uit positieve gehele getallen bestaan, niet {chosen}.")
    return chosen


def raadsloket(*args: str) -> None:
    if subprocess.run([BIN / "raadsloket", *args]).returncode != 0:
        fail(f"'raadsloket {' '.join(args)}' mislukte.")


def holds(size: str, url: str) -> bool:
    """Whether the database already holds generated data of this size (BENCH_KEEP)."""
    with psycopg.connect(url) as db:
        try:
            found = db.execute(
                "SELECT count(*), bool_and(slug LIKE 'gen-%%') FROM organisation_municipality"
            ).fetchone()
            cases = db.execute("SELECT count(*) FROM cases_case").fetchone()[0]
        except psycopg.errors.UndefinedTable:
            return False
    return size.isdigit() and found[0] == 342 and bool(found[1]) and cases == int(size)


def load(mode: str, size: str, url: str) -> float:
    """Fill the database; returns the seconds it took (0 when BENCH_KEEP found it filled)."""
    started = time.monotonic()
    keep = os.environ.get("BENCH_KEEP") == "true" and mode == "generate"
    if keep:
        raadsloket("migrate", "--noinput", "-v0")
    if keep and holds(size, url):
        print(f"Database houdt al {size} gegenereerde verzoeken: niet opnieuw geladen.")
        with psycopg.connect(url, autocommit=True) as db:
            db.execute("VACUUM ANALYZE")
        return 0.0
    # Empty first: generate refuses a database that holds the demo (or other) data.
    create(url, anew=True)
    raadsloket("migrate", "--noinput", "-v0")
    if mode == "generate":
        raadsloket(
            "generate", "--municipalities", "342", "--cases", size, "--years", "10", "--replace"
        )
    else:
        raadsloket("demo", "--force")
    seconds = time.monotonic() - started
    with psycopg.connect(url, autocommit=True) as db:
        db.execute("VACUUM ANALYZE")
    return seconds


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # a redirect (to the login page) is an answer in itself


OPENER = urllib.request.build_opener(NoRedirect)


def status(path: str, cookie: str = "") -> int:
    headers = {"Cookie": f"sessionid={cookie}"} if cookie else {}
    try:
        with OPENER.open(urllib.request.Request(BASE + path, headers=headers), timeout=60) as r:
            return r.status
    except urllib.error.HTTPError as error:
        return error.code


def check_port_free() -> None:
    try:
        status("/gezond")
    except OSError:
        return
    fail(f"poort {PORT} is al bezet; stop eerst wat daar draait.")


def start_server() -> subprocess.Popen:
    check_port_free()
    # The production config (deploy/gunicorn.conf.py), with sync workers, as many as wrk's
    # connections, so each request has a worker to itself; no access log.
    return subprocess.Popen(
        [
            BIN / "gunicorn",
            "raadsloket.wsgi",
            "-c",
            str(ROOT / "deploy" / "gunicorn.conf.py"),
            "-b",
            f"127.0.0.1:{PORT}",
            "-w",
            str(WORKERS),
            "-k",
            "sync",
            "--threads",
            "1",
            "--access-logfile",
            os.devnull,
            "--error-logfile",
            str(OUT / "gunicorn.log"),
            "--log-level",
            "warning",
        ]
    )


def wait_for(server: subprocess.Popen) -> None:
    # Wait until every worker answers: a request to a worker still importing Django is reset.
    for _ in range(120):
        if server.poll() is not None:
            fail(f"gunicorn stopte meteen; zie {OUT / 'gunicorn.log'}.")
        try:
            if all(status("/gezond") == 200 for _ in range(2 * WORKERS)):
                return
        except OSError:
            pass
        time.sleep(0.5)
    fail(f"gunicorn antwoordt niet op {BASE}/gezond; zie {OUT / 'gunicorn.log'}.")


def stop_server(server: subprocess.Popen) -> None:
    if server.poll() is None:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def wrk(endpoint: dict, seconds: int) -> dict:
    result = OUT / "wrk.json"
    command = [
        "wrk",
        "-t1",
        f"-c{CONNECTIONS}",
        f"-d{seconds}s",
        "--timeout",
        "60s",
        "--latency",
        "-s",
        str(HERE / "latency.lua"),
    ]
    if endpoint["cookie"]:
        command += ["-H", f"Cookie: sessionid={endpoint['cookie']}"]
    result.unlink(missing_ok=True)
    done = subprocess.run(
        [*command, BASE + endpoint["url"]],
        capture_output=True,
        text=True,
        env={**os.environ, "BENCH_WRK_OUT": str(result)},
    )
    if done.returncode != 0 or not result.exists():
        fail(f"wrk faalde op {endpoint['url']}:\n{done.stdout}{done.stderr}")
    figures = json.loads(result.read_text())
    # wrk stops at the deadline, but the workers finish the requests then in flight; let them,
    # or a slow page's leftovers land in the next page's figures.
    time.sleep(min(figures["max"], 60_000) / 1000)
    return figures


def measure(size: str, seconds: int) -> dict:
    sessions = OUT / "sessions.json"
    if subprocess.run([BIN / "python", HERE / "personas.py", sessions]).returncode != 0:
        fail("personen kiezen en aanmelden mislukte.")
    chosen = json.loads(sessions.read_text())
    sessions.unlink()  # session keys: they live in this process only
    for endpoint in chosen["endpoints"]:
        code = status(endpoint["url"], endpoint["cookie"])
        if code != 200:
            fail(
                f"{endpoint['name']} ({endpoint['url']}, als {endpoint['person'] or 'anoniem'}) "
                f"gaf {code} in plaats van 200; bij 302 is de sessie niet geldig."
            )
    rows = []
    for endpoint in chosen["endpoints"]:
        wrk(endpoint, 2)  # warm-up
        figures = wrk(endpoint, seconds)
        print(
            f"  {endpoint['name']:<24} {figures['throughput']:8.1f} verzoeken/s  "
            f"p95 {figures['p95']:8.1f} ms  {endpoint['queries']:3d} queries".replace(".", ",")
        )
        endpoint = {k: v for k, v in endpoint.items() if k != "cookie"}
        rows.append({**endpoint, **figures})
    (OUT / "wrk.json").unlink(missing_ok=True)
    del chosen["endpoints"]
    return {**chosen, "endpoints": rows}


def machine(url: str) -> dict:
    cpuinfo = Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace")
    model = re.search(r"^model name\s*:\s*(.+)$", cpuinfo, re.MULTILINE)
    with psycopg.connect(url) as db:
        version = db.execute("SHOW server_version").fetchone()[0]
    return {
        "nproc": CORES,
        "cpu": model.group(1).strip() if model else "onbekend",
        "postgresql": version,
        "date": datetime.now().astimezone().isoformat(timespec="seconds"),
    }


def main() -> None:
    os.chdir(ROOT)
    OUT.mkdir(parents=True, exist_ok=True)
    # SIGTERM (and SIGHUP) end the run like Ctrl-C does: through `finally`, which stops gunicorn.
    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, lambda number, frame: sys.exit(128 + number))
    check_port_free()
    url = database((os.environ.get("BENCH_SIZES") or "10000").split()[0])
    os.environ.pop("DEBUG", None)
    os.environ.update(
        DATABASE_URL=url,
        # The bare-Django floor (raadsloket.web.bench_floor), allowed on a bench database only.
        BENCH_FLOOR="true",
        SECRET_KEY=os.environ.get("SECRET_KEY") or "bench-secret-key-not-for-production",
        ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        TWO_FACTOR_REQUIRED="false",
        TASKS_IMMEDIATE="true",
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        # wrk searches as one persona far above a person's 30 a minute (SECURITY.md).
        SEARCHES_PER_MINUTE="1000000",
    )
    mode = data_mode()
    text = os.environ.get("BENCH_SECONDS") or "10"
    if not text.isdigit() or int(text) < 1:
        fail(f"BENCH_SECONDS moet een positief geheel getal zijn, niet '{text}'.")
    seconds = int(text)
    results = {
        "machine": machine(url),
        "data": mode,
        "seconds": seconds,
        "workers": WORKERS,
        "connections": CONNECTIONS,
        "runs": [],
    }
    advised = subprocess.run([BIN / "python", HERE / "advisor.py"], capture_output=True, text=True)
    if advised.returncode != 0:
        fail(f"de instrumentenwijzer meten mislukte:\n{advised.stderr}")
    results["advisor"] = json.loads(advised.stdout)
    for size in sizes(mode):
        url = database(size)
        os.environ["DATABASE_URL"] = url
        print(f"== omvang {size}: gegevens laden ({urlsplit(url).path.lstrip('/')}) ==", flush=True)
        load_seconds = load(mode, size, url)
        print(
            f"== omvang {size}: meten ({seconds} s per pagina, {CONNECTIONS} verbindingen, "
            f"{WORKERS} gunicorn-workers) ==",
            flush=True,
        )
        server = start_server()
        try:
            wait_for(server)
            # Other work on the machine skews every figure: the report shows the load average.
            load_average = os.getloadavg()[0]
            run = measure(size, seconds)
        finally:
            stop_server(server)
        results["runs"].append(
            {
                "size": size,
                "load_seconds": round(load_seconds, 1),
                "load_average": load_average,
                **run,
            }
        )
        (OUT / "runs.json").write_text(json.dumps(results, indent=1), encoding="utf-8")
        failed = [e["name"] for e in run["endpoints"] if any(e["errors"].values())]
        if failed:
            subprocess.run([BIN / "python", HERE / "report.py"])
            fail(
                f"fouten of antwoorden met status 400 of hoger bij omvang {size}: "
                f"{', '.join(failed)} (zie {OUT / 'runs.json'})."
            )
    sys.exit(subprocess.run([BIN / "python", HERE / "report.py"]).returncode)


if __name__ == "__main__":
    main()
