"""A small OpenID Connect provider shaped like Microsoft Entra ID, for the tests and the demo.

Run: ``python -m sso.local_provider --port 8131 --client-id taimi --client-secret s3cret
--redirect-prefix http://127.0.0.1:8000/``. It knows the people in ``users.json`` beside this
file (or ``--users FILE``), signs its tokens with an RSA key made at start-up and serves:

* ``/<tid>/v2.0/.well-known/openid-configuration`` (discovery; the issuer of each tenant is
  ``<base>/<tid>/v2.0``, as Entra's ``https://login.microsoftonline.com/<tid>/v2.0``),
* ``/discovery/v2.0/keys`` (JWKS), ``/oauth2/v2.0/authorize`` (a sign-in form; ``prompt=none``
  answers from the provider's own session cookie), ``/oauth2/v2.0/token`` (authorization code with
  PKCE S256 and the client secret), ``/oidc/userinfo``, ``/oauth2/v2.0/logout`` (end session),
* ``/v1.0/me/getMemberObjects`` (the Graph call a client makes when a token has too many groups),
* ``/admin/reset`` (POST: users as in the file again, no sessions), ``/admin/users/<username>``
  (POST JSON: ``enabled``, ``groups``, ``overage``, any claim) and
  ``/admin/fault`` (POST JSON ``{"fault": ...}``: the next ID token is wrong on purpose: ``issuer``,
  ``audience``, ``expired``, ``signature``, ``replay_nonce``, ``state``, ``tenant``), for tests.

Never for production: passwords are in a JSON file and anyone on the machine may call /admin/.
"""

import argparse
import base64
import hashlib
import html
import json
import secrets
import threading
import time
import uuid
from http.cookies import SimpleCookie
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

from joserfc import jwt
from joserfc.jwk import RSAKey

USERS_FILE = Path(__file__).with_name("users.json")
COOKIE = "local_idp_session"
# Entra sends the overage marker instead of `groups` past 200 groups in a JWT.
OVERAGE_CLAIM_NAMES = {"groups": "src1"}


class Provider:
    """The provider's state: users, signing keys, codes, sessions and the next fault."""

    def __init__(
        self, *, base_url: str, users_file: Path, client_id: str, client_secret: str, redirect_prefixes
    ):
        self.base_url = base_url.rstrip("/")
        self.users_file = users_file
        self.users = load_users(users_file)
        self.client_id = client_id
        self.client_secret = client_secret
        self.redirect_prefixes = list(redirect_prefixes)
        self.key = RSAKey.generate_key(2048, parameters={"kid": "local-1", "use": "sig", "alg": "RS256"})
        # Signs the "bad signature" tokens: same key id, another key.
        self.wrong_key = RSAKey.generate_key(2048, parameters={"kid": "local-1"})
        self.codes: dict[str, dict] = {}
        self.sessions: dict[str, str] = {}  # provider session cookie -> username
        self.access_tokens: dict[str, str] = {}
        self.fault: str | None = None
        self.last_nonce: str | None = None
        self.lock = threading.Lock()

    def issuer(self, tid: str) -> str:
        return f"{self.base_url}/{tid}/v2.0"

    def redirect_allowed(self, uri: str) -> bool:
        return any(uri.startswith(prefix) for prefix in self.redirect_prefixes)

    def id_token(self, *, username: str, nonce: str | None, fault: str | None) -> str:
        user = self.users[username]
        now = int(time.time())
        tid = user["tid"]
        claims = {
            "iss": self.issuer(tid),
            "aud": self.client_id,
            "iat": now,
            "nbf": now,
            "exp": now + 3600,
            "tid": tid,
            "oid": user["oid"],
            "sub": hashlib.sha256(f"{user['oid']}:{self.client_id}".encode()).hexdigest()[:43],
            "preferred_username": user["preferred_username"],
            "name": f"{user['given_name']} {user['family_name']}",
            "ver": "2.0",
        }
        for claim in ("given_name", "family_name", "email", "jobTitle", "phone", "employeeid"):
            if user.get(claim):
                claims[claim] = user[claim]
        if user.get("overage"):
            claims["_claim_names"] = OVERAGE_CLAIM_NAMES
            claims["_claim_sources"] = {"src1": {"endpoint": f"{self.base_url}/v1.0/me/getMemberObjects"}}
        else:
            claims["groups"] = list(user.get("groups", []))
        if nonce is not None:
            claims["nonce"] = nonce
        key = self.key
        if fault == "issuer":
            claims["iss"] = f"http://127.0.0.2:1/{tid}/v2.0"
        elif fault == "audience":
            claims["aud"] = "some-other-application"
        elif fault == "expired":
            claims["iat"], claims["nbf"], claims["exp"] = now - 7200, now - 7200, now - 3600
        elif fault == "signature":
            key = self.wrong_key
        elif fault == "replay_nonce":
            claims["nonce"] = self.last_nonce or "an-old-nonce"
        elif fault == "tenant":
            other = "99999999-9999-4999-8999-999999999999"
            claims["tid"], claims["iss"] = other, self.issuer(other)
        if fault != "replay_nonce" and nonce is not None:
            self.last_nonce = nonce
        return jwt.encode({"alg": "RS256", "kid": "local-1", "typ": "JWT"}, claims, key)


def load_users(path: Path) -> dict:
    data = json.loads(path.read_text(encoding="utf-8"))
    users = {}
    for entry in data["users"]:
        entry.setdefault("tid", data["tenant"])
        entry.setdefault("enabled", True)
        entry.setdefault("groups", [])
        entry.setdefault("preferred_username", f"{entry['username']}@{data['domain']}")
        entry.setdefault("email", entry["preferred_username"])
        entry.setdefault("oid", str(uuid.uuid5(uuid.NAMESPACE_URL, f"taimi-local-idp:{entry['username']}")))
        users[entry["username"]] = entry
    return users


def _b64url_sha256(value: str) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(value.encode()).digest()).rstrip(b"=").decode()


LOGIN_PAGE = """<!doctype html><html lang="fi"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Paikallinen tunnistus</title></head>
<body><main><h1>Paikallinen tunnistuspalvelu (testi)</h1><p>{error}</p>
<form method="post"><input type="hidden" name="q" value="{query}">
<p><label for="u">Työtili</label> <input id="u" name="username" autocomplete="username"></p>
<p><label for="p">Salasana</label> <input id="p" name="password" type="password"></p>
<p><button type="submit">Kirjaudu</button></p></form></main></body></html>"""


def make_handler(provider: Provider):
    class Handler(BaseHTTPRequestHandler):
        server_version = "TaimiLocalIdP/1"

        def log_message(self, format, *args):  # noqa: A002 - quiet: tests read their own output
            pass

        # --- helpers ---------------------------------------------------------
        def _send(self, status: int, body: bytes, content_type: str, headers: dict | None = None):
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)

        def _json(self, data, status: int = 200):
            self._send(status, json.dumps(data).encode(), "application/json")

        def _redirect(self, location: str, cookie: str | None = None):
            self.send_response(302)
            self.send_header("Location", location)
            if cookie is not None:
                self.send_header("Set-Cookie", cookie)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def _body(self) -> bytes:
            return self.rfile.read(int(self.headers.get("Content-Length") or 0))

        def _form(self) -> dict:
            return {k: v[0] for k, v in parse_qs(self._body().decode()).items()}

        def _session_user(self) -> str | None:
            cookie = SimpleCookie(self.headers.get("Cookie", ""))
            morsel = cookie.get(COOKIE)
            return provider.sessions.get(morsel.value) if morsel else None

        # --- routes ----------------------------------------------------------
        def do_GET(self):
            url = urlsplit(self.path)
            query = {k: v[0] for k, v in parse_qs(url.query).items()}
            parts = url.path.strip("/").split("/")
            if url.path.endswith("/v2.0/.well-known/openid-configuration") and len(parts) == 4:
                return self._json(self._discovery(parts[0]))
            if url.path == "/discovery/v2.0/keys":
                return self._json({"keys": [provider.key.as_dict(private=False)]})
            if url.path == "/oauth2/v2.0/authorize":
                return self._authorize_get(query, url.query)
            if url.path == "/oauth2/v2.0/logout":
                return self._logout(query)
            if url.path == "/oidc/userinfo":
                return self._userinfo()
            if url.path == "/admin/state":
                return self._json(
                    {"sessions": sorted(set(provider.sessions.values())), "users": provider.users}
                )
            if url.path == "/healthz":
                return self._json({"status": "ok"})
            self._send(404, b"not found", "text/plain")

        def do_POST(self):
            url = urlsplit(self.path)
            if url.path == "/oauth2/v2.0/authorize":
                return self._authorize_post()
            if url.path == "/oauth2/v2.0/token":
                return self._token()
            if url.path == "/v1.0/me/getMemberObjects":
                return self._member_objects()
            if url.path.startswith("/admin/users/"):
                return self._admin_user(url.path.rsplit("/", 1)[-1])
            if url.path == "/admin/reset":  # users as in the file, no sessions, no fault
                provider.users = load_users(provider.users_file)
                provider.sessions.clear()
                provider.fault = None
                return self._json({"reset": True})
            if url.path == "/admin/fault":
                provider.fault = json.loads(self._body() or b"{}").get("fault")
                return self._json({"fault": provider.fault})
            self._send(404, b"not found", "text/plain")

        def _discovery(self, tid: str) -> dict:
            base = provider.base_url
            return {
                "issuer": provider.issuer(tid),
                "authorization_endpoint": f"{base}/oauth2/v2.0/authorize",
                "token_endpoint": f"{base}/oauth2/v2.0/token",
                "userinfo_endpoint": f"{base}/oidc/userinfo",
                "end_session_endpoint": f"{base}/oauth2/v2.0/logout",
                "jwks_uri": f"{base}/discovery/v2.0/keys",
                "response_types_supported": ["code"],
                "subject_types_supported": ["pairwise"],
                "id_token_signing_alg_values_supported": ["RS256"],
                "code_challenge_methods_supported": ["S256"],
                "scopes_supported": ["openid", "profile", "email", "offline_access"],
            }

        def _authorize_get(self, query: dict, raw_query: str):
            problem = self._check_authorize(query)
            if problem:
                return self._send(400, problem.encode(), "text/plain; charset=utf-8")
            username = self._session_user()
            if query.get("prompt") == "none":
                if username is None:
                    return self._error_redirect(query, "login_required", "AADSTS50058: no session")
                if not provider.users[username]["enabled"]:
                    return self._error_redirect(
                        query, "access_denied", "AADSTS50057: The user account is disabled."
                    )
                return self._issue_code(query, username)
            page = LOGIN_PAGE.format(error="", query=html.escape(raw_query))
            self._send(200, page.encode(), "text/html; charset=utf-8")

        def _authorize_post(self):
            form = self._form()
            query = {k: v[0] for k, v in parse_qs(form.get("q", "")).items()}
            problem = self._check_authorize(query)
            if problem:
                return self._send(400, problem.encode(), "text/plain; charset=utf-8")
            user = provider.users.get(form.get("username", "").split("@")[0])
            if user is None or user.get("password") != form.get("password") or not user["enabled"]:
                page = LOGIN_PAGE.format(
                    error="Väärä tunnus tai salasana, tai tili on poistettu käytöstä.",
                    query=html.escape(form.get("q", "")),
                )
                return self._send(200, page.encode(), "text/html; charset=utf-8")
            session = secrets.token_urlsafe(24)
            provider.sessions[session] = user["username"]
            self._issue_code(
                query, user["username"], cookie=f"{COOKIE}={session}; Path=/; HttpOnly; SameSite=Lax"
            )

        def _check_authorize(self, query: dict) -> str | None:
            if query.get("client_id") != provider.client_id:
                return "unknown client_id"
            if not provider.redirect_allowed(query.get("redirect_uri", "")):
                return "redirect_uri is not registered"
            if query.get("response_type") != "code":
                return "only response_type=code"
            if query.get("code_challenge_method") != "S256" or not query.get("code_challenge"):
                return "PKCE with S256 is required"
            return None

        def _error_redirect(self, query: dict, error: str, description: str):
            params = {"error": error, "error_description": description, "state": query.get("state", "")}
            self._redirect(f"{query['redirect_uri']}?{urlencode(params)}")

        def _issue_code(self, query: dict, username: str, cookie: str | None = None):
            code = secrets.token_urlsafe(32)
            with provider.lock:
                fault, provider.fault = provider.fault, None
            provider.codes[code] = {
                "username": username,
                "redirect_uri": query["redirect_uri"],
                "nonce": query.get("nonce"),
                "challenge": query["code_challenge"],
                "expires": time.time() + 300,
                "fault": fault,
            }
            state = query.get("state", "")
            if fault == "state":
                state = "not-the-state-that-was-sent"
            params = {"code": code, "state": state}
            self._redirect(f"{query['redirect_uri']}?{urlencode(params)}", cookie)

        def _token(self):
            form = self._form()
            auth = self.headers.get("Authorization", "")
            if auth.startswith("Basic "):
                client_id, _, secret = base64.b64decode(auth[6:]).decode().partition(":")
            else:
                client_id, secret = form.get("client_id"), form.get("client_secret")
            if client_id != provider.client_id or secret != provider.client_secret:
                return self._json({"error": "invalid_client"}, 401)
            grant = provider.codes.pop(form.get("code", ""), None)  # a code works once
            if (
                form.get("grant_type") != "authorization_code"
                or grant is None
                or grant["expires"] < time.time()
            ):
                return self._json({"error": "invalid_grant"}, 400)
            if grant["redirect_uri"] != form.get("redirect_uri"):
                return self._json({"error": "invalid_grant", "error_description": "redirect_uri"}, 400)
            if _b64url_sha256(form.get("code_verifier", "")) != grant["challenge"]:
                return self._json({"error": "invalid_grant", "error_description": "PKCE"}, 400)
            username = grant["username"]
            access_token = secrets.token_urlsafe(32)
            provider.access_tokens[access_token] = username
            id_token = provider.id_token(username=username, nonce=grant["nonce"], fault=grant["fault"])
            self._json(
                {
                    "token_type": "Bearer",
                    "expires_in": 3600,
                    "access_token": access_token,
                    "id_token": id_token,
                    "scope": "openid profile email",
                }
            )

        def _bearer_user(self) -> dict | None:
            auth = self.headers.get("Authorization", "")
            username = provider.access_tokens.get(auth[7:]) if auth.startswith("Bearer ") else None
            return provider.users.get(username) if username else None

        def _userinfo(self):
            user = self._bearer_user()
            if user is None:
                return self._json({"error": "invalid_token"}, 401)
            self._json(
                {
                    "sub": user["oid"],
                    "name": f"{user['given_name']} {user['family_name']}",
                    "given_name": user["given_name"],
                    "family_name": user["family_name"],
                    "email": user["email"],
                }
            )

        def _member_objects(self):
            user = self._bearer_user()
            if user is None:
                return self._json({"error": "invalid_token"}, 401)
            self._json({"value": list(user.get("groups", []))})

        def _logout(self, query: dict):
            cookie = SimpleCookie(self.headers.get("Cookie", ""))
            morsel = cookie.get(COOKIE)
            if morsel:
                provider.sessions.pop(morsel.value, None)
            target = query.get("post_logout_redirect_uri", "")
            expired = f"{COOKIE}=; Path=/; Max-Age=0"
            if target and provider.redirect_allowed(target):
                return self._redirect(target, expired)
            self._send(200, b"Olet kirjautunut ulos.", "text/plain; charset=utf-8", {"Set-Cookie": expired})

        def _admin_user(self, username: str):
            user = provider.users.get(username)
            if user is None:
                return self._json({"error": "no such user"}, 404)
            user.update(json.loads(self._body() or b"{}"))
            self._json(user)

    return Handler


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(
        description="Local OpenID Connect provider (Entra-shaped), tests and demo only"
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8131)
    parser.add_argument("--users", type=Path, default=USERS_FILE)
    parser.add_argument("--client-id", default="taimi-local")
    parser.add_argument("--client-secret", default="taimi-local-secret")
    parser.add_argument(
        "--redirect-prefix",
        action="append",
        default=[],
        help="accepted start of redirect and post-logout URIs (repeatable)",
    )
    parser.add_argument(
        "--print-env",
        action="store_true",
        help="print the SSO_* variables that point Taimi at this provider (shell syntax) and exit",
    )
    args = parser.parse_args(argv)
    base_url = f"http://{args.host}:{args.port}"
    if args.print_env:
        tenants = sorted({user["tid"] for user in load_users(args.users).values()})
        env = {
            "SSO_AUTHORITY": base_url,
            "SSO_CLIENT_ID": args.client_id,
            "SSO_CLIENT_SECRET": args.client_secret,
            "SSO_ISSUER": f"{base_url}/{{tenantid}}/v2.0",
            "SSO_ALLOWED_TENANTS": ",".join(tenants),
            "SSO_GRAPH_URL": f"{base_url}/v1.0",
        }
        print("\n".join(f"export {name}='{value}'" for name, value in env.items()))
        return
    provider = Provider(
        base_url=base_url,
        users_file=args.users,
        client_id=args.client_id,
        client_secret=args.client_secret,
        redirect_prefixes=args.redirect_prefix or ["http://127.0.0.1:", "http://localhost:"],
    )
    server = ThreadingHTTPServer((args.host, args.port), make_handler(provider))
    print(f"Local identity provider at {base_url} (tenant issuers {base_url}/<tid>/v2.0)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
