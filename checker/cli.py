"""Command line: arguments and exit codes. The only module that writes to stdout/stderr."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from checker.errors import ExitCode, FactlintError


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="factlint", description="Check numeric facts for consistency across articles.")
    sub = p.add_subparsers(dest="command", required=True)

    ex = sub.add_parser("extract", help="list the numeric claims of articles")
    ex.add_argument("paths", nargs="*", help="article files or folders")
    ex.add_argument("--jsonl", action="store_true", help="read documents as JSON lines on stdin, write claims as JSON lines")
    ex.add_argument("--rules", action="append", default=[], metavar="DIR", help="extra rule folder")
    ex.set_defaults(func=cmd_extract)

    ck = sub.add_parser("check", help="find discrepancies between articles")
    ck.add_argument("paths", nargs="+", help="article files or folders")
    ck.add_argument("--format", default="full", choices=["full", "concise", "json"], help="output format")
    ck.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE")
    ck.add_argument("--rules", action="append", default=[], metavar="DIR", help="extra rule folder")
    ck.set_defaults(func=cmd_check)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        code = args.func(args)
    except FactlintError as exc:
        print(f"factlint: {exc}", file=sys.stderr)
        code = ExitCode.ERROR
    except KeyboardInterrupt:
        code = 130
    sys.exit(int(code))


def err(message: str) -> None:
    print(f"factlint: {message}", file=sys.stderr)


def cmd_extract(args) -> int:
    from checker import jsonl
    from checker.pipeline import Options, extract_documents
    from checker.ingest import ingest

    options = Options(rules_dirs=tuple(args.rules))
    if args.jsonl:
        ok = True
        for out in jsonl.run(sys.stdin, options):
            ok &= "error" not in out
            sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
        return ExitCode.OK if ok else ExitCode.FINDINGS
    if not args.paths:
        raise FactlintError("extract needs a PATH, or --jsonl to read documents from standard input")
    ingested = ingest(args.paths)
    for e in ingested.errors:
        err(str(e))
    for doc, claims in zip(ingested.documents, extract_documents(ingested.documents, options)):
        for c in claims:
            print(f"{doc.path}:{c.line}\t{c.surface}\t{c.kind}\t{format_value(c)}")
    return ExitCode.ERROR if ingested.errors else ExitCode.OK


def format_value(c) -> str:
    if c.kind == "date":
        return c.date or "?"
    v = "?" if c.value is None else f"{c.value:g}"
    return f"{v} {c.unit}" if c.unit else v


def cmd_check(args) -> int:
    from checker.pipeline import Options, check

    report = check(args.paths, Options(rules_dirs=tuple(args.rules)))
    for e in report.errors:
        err(e.message)
    text = report.model_dump_json(indent=2) if args.format == "json" else str(len(report.claims)) + " claims\n"
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return ExitCode.FINDINGS if report.open_findings() else ExitCode.OK


if __name__ == "__main__":
    main()
