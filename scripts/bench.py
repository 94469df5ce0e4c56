"""`make bench`: every public page type at the large data set, against the stylesheet.

1. Builds the bench database (never the demo one): var/bench.sqlite3, or with a
   PostgreSQL DATABASE_URL the database of the same name plus "_bench" on that
   server; `manage.py load_bench_data` fills it (demo/bench.py), a second run
   only tops it up.
2. Serves it with gunicorn.conf.py as in production (DEBUG off, the page cache in
   a Redis database of its own, BENCH_REDIS_URL, emptied first; with
   BENCH_CACHE=file as `make run` does without Redis: files in var/cache/).
3. For each page and the stylesheet: requests/s, median and p99 latency from
   BENCH_CLIENTS client processes with keep-alive for BENCH_SECONDS each, HTML and
   transferred size, SQL queries and uncached render time in-process, and the
   ratio of the page's requests/s to the stylesheet's, measured side by side.
4. Memory (RSS) of each gunicorn worker afterwards.
5. Under writes: for each rate of BENCH_WRITE_RATES (writes per second) the pages
   again, while scripts/bench_writes.py confirms comments on random goals and
   paragraphs, casts ballots and subscribes in a process of its own; requests/s,
   ratio to the stylesheet (measured in the same stream), p50 and p99.

Prints a Markdown table (docs/performance.md keeps one). Nothing passes or fails.
"""

import http.client
import json
import multiprocessing
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PORT = int(os.environ.get("BENCH_PORT", "8765"))
SECONDS = float(os.environ.get("BENCH_SECONDS", "3"))
CLIENTS = int(os.environ.get("BENCH_CLIENTS", "8"))
REDIS = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/15")
CACHE = os.environ.get("BENCH_CACHE", "redis")
WRITE_RATES = [float(r) for r in os.environ.get("BENCH_WRITE_RATES", "1,5").split(",") if r]

PAGES = [
    ("Startseite", "/"),
    ("Strategie", "/strategie/"),
    ("Fassung 2.0", "/strategie/2-0/"),
    ("Ziel 1 (2.000 Kommentare)", "/strategie/2-0/ziele/1/"),
    ("Kapitel (300 Absätze)", "/strategie/2-0/text/bench-kapitel/"),
    ("Umsetzung", "/umsetzung/"),
    ("Umsetzung gefiltert", "/umsetzung/?status=verzoegert&horizont=kurzfristig"),
    ("Blog", "/blog/"),
    ("Blogbeitrag", "/blog/bench-5/"),
    ("Dialog", "/dialog/"),
    ("Phase", "/dialog/phasen/online-phase-2021/"),
    ("Thema", "/dialog/themen/bildung/"),
    ("Veranstaltungen", "/veranstaltungen/"),
    ("Veranstaltung", "/veranstaltungen/bench-3/"),
    ("Downloads", "/downloads/"),
    ("Suche", "/suche/?q=Schule"),
    ("Feed Blog", "/blog/feed/"),
    ("Feed Umsetzung", "/umsetzung/feed/"),
    ("Offene Daten CSV", "/daten/ziele.csv"),
    ("Sitemap-Index", "/sitemap.xml"),
    ("Sitemap Strategie", "/sitemap-strategie.xml"),
]


def bench_database_url() -> str:
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        parts = urlsplit(url)
        name = parts.path.lstrip("/") + "_bench"
        return urlunsplit(parts._replace(path="/" + name))
    return f"sqlite:///{ROOT / 'var' / 'bench.sqlite3'}"


def ensure_postgres_database(url: str) -> None:
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if exists.fetchone() is None:
            connection.execute(f'CREATE DATABASE "{name}"')


def manage(env, *args):
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


# --- load -------------------------------------------------------------------


def _client(args):
    """One client process: keep-alive requests for `seconds`; returns latencies and sizes."""
    path, seconds, accept_gzip = args
    headers = {"Accept-Encoding": "gzip"} if accept_gzip else {}
    connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
    latencies, size, end = [], 0, time.perf_counter() + seconds
    while time.perf_counter() < end:
        start = time.perf_counter()
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        body = response.read()
        latencies.append(time.perf_counter() - start)
        size = len(body)
        if response.getheader("Connection", "").lower() == "close":
            connection.close()
            connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
    connection.close()
    return latencies, size


def load(pool, path, seconds=SECONDS):
    results = pool.map(_client, [(path, seconds, True)] * CLIENTS)
    latencies = sorted(t for times, _ in results for t in times)
    count = len(latencies)
    return {
        "rps": count / seconds,
        "p50": statistics.median(latencies) * 1000,
        "p99": latencies[min(int(count * 0.99), count - 1)] * 1000,
        "transferred": results[0][1],
    }


# --- in-process -----------------------------------------------------------


def in_process(paths):
    """SQL queries, HTML size and uncached render time (median of five) per page."""
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    settings.PAGE_CACHE_SECONDS = 0
    client = Client(HTTP_HOST="127.0.0.1")
    figures = {}
    for path in paths:
        client.get(path)  # warm the process as a running server is
        times = []
        for _ in range(5):
            start = time.perf_counter()
            response = client.get(path)
            times.append(time.perf_counter() - start)
        with CaptureQueriesContext(connection) as queries:
            client.get(path)
        figures[path] = {
            "render": statistics.median(times) * 1000,
            "queries": len(queries.captured_queries),
            "html": len(response.content),
        }
    return figures


def worker_rss(pid) -> list[float]:
    out = subprocess.run(
        ["ps", "-o", "rss=", "--ppid", str(pid)], capture_output=True, text=True
    ).stdout.split()
    return [int(kb) / 1024 for kb in out]


def main():
    database = bench_database_url()
    env = {
        **os.environ,
        "DATABASE_URL": database,
        "REDIS_URL": REDIS if CACHE == "redis" else "",
        "PORT": str(PORT),
        "DJANGO_DEBUG": "0",
        "DJANGO_LOG_LEVEL": "ERROR",
        "MAIL_QUEUE": "now",
    }
    if database.startswith("postgres"):
        ensure_postgres_database(database)
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "load_bench_data")

    os.environ.update({k: env[k] for k in ("DATABASE_URL", "REDIS_URL", "DJANGO_DEBUG")})
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "strategy_site.settings")
    import django

    django.setup()
    from django.core.cache import cache

    sys.path.insert(0, str(ROOT / "scripts"))
    import bench_writes

    bench_writes.setup_phase()
    cache.clear()
    paths = [path for _, path in PAGES]
    figures = in_process(paths)

    server = subprocess.Popen(
        [str(ROOT / ".venv/bin/gunicorn"), "-c", "gunicorn.conf.py", "--access-logfile",
         "/dev/null", "strategy_site.wsgi"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    css = (
        "/static/"
        + next((ROOT / "var/static/css").glob("site.*.css"))
        .relative_to(ROOT / "var/static")
        .as_posix()
    )
    try:
        _wait_until_up()
        with multiprocessing.Pool(CLIENTS) as pool:
            for path in [css, *paths]:
                load(pool, path, 0.5)  # warm up: workers, connections, the page cache
            before = load(pool, css)
            rows = [(label, path, load(pool, path)) for label, path in PAGES]
            after = load(pool, css)
            under_writes = [
                (rate, *measure_under_writes(pool, css, rate, env)) for rate in WRITE_RATES
            ]
        rss = worker_rss(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=20)

    baseline = (before["rps"] + after["rps"]) / 2
    engine = "PostgreSQL" if database.startswith("postgres") else "SQLite"
    where = "Redis" if CACHE == "redis" else "files (var/cache/, no Redis)"
    print(
        f"\n{time.strftime('%Y-%m-%d')}, {platform.node()}, {os.cpu_count()} cores, "
        f"{engine}, gunicorn.conf.py, page cache in {where}, {CLIENTS} clients × {SECONDS:g} s "
        "per page, keep-alive, gzip accepted\n"
    )
    print(
        "| page | req/s | ratio to CSS | p50 ms | p99 ms | queries | render ms "
        "(uncached) | HTML KB | sent KB |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    print(
        f"| stylesheet | {baseline:.0f} | 1.00 | {before['p50']:.1f} | {before['p99']:.1f} "
        f"| – | – | – | {before['transferred'] / 1024:.1f} |"
    )
    for label, path, result in rows:
        f = figures[path]
        print(
            f"| {label} (`{path}`) | {result['rps']:.0f} | {result['rps'] / baseline:.2f} "
            f"| {result['p50']:.1f} | {result['p99']:.1f} | {f['queries']} | {f['render']:.1f} "
            f"| {f['html'] / 1024:.1f} | {result['transferred'] / 1024:.1f} |"
        )
    print(
        f"\nstylesheet before/after: {before['rps']:.0f} / {after['rps']:.0f} req/s; "
        f"memory per worker after the run (RSS): {', '.join(f'{m:.0f} MB' for m in rss)}"
    )
    for rate, css_rps, written, measured in under_writes:
        print(
            f"\nUnder writes, {rate:g}/s asked, {written.get('rate', 0):g}/s done "
            f"({written.get('comment', 0)} comments, {written.get('ballot', 0)} ballots, "
            f"{written.get('subscription', 0)} subscriptions, {written.get('refused', 0)} "
            f"refused); stylesheet {css_rps:.0f} req/s\n"
        )
        print("| page | req/s | ratio to CSS | p50 ms | p99 ms |")
        print("|---|---:|---:|---:|---:|")
        for label, path, result in measured:
            print(
                f"| {label} (`{path}`) | {result['rps']:.0f} | {result['rps'] / css_rps:.2f} "
                f"| {result['p50']:.1f} | {result['p99']:.1f} |"
            )


def measure_under_writes(pool, css, rate, env):
    """The pages again while a second process writes `rate` times a second."""
    duration = (len(PAGES) + 3) * SECONDS + 3
    writer = subprocess.Popen(
        [sys.executable, str(ROOT / "scripts" / "bench_writes.py"), str(rate), str(duration)],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        time.sleep(1)  # the writer's start-up (imports) is no write
        before = load(pool, css)
        measured = [(label, path, load(pool, path)) for label, path in PAGES]
        after = load(pool, css)
        output, _ = writer.communicate(timeout=duration + 60)
    finally:
        if writer.poll() is None:
            writer.kill()
    written = json.loads(output.strip().splitlines()[-1]) if output.strip() else {}
    return (before["rps"] + after["rps"]) / 2, written, measured


def _wait_until_up(deadline=30):
    end = time.time() + deadline
    while time.time() < end:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=2)
            connection.request("GET", "/healthz")
            connection.getresponse().read()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("gunicorn did not start")


if __name__ == "__main__":
    main()
