"""JUnit XML: one test case per discrepancy (agreements are not test cases), a failure for
each that fails the check, a passing case for each decided one; an error test case per
unreadable file. Every case has its file and line. CI systems show it as a test report."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from factlint.checker.model import Report
from factlint.checker.render import Locator, RenderOptions, marked_sentence, ordered, provenance, stale_lines, value_text
from factlint.checker.visible import xml_escaped

NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def render(report: Report, options: RenderOptions = RenderOptions()) -> str:
    loc = Locator(report)
    suite = ET.Element("testsuite", name="factlint check")
    failures = errors = 0
    for f in ordered(report, options.strict):
        places = [loc.locate(c) for c in loc.claims_of(f)]
        # The name holds no line numbers, so a CI's test history follows the finding across edits.
        what = " vs ".join(f"{c.document} “{' '.join(c.surface.split())}”" for c in loc.claims_of(f))
        case = ET.SubElement(suite, "testcase", classname=f"factlint.{f.code}.{f.name}",
                             name=clean(f"{f.kind} {f.id}: {what}"))
        if places:
            case.set("file", clean(places[0].file))
            case.set("line", str(places[0].line))
        details = "\n".join(
            f"{p.file}:{p.line}:{p.column}: {marked_sentence(c, lambda s: f'»{s}«')} = {value_text(c)}"
            f"\n    {provenance(loc.document(c.document))}"
            for c, p in zip(loc.claims_of(f), places))
        if f.fails(options.strict):
            failures += 1
            failure = ET.SubElement(case, "failure", message=clean(f.message), type=f"{f.code} {f.kind}")
            failure.text = clean(details)
        else:
            out = ET.SubElement(case, "system-out")
            who = f" by {f.decided_by}" if f.decided_by else ""
            out.text = clean(f"{f.status}{who}{': ' + f.note if f.note else ''}\n{f.message}\n{details}")
    for e in report.errors:
        errors += 1
        case = ET.SubElement(suite, "testcase", classname="factlint.input", name=clean(e.path or "input"),
                             file=clean(report.file_of(e.path)), line="1")
        ET.SubElement(case, "error", message=clean(e.message), type="input error")
    tests = len(report.findings) + len(report.errors)
    suite.set("tests", str(tests))
    suite.set("failures", str(failures))
    suite.set("errors", str(errors))
    suite.set("skipped", "0")
    if report.stale_decisions:
        ET.SubElement(suite, "system-err").text = clean("\n".join(stale_lines(report)))
    root = ET.Element("testsuites", name="factlint", tests=str(tests), failures=str(failures), errors=str(errors))
    root.append(suite)
    ET.indent(root)
    # C1 and bidi controls as character references: the same text to a parser, inert in a terminal
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + xml_escaped(ET.tostring(root, encoding="unicode")) + "\n"


def clean(text: str) -> str:
    """Drop characters XML 1.0 cannot carry (control characters from article text)."""
    return NOT_XML.sub("", text)
