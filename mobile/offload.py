"""Where the domain's work runs: off Flet's event loop, so one click never freezes the others.

The domain's work (scrypt, SQLite behind one lock) runs on two threads for the whole process,
not asyncio's default pool of up to cpu+4: each thread that ever ran scrypt keeps its 16 MB
buffer in its own malloc arena, and two are enough on the store's single lock.
"""

import asyncio
import contextvars
import functools
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
T = TypeVar("T")

_DOMAIN_THREADS = ThreadPoolExecutor(max_workers=2, thread_name_prefix="domain")


async def offload(action: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """Run `action` in a domain thread (with the caller's context) and wait for its result."""
    call = functools.partial(contextvars.copy_context().run, action, *args, **kwargs)
    return await asyncio.get_running_loop().run_in_executor(_DOMAIN_THREADS, call)
