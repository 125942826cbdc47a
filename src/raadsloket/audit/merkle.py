# SPDX-License-Identifier: EUPL-1.2
"""Merkle trees over audit events, hashed as in Certificate Transparency (RFC 6962 section 2.1;
RFC 9162 section 2.1.3 for checking a path): a leaf is SHA-256(0x00 || event hash), a node
SHA-256(0x01 || left || right).

Each signed checkpoint carries the root over the events of a chain since the previous checkpoint
(audit/checkpoints.py); `audit-prove` gives the path from one event to that root, and
`audit-verify --proof` checks it against the signed checkpoint, without trusting the database
for anything but the event itself.
"""

import hashlib
from collections.abc import Iterable


def leaf(event_hash: str) -> bytes:
    return hashlib.sha256(b"\x00" + bytes.fromhex(event_hash)).digest()


def node(left: bytes, right: bytes) -> bytes:
    return hashlib.sha256(b"\x01" + left + right).digest()


def root(event_hashes: Iterable[str]) -> bytes | None:
    """The tree's root over the events in order, streamed (one pass; memory log n)."""
    stack: list[tuple[int, bytes]] = []  # (number of leaves, hash) of full subtrees
    for event_hash in event_hashes:
        size, digest = 1, leaf(event_hash)
        while stack and stack[-1][0] == size:
            below, left = stack.pop()
            size, digest = size + below, node(left, digest)
        stack.append((size, digest))
    if not stack:
        return None
    digest = stack[-1][1]
    for _, left in reversed(stack[:-1]):
        digest = node(left, digest)
    return digest


def _split(n: int) -> int:
    """The largest power of two below n (n > 1)."""
    k = 1
    while k * 2 < n:
        k *= 2
    return k


def path(index: int, event_hashes: list[str]) -> list[bytes]:
    """The audit path of leaf `index` (RFC 6962 PATH(m, D[n]))."""
    n = len(event_hashes)
    if n <= 1:
        return []
    k = _split(n)
    if index < k:
        other = root(event_hashes[k:])
        assert other is not None
        return [*path(index, event_hashes[:k]), other]
    other = root(event_hashes[:k])
    assert other is not None
    return [*path(index - k, event_hashes[k:]), other]


def included(
    event_hash: str, index: int, size: int, audit_path: list[bytes], expected: bytes
) -> bool:
    """Whether the path leads from the event at `index` in a tree of `size` to `expected`."""
    if not 0 <= index < size:
        return False
    fn, sn, digest = index, size - 1, leaf(event_hash)
    for sibling in audit_path:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            digest = node(sibling, digest)
            while not fn & 1 and fn != 0:
                fn >>= 1
                sn >>= 1
        else:
            digest = node(digest, sibling)
        fn >>= 1
        sn >>= 1
    return sn == 0 and digest == expected
