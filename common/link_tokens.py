"""Tokens in mailed links (confirm, manage, unsubscribe from replies): random, and kept only
as a hash, so a copy of the database opens no link."""

import hashlib
import secrets


def token_hash(token: str) -> str:
    return hashlib.sha256(str(token).encode()).hexdigest()


def new_token() -> tuple[str, str]:
    """(token for the link, hash to store)."""
    token = secrets.token_urlsafe(32)
    return token, token_hash(token)
