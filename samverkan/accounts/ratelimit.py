"""Counters in the cache (Redis in production): at most `limit` hits per window and identity.

The identity (an e-mail address, a client address) is hashed into the key, so the cache
holds no addresses. A fixed window starts with the first hit.
"""

import hashlib

from django.core.cache import cache

PREFIX = "accounts:rate"


def allow(scope, identity, limit, *, window=60 * 60):
    """Count a hit; True while the identity is within its limit in this window."""
    digest = hashlib.sha256(str(identity).encode()).hexdigest()
    key = f"{PREFIX}:{scope}:{digest}"
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        count = 1
    return count <= limit
