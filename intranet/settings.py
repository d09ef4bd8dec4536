"""Settings for the intranet, driven by environment variables.

With no configuration everything runs on one machine: SQLite under ``var/``,
Channels' in-memory layer, local-memory cache and the embedded search default.
``DATABASE_URL``, ``REDIS_URL`` and ``ELASTICSEARCH_URL`` switch to the real
engines. Every variable is listed in the README's configuration table.
"""

import os
import secrets
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# Everything the platform writes at run time (database, secret, media, static)
# lives under one folder so that a checkout stays clean.
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)


def _secret_key() -> str:
    """SECRET_KEY from the environment, else one generated into var/ on first run."""
    if os.environ.get("SECRET_KEY"):
        return os.environ["SECRET_KEY"]
    key_file = VAR_DIR / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = env_bool("DEBUG")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    # Daphne first: `runserver` then serves ASGI (HTTP + websockets).
    "daphne",
    "intranet",
    "core",
    "instructions",
    "teams",
    "news",
    # Staff events: below strategy, above news (docs/events.md).
    "events",
    "search",
    "realtime",
    # Presence before chat: their connect hooks run in this order (realtime.dispatch).
    "presence",
    "chat",
    "sso",
    "strategy",
    "privacy",
    "demo",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.table_block",
    "wagtail.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "channels",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    # First: the request id, the access log line and the latency metric cover everything below (observability).
    "intranet.observability.RequestObservability",
    # A database or Redis outage in a view answers 503 with Retry-After (also handler500; core/outage.py).
    "core.outage.ServiceUnavailableMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Static files straight from Daphne: no separate web server needed.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "intranet.middleware.FinnishFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # The signed-in user for the audit trail's signal receivers (core.current_user).
    "core.current_user.CurrentUserMiddleware",
    # Every view needs a logged-in user unless marked @login_not_required.
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    # Re-checks an SSO session with the identity provider every SSO_REFRESH_SECONDS (docs/sso.md).
    "sso.middleware.SessionRefresh",
    # An admin URL naming an instruction or attachment the user may not read answers 404 (docs/access.md).
    "instructions.admin_access.AdminObjectMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Content-Security-Policy on every response: strict for reader pages, looser for /admin/ (intranet/csp.py).
    "intranet.csp.PathCSPMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # A form posted without a field its view reads answers 400, not 500 (core/incomplete_forms.py).
    "core.incomplete_forms.IncompleteFormMiddleware",
    # Last, as django-axes asks: turns lockouts into a readable response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "intranet.urls"
WSGI_APPLICATION = "intranet.wsgi.application"
ASGI_APPLICATION = "intranet.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "intranet.context_processors.site_shell",
                "news.context_processors.must_read_banner",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------
DEFAULT_SQLITE_URL = f"sqlite:///{VAR_DIR / 'db.sqlite3'}"
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or DEFAULT_SQLITE_URL,
        # Reusing connections saves ~1 ms per request on PostgreSQL and ~2 ms on
        # SQLite (open, WAL pragma, Django's SQL functions: measured 2.1 ms per
        # reconnect), which every websocket handler that touches the database
        # would pay (docs/chat.md); 60 s keeps idle workers from holding
        # connections for long.
        conn_max_age=60,
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets readers continue while Daphne's worker threads write;
        # IMMEDIATE avoids "database is locked" on write upgrades.
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        # Wait up to 20 s for a writer rather than failing at once.
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Database connection pool (PostgreSQL; docs/deployment.md, "Database connections") -----------------
# Each process holds at most DB_POOL_MAX_SIZE connections, shared by all its threads (psycopg's pool, in
# Django since 5.1), instead of one per thread kept CONN_MAX_AGE seconds: an idle Daphne used to hold 38 and
# two of them ran PostgreSQL's default limit of 100 out. The sum over the topology must stay under
# max_connections: N_http * (HTTP threads) + N_daphne * DB_POOL_MAX_SIZE + N_worker * 2 + a margin for
# manage.py commands and monitoring (deploy/run.sh and the systemd units set one size per process type).
# A request that finds every connection busy waits up to DB_POOL_TIMEOUT seconds (then errors) rather than
# opening one more. DB_POOL=0 turns the pool off (persistent connections per thread as before).
DB_POOL = env_bool("DB_POOL", True)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and DB_POOL:
    DATABASES["default"]["CONN_MAX_AGE"] = 0  # Django requires 0 with a pool: "closing" returns to the pool
    # With a pool, Django turns this into the pool's check of a connection as it is handed out: one that
    # broke (PostgreSQL restarted) is replaced instead of failing the request.
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": int(os.environ.get("DB_POOL_MIN_SIZE") or 1),
        "max_size": int(os.environ.get("DB_POOL_MAX_SIZE") or 4),
        "timeout": float(os.environ.get("DB_POOL_TIMEOUT") or 10),
        # A connection idle this long is closed (down to min_size): a quiet process gives its share back.
        "max_idle": float(os.environ.get("DB_POOL_MAX_IDLE") or 60),
    }

# --- Redis: channel layer and cache ---------------------------------------
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            # capacity: messages buffered per channel before senders get
            # ChannelFull; 1500 absorbs a burst to a busy room without letting
            # one slow consumer hold much memory. expiry: undelivered frames
            # are dropped after 60 s (clients replay from the database).
            "CONFIG": {"hosts": [REDIS_URL], "capacity": 1500, "expiry": 60},
        }
    }
    CACHES = {
        "default": {
            # Django's RedisCache that answers as an empty cache while Redis is down (docs/resilience.md).
            "BACKEND": "core.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
        },
        # Generation tokens (core.generations): shared by every process through Redis too. While Redis is
        # down every read makes a fresh token, so pages are rendered anew rather than served stale.
        "generations": {
            "BACKEND": "core.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
        },
    }
else:
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        # Generation tokens (core.generations) must be seen by every process: Daphne caches pages'
        # fragments in its own memory, and the job worker (scheduled publishing) changes what they show.
        # A file per token; a read costs tens of microseconds.
        "generations": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache" / "generations"),
        },
    }

# --- Search ---------------------------------------------------------------
# Site search (docs/search.md): set ELASTICSEARCH_URL for an Elasticsearch 8
# cluster; empty means the embedded engine. SEARCH_INDEX is the alias readers
# and writers use; SEARCH_REPLICAS one per extra cluster node.
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
SEARCH_INDEX = os.environ.get("SEARCH_INDEX", "taimi-search")
SEARCH_REPLICAS = int(os.environ.get("SEARCH_REPLICAS", "0"))
# Without ELASTICSEARCH_URL the embedded engine (tantivy) keeps its index here;
# only the worker writes it, every Daphne process on this machine reads it.
SEARCH_EMBEDDED_DIR = os.environ.get("SEARCH_EMBEDDED_DIR", str(VAR_DIR / "search" / "embedded"))
# Seconds a web request waits for the cluster before answering from the
# database: a healthy cluster answers in milliseconds.
SEARCH_TIMEOUT = float(os.environ.get("SEARCH_TIMEOUT", "3"))
# Wagtail's own search backend serves the admin and /haku/'s fallback when the
# engine is down: on PostgreSQL its full-text search with the Finnish configuration.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "finnish"}
}

# --- Authentication and access ----------------------------------------------
AUTHENTICATION_BACKENDS = [
    # Axes first: it refuses locked-out credentials before any other backend.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    # Work accounts (Entra ID, OpenID Connect) when SSO_AUTHORITY and SSO_CLIENT_ID are set (docs/sso.md).
    "sso.backend.SsoBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "login"
WAGTAILADMIN_LOGIN_URL = "login"
# Draftail, but an unreadable posted value is empty text (a form error when required), not a 500.
WAGTAILADMIN_RICH_TEXT_EDITORS = {"default": {"WIDGET": "intranet.rich_text.TolerantDraftailRichTextArea"}}
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Five wrong passwords for one username from one address lock that pair for
# 15 minutes: slow enough to stop guessing, short enough that a real user who
# mistypes is not locked out for the day.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
# Behind a reverse proxy, set AXES_IPWARE_META_PRECEDENCE_ORDER accordingly.

# Single sign-on (docs/sso.md): SSO_* variables, mapped to mozilla-django-oidc's OIDC_* settings.
from sso.env import sso_settings  # noqa: E402

globals().update(sso_settings(os.environ))
SSO_REFRESH_EXEMPT_URLS = ["sso_failure", "logout", "health", "readiness", "metrics", "set_language", "login"]

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES")
CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES")
# A working day: staff stay signed in across meetings but not for weeks.
SESSION_COOKIE_AGE = 60 * 60 * 12
# Seconds between the checks that end an open websocket whose session expired (realtime/session_guard.py;
# logout, a password change, deactivation and a removed role end sockets at once, by event). Each check
# validates every socket of a Daphne process in one database hop per 500 sessions: shorter ends an expired
# session's socket sooner and repairs an event lost while Redis was down sooner, for more database work.
REALTIME_SESSION_RECHECK = float(os.environ.get("REALTIME_SESSION_RECHECK") or 30)
# SAMEORIGIN, not DENY: Wagtail's admin shows the page preview in a frame of the same site.
X_FRAME_OPTIONS = "SAMEORIGIN"
# check --deploy warnings that do not apply: W019 asks for DENY; W021 asks for the browsers' public
# HSTS preload list, which is for public sites, not an agency's internal host name.
SILENCED_SYSTEM_CHECKS = ["security.W019", "security.W021"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Production behind HTTPS (docs/testing.md, "Production settings"; CI runs `check --deploy` with them): redirect
# plain HTTP (the health check stays reachable for the load balancer) and send HSTS.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT")
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$", r"^metrics$"]
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS")
# Behind a reverse proxy that terminates TLS and sets X-Forwarded-Proto (nginx: proxy_set_header).
if env_bool("SECURE_PROXY_SSL_HEADER"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Content-Security-Policy (django-csp; docs/access.md, "Input handling and CSP"). Reader pages: everything from
# this site, no inline script or style; 'self' in connect-src also allows the same-origin websocket.
_CSP_COMMON = {
    "default-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],  # the admin's preview shows reader pages in a frame
}
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {**_CSP_COMMON, "script-src": ["'self'"], "style-src": ["'self'"]},
}
# The Wagtail admin writes inline scripts and style attributes (editor, choosers, previews): looser, but still
# nothing from another site.
CSP_ADMIN_PREFIX = "/admin/"
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        **_CSP_COMMON,
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "frame-src": ["'self'"],
        "worker-src": ["'self'", "blob:"],
    },
}

# Without a mail server, mails go to files in VAR_DIR/mail/ (one file per batch): the
# worker's reminders would otherwise flood the terminal that shows the demo logins.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.filebased.EmailBackend")
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH", str(VAR_DIR / "mail"))
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "intranet@keha.example")

# --- Internationalisation ---------------------------------------------------
LANGUAGE_CODE = "fi"
LANGUAGES = [("fi", "Suomi"), ("sv", "Svenska"), ("en", "English")]
# Project catalogs come first: they also translate the Wagtail admin's strings that Wagtail's
# own fi/sv catalogs leave out (gettext takes the first catalog that has a string).
LOCALE_PATHS = [BASE_DIR / "locale"]
# One date format per language: 6.12.2026 (intranet/formats).
FORMAT_MODULE_PATH = ["intranet.formats"]
TIME_ZONE = "Europe/Helsinki"
USE_I18N = True
USE_TZ = True
# Content in Finnish and Swedish (wagtail.contrib.simple_translation: an editor
# writes the Swedish version as a page of its own; see docs/news.md for why not
# wagtail-localize). Every page keeps one URL: the reader's UI language picks
# the version, Finnish when there is no Swedish one (intranet.views.serve_page).
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = [("fi", "Suomi"), ("sv", "Svenska")]
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES

# --- Static and media files -------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "intranet" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Hashed, compressed names: browsers may cache static files forever.
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Uploads above 2.5 MB spool to disk instead of memory.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- Wagtail ----------------------------------------------------------------
WAGTAIL_SITE_NAME = "Taimi"
# The site's address as readers reach it, for links in e-mails (Wagtail's workflow and
# comment notifications, reminders): TAIMI_BASE_URL, e.g. https://taimi.keha.example
# (BASE_URL is still read for old configurations). Without either, the address
# scripts/start.sh serves on (HOST and PORT).
_SERVED_AT = f"http://{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
WAGTAILADMIN_BASE_URL = (os.environ.get("TAIMI_BASE_URL") or os.environ.get("BASE_URL") or _SERVED_AT).rstrip(
    "/"
)
# Page addresses in ASCII: "etätyöohje" becomes etatyoohje (core/page_forms.py).
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
# Documents always go through Wagtail's serve view (never a direct storage URL),
# so the instruction library can check the audience before a file is sent.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
TAGGIT_CASE_INSENSITIVE = True

# --- Request limits (docs/access.md, "Request limits"; realtime/request_limits.py) ---------------------
# Enforced by the server before a body is buffered (413), the same for anonymous and signed-in requests.
# The largest request body accepted on any path not listed in REQUEST_BODY_LIMITS. Forms, the chat and
# search APIs and the admin's page editor send far less (Django's own DATA_UPLOAD_MAX_MEMORY_SIZE caps a
# form's fields at 2.5 MB); larger lets more memory and disk be taken by one request, smaller refuses an
# unusually long page edit in the admin.
REQUEST_MAX_BODY_SIZE = int(os.environ.get("REQUEST_MAX_BODY_SIZE") or 4 * 1024 * 1024)
# Room for the multipart framing and the form's other fields beside an uploaded file.
REQUEST_UPLOAD_OVERHEAD = 1024 * 1024
# Paths that take uploads, with their own larger limits: (regular expression matched against the path, bytes).
# Each is the application's own file limit plus the overhead (tests/realtime/test_request_limits.py checks
# they agree): a file the application would accept is never cut off by the server, one far over it never
# reaches the application.
REQUEST_BODY_LIMITS = [
    (r"^/admin/documents/", WAGTAILDOCS_MAX_UPLOAD_SIZE + REQUEST_UPLOAD_OVERHEAD),
    (r"^/admin/images/", WAGTAILIMAGES_MAX_UPLOAD_SIZE + REQUEST_UPLOAD_OVERHEAD),
    # The admin's own avatar upload (account settings) is an image too.
    (r"^/admin/account/", WAGTAILIMAGES_MAX_UPLOAD_SIZE + REQUEST_UPLOAD_OVERHEAD),
    # chat/attachments.py MAX_FILE_BYTES
    (r"^/chat/api/huoneet/\d+/liitteet/$", 20 * 1024 * 1024 + REQUEST_UPLOAD_OVERHEAD),
    # teams/photos.py MAX_PHOTO_BYTES
    (r"^/ihmiset/oma-profiili/kuva/$", 8 * 1024 * 1024 + REQUEST_UPLOAD_OVERHEAD),
]
# The longest request line (method, path and query string) and the longest single header line, in bytes;
# longer is answered 414 (or 431 for a header). Longer allows longer search and filter URLs; every byte is
# read into memory before anything is checked, so this is also the most a client can make the server hold
# per line.
REQUEST_MAX_URL_BYTES = int(os.environ.get("REQUEST_MAX_URL_BYTES") or 16 * 1024)
# No Gravatar: avatars would be fetched from an outside service (no external
# requests from an internal system; the admin shows initials instead).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# No call home: the admin would fetch releases.wagtail.org on every dashboard visit.
WAGTAIL_ENABLE_UPDATE_CHECK = False

# --- Background work ---------------------------------------------------------
# Jobs (scheduled publishing, announcing news, reminders, indexing) are queued
# in the database and run by `manage.py run_worker` (started by scripts/start.sh
# beside Daphne). Wagtail's own tasks (reference index) use the same queue.
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default"],
    }
}

# --- Logging (docs/deployment.md, "Logs") -------------------------------------------------------------
# LOG_FORMAT=json (deploy/ sets it): one JSON object per line with the time, level, logger, message and the
# request and user ids (core.logcontext) for a log collector; anything else: plain lines for a terminal.
# Access lines (logger taimi.access) carry the method, URL name, status and milliseconds, never a query
# string or a body.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "text")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_context": {"()": "core.logcontext.RequestContext"}},
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(levelname)s %(name)s %(message)s %(request_id)s %(user_id)s",
            "rename_fields": {"levelname": "level", "name": "logger"},
            "timestamp": "time",  # ISO 8601 in UTC
        },
        "text": {"format": "%(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_context"],
            "formatter": "json" if LOG_FORMAT == "json" else "text",
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # Wagtail logs every page action and background task at INFO; the audit
    # trail is in the admin's history, so keep the console for warnings.
    "loggers": {
        **{name: {"level": "WARNING"} for name in ["axes", "wagtail", "django_tasks", "modelsearch"]},
        # One line per request: on in production (LOG_ACCESS=1, deploy/), off for the terminal and tests.
        "taimi.access": {"level": "INFO" if env_bool("LOG_ACCESS") else "WARNING"},
    },
}

# --- Health and metrics (docs/deployment.md, "Health, metrics and logs") --------------------------------
# /metrics answers a request with "Authorization: Bearer <METRICS_TOKEN>" (when set) or from an address in
# METRICS_ALLOWED_NETWORKS (comma-separated CIDRs; behind nginx, the client address nginx forwards).
METRICS_TOKEN = os.environ.get("METRICS_TOKEN", "")
METRICS_ALLOWED_NETWORKS = env_list("METRICS_ALLOWED_NETWORKS", "127.0.0.1/32,::1/128")

SITE_TITLE = _("Taimi – KEHA intranet")

# --- Personal data: retention and export (docs/privacy.md) -------------------
# Each period is shown in the privacy notice as it is here (a test compares them); days unless named.
# Chat messages of rooms that follow the organisation's default; None keeps them (records).
CHAT_RETENTION_DAYS = int(os.environ.get("CHAT_RETENTION_DAYS", "730")) or None
# Rooms marked "casual": small talk that no records rule requires.
CHAT_CASUAL_RETENTION_DAYS = int(os.environ.get("CHAT_CASUAL_RETENTION_DAYS", "90"))
# Messages removed by retention wait in the archive this long (administrators can restore them).
CHAT_ARCHIVE_DAYS = int(os.environ.get("CHAT_ARCHIVE_DAYS", "30"))
SEARCH_LOG_RETENTION_DAYS = int(os.environ.get("SEARCH_LOG_RETENTION_DAYS", "365"))
NOTIFICATION_RETENTION_DAYS = int(os.environ.get("NOTIFICATION_RETENTION_DAYS", "180"))
AUDIT_RETENTION_DAYS = int(os.environ.get("AUDIT_RETENTION_DAYS", "1825"))
# A deactivated person's data is removed or anonymised this long after they left.
PRIVACY_ERASE_AFTER_DAYS = int(os.environ.get("PRIVACY_ERASE_AFTER_DAYS", "90"))
# A "download my data" link works this long; the file is removed after it.
PRIVACY_EXPORT_HOURS = int(os.environ.get("PRIVACY_EXPORT_HOURS", "72"))
# How long the download link of a strategy facilitation export works (docs/strategy.md).
STRATEGY_EXPORT_HOURS = int(os.environ.get("STRATEGY_EXPORT_HOURS", "24"))
# Rows deleted per statement by the retention jobs: short transactions, chat keeps flowing.
RETENTION_BATCH_SIZE = int(os.environ.get("RETENTION_BATCH_SIZE", "50"))
# Seconds the retention job rests between batches: the chat's writes get the database in between.
RETENTION_PAUSE_SECONDS = float(os.environ.get("RETENTION_PAUSE_SECONDS", "0.05"))
