"""Lint many files on several cores: forked workers, contiguous chunks, order kept.

A worker returns each file's diagnostics and, when the caller will print code frames, a
source-only document (its text and the secrets found in it); parsed values stay in the worker. Used only
where `fork` is the platform's way to start processes (Linux), so workers inherit the loaded
modules instead of importing them again.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from modelconf.document import Document

if TYPE_CHECKING:
    from modelconf.lint import FileResult, LintOptions

# Below this many files per worker, forking costs more than it saves.
MIN_FILES_PER_JOB = 32

_OPTIONS: LintOptions | None = None
_KEEP_SOURCE = True


def auto_jobs(file_count: int) -> int:
    """How many worker processes a run over `file_count` files should use (1 = no workers)."""
    if sys.platform != "linux" or file_count < 2 * MIN_FILES_PER_JOB:
        return 1
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(cores, 8, file_count // MIN_FILES_PER_JOB))


def _source_only(result: FileResult) -> FileResult:
    document = result.document
    if document is not None and not _KEEP_SOURCE:
        result.document = None
    elif document is not None:
        light = Document(document.name, document.text, document.syntax, None, had_bom=document.had_bom)
        light.secret_values = set(document.secret_values)
        result.document = light
    return result


def _lint_chunk(paths: list[str]) -> list[FileResult]:
    from modelconf.lint import lint_file

    assert _OPTIONS is not None
    return [_source_only(lint_file(path, _OPTIONS)) for path in paths]


def lint_parallel(
    files: Sequence[Path],
    options: LintOptions,
    jobs: int,
    on_progress: Callable[[int], None] | None = None,
    *,
    keep_source: bool = True,
) -> list[FileResult]:
    """Lint `files` with `jobs` forked workers; results come back in the order of `files`.

    `keep_source=False` sends back no documents (formats without code frames need none, and the
    texts are most of what would cross the process boundary)."""
    global _OPTIONS, _KEEP_SOURCE
    _OPTIONS, _KEEP_SOURCE = options, keep_source  # inherited by the forked workers
    # The parent lints the first file before forking: the modules, compiled schemas and profiles
    # that linting loads on first use are then inherited instead of loaded again by every worker.
    results = _lint_chunk([str(files[0])])
    if on_progress is not None:
        on_progress(1)
    rest = files[1:]
    size = max(1, -(-len(rest) // (jobs * 4)))  # a few chunks per worker evens out slow files
    chunks = [[str(path) for path in rest[i : i + size]] for i in range(0, len(rest), size)]
    import multiprocessing  # only for runs that use workers: it costs start-up time

    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        for chunk_results in pool.imap(_lint_chunk, chunks):
            results.extend(chunk_results)
            if on_progress is not None:
                on_progress(len(chunk_results))
    return results
