"""realtime.dispatch.in_db_thread: db=True handlers run in one thread per process, in arrival order."""

import asyncio
import contextvars
import threading

import pytest

from realtime.dispatch import in_db_thread

REQUEST = contextvars.ContextVar("request", default=None)

# The thread closes obsolete database connections around each call, as Django does around a request.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


async def test_handlers_run_one_at_a_time_in_one_thread_in_the_order_they_were_called():
    seen = []
    running = []

    def handler(index):
        running.append(index)
        assert len(running) == 1, "two handlers ran at once"
        seen.append((index, threading.current_thread().name))
        threading.Event().wait(0.002)
        running.remove(index)
        return index * 2

    results = await asyncio.gather(*(in_db_thread(handler)(i) for i in range(20)))
    assert results == [i * 2 for i in range(20)]
    assert [index for index, _name in seen] == list(range(20))
    assert {name for _index, name in seen} == {"realtime-db_0"}
    assert threading.current_thread().name != "realtime-db_0"  # never the event loop's thread


async def test_errors_reach_the_caller_and_context_variables_the_handler():
    def failing():
        raise ValueError("bad frame")

    with pytest.raises(ValueError, match="bad frame"):
        await in_db_thread(failing)()
    REQUEST.set("chat.send")
    assert await in_db_thread(REQUEST.get)() == "chat.send"
