"""Settings for the OPIC portal: one module, configured from environment variables.

With nothing set, the portal runs on an embedded default (SQLite, Celery tasks executed
eagerly in the web process, e-mail printed to the console). Production sets DATABASE_URL,
REDIS_URL, DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS, DJANGO_DEBUG=False and EMAIL_URL; every
variable is listed in .env.example. An empty variable means its default.
"""

import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import environ
from botocore.config import Config as BotocoreConfig
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


class _SetVariables(Mapping[str, str]):
    """The process environment without its empty (or blank) variables."""

    def __getitem__(self, name: str) -> str:
        value = os.environ[name]
        if not value.strip():
            raise KeyError(name)
        return value

    def __iter__(self) -> Iterator[str]:
        return (name for name, value in os.environ.items() if value.strip())

    def __len__(self) -> int:
        return sum(1 for _ in self)


# django-environ, except that an empty variable means its default, as if it were unset: .env.example
# lists every variable, most of them empty, and copied as-is to .env it must give the defaults.
env = environ.Env()
env.ENVIRON = _SetVariables()
if (BASE_DIR / ".env").is_file():
    environ.Env.read_env(BASE_DIR / ".env")

DEBUG = env.bool("DJANGO_DEBUG", default=True)

_DEV_SECRET_KEY = "dev-only-insecure-key-never-use-in-production"
SECRET_KEY = env.str("DJANGO_SECRET_KEY", default=_DEV_SECRET_KEY if DEBUG else "")
if not SECRET_KEY:
    raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG=False.")

ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "portal.admin.PortalAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rules",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_celery_beat",
    "complaints",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Before the gates below, so that what they refuse is recorded as refused.
    "complaints.audit.middleware.AuditMiddleware",
    "complaints.middleware.StaffIdleTimeoutMiddleware",
    "complaints.middleware.SecondFactorRequiredMiddleware",
    "complaints.middleware.PrivacyHeadersMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "complaints.context_processors.portal",
            ],
        },
    }
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    # The cache is an optimisation that may fail: while Redis does not answer, the cache (and the
    # log-in limits counted in it) falls back to each process's memory (portal/cache.py).
    CACHES = {
        "default": {
            "BACKEND": "portal.cache.FallbackRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_USER_MODEL = "complaints.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "complaints:dashboard"

# django-allauth: log in by e-mail, verify the address before the account can be used. A child's
# account made by a caseworker or a parent has no address: the child signs in with the username
# (complaints.childaccounts; the e-mail check is skipped for those accounts alone, in
# complaints.accounts.adapter).
# (A tuple, not a set: allauth takes any iterable, and a tuple prints the same in every process.)
ACCOUNT_LOGIN_METHODS = ("email", "username")
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = env.str("ACCOUNT_EMAIL_VERIFICATION", default="mandatory")
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_FORMS = {"signup": "complaints.accounts.forms.SignupForm"}
# E-mail subjects are exactly what templates/account/email/ says: no "[site] " prefix.
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
ACCOUNT_ADAPTER = "complaints.accounts.adapter.AccountAdapter"
# Password reset and sign-up answer the same whether or not an address has an account (sign-up
# can only keep that promise while e-mail verification is mandatory: portal.W001 says so).
ACCOUNT_PREVENT_ENUMERATION = True
# Log-in limits. Wrong passwords are counted per account (a few per 5 minutes; its owner gets an
# e-mail when the limit trips) and per client address much more generously, because a school or an
# NGO office signs in from one address: fifty people there must get in within a minute, and one
# person guessing must not lock the others out. Log-in attempts as such are limited per address only
# against floods. Failed second-factor codes count under login_failed too (per account).
ACCOUNT_RATE_LIMITS = {
    "login": "300/m/ip",
    "login_failed": "100/5m/ip,5/5m/key",
}
# The client's address, for those limits. Behind a TLS proxy (docker-compose.yml) every request comes
# from the proxy: set the number of proxies in front of the portal that append to X-Forwarded-For
# (default 0: the header is ignored, as anyone can forge it), or the header a single trusted proxy
# sets to the client's address (e.g. X-Real-IP).
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("ALLAUTH_TRUSTED_PROXY_COUNT", default=0)
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = env.str("ALLAUTH_TRUSTED_CLIENT_IP_HEADER", default="") or None
# The key of the audit log's hash chain (complaints/audit/chain.py); SECRET_KEY when empty. Kept out
# of the database, so that whoever can write the table cannot forge a chain that verifies; changing
# it makes every older entry fail `manage.py audit_verify`.
AUDIT_CHAIN_KEY = env.str("AUDIT_CHAIN_KEY", default="")

# Second factor (django-allauth's MFA): required of caseworkers, reviewers and administrators
# before they see any case (complaints.middleware.SecondFactorRequiredMiddleware and the API's
# authentication classes), offered to filers on their account page.
MFA_ADAPTER = "complaints.accounts.adapter.MFAAdapter"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_PASSKEY_LOGIN_ENABLED = True
MFA_TOTP_ISSUER = "OPIC portal"
# WebAuthn needs HTTPS, except on localhost; development over plain HTTP elsewhere may allow it.
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = DEBUG
# A signed-in staff session ends after this many seconds without a request (filers keep
# SESSION_COOKIE_AGE).
STAFF_SESSION_IDLE_TIMEOUT = env.int("STAFF_SESSION_IDLE_TIMEOUT", default=30 * 60)

# Internationalisation: the interface speaks Kazakh, Russian and English.
LANGUAGE_CODE = env.str("DJANGO_LANGUAGE_CODE", default="en")
LANGUAGES = [("kk", "Қазақша"), ("ru", "Русский"), ("en", "English")]
# The portal's own catalogues first; then Kazakh for third-party pages (allauth, Django forms) that ship none.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_vendor"]
FORMAT_MODULE_PATH = ["portal.formats"]
TIME_ZONE = env.str("DJANGO_TIME_ZONE", default="Asia/Almaty")
USE_I18N = True
USE_TZ = True
LANGUAGE_COOKIE_NAME = "portal_language"
LANGUAGE_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Uploaded documents hold children's data: they live outside STATIC_ROOT and are only ever
# served by permission-checked views, never by a public URL.
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(BASE_DIR / "var" / "media")))
MEDIA_URL = "/media-not-public/"
_S3_VARIABLES = ("S3_BUCKET", "S3_ENDPOINT_URL", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY", "S3_REGION")


def files_storage() -> dict[str, Any]:
    """Where uploaded documents and dossiers are kept, read from the environment when called.

    Local disk (MEDIA_ROOT) unless S3_BUCKET names a bucket of an S3-compatible store, which web
    and worker containers on several machines then share. Objects stay private: no ACL is sent (the
    bucket's own, private, applies) and any URL the storage makes is signed and lasts a minute; the
    portal itself never hands one out, it streams files through its permission-checked views.
    """
    bucket = env.str("S3_BUCKET", default="")
    given = [name for name in _S3_VARIABLES if env.str(name, default="")]
    if not bucket:
        if given:
            raise ImproperlyConfigured(
                f"{', '.join(given)} set without S3_BUCKET: set it, or empty them all."
            )
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    access_key, secret_key = (
        env.str("S3_ACCESS_KEY_ID", default=""),
        env.str("S3_SECRET_ACCESS_KEY", default=""),
    )
    if bool(access_key) != bool(secret_key):
        raise ImproperlyConfigured("Set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither.")
    endpoint = env.str("S3_ENDPOINT_URL", default="")
    options: dict[str, Any] = {
        "bucket_name": bucket,
        "default_acl": None,
        "querystring_auth": True,
        "querystring_expire": 60,
        "file_overwrite": False,
        "signature_version": "s3v4",
        "client_config": BotocoreConfig(
            connect_timeout=5, read_timeout=30, retries={"max_attempts": 3, "mode": "standard"}
        ),
    }
    if endpoint:  # MinIO and other S3-compatible stores: bucket in the path, not in the host name
        options |= {"endpoint_url": endpoint, "addressing_style": "path"}
    if access_key:  # otherwise boto3's own chain: AWS_* variables, an instance or task role
        options |= {"access_key": access_key, "secret_key": secret_key}
    if region := env.str("S3_REGION", default=""):
        options["region_name"] = region
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}


# Encryption at rest of what identifies a child (names, dates of birth, contact details, the facts,
# notes, documents and dossiers): comma-separated Fernet keys, the first encrypts, every one decrypts
# (README, "Encryption at rest"). Empty: a key derived from SECRET_KEY, refused in production
# (portal.E003). Documents and dossiers go through complaints.crypto.storage, which encrypts over
# whatever STORAGES["default"] names.
PORTAL_ENCRYPTION_KEYS = env.list("PORTAL_ENCRYPTION_KEYS", default=[])
STORAGES = {
    "default": files_storage(),
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Security. Production (DJANGO_DEBUG=False) is HTTPS-only with HSTS and secure cookies.
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # container health checks speak plain HTTP inside the network
if env.bool("DJANGO_BEHIND_TLS_PROXY", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = 0 if DEBUG else env.int("DJANGO_HSTS_SECONDS", default=31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
# same-origin: other sites never learn which page a child came from, while our own forms keep
# their Origin header (with no-referrer, browsers send "Origin: null" and CSRF checks fail).
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=8 * 60 * 60)
CSRF_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
# Content-Security-Policy (django-csp 4): scripts, styles, fonts and fetches from our own origin
# only, no inline script or style (templates pass data in data- attributes or json_script), no
# framing, no plugins, forms post only to us. The API docs (ReDoc) relax style-src for that view
# alone (portal/urls.py). Permissions-Policy and Cache-Control: complaints.middleware.
# Quick exit (complaints.accounts.views.quick_exit): where one press on "Leave this site quickly"
# lands after signing out. A neutral page that says nothing about the portal. The form posts to the
# portal, which redirects there, so the policy's form-action allows that one origin as well.
QUICK_EXIT_URL = env.str("QUICK_EXIT_URL", default="https://www.google.com/")
_quick_exit = urlsplit(QUICK_EXIT_URL)
if _quick_exit.scheme not in ("http", "https") or not _quick_exit.netloc:
    raise ImproperlyConfigured(f"QUICK_EXIT_URL={QUICK_EXIT_URL!r}: use an absolute http(s) address")
QUICK_EXIT_ORIGIN = f"{_quick_exit.scheme}://{_quick_exit.netloc}"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF, QUICK_EXIT_ORIGIN],
        "base-uri": [NONE],
        "object-src": [NONE],
    },
}
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
if EMAIL_CONFIG.get("EMAIL_BACKEND") == "django.core.mail.backends.console.EmailBackend":
    EMAIL_BACKEND = "portal.logsafety.ConsoleEmailBackend"  # secret links cut out unless DEBUG
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="OPIC portal <no-reply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Where "Send to the Committee" (complaints.dispatch) sends the filing dossier. The OHCHR's
# Petitions Team receives individual communications to the treaty bodies, the CRC's under OPIC
# among them, by e-mail as signed, scanned attachments or by post (OHCHR Fact Sheet No. 7/Rev.2,
# 2013, as translated at https://espchhelp.ru/koon/stati/4412-what-information-should-be-included-in-the-complaint-to-the-un-committees;
# CRIN, "Where are complaints heard?", archive.crin.org/en/guides/legal/crc-complaints-mechanism-toolkit/).
# The e-mail address was not found on an OHCHR page in the sources at hand: petitions@ohchr.org is
# the address in common use for the Petitions Team; check it before relying on it, and note that
# the OHCHR's CRC page now asks for its online submission form
# (https://www.ohchr.org/en/treaty-bodies/crc/individual-communications).
COMMITTEE_PETITIONS_EMAIL = env.str("COMMITTEE_PETITIONS_EMAIL", default="petitions@ohchr.org")
# The postal address OHCHR gives for individual communications ("Petitions Team, Office of the
# High Commissioner for Human Rights, United Nations Office at Geneva, 1211 Geneva 10,
# Switzerland": http://www2.ohchr.org/french/bodies/question.htm). Lines separated by "|".
COMMITTEE_PETITIONS_POSTAL_ADDRESS = [
    line.strip()
    for line in env.str(
        "COMMITTEE_PETITIONS_POSTAL_ADDRESS",
        default="Petitions Team|Office of the United Nations High Commissioner for Human Rights"
        "|United Nations Office at Geneva|1211 Geneva 10|Switzerland",
    ).split("|")
    if line.strip()
]

# Celery: eager in the web process unless a broker is configured.
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default=REDIS_URL or "memory://")
CELERY_RESULT_BACKEND = env.str("CELERY_RESULT_BACKEND", default=REDIS_URL or None)
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=not REDIS_URL)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
# A task is acknowledged when it ends, and given back to the queue when its worker dies under it
# (a killed pool process at once; a killed worker once the visibility timeout has passed). Tasks
# are idempotent, so a second delivery is harmless.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=5 * 60)
CELERY_TASK_SOFT_TIME_LIMIT = env.int("CELERY_TASK_SOFT_TIME_LIMIT", default=4 * 60)
CELERY_BROKER_TRANSPORT_OPTIONS = {
    # Redis gives an unacknowledged task to another worker after this long: just above the hard
    # time limit, so no task still running is handed out twice (Redis's default is one hour).
    "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=CELERY_TASK_TIME_LIMIT + 60),
    # Look for such tasks every 10 s (default: every 100 s).
    "unacked_restore_interval": 10,
    "unacked_restore_throttle": 1,
    # A web request sending a task waits seconds, not forever, for a broker that is gone.
    "socket_connect_timeout": 5,
    "socket_timeout": 10,
}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
# django-celery-beat's DatabaseScheduler copies these entries into its PeriodicTask table when
# beat starts. The deadline sweep is idempotent and reads only what is due, so running it hourly
# costs little and a missed run (beat or the workers down) is made up by the next one. The
# dossier re-drive sends again what a failed send or a lost worker left waiting.
CELERY_BEAT_SCHEDULE = {
    "sweep-deadlines": {"task": "complaints.tasks.sweep_deadlines", "schedule": 60 * 60.0},
    "redrive-dossiers": {"task": "complaints.tasks.redrive_dossiers", "schedule": 60.0},
    "purge-erased-cases": {"task": "complaints.tasks.purge_erased_cases", "schedule": 24 * 60 * 60.0},
}
# How long a submitted case erased at the family's request keeps its record of filing (reference,
# dates, State, status, the checksum of what was signed, the filing dossier) before the daily purge
# removes it. Five years (1826 days) covers the Committee's examination and the follow-up of its
# Views (OPIC art. 11) in most cases; an NGO with a different duty of record sets its own.
ERASURE_RETENTION_DAYS = env.int("ERASURE_RETENTION_DAYS", default=1826)
# A queued dossier whose task was last sent this many seconds ago is sent again by the re-drive.
DOSSIER_RESEND_AFTER = env.int("DOSSIER_RESEND_AFTER", default=5 * 60)
CELERY_TIMEZONE = TIME_ZONE

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "complaints.api.authentication.SessionAuthentication",
        "complaints.api.authentication.ExpiringTokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    # JSON nested too deep, too large or with NaN or lone surrogates is a 400, never a server error.
    "DEFAULT_PARSER_CLASSES": [
        "complaints.api.parsers.BoundedJSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "EXCEPTION_HANDLER": "complaints.api.exceptions.exception_handler",
    "DEFAULT_PAGINATION_CLASS": "complaints.api.pagination.PageNumbers",
    "PAGE_SIZE": 25,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_THROTTLE_RATES": {"assess": env.str("ASSESS_RATE", default="120/min")},
}
# An API token stops working this many seconds after it was made (default 30 days); it also dies
# with a password change or reset, with "Sign out everywhere", and can be revoked on the account page.
API_TOKEN_MAX_AGE = env.int("API_TOKEN_MAX_AGE", default=30 * 24 * 60 * 60)
# Seconds a child's start code works (complaints.childaccounts): the adult hands it over in person.
CHILD_ACCOUNT_CODE_MAX_AGE = env.int("CHILD_ACCOUNT_CODE_MAX_AGE", default=7 * 24 * 60 * 60)
SPECTACULAR_SETTINGS = {
    "TITLE": "OPIC portal API",
    "DESCRIPTION": "Communications to the UN Committee on the Rights of the Child under OPIC.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Several models have a "status": name each choice set once, so the schema stays stable.
    "ENUM_NAME_OVERRIDES": {
        "CommunicationStatusEnum": "complaints.models.Communication.Status",
        "ProcedureStatusEnum": "complaints.models.OtherProcedure.Status",
    },
}

# Secret-bearing links (invitations, calendar feeds, reset keys) are cut out of every log line,
# Django's own request log included (portal/logsafety.py).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"secrets": {"()": "portal.logsafety.RedactSecretsFilter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["secrets"]}},
    "loggers": {
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
}

PORTAL_NAME = _("Children's rights complaints portal")
# The portal's public address, for links in e-mails (reminders): e.g. https://portal.example.org
PORTAL_BASE_URL = env.str("PORTAL_BASE_URL", default="http://127.0.0.1:8000")
# Whose help contacts a signed-in page without a case shows (ISO 3166 alpha-3; complaints/filing/help.py).
PORTAL_HELP_STATE = env.str("PORTAL_HELP_STATE", default="") or "KAZ"

# With tasks run eagerly (no broker, `make run`) nothing runs Celery beat: the web process then runs the
# hourly deadline sweep itself, at the end of a request (complaints.deadlines.request_sweep).
DEADLINE_SWEEP_ON_REQUESTS = CELERY_TASK_ALWAYS_EAGER
