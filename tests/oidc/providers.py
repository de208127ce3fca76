"""OpenID providers the e-ID tests sign in against, over real HTTP on localhost.

`MockProvider` is the PyPI package oidc-provider-mock run as its own process (a real
provider: discovery, authorization, token, user info, JWKS and end-session endpoints, RS256
ID tokens). It cannot sign a token for another audience, so `TinyProvider` (a few lines of
http.server, RS256 with its own key) issues the token a test asks it for.
"""

import json
import socket
import subprocess
import sys
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlsplit

import jwt
import requests
from cryptography.hazmat.primitives.asymmetric import rsa


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_up(url, process=None):
    for _attempt in range(200):
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"the provider exited with {process.returncode}")
        try:
            if requests.get(url, timeout=1).ok:
                return
        except requests.ConnectionError:
            pass
        time.sleep(0.05)
    raise RuntimeError(f"the provider at {url} did not start")


class MockProvider:
    """`python -m oidc_provider_mock` in a subprocess on a free port."""

    def __init__(self, *, token_max_age=3600):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(  # noqa: S603 - our own interpreter and arguments
            [
                sys.executable,
                "-m",
                "oidc_provider_mock",
                "--host=127.0.0.1",
                f"--port={self.port}",
                f"--token-max-age={token_max_age}",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        _wait_until_up(f"{self.url}/.well-known/openid-configuration", self.process)
        self.discovery = requests.get(
            f"{self.url}/.well-known/openid-configuration", timeout=5
        ).json()

    def settings(self):
        """The portal's OIDC settings for this provider, read from its discovery document."""
        return {
            "OIDC_OP_ISSUER": self.discovery["issuer"],
            "OIDC_OP_AUTHORIZATION_ENDPOINT": self.discovery["authorization_endpoint"],
            "OIDC_OP_TOKEN_ENDPOINT": self.discovery["token_endpoint"],
            "OIDC_OP_USER_ENDPOINT": self.discovery["userinfo_endpoint"],
            "OIDC_OP_JWKS_ENDPOINT": self.discovery["jwks_uri"],
            "OIDC_OP_END_SESSION_ENDPOINT": self.discovery["end_session_endpoint"],
        }

    def person(self, **claims):
        """A new subject at the provider with these claims; returns its `sub`."""
        sub = f"person-{uuid.uuid4()}"
        requests.put(f"{self.url}/users/{sub}", json=claims, timeout=5).raise_for_status()
        return sub

    def authorize(self, authorize_url, sub):
        """What the person does at the provider: choose who they are. Returns the URL the
        provider sends the browser back to (the portal's callback with code and state)."""
        answer = requests.post(authorize_url, data={"sub": sub}, allow_redirects=False, timeout=5)
        assert answer.status_code == 302, answer.text
        return answer.headers["Location"]

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()


class TinyProvider:
    """A provider that signs whatever ID token claims the test sets in `id_token_claims`
    (on top of a correct token for `client_id`), with the right key and the request's nonce."""

    def __init__(self, *, client_id):
        self.client_id = client_id
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.kid = "tiny-1"
        self.signing_key = self.key  # a test may sign with a key the JWKS does not hold
        self.codes = {}
        self.id_token_claims = {}
        self.userinfo = {}
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def settings(self):
        return {
            "OIDC_OP_ISSUER": self.url,
            "OIDC_OP_AUTHORIZATION_ENDPOINT": f"{self.url}/authorize",
            "OIDC_OP_TOKEN_ENDPOINT": f"{self.url}/token",
            "OIDC_OP_USER_ENDPOINT": f"{self.url}/userinfo",
            "OIDC_OP_JWKS_ENDPOINT": f"{self.url}/jwks",
            "OIDC_OP_END_SESSION_ENDPOINT": f"{self.url}/end-session",
        }

    def authorize(self, authorize_url, sub):
        answer = requests.get(authorize_url, allow_redirects=False, timeout=5)
        assert answer.status_code == 302, answer.text
        return answer.headers["Location"]

    def _id_token(self, nonce):
        now = int(time.time())
        claims = {
            "iss": self.url,
            "sub": self.userinfo["sub"],
            "aud": self.client_id,
            "iat": now,
            "exp": now + 600,
            "nonce": nonce,
            **self.id_token_claims,
        }
        return jwt.encode(claims, self.signing_key, algorithm="RS256", headers={"kid": self.kid})

    def _jwks(self):
        jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(self.key.public_key()))
        return {"keys": [{**jwk, "kid": self.kid, "alg": "RS256", "use": "sig"}]}

    def _handler(self):
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _json(self, body, status=200):
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self):  # noqa: N802 - http.server's name
                parts = urlsplit(self.path)
                query = {key: values[0] for key, values in parse_qs(parts.query).items()}
                if parts.path == "/authorize":
                    code = uuid.uuid4().hex
                    provider.codes[code] = query.get("nonce")
                    target = f"{query['redirect_uri']}?" + urlencode(
                        {"code": code, "state": query["state"]}
                    )
                    self.send_response(302)
                    self.send_header("Location", target)
                    self.end_headers()
                elif parts.path == "/jwks":
                    self._json(provider._jwks())
                elif parts.path == "/userinfo":
                    self._json(provider.userinfo)
                else:
                    self._json({"error": "not_found"}, 404)

            def do_POST(self):  # noqa: N802
                length = int(self.headers.get("Content-Length", 0))
                form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
                if urlsplit(self.path).path != "/token" or form.get("code") not in provider.codes:
                    self._json({"error": "invalid_grant"}, 400)
                    return
                nonce = provider.codes.pop(form["code"])
                self._json(
                    {
                        "access_token": uuid.uuid4().hex,
                        "token_type": "Bearer",
                        "expires_in": 600,
                        "id_token": provider._id_token(nonce),
                    }
                )

        return Handler

    def stop(self):
        self.server.shutdown()
        self.server.server_close()
