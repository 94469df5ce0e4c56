"""The embedded default's cache (no Redis): shared by the worker processes through files,
with an add() that only one process wins, so one worker renders a page at a time."""

import multiprocessing

from strategy_site.file_cache import SharedFileCache


def _add(args):
    directory, key = args
    return SharedFileCache(directory, {}).add(key, "mine", timeout=30)


def test_one_of_eight_processes_wins_the_same_lock(tmp_path):
    context = multiprocessing.get_context("fork")
    with context.Pool(8) as pool:
        wins = pool.map(_add, [(str(tmp_path), "page-lock:x")] * 8)
    assert wins.count(True) == 1


def test_an_expired_or_deleted_entry_can_be_added_again_and_others_read_it(tmp_path):
    cache = SharedFileCache(str(tmp_path), {})
    assert cache.add("k", 1, timeout=-1)  # stored already expired
    assert cache.add("k", 2, timeout=30)
    assert not cache.add("k", 3, timeout=30)
    assert SharedFileCache(str(tmp_path), {}).get("k") == 2  # another process's view
    cache.delete("k")
    assert cache.add("k", 4, timeout=30)
    assert list(tmp_path.glob("tmp*")) == []  # no temporary files left behind
