"""The one settings module. Everything that differs between a laptop and
production comes from environment variables (see README.md, "Konfiguration")."""

import datetime
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from .env import (
    database_from_url,
    envbool,
    envint,
    envlimit,
    envlist,
    envstr,
    redis_url,
    with_timeouts,
)

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(envstr("DJANGO_VAR_DIR", str(BASE_DIR / "var")))


# Read early: production (HTTPS) must not fall back to a local key.
HTTPS = envbool("DJANGO_HTTPS", False)


def _secret_key() -> str:
    """DJANGO_SECRET_KEY, or on a local machine the key `make setup` keeps in var/.

    Importing settings writes no files (tests, `manage.py check` and read-only
    containers import it); `manage.py prepare_var` creates var/secret-key so a
    demo server's sessions survive restarts. Production (DJANGO_HTTPS=1) must set
    the variable, the same on every app server, and refuses to start without it.
    """
    key = envstr("DJANGO_SECRET_KEY")
    if key:
        return key
    if HTTPS:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set; with DJANGO_HTTPS=1 it is required "
            "(the same value on every app server)."
        )
    path = VAR_DIR / "secret-key"
    if path.exists():
        return path.read_text().strip()
    # Only reached before `make setup`, e.g. in tests: a fixed key, never valid for HTTPS.
    return "django-insecure-local-only-key-run-make-setup"


SECRET_KEY = _secret_key()
# Earlier keys after a rotation: links and address hashes made with them keep working
# (common/addresses.py, docs/deployment.md).
SECRET_KEY_FALLBACKS = envlist("DJANGO_SECRET_KEY_FALLBACKS", [])
DEBUG = envbool("DJANGO_DEBUG", False)
ALLOWED_HOSTS = envlist("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = envlist("DJANGO_CSRF_TRUSTED_ORIGINS", [])
SITE_ID = 1
# Absolute links in mails and feeds when no request is at hand.
SITE_URL = envstr("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "strategy_site",
    "richtext",
    "goals",
    "dialog",
    "blog",
    "downloads",
    "alerts",
    # Small neutral helpers any app may import (CSRF for public forms, rate limits, ...).
    "common",
    # "Meine Beiträge": everything tied to a mailbox, to see, correct, take away, erase.
    "selfservice",
    # Demo content loaders (no models): `manage.py load_demo` for `make run`.
    "demo",
    # django_comments_xtd must come before django_comments (it overrides templates).
    # The packages' own configs, with German names for the admin (strategy_site/package_apps.py).
    "strategy_site.package_apps.GermanCommentsXtdConfig",
    "strategy_site.package_apps.CommentsConfig",
    "import_export",
    # Revisions of editorial content with who and when (common/revisions.py).
    "simple_history",
    "strategy_site.package_apps.AdminConfig",
    # Staff sign-in: login throttling and the second factor (strategy_site/staff_auth.py).
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    # The outgoing mail queue (see EMAIL_BACKEND below).
    "post_office",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sites",
    "django.contrib.flatpages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "strategy_site.middleware.ContentSecurityPolicyMiddleware",
    # A load balancer's probe by address gets its answer before anything checks the
    # host name (strategy_site/health_probe.py); the headers above still apply.
    "strategy_site.health_probe.HealthProbeMiddleware",
    "common.middleware.RejectNulBytesMiddleware",
    "common.middleware.DatabaseUnavailableMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # gzip for public answers that are not static files (strategy_site/response_headers.py).
    "strategy_site.response_headers.PublicGZipMiddleware",
    # Right after the static files: a kept page skips everything below.
    "strategy_site.page_cache.PageCacheMiddleware",
    # Cache-Control on every answer, before the page cache keeps one.
    "strategy_site.response_headers.CacheControlMiddleware",
    # ETag on every other page too, and 304 when the reader already has it.
    "django.middleware.http.ConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Who saved: every revision of editorial content names its author (common/revisions.py).
    "simple_history.middleware.HistoryRequestMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "strategy_site.staff_auth.UnverifiedStaffAreVisitors",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as the package asks: turns a lockout during login into its page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "strategy_site.urls"
WSGI_APPLICATION = "strategy_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "strategy_site.navigation.navigation",
                "strategy_site.navigation.canonical",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------
# var/ itself is created by `manage.py prepare_var` (`make setup`), not here.
DATABASES = {
    "default": database_from_url(
        "DATABASE_URL",
        envstr("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
        # Persistent connections: a new connection per request cost about 3x throughput.
        conn_max_age=envint("DATABASE_CONN_MAX_AGE", 60, minimum=0),
    )
}
# SQLite keeps its planner statistics current: every new connection runs PRAGMA optimize,
# which analyses only tables whose statistics went stale (manage.py load_bench_data
# also runs ANALYZE after its bulk inserts). Without statistics, the comment counts of a
# large dashboard took seconds.
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("init_command", "PRAGMA optimize;")
# A database that accepts connections but never answers must not hang every worker
# (psycopg waits 130 s by default): give up quickly and show the 503 page.
with_timeouts(
    DATABASES["default"],
    connect_seconds=envint("DATABASE_CONNECT_TIMEOUT", 3, minimum=1),
    statement_ms=envint("DATABASE_STATEMENT_TIMEOUT_MS", 10000, minimum=0),
)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ----------------------------------------------------------------
# Redis when configured (every app server shares it); otherwise files in var/cache/,
# shared by all worker processes of this machine and needing no server
# (strategy_site/file_cache.py). Rate limits without Redis count in the database.
_redis = envstr("REDIS_URL")
CACHES = {
    "default": (
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_url("REDIS_URL", _redis),
            # A Redis that is down or hangs costs half a second, not five (the rate
            # limits then count in the database).
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
        if _redis
        else {
            "BACKEND": "strategy_site.file_cache.SharedFileCache",
            "LOCATION": str(VAR_DIR / "cache"),
            # Room for every kept page and every subject's stamp: culling drops entries
            # at random, and a lost stamp would leave a page out of date for up to a minute.
            "OPTIONS": {"MAX_ENTRIES": 50_000},
        }
    )
}

# Whole pages for anonymous readers (strategy_site.page_cache), kept at most this many
# seconds (renewed after a change of what they show, and after a minute at the latest);
# 0 turns it off. Both caches above are shared by all processes that serve the site.
PAGE_CACHE_SECONDS = envint("PAGE_CACHE_SECONDS", 300, minimum=0)

# --- Auth -----------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    # Staff accounts guard the whole site: 12 characters, not Django's default 8.
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "admin:login"
# axes counts failed logins first; Django's own backend then checks the password.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Locked after 5 failures for the same account, or 5 from the same address, for 15 minutes.
AXES_FAILURE_LIMIT = envint("AXES_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = envint("AXES_COOLOFF_MINUTES", 15, minimum=1) / 60  # hours
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
# The same visitor address as the rate limits: X-Forwarded-For only from our own proxies.
AXES_CLIENT_IP_CALLABLE = "strategy_site.staff_auth.login_address"
AXES_LOCKOUT_CALLABLE = "strategy_site.staff_auth.lockout_response"
# Only staff have sessions (readers get no cookie): end them after an hour without a request.
SESSION_COOKIE_AGE = envint("STAFF_SESSION_IDLE_MINUTES", 60, minimum=5) * 60
SESSION_SAVE_EVERY_REQUEST = True
# True: every staff member must set up the second factor before working in the admin.
# On in production (DJANGO_HTTPS=1) unless turned off; `make run` keeps the demo logins.
STAFF_TWO_FACTOR_REQUIRED = envbool("STAFF_TWO_FACTOR_REQUIRED", HTTPS)
OTP_TOTP_ISSUER = "Digitalstrategie.NRW"

# --- Language and time ----------------------------------------------------
LANGUAGE_CODE = "de"
LANGUAGES = [("de", "Deutsch")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

# --- Static and media files -------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(envstr("MEDIA_ROOT", str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Hashed names, brotli/gzip copies and one-year immutable caching by WhiteNoise.
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    # Spreadsheets between import preview and confirmation: private, never under /media/.
    "import_export": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": envstr("IMPORT_PREVIEW_ROOT", str(VAR_DIR / "import-previews"))},
    },
}
FILE_UPLOAD_PERMISSIONS = 0o644
# PDFs larger than this are refused in the admin. The reverse proxy's body limit
# (e.g. nginx client_max_body_size) must be at least as large.
DOWNLOADS_MAX_UPLOAD_MB = envint("DOWNLOADS_MAX_UPLOAD_MB", 50, minimum=1)
# Statements (Stellungnahmen) of organisations: their PDFs wait for the moderation
# in a private folder every app server shares, never under /media/; and their limit.
STATEMENTS_ROOT = Path(envstr("STATEMENTS_ROOT", str(VAR_DIR / "statements")))
STATEMENTS_MAX_UPLOAD_MB = envint("STATEMENTS_MAX_UPLOAD_MB", 10, minimum=1)
# An open goal whose newest report is older than this is flagged "Stand veraltet".
GOALS_STALE_AFTER_DAYS = envint("GOALS_STALE_AFTER_DAYS", 365, minimum=1)
# Serve uploads from the app (embedded default); production lets the proxy or S3 do it.
SERVE_MEDIA = envbool("DJANGO_SERVE_MEDIA", True)

# --- Spreadsheet import (django-import-export) -----------------------------
# The uploaded file waits between preview and confirmation in a private storage
# every app server shares (a temp folder would not be), see strategy_site/import_previews.py.
IMPORT_EXPORT_TMP_STORAGE_CLASS = "strategy_site.import_previews.PrivatePreviewStorage"
# Nothing of a file is saved unless every row is valid.
IMPORT_EXPORT_USE_TRANSACTIONS = True
# Without these, every staff user could import into and export any model.
IMPORT_EXPORT_IMPORT_PERMISSION_CODE = "change"
IMPORT_EXPORT_EXPORT_PERMISSION_CODE = "view"

# --- Email ----------------------------------------------------------------
DEFAULT_FROM_EMAIL = envstr(
    "DJANGO_DEFAULT_FROM_EMAIL", "Digitalstrategie.NRW <noreply@digitalstrategie.nrw>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Who gets a mail for every server error (comma-separated addresses).
ADMINS = [(address, address) for address in envlist("DJANGO_ADMINS", [])]
EMAIL_SUBJECT_PREFIX = "[Digitalstrategie.NRW] "
EMAIL_HOST = envstr("EMAIL_HOST")
if EMAIL_HOST:
    _delivery_backend = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = envint("EMAIL_PORT", 587, minimum=1)
    EMAIL_HOST_USER = envstr("EMAIL_HOST_USER")
    EMAIL_HOST_PASSWORD = envstr("EMAIL_HOST_PASSWORD")
    EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", True)
    EMAIL_USE_SSL = envbool("EMAIL_USE_SSL", False)
    EMAIL_TIMEOUT = envint("EMAIL_TIMEOUT", 10, minimum=1)
else:
    # Without SMTP, every mail lands as a file a demo user can open.
    _delivery_backend = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = VAR_DIR / "mail"
# Every mail goes into a persistent queue first (django-post-office); its admin lists
# what failed. MAIL_QUEUE=worker: requests only queue, `manage.py mail_worker` sends
# and retries (the default with SMTP, so no visitor waits for it). MAIL_QUEUE=now:
# sent during the request, a failure is recorded, never raised (the default without
# SMTP, where mails are files and `make run` needs no worker). The backend is our own
# thin one in front of post_office's queue: post_office's renders every message as a
# template once more, which executed visitors' text (common/mail_queue.py, SECURITY.md).
EMAIL_BACKEND = "common.mail_queue.EmailBackend"
MAIL_QUEUE = envstr("MAIL_QUEUE", "worker" if EMAIL_HOST else "now")
if MAIL_QUEUE not in {"worker", "now"}:
    raise ImproperlyConfigured(f"MAIL_QUEUE={MAIL_QUEUE!r}: use 'worker' or 'now'.")
POST_OFFICE = {
    "BACKENDS": {"default": _delivery_backend},
    "DEFAULT_PRIORITY": "medium" if MAIL_QUEUE == "worker" else "now",
    # A failed delivery is tried again five times, ten minutes apart.
    "MAX_RETRIES": 5,
    "RETRY_INTERVAL": datetime.timedelta(minutes=10),
    "LOG_LEVEL": 1,  # keep a log entry for failures only
    "MESSAGE_ID_ENABLED": True,
    # mail_worker and post_office's own send_queued_mail take this lock file, so two
    # senders on one machine never send the same batch (common/mail_worker.py).
    "LOCK_FILE_NAME": str(VAR_DIR / "mail-worker"),
    "BATCH_SIZE": 500,
}
# Addresses told about new accessibility feedback besides the Redaktion group.
FEEDBACK_EMAILS = envlist("FEEDBACK_EMAILS", [])

# --- Security -------------------------------------------------------------
SECURE_SSL_REDIRECT = HTTPS
# A load balancer probes /healthz over plain HTTP by address: answer, do not redirect.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = envint("DJANGO_HSTS_SECONDS", 31536000 if HTTPS else 0, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
if envbool("DJANGO_BEHIND_PROXY", HTTPS):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Addresses of our own reverse proxies: only their X-Forwarded-For is believed
# (for per-visitor rate limits and stored comment addresses). gunicorn.conf.py
# reads the same variable for its forwarded_allow_ips: one list, not two.
TRUSTED_PROXIES = envlist("DJANGO_TRUSTED_PROXIES", [])
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
# Hosts a visitor may load a recording from, after an explicit click.
CSP_FRAME_SRC = envlist("CSP_FRAME_SRC", ["https://www.youtube-nocookie.com"])

# --- Public contributions (common/confirmation.py, common/posting_guard.py) --
# How long a mailed confirmation link works; unconfirmed data is deleted after it
# (`manage.py purge_unconfirmed`, daily).
CONFIRMATION_LINK_DAYS = envint("CONFIRMATION_LINK_DAYS", 7, minimum=1)
# Limits as (how many, per how many seconds), counted across all app servers.
# Per visitor (IP address), for each public form:
PUBLIC_FORM_LIMITS = {
    "comment": envlimit("LIMIT_COMMENTS", (5, 600)),
    "report": envlimit("LIMIT_REPORTS", (10, 600)),
    "feedback": envlimit("LIMIT_FEEDBACK", (5, 3600)),
    "statement": envlimit("LIMIT_STATEMENTS", (5, 3600)),
    "ballot": envlimit("LIMIT_BALLOTS", (5, 3600)),
    "subscription": envlimit("LIMIT_SUBSCRIPTIONS", (5, 600)),
    "idea": envlimit("LIMIT_IDEAS", (5, 3600)),
    "support": envlimit("LIMIT_SUPPORTS", (20, 600)),
    "suggestion": envlimit("LIMIT_SUGGESTIONS", (5, 3600)),
    "selfservice": envlimit("LIMIT_MY_CONTRIBUTIONS", (5, 3600)),
}
# Mails with a link the site sends to one mailbox on visitors' requests, any form:
MAIL_RECIPIENT_LIMIT = envlimit("LIMIT_MAILS_PER_RECIPIENT", (5, 3600))
# The same text from several senders: after this many, later copies wait for moderation.
SAME_TEXT_LIMIT = envlimit("LIMIT_SAME_TEXT", (3, 3600))

# --- Comments (django-comments-xtd) ----------------------------------------
# Restoring a revision goes through common/revisions.py (Redaktion only, writes the values
# back as they were); the package's own form would save through the current admin form.
SIMPLE_HISTORY_REVERT_DISABLED = True

COMMENTS_APP = "django_comments_xtd"
COMMENTS_XTD_MAX_THREAD_LEVEL = 3
COMMENTS_XTD_CONFIRM_EMAIL = True
# Must be bytes: a str fails when a comment is posted.
COMMENTS_XTD_SALT = envstr("COMMENTS_XTD_SALT", "digitalstrategie-nrw-comments").encode()
COMMENTS_XTD_FROM_EMAIL = DEFAULT_FROM_EMAIL
COMMENTS_XTD_CONTACT_EMAIL = envstr("CONTACT_EMAIL", "digitalstrategie@mwide.nrw.de")
COMMENTS_XTD_SEND_HTML_EMAIL = False
# Send within the request: the package's default thread can outlive the
# request and fails silently; tests could not see the mail either.
COMMENTS_XTD_THREADED_EMAILS = False
COMMENTS_XTD_MAX_LENGTH = 3000
COMMENTS_XTD_APP_MODEL_OPTIONS = {
    "default": {
        "allow_flagging": True,
        "allow_feedback": False,
        "show_feedback": False,
        "who_can_post": "all",
    },
}

# --- Logging --------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        # Every 500 also goes by mail to DJANGO_ADMINS (when set), as the error page says.
        "mail_admins": {"class": "django.utils.log.AdminEmailHandler", "level": "ERROR"},
    },
    "filters": {
        "as_warning": {"()": "common.log_filters.AsWarning"},
        "without_tokens": {"()": "strategy_site.access_log.LogWithoutTokens"},
    },
    "root": {"handlers": ["console"], "level": envstr("DJANGO_LOG_LEVEL", "WARNING")},
    # pypdf warns about every damaged upload it reads; the editor gets a message
    # in the admin instead, so the log keeps only real errors.
    "loggers": {
        "pypdf": {"level": "ERROR"},
        # Its lines name the path: the token of a mailed link is masked (access_log.py).
        "django.request": {
            "handlers": ["console", "mail_admins"],
            "filters": ["without_tokens"],
            "propagate": False,
        },
        # A request for someone else's host name (scanners probing the address) is a
        # warning in the log, never a mail to DJANGO_ADMINS (common/log_filters.py).
        "django.security.DisallowedHost": {"filters": ["as_warning"]},
        # post_office logs four INFO lines per batch, also for every empty poll; the worker
        # logs one line per batch that sent something (common/mail_worker.py).
        "post_office": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        "common.mail_worker": {"level": "INFO"},
    },
}
