"""gunicorn settings for a 2-core machine; the one place they live.

Thread workers: Django requests mostly wait on the database, so 2 processes x
4 threads serve 8 requests at once with little memory. Database connections
persist per thread (DATABASE_CONN_MAX_AGE, default 60 s) instead of opening one
per request.
"""

import os

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
timeout = 30
graceful_timeout = 20
keepalive = 5
# Recycle workers now and then so a slow leak cannot grow without bound.
max_requests = 2000
max_requests_jitter = 200
# App servers keep no state; no control socket under ~/.gunicorn/.
control_socket_disable = True
accesslog = "-"
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
