"""Command line: arguments and exit codes. The only module that writes to stdout/stderr."""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import traceback
from pathlib import Path

from factlint.checker.errors import ExitCode, FactlintError, describe
from factlint.checker.visible import visible_line

KINDS = ("money", "percent", "date", "quantity", "number")


class Parser(argparse.ArgumentParser):
    """argparse with one-line usage errors (exit 2), like every other factlint error."""

    def error(self, message: str):
        self.exit(ExitCode.ERROR, f"factlint: {message} (see '{self.prog} --help')\n")


def version() -> str:
    try:
        from importlib.metadata import version as installed

        return installed("factlint")
    except Exception:  # not installed (run from a source tree)
        from factlint.checker import __version__

        return __version__


class VersionAction(argparse.Action):
    """--version, the installed version looked up only when asked (importlib.metadata costs a
    tenth of `check`'s start-up)."""

    def __init__(self, option_strings, dest=argparse.SUPPRESS, default=argparse.SUPPRESS,
                 help="show program's version number and exit"):
        super().__init__(option_strings=option_strings, dest=dest, default=default, nargs=0, help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        parser._print_message(f"factlint {version()}\n", sys.stdout)
        parser.exit()


def add_corpus_options(parser: argparse.ArgumentParser) -> None:
    """--rules and --config: where a corpus's own rules and settings come from (checker/config.py)."""
    parser.add_argument("--rules", action="append", default=[], metavar="DIR",
                        help="extra rule folder (lang/<code>/*.toml, checks/*.toml); repeatable")
    parser.add_argument("--config", metavar="FILE",
                        help="factlint.toml to use (default: the one at the root of the first PATH, if any)")
    parser.add_argument("--follow-symlinks", action="store_true",
                        help="read files that symbolic links in a folder point to outside it (not followed by default)")


def options_from(args, paths: list[str]):
    """Pipeline Options from the command line merged over the corpus's factlint.toml."""
    from factlint.checker.config import load_options

    options = load_options(paths, args.rules, getattr(args, "decisions", None), args.config,
                           getattr(args, "select", None), getattr(args, "ignore", None))
    options.follow_symlinks = args.follow_symlinks
    options.jobs = getattr(args, "jobs", None)
    options.cache = not getattr(args, "no_cache", False)
    options.engine = getattr(args, "engine", "local")
    options.scheduler = getattr(args, "scheduler", None)
    if options.scheduler and options.engine != "dask":
        raise FactlintError("--scheduler names a Dask scheduler: add --engine dask")
    return options


def add_selection_options(parser: argparse.ArgumentParser) -> None:
    """--select / --ignore, as ruff takes them (comma-separated or repeated)."""
    parser.add_argument("--select", action="append", metavar="CODES",
                        help="only these checks: codes, code prefixes or names, comma-separated "
                             "(FL1,FL301; replaces `select` of factlint.toml)")
    parser.add_argument("--ignore", action="append", metavar="CODES",
                        help="leave out these checks: codes, code prefixes or names (FL3,weekday-mismatch)")
    parser.add_argument("--agreements", action="store_true",
                        help="also show agreements (corroborated values); they never fail the check")


def build_parser() -> argparse.ArgumentParser:
    p = Parser(prog="factlint", description="Check numeric facts for consistency across articles.",
               epilog="exit status: 0 no open discrepancy, 1 at least one (extract --jsonl: a bad input line), "
                      "2 usage or input error. 'factlint COMMAND --help' describes a command.")
    p.add_argument("--version", action=VersionAction)
    add_debug_option(p)
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    ex = sub.add_parser("extract", help="list the numeric claims of articles",
                        description="List every numeric claim of the articles under PATH as a table "
                                    "(file:line, kind, surface, normalized value).")
    ex.add_argument("paths", nargs="*", metavar="PATH", help="article files or folders")
    ex.add_argument("--jsonl", action="store_true",
                    help="read documents as JSON lines on stdin ({id, text, lang, published}), "
                         "write their claims as JSON lines (see DEVELOPERS.md)")
    ex.add_argument("--kind", action="append", choices=KINDS, metavar="KIND",
                    help=f"only claims of this kind ({', '.join(KINDS)}); repeatable")
    add_corpus_options(ex)
    ex.set_defaults(func=cmd_extract)

    ck = sub.add_parser("check", help="find discrepancies between articles",
                        description="Report conflicts, drift and agreements between the articles under PATH. "
                                    "Exit 0 when no discrepancy is open, 1 when one is, 2 on an error.")
    ck.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders; - reads one article "
                    "from standard input")
    ck.add_argument("--format", default="full", choices=FORMATS,
                    help="full (default), concise, json (every document, claim and finding: the stable "
                         "interface, docs/report.schema.json), sarif (GitHub code scanning), "
                         "github (workflow annotations), gitlab (Code Quality), junit, "
                         "html (one self-contained page to share)")
    ck.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE")
    ck.add_argument("--strict", action="store_true", help="confirmed findings fail the check too")
    ck.add_argument("--exit-zero", action="store_true",
                    help="exit 0 even when a discrepancy is open (2 still means an error)")
    ck.add_argument("-q", "--quiet", action="store_true",
                    help="print only the findings that fail the check: no summary, decided findings or warnings")
    ck.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                    help="colour full and concise output: auto (default: on a terminal, unless NO_COLOR is set)")
    ck.add_argument("--statistics", action="store_true",
                    help="print the number of findings per check instead of the findings")
    ck.add_argument("--include-decided", action="store_true",
                    help="sarif, gitlab: also write decided findings (SARIF: with their suppression; "
                         "GitHub code scanning ignores suppressions, so they are left out by default)")
    ck.add_argument("--stdin-filename", metavar="FILE",
                    help="with PATH -: the file the article on standard input stands for (its format, "
                         "its corpus root and its name in the report)")
    add_selection_options(ck)
    add_decisions_option(ck)
    add_corpus_options(ck)
    add_engine_options(ck)
    ck.set_defaults(func=cmd_check)

    de = sub.add_parser("decide", help="record a review decision on findings",
                        usage="factlint decide FINDING-ID... --status {confirmed,dismissed,open} [--note TEXT] PATH...",
                        description="Mark findings (by id, or a unique prefix of it) as confirmed (a real, known "
                                    "discrepancy), dismissed (not a discrepancy) or open again. Arguments that "
                                    "name an existing file or folder are the corpus PATHs; the others are ids.")
    de.__class__ = SplitPositionals  # ids before the options, paths after them
    de.add_argument("items", nargs="*", metavar="FINDING-ID or PATH")
    de.add_argument("--status", required=True, choices=["confirmed", "dismissed", "open"])
    de.add_argument("--note", metavar="TEXT", help="why (kept with the decision; an empty TEXT removes it)")
    de.add_argument("--agreements", action="store_true", help="agreements may be decided too")
    add_decisions_option(de)
    add_corpus_options(de)
    de.set_defaults(func=cmd_decide)

    ds = sub.add_parser("decisions", help="maintain the decisions file")
    dsub = ds.add_subparsers(dest="action", required=True, metavar="ACTION")
    pr = dsub.add_parser("prune", help="drop decisions that match no current finding",
                         description="Run the check and drop the decisions that match none of its findings.")
    pr.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    add_decisions_option(pr)
    add_corpus_options(pr)
    pr.set_defaults(func=cmd_prune)

    rv = sub.add_parser("review", help="review findings in a terminal UI and record decisions",
                        description="Run the check on the articles under PATH and open a terminal UI to "
                                    "confirm or dismiss each finding; every decision is saved at once to the "
                                    "decisions file that `factlint check` reads. F1 in the app lists the keys.")
    rv.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    add_decisions_option(rv)
    add_corpus_options(rv)
    rv.set_defaults(func=cmd_review)

    ru = sub.add_parser("rules", help="list the checks: code, name, kind, level, summary",
                        description="Print the code table built from the check files (rules/checks/*.toml "
                                    "and those of --rules DIR); with CODE or NAME, that check's documentation.")
    ru.add_argument("check", nargs="?", metavar="CODE|NAME", help="show one check in full")
    ru.add_argument("--rules", action="append", default=[], metavar="DIR", help="extra rule folder")
    ru.set_defaults(func=cmd_rules)

    ca = sub.add_parser("cache", help="maintain the cache of a corpus (.factlint/cache/)")
    csub = ca.add_subparsers(dest="action", required=True, metavar="ACTION")
    cc = csub.add_parser("clear", help="remove the cache", description="Remove .factlint/cache/ at the corpus root "
                         "of PATH; the next check reads and compares every article again.")
    cc.add_argument("paths", nargs="*", default=["."], metavar="PATH", help="the corpus (default: the current folder)")
    cc.set_defaults(func=cmd_cache_clear)
    for command in (ex, ck, de, pr, rv, ru, cc):
        add_debug_option(command, default=argparse.SUPPRESS)
    return p


FORMATS = ("full", "concise", "json", "sarif", "github", "gitlab", "junit", "html")
MIN_PREFIX = 4  # `decide` takes an id prefix this long at least: a shorter one soon names another finding


class SplitPositionals(Parser):
    """A subcommand whose positionals may stand on both sides of its options
    (`decide ID… --status S PATH…`): argparse leaves the later ones unrecognized; collect them."""

    def parse_known_args(self, args=None, namespace=None):
        ns, extra = super().parse_known_args(args, namespace)
        ns.items = list(ns.items or []) + [a for a in extra if not a.startswith("-")]
        return ns, [a for a in extra if a.startswith("-")]


def add_debug_option(parser: argparse.ArgumentParser, default=False) -> None:
    parser.add_argument("--debug", action="store_true", default=default,
                        help="on an unexpected error, show the traceback (for a bug report)")


def add_engine_options(parser: argparse.ArgumentParser) -> None:
    """How the run uses the machine (checker/engine)."""
    parser.add_argument("--jobs", "-j", type=positive, metavar="N",
                        help="processes reading and extracting articles (default: one per core; 1: none besides this one)")
    parser.add_argument("--no-cache", action="store_true",
                        help="read and compare every article again, without the cache in .factlint/cache/ (nor adding to it)")
    parser.add_argument("--engine", choices=("local", "dask"), default="local",
                        help="local (default: this machine's cores) or dask (a Dask cluster: an archive of millions of "
                             "articles; needs factlint[dask])")
    parser.add_argument("--scheduler", metavar="ADDRESS",
                        help="with --engine dask: the scheduler to use (tcp://host:8786); default: a local cluster")


def positive(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"not a whole number of at least 1: {text!r}")
    return n


def add_decisions_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--decisions", metavar="FILE",
                        help="the decisions file (default: .factlint/decisions.json at the corpus root)")


def main(argv: list[str] | None = None) -> int:
    """Run one command; every anticipated error is one line on stderr and exit 2, never a traceback."""
    args = build_parser().parse_args(argv)
    if hasattr(sys.stdout, "reconfigure") and (sys.stdout.encoding or "").lower().replace("-", "") != "utf8":
        sys.stdout.reconfigure(errors="replace")  # a non-UTF-8 terminal shows "?" for "≈", never a traceback
    try:
        code = args.func(args)
        sys.stdout.flush()
    except FactlintError as exc:
        err(str(exc))
        code = ExitCode.ERROR
    except BrokenPipeError:
        # The reader went away (`factlint extract corpus | head`): stop quietly.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        code = ExitCode.BROKEN_PIPE
    except OSError as exc:  # a file we were asked to write or read outside ingest
        where = f"{exc.filename}: " if exc.filename else ""
        err(f"{where}{exc.strerror or exc}")
        code = ExitCode.ERROR
    except KeyboardInterrupt:
        code = ExitCode.INTERRUPTED
    except Exception as exc:  # a bug: one line (the traceback with --debug), and never exit 1
        if args.debug:
            traceback.print_exc()
        err(f"internal error in `{args.command}`: {describe(exc)} (run with --debug for the traceback)")
        code = ExitCode.ERROR
    sys.exit(int(code))



def say(line: str) -> None:
    """One line on stdout that quotes what others wrote (surfaces, notes, rule files): made visible."""
    print(visible_line(line))


def err(message: str) -> None:
    """One line on stderr; file names and quoted text in it cannot steer the terminal."""
    print(f"factlint: {visible_line(message)}", file=sys.stderr)


def cmd_extract(args) -> int:
    from factlint.checker import jsonl
    from factlint.checker.ingest import ingest
    from factlint.checker.pipeline import extract_documents
    from factlint.rules.loader import RuleSet

    if args.jsonl:
        if args.paths:
            raise FactlintError("extract --jsonl reads documents from standard input; give no PATH")
        options = options_from(args, [])
        if hasattr(sys.stdout, "reconfigure"):
            sys.stdout.reconfigure(encoding="utf-8")
        ok = True
        for out in jsonl.run(getattr(sys.stdin, "buffer", sys.stdin), options):
            ok &= "error" not in out
            sys.stdout.write(json_line(out))
            sys.stdout.flush()  # one answer per line as it is ready: a caller may stream documents
        return ExitCode.OK if ok else ExitCode.FINDINGS
    if not args.paths:
        raise FactlintError("extract needs a PATH, or --jsonl to read documents from standard input")
    options = options_from(args, args.paths)
    rules = RuleSet.load(options.rules_dirs)
    ingested = ingest(args.paths, options.exclude, rules, options.follow_symlinks)
    rows = [("FILE:LINE", "KIND", "SURFACE", "VALUE")]
    count = 0
    for doc, claims in zip(ingested.documents, extract_documents(ingested.documents, options, rules, ingested.errors)):
        for c in claims:
            if args.kind and c.kind not in args.kind:
                continue
            count += 1
            # The words as the reader sees them: HTML tags and entities, Markdown marks read as in the scan.
            shown = " ".join((doc.scan or doc.text)[c.start:c.end].split())
            rows.append((f"{doc.path}:{c.line}", c.kind, clip(shown, 40), format_value(c)))
    write_table(rows)
    files = len(ingested.documents)
    problems = [f"{len(ingested.errors)} unreadable" if ingested.errors else "",
                f"{len(ingested.warnings)} warning{'s' * (len(ingested.warnings) != 1)}" if ingested.warnings else ""]
    tail = "; ".join(p for p in problems if p)
    print(f"{count} claim{'s' * (count != 1)} in {files} file{'s' * (files != 1)}" + (f" ({tail})" if tail else ""))
    sys.stdout.flush()
    for doc in ingested.documents:
        if doc.published is None:
            err(f"note: {doc.path}: published date unknown (no front matter, meta tag or dateline states it): "
                "relative dates stay unresolved, missing years come from the other articles' dates")
    for w in ingested.warnings:
        err(f"warning: {w}")
    for e in ingested.errors:
        err(str(e))
    return ExitCode.ERROR if ingested.errors else ExitCode.OK


def json_line(obj) -> str:
    """One JSON line, UTF-8 as is; escaped to ASCII when it holds a lone surrogate (an id
    given as "\\ud800"), which UTF-8 cannot carry but a JSON escape can."""
    text = json.dumps(obj, ensure_ascii=False)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = json.dumps(obj)
    return text + "\n"


def cmd_review(args) -> int:
    """The review TUI; Textual is imported here only, never by the engine."""
    from factlint.checker.decisions import DecisionStore, default_path

    for p in args.paths:
        if not Path(p).exists():
            raise FactlintError("no such file or folder", p)
    options = options_from(args, args.paths)
    decisions = options.decisions or default_path(args.paths)
    DecisionStore.load(decisions)  # a damaged decisions file stops here, in one line, before the UI starts
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise FactlintError("review needs a terminal (standard input and output); in a script, "
                            "use `factlint check` and `factlint decide`")
    from factlint.tui.app import ReviewApp

    app = ReviewApp(args.paths, options=options, decisions=decisions)
    app.run()
    if app.error:
        raise FactlintError(app.error)
    return ExitCode.ERROR if app.return_code else ExitCode.OK  # non-zero: the app crashed (traceback shown)


def write_table(rows: list[tuple[str, ...]]) -> None:
    """Rows as left-aligned columns two spaces apart (the last column unpadded), every cell visible."""
    rows = [tuple(visible_line(cell) for cell in r) for r in rows]
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]) - 1)]
    out = sys.stdout
    for r in rows:
        out.write("  ".join(cell.ljust(w) for cell, w in zip(r, widths)) + "  " + r[-1] + "\n")


def clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def number(v: float) -> str:
    """A value for reading: digits grouped by spaces from 10 000 on, no exponent, no float noise."""
    if not math.isfinite(v):
        return str(v)
    if v == int(v) and abs(v) < 1e18:
        return f"{int(v):,}".replace(",", " ") if abs(v) >= 10000 else str(int(v))
    whole, _, frac = f"{v:,.6f}".rstrip("0").partition(".")
    return whole.replace(",", " ") + ("." + frac if frac else "")


def format_value(c) -> str:
    """The normalized value of a claim: `≈ 420 000 000 USD  [415 000 000, 425 000 000]  (rund)`."""
    if c.kind == "date":
        text = c.date or c.month_day or "?"
        if c.weekday:
            text += f"  ({c.weekday}{': does not match the date' if c.weekday_mismatch else ''})"
        return text
    unit = {"pp": " pp", "%": " %"}.get(c.unit or "", f" {c.unit}" if c.unit else "")
    if c.counted:
        unit += f" {c.counted}"
    if c.value is None:
        text = "?"
    elif c.lower is not None and c.upper is not None and c.lower != c.upper:
        text = f"{number(c.lower)}–{number(c.upper)}"
    elif c.lower is not None:
        text = f"≥ {number(c.value)}"
    elif c.upper is not None:
        text = f"≤ {number(c.value)}"
    elif c.approximate:
        text = f"≈ {number(c.value)}"
    else:
        text = number(c.value)
    text += unit
    if c.low is not None and c.high is not None and (c.low, c.high) != (c.value, c.value):
        text += f"  [{number(c.low)}, {number(c.high)}]"
    if c.hedge:
        text += f"  ({c.hedge})"
    if c.foreign_separator:
        text += f"  ('{c.foreign_separator}' groups thousands here)"
    return text


def cmd_check(args) -> int:
    from factlint.checker.atomic import atomic_writer
    from factlint.checker.pipeline import check, plan
    from factlint.checker.render import RenderOptions, for_format, statistics, summary, write

    if args.statistics and args.format not in ("full", "concise"):
        raise FactlintError(f"--statistics prints a table; it does not go with --format {args.format}")
    options = options_from(args, root_paths(args))
    options.stdin = read_stdin(args)
    options.lazy = True  # the claims are written once: those of unchanged files straight from the cache
    few_collections()
    progress = Progress.on_terminal(sys.stderr) if not args.quiet else None
    options.progress = progress
    done = None
    try:
        planned = plan(args.paths, options)
        inputs = report_inputs(args, options, planned)
        if inputs is not None:
            from factlint.checker.engine.uptodate import recorded

            done = recorded(planned.cache, inputs, args.output)
        if done is None:
            report = check(args.paths, options, planned)
    finally:
        if progress:
            progress.clear()
    if done is not None:  # the report file is the one these inputs make: left as it is
        return replay(done)
    render_options = RenderOptions(strict=args.strict, color=use_color(args),
                                   checks=check_table(options) if args.format == "sarif" else {},
                                   agreements=args.agreements, include_decided=args.include_decided,
                                   quiet=args.quiet)
    if args.statistics:
        shown_report = for_format(report, args.format, render_options)
        for line in statistics(shown_report, args.strict):
            say(line)
        if not args.quiet:
            say(summary(shown_report, args.strict))
    elif args.output:
        with atomic_writer(args.output, durable=False) as out:  # a report is made again by running again
            write(report, args.format, out, render_options)
        said = [] if args.quiet else [f"{summary(for_format(report, 'full', render_options), args.strict)}; "
                                      f"report written to {args.output}"]
        told = ([] if args.quiet else [f"warning: {w.message}" for w in report.warnings]) + [e.message for e in report.errors]
        code = exit_code(report, args)
        if inputs is not None:
            from factlint.checker.engine.uptodate import record

            record(planned.cache, inputs, args.output, said, told, int(code))
        for line in said:
            print(line)
        sys.stdout.flush()
        github_step_summary(report, args, render_options)
        return replay({"out": [], "err": told, "code": int(code)})
    else:
        sys.stdout.reconfigure(encoding="utf-8")
        write(report, args.format, sys.stdout, render_options)
    sys.stdout.flush()
    github_step_summary(report, args, render_options)
    if not args.quiet:
        for w in report.warnings:
            err(f"warning: {w.message}")
    for e in report.errors:
        err(e.message)
    return exit_code(report, args)


def github_step_summary(report, args, render_options) -> None:
    """--format github in a GitHub Actions job: the findings' table appended to the step summary."""
    if args.format == "github" and os.environ.get("GITHUB_STEP_SUMMARY"):
        from factlint.checker.render import for_format, shown_report as for_reading
        from factlint.checker.render.github import step_summary

        with open(os.environ["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as out:
            out.write(step_summary(for_reading(for_format(report, "github", render_options)), render_options))


def exit_code(report, args) -> int:
    if report.errors:
        return ExitCode.ERROR
    if args.exit_zero:
        return ExitCode.OK
    return ExitCode.FINDINGS if report.failing(args.strict) else ExitCode.OK


def report_inputs(args, options, planned) -> str | None:
    """The key of what `check --output FILE` makes its report from (checker/engine/uptodate.py);
    None where a run cannot tell (no cache, standard input, a file it could not read, a
    GitHub step summary to append to, --statistics)."""
    if (not args.output or args.statistics or planned.cache is None or options.stdin is not None
            or None in planned.keys or (args.format == "github" and os.environ.get("GITHUB_STEP_SUMMARY"))):
        return None
    from factlint.checker.engine.uptodate import inputs_key

    ingested = planned.ingested
    notes = [f"{e.path}|{e}" for e in [*ingested.errors, *ingested.warnings]]
    shape = (os.getcwd(), tuple(map(str, args.paths)), str(options.root), args.format, args.strict, args.agreements,
             args.include_decided, args.quiet, args.exit_zero, options.select.entries, options.ignore.entries,
             tuple(sorted(ingested.files.items())), tuple(sorted(ingested.named.items())))
    return inputs_key(planned.cache, [(rel, key) for (_, rel), key in zip(planned.to_read, planned.keys)], notes,
                      planned.decisions, shape, args.output)


def replay(done: dict) -> int:
    """Print what a `check --output` run prints (its summary, then warnings and errors) and return its code."""
    for line in done["out"]:
        print(line)
    sys.stdout.flush()
    for line in done["err"]:
        err(line)
    return done["code"]


def few_collections() -> None:
    """Leave the cyclic garbage collector off during a check. A check makes objects by the
    hundred thousand (claims, findings, cache entries) and no reference cycles
    (tests/engine/test_no_cycles.py keeps it so): reference counting frees each as soon as it
    is let go, and a collection would only walk those alive (with Python's default, a
    collection every 700 new objects, a third of a re-check's time; with rare ones still
    0.2 s of a re-check). The pool's workers inherit the setting."""
    import gc

    gc.freeze()  # what the imports made stays: never walked again
    gc.disable()


def root_paths(args) -> list[str]:
    """The PATHs that locate the corpus root: `-` stands for --stdin-filename (or the working folder)."""
    if args.stdin_filename and "-" not in args.paths:
        raise FactlintError("--stdin-filename names the article read from standard input: give the PATH -")
    if args.paths.count("-") > 1:
        raise FactlintError("the PATH - (standard input) can be given once")
    return [(args.stdin_filename or ".") if p == "-" else p for p in args.paths]


def read_stdin(args) -> tuple[str, str] | None:
    """(file name, text) of the article on standard input, for `check -`."""
    if "-" not in args.paths:
        return None
    from factlint.checker.ingest import decode

    name = args.stdin_filename or "-"
    data = getattr(sys.stdin, "buffer", sys.stdin).read()
    text = decode(data if isinstance(data, bytes) else data.encode("utf-8"), f"{name} (standard input)")
    return name, text


def use_color(args) -> bool:
    """--color: always, never, or auto (full and concise to a terminal, unless NO_COLOR is set)."""
    if args.format not in ("full", "concise") or args.output:
        return False
    if args.color != "auto":
        return args.color == "always"
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


class Progress:
    """A progress line on standard error, rewritten in place, for a terminal only; cleared at the end."""

    INTERVAL = 0.2  # seconds between updates

    def __init__(self, stream):
        self.stream = stream
        self.last = 0.0
        self.shown = False

    @classmethod
    def on_terminal(cls, stream) -> "Progress | None":
        try:
            return cls(stream) if stream.isatty() else None
        except (AttributeError, ValueError):
            return None

    def __call__(self, stage: str, done: int, total: int) -> None:
        import time

        now = time.monotonic()
        if now - self.last < self.INTERVAL:
            return
        self.last = now
        self.stream.write(f"\r\x1b[Kfactlint: {stage} {done}/{total}")
        self.stream.flush()
        self.shown = True

    def clear(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def check_table(options) -> dict:
    """code → check rule, for SARIF rule help; empty if the rule files do not load."""
    try:
        from factlint.rules.loader import RuleSet

        return RuleSet.load(options.rules_dirs).checks
    except (ImportError, FactlintError):
        return {}


def _encodable(text: str) -> bool:
    """Text the decisions file can hold: bytes that were no UTF-8 on the command line come as
    lone surrogates, which no file can be written with."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def cmd_decide(args) -> int:
    from factlint.checker.decisions import DecisionStore, make_decision, migrate, resolve_id
    from factlint.checker.pipeline import check

    if args.note is not None and not _encodable(args.note):
        raise FactlintError("--note is not valid text in the terminal's encoding (UTF-8): nothing was decided")
    paths = [a for a in args.items if Path(a).exists()]
    prefixes = [a for a in args.items if not Path(a).exists()]
    for p in prefixes:
        if len(p) < MIN_PREFIX:
            raise FactlintError(f"finding id {p!r} is too short: give at least {MIN_PREFIX} characters of the id "
                                "(or no such file or folder)")
    if not paths:
        raise FactlintError("decide needs the corpus PATH (an existing file or folder) after the finding ids")
    if not prefixes:
        raise FactlintError("decide needs at least one FINDING-ID (run 'factlint check PATH' to list them)")
    options = options_from(args, paths)
    report = check(paths, options)
    for e in report.errors:
        err(e.message)
    store = DecisionStore.load(report.decisions_file)
    migrate(store, report.findings)  # decisions under former ids are saved under the ids now
    findings = {f.id: f for f in report.findings if f.kind != "agreement" or args.agreements}
    agreements = {f.id for f in report.findings if f.kind == "agreement"}
    claims = {c.id: c for c in report.claims}
    for p in prefixes:
        if any(i.startswith(p) for i in agreements - set(findings)) and not any(i.startswith(p) for i in findings):
            raise FactlintError(f"{p!r} is an agreement, not a discrepancy: agreements never fail the check "
                                "(--agreements decides one anyway)")
    known = set(findings) | (set(store.decisions) if args.status == "open" else set())
    done = []
    for fid in dict.fromkeys(resolve_id(p, known) for p in prefixes):
        finding = findings.get(fid)
        if args.status == "open":
            store.set(fid, None)
        else:
            previous = store.get(fid)
            note = args.note if args.note is not None else (previous.note if previous else None)
            store.set(fid, make_decision(finding, report, args.status, note, claims=claims))
        what = f"{finding.code} {finding.name}: {', '.join(report_surfaces(report, finding))}" if finding else "stale"
        done.append(f"{fid} {args.status} ({what})")
    store.save()  # success is reported once it is on disk
    for line in done:
        say(line)
    return ExitCode.OK


def report_surfaces(report, finding) -> list[str]:
    claims = {c.id: c for c in report.claims}
    return [f"{claims[i].document}:{claims[i].line} “{' '.join(claims[i].surface.split())}”"
            for i in finding.claims if i in claims]


def cmd_prune(args) -> int:
    from factlint.checker.decisions import DecisionStore, migrate
    from factlint.checker.pipeline import check

    options = options_from(args, args.paths)
    report = check(args.paths, options)
    if report.errors:
        for e in report.errors:
            err(e.message)
        raise FactlintError(f"not pruning: {len(report.errors)} file(s) could not be read, "
                            f"so their findings are missing and their decisions would look stale",
                            report.decisions_file)
    stale = report.stale_decisions
    store = DecisionStore.load(report.decisions_file)
    migrate(store, report.findings)  # decisions under former ids are saved under the ids now
    for s in stale:
        store.set(s.id, None)
    store.save()
    if not stale:
        print(f"no stale decisions in {report.decisions_file}")
        return ExitCode.OK
    say(f"pruned {len(stale)} stale decision{'s' if len(stale) != 1 else ''} from {report.decisions_file}:")
    for s in stale:
        quotes = ", ".join(f"“{x}”" for x in s.surfaces)
        say(f"  {s.id} {s.status}{' ' + s.code if s.code else ''}{': ' + quotes if quotes else ''}")
    return ExitCode.OK


def cmd_cache_clear(args) -> int:
    from factlint.checker.engine.cache import clear
    from factlint.checker.pipeline import cache_folder

    folder = cache_folder(args.paths)
    say(f"{folder}: removed {clear(folder)} entries")
    return ExitCode.OK


def cmd_rules(args) -> int:
    from factlint.rules.loader import check_by_name, load_checks

    extra = tuple(args.rules)
    if args.check:
        rule = check_by_name(args.check, extra)
        if rule is None:
            raise FactlintError(f"no check named {args.check!r} (see `factlint rules`)")
        say(f"{rule.code} {rule.name} ({rule.kind}, {rule.level}; applies to {', '.join(rule.applies_to)})")
        say(f"  {rule.summary}")
        say(f"  Why it fires: {rule.doc.why}")
        say(f"  Fires:  {rule.doc.fires}")
        say(f"  Passes: {rule.doc.passes}")
        params = rule.params.model_dump(exclude_defaults=True)
        if params:
            say("  Params: " + ", ".join(f"{k} = {v}" for k, v in params.items()))
        return ExitCode.OK
    table = load_checks(extra)
    width = max((len(r.name) for r in table.values()), default=4)
    for rule in table.values():
        say(f"{rule.code}  {rule.name:<{width}}  {rule.kind:<13}  {rule.level:<7}  {rule.summary}")
    return ExitCode.OK


if __name__ == "__main__":
    main()
