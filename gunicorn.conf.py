"""gunicorn settings for a 2-core machine; the one place they live.

Thread workers: Django requests mostly wait on the database, so 2 processes x
4 threads serve 8 requests at once with little memory. Database connections
persist per thread (DATABASE_CONN_MAX_AGE, default 60 s) instead of opening one
per request.

Values come through the same typed readers as settings.py, so a malformed
value stops the start with a message naming the variable.
"""

from strategy_site import access_log
from strategy_site.env import envint, envlist, envstr

bind = f"{envstr('HOST', '127.0.0.1')}:{envint('PORT', 8000, minimum=1)}"
workers = envint("WEB_CONCURRENCY", 2, minimum=1)
worker_class = "gthread"
threads = envint("GUNICORN_THREADS", 4, minimum=1)
timeout = 30
graceful_timeout = 20
keepalive = 5
# Recycle workers now and then so a slow leak cannot grow without bound, but
# rarely: at 2,000 a worker restarted every few seconds under load (121 restarts
# in 5.5 minutes), which halved even the static file's throughput and added cold
# requests of 0.7-1.7 s; at 100,000 `make bench` (about 200,000 requests) still saw
# each worker restart once, with a dip around it. The wide jitter keeps both workers
# from restarting at once; memory stays about 130 MB per worker (docs/performance.md).
max_requests = 500_000
max_requests_jitter = 100_000
# The app is imported once in the master and forked: a recycled worker is serving
# again at once and the processes share the imported code's memory. Nothing opens a
# database connection or a socket at import time.
preload_app = True
# App servers keep no state; no control socket under ~/.gunicorn/.
control_socket_disable = True
accesslog = "-"
errorlog = "-"
# The access log keeps what the privacy page names and no more: no query strings, no
# tokens of mailed links, no referer, shortened client addresses (strategy_site/access_log.py).
logger_class = "strategy_site.access_log.PrivateAccessLogger"
access_log_format = access_log.FORMAT
# The one list of trusted proxies (settings.TRUSTED_PROXIES reads it too): only
# these may set X-Forwarded-Proto/-For. Without it, only the local machine.
forwarded_allow_ips = ",".join(envlist("DJANGO_TRUSTED_PROXIES", ["127.0.0.1"]))
