"""`make bench`: throughput, latency, page weight, SQL queries and memory of the site.

Serves the demo database with the real gunicorn configuration on a loopback
port, sends a bounded number of requests per page from a few client threads,
and prints the figures. Numbers only; nothing here passes or fails.
"""

import os
import statistics
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "strategy_site.settings")

PORT = int(os.environ.get("BENCH_PORT", "8765"))
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "300"))
CLIENTS = int(os.environ.get("BENCH_CLIENTS", "8"))
BASE = f"http://127.0.0.1:{PORT}"


def pages():
    from tests.pages import PUBLIC_PAGES

    return [url for url in PUBLIC_PAGES if "gibt-es-nicht" not in url]


def fetch(url):
    start = time.perf_counter()
    with urllib.request.urlopen(BASE + url, timeout=30) as response:
        body = response.read()
    return time.perf_counter() - start, len(body)


def wait_until_up(deadline=30):
    end = time.time() + deadline
    while time.time() < end:
        try:
            fetch("/healthz")
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("gunicorn did not start")


def rss_mb(pid):
    """Resident memory of gunicorn's master and workers, in MB."""
    children = subprocess.run(
        ["ps", "-o", "rss=", "--ppid", str(pid)], capture_output=True, text=True
    ).stdout.split()
    own = subprocess.run(["ps", "-o", "rss=", "-p", str(pid)], capture_output=True, text=True)
    return (sum(int(kb) for kb in children) + int(own.stdout.strip() or 0)) / 1024


def query_counts(urls):
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    counts = {}
    for url in urls:
        client.get(url)  # warm caches the way a running server has them
        with CaptureQueriesContext(connection) as ctx:
            client.get(url)
        counts[url] = len(ctx.captured_queries)
    return counts


def main():
    urls = pages()
    env = {**os.environ, "PORT": str(PORT), "DJANGO_LOG_LEVEL": "ERROR"}
    server = subprocess.Popen(
        [
            str(ROOT / ".venv/bin/gunicorn"),
            "-c",
            "gunicorn.conf.py",
            "--access-logfile",
            "/dev/null",
            "strategy_site.wsgi",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_until_up()
        print(f"gunicorn.conf.py on {BASE}, {REQUESTS} requests per page from {CLIENTS} clients\n")
        print(f"{'page':48} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'KB':>7}")
        for url in urls:
            for _ in range(5):
                fetch(url)  # warm up
            with ThreadPoolExecutor(CLIENTS) as pool:
                start = time.perf_counter()
                results = list(pool.map(fetch, [url] * REQUESTS))
                elapsed = time.perf_counter() - start
            times = sorted(t for t, _ in results)
            p50 = statistics.median(times) * 1000
            p95 = times[int(len(times) * 0.95) - 1] * 1000
            print(
                f"{url[:48]:48} {REQUESTS / elapsed:8.0f} {p50:8.1f} {p95:8.1f} {results[0][1] / 1024:7.1f}"
            )
        css = next(Path(ROOT / "var/static/css").glob("site.*.css"))
        print(
            f"\nstylesheet {css.name}: {css.stat().st_size / 1024:.1f} KB "
            f"(brotli {Path(str(css) + '.br').stat().st_size / 1024:.1f} KB)"
        )
        print(f"memory (gunicorn master + workers, RSS): {rss_mb(server.pid):.0f} MB")
    finally:
        server.terminate()
        server.wait(timeout=20)
    print("\nSQL queries per page (second request):")
    for url, count in query_counts(urls).items():
        print(f"  {url:48} {count}")


if __name__ == "__main__":
    main()
