"""``muni-ie``: extract records from corpora, evaluate them against gold.

    muni-ie extract corpus/articles.jsonl -o out.jsonl [--workers N] [--resume] [--quiet]
    muni-ie evaluate GOLD.jsonl PRED.jsonl [--texts INPUT.jsonl] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys

from .errors import MuniIEError
from .text.validate import MAX_CHARS


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="muni-ie", description="Structured data from Persian municipal news.")
    sub = ap.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="write one muni_ie/1 record per input document (JSONL)")
    ex.add_argument("inputs", nargs="+", help=".jsonl / .jsonl.gz with id+text, .txt files, folders, or -")
    ex.add_argument("-o", "--output", default="-",
                    help="output JSONL (default: stdout), or OUT.parquet for Parquet (needs the [parquet] extra)")
    ex.add_argument("--format", choices=("jsonl", "parquet"), help="output format (default: from the -o suffix)")
    ex.add_argument("--workers", type=int, default=None, help="worker processes (default: all cores)")
    ex.add_argument("--resume", action="store_true", help="skip ids already in the output")
    ex.add_argument("--quiet", action="store_true", help="no progress bar")
    ex.add_argument("--max-chars", type=int, default=MAX_CHARS, help="longer texts get an error record")
    ex.add_argument("--engine", choices=("local", "dask"), default="local",
                    help="dask: run on a Dask cluster (JSONL inputs; -o names a folder of part files)")
    ex.add_argument("--scheduler", help="Dask scheduler address, e.g. tcp://host:8786 (default: a local cluster)")
    ev = sub.add_parser("evaluate", help="score predictions against gold (GUIDELINES.md format)")
    ev.add_argument("gold")
    ev.add_argument("pred")
    ev.add_argument("--texts", help="input documents, to check that every span points at its text")
    ev.add_argument("--json", action="store_true")
    return ap


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return _run(args)
    except MuniIEError as exc:  # a usage problem (no pyarrow, Parquet to stdout …): a message, not a traceback
        print(f"muni-ie: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:  # Ctrl-C: the output ends at a whole line, ready for --resume
        print("muni-ie: interrupted; run again with --resume to go on", file=sys.stderr)
        return 130


def _run(args: argparse.Namespace) -> int:
    if args.command == "extract" and args.engine == "dask" and args.format == "parquet":
        raise MuniIEError("--engine dask writes JSONL part files; convert them, or run the local engine for Parquet")
    if args.command == "extract" and args.engine == "dask":
        from .dask import run

        n = run(args.inputs, args.output, args.scheduler, args.max_chars)
        print(f"muni-ie: {n} records written to {args.output}", file=sys.stderr)
        return 0
    if args.command == "extract":
        from .batch import run_extract

        counts = run_extract(args.inputs, args.output, workers=args.workers, resume=args.resume,
                             quiet=args.quiet, max_chars=args.max_chars, fmt=args.format)
        if not args.quiet:
            print(f"muni-ie: {counts['documents']} records written, {counts['errors']} errors, "
                  f"{counts['skipped']} skipped (already done)", file=sys.stderr)
        return 0
    from .evaluate import evaluate, format_table

    res = evaluate(args.gold, args.pred, args.texts)
    print(json.dumps(res, ensure_ascii=False) if args.json else format_table(res))
    return 0


if __name__ == "__main__":
    sys.exit(main())
