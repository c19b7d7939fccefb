"""Lint many files on several cores: forked workers, one contiguous share each, order kept.

The parent lints the first file (which loads the modules, compiled schemas and profiles that
linting needs), then forks `jobs - 1` children, which inherit all of that, and lints the last share
itself while they work. Each child sends back its share's results, pickled, through a pipe: each
file's diagnostics and, when the caller will print code frames, a source-only document (its text and
the secrets found in it); parsed values stay in the child. Shares are balanced by bytes, not by file
count, so one large file does not leave the other cores idle. Used only where processes can be
forked (Linux).
"""

from __future__ import annotations

import os
import pickle
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, cast

from modelconf.document import Document

if TYPE_CHECKING:
    from modelconf.lint import FileResult, LintOptions

# Below this many files per worker, forking costs more than it saves.
MIN_FILES_PER_JOB = 32


class WorkerError(RuntimeError):
    """A worker process failed; the message holds its traceback."""


def auto_jobs(file_count: int) -> int:
    """How many processes a run over `file_count` files should use (1 = no workers)."""
    if sys.platform != "linux" or file_count < 2 * MIN_FILES_PER_JOB:
        return 1
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(cores, 8, file_count // MIN_FILES_PER_JOB))


def _source_only(result: FileResult, keep_source: bool) -> FileResult:
    document = result.document
    if document is not None and not keep_source:
        result.document = None
    elif document is not None:
        light = Document(document.name, document.text, document.syntax, None, had_bom=document.had_bom)
        light.secret_values = set(document.secret_values)
        result.document = light
    return result


def _size(path: Path) -> int:
    try:
        return max(1, os.stat(path).st_size)
    except OSError:
        return 1


def shares(files: Sequence[Path], count: int) -> list[list[Path]]:
    """Split `files` into `count` contiguous shares of about the same number of bytes."""
    sizes = [_size(path) for path in files]
    total = sum(sizes)
    result: list[list[Path]] = [[] for _ in range(count)]
    done = 0
    for path, size in zip(files, sizes):
        # The share a file falls in is where the middle of its bytes lies.
        index = min(count - 1, (done + size // 2) * count // total) if total else 0
        result[index].append(path)
        done += size
    return result


def _read_all(fd: int) -> bytes:
    chunks = []
    with os.fdopen(fd, "rb") as pipe:
        while chunk := pipe.read(1 << 16):
            chunks.append(chunk)
    return b"".join(chunks)


def _child(share: list[Path], options: LintOptions, keep_source: bool, fd: int) -> None:
    """Lint `share` and write the pickled outcome to `fd`; never returns into the parent's code."""
    status = 0
    try:
        from modelconf.lint import lint_file

        outcome: tuple[str, object] = ("ok", [_source_only(lint_file(path, options), keep_source) for path in share])
    except BaseException:  # the parent re-raises it: a worker must not die silently
        import traceback

        outcome, status = ("error", traceback.format_exc()), 1
    try:
        with os.fdopen(fd, "wb") as pipe:
            pipe.write(pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL))
    finally:
        os._exit(status)


def lint_parallel(
    files: Sequence[Path],
    options: LintOptions,
    jobs: int,
    on_progress: Callable[[int], None] | None = None,
    *,
    keep_source: bool = True,
) -> list[FileResult]:
    """Lint `files` on `jobs` processes (this one included); results come back in the order of `files`.

    `keep_source=False` sends back no documents (formats without code frames need none, and the
    texts are most of what would cross the process boundary)."""
    from modelconf.lint import lint_file

    def progress(done: int) -> None:
        if on_progress is not None:
            on_progress(done)

    results = [_source_only(lint_file(files[0], options), keep_source)]
    progress(1)
    *theirs, mine = shares(files[1:], jobs)
    children: list[tuple[int, int, int]] = []  # (pid, read end, file count)
    sys.stdout.flush()  # nothing buffered may be written twice
    sys.stderr.flush()
    for share in theirs:
        if not share:
            continue
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:
            for fd in (read_end, *(fd for _, fd, _ in children)):  # only the parent reads
                os.close(fd)
            _child(share, options, keep_source, write_end)
        os.close(write_end)
        children.append((pid, read_end, len(share)))
    unread = {read_end for _, read_end, _ in children}
    try:
        own = []
        for path in mine:
            own.append(_source_only(lint_file(path, options), keep_source))
            progress(1)
        failure = None
        for pid, read_end, count in children:
            unread.discard(read_end)
            data = _read_all(read_end)
            kind, payload = pickle.loads(data) if data else ("error", "a worker exited without a result")
            if kind == "ok":
                results.extend(cast("list[FileResult]", payload))
                progress(count)
            elif failure is None:
                failure = str(payload)
    finally:
        # On an error here, closing the unread pipes ends the children (their write fails).
        for fd in unread:
            os.close(fd)
        for pid, _, _ in children:
            os.waitpid(pid, 0)
    if failure is not None:
        raise WorkerError(failure)
    results.extend(own)
    return results
