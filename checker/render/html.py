"""One self-contained HTML page to share with editors: findings grouped by story, each with
its explanation, every side's sentence (figures highlighted) and provenance side by side,
the decision and note, and for a drift a timeline of its values by as-of date (inline SVG).

No scripts, no external stylesheets, fonts or images: the page works offline and from a
mail attachment. Every text from the articles, file names and notes is escaped; a link is
made only to an article's own http(s) URL.
"""

from __future__ import annotations

import datetime as dt
from html import escape

from factlint.checker.model import Claim, Document, Finding, Report
from factlint.checker.render import (Locator, RenderOptions, marked_sentence, ordered, provenance, story, summary,
                                     value_text)

OPEN, CLOSE = "\ue000", "\ue001"  # placeholders for <mark> while the sentence is escaped

STYLE = """
body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:72rem;padding:1rem 1.5rem;color:#1d1d1f;background:#fafafa}
h1{font-size:1.5rem;margin:.2rem 0}h2{font-size:1.2rem;margin:2rem 0 .5rem;border-bottom:2px solid #ccc}
.summary{color:#444}.finding{background:#fff;border:1px solid #ddd;border-left:5px solid #888;border-radius:4px;
margin:.8rem 0;padding:.6rem .9rem}.conflict{border-left-color:#c62828}.drift{border-left-color:#ef6c00}
.inconsistency{border-left-color:#8e24aa}.agreement{border-left-color:#2e7d32}
.head{display:flex;gap:.6rem;flex-wrap:wrap;align-items:baseline}.kind{font-weight:700;text-transform:uppercase;font-size:.8rem}
.id{font-family:ui-monospace,monospace;color:#666;font-size:.85rem}.status{font-size:.8rem;padding:0 .4rem;border-radius:3px;background:#eee}
.status-open{background:#ffe0e0}.status-confirmed{background:#e0f0ff}.status-dismissed{background:#eee;color:#666}
.why{margin:.4rem 0}.sides{display:grid;grid-template-columns:repeat(auto-fit,minmax(18rem,1fr));gap:.6rem}
.side{margin:0;border:1px solid #e4e4e4;border-radius:4px;padding:.5rem;background:#fcfcfc}
.side blockquote{margin:0 0 .4rem}mark{background:#ffeb3b;font-weight:700;padding:0 .1rem}
.side figcaption{font-size:.85rem;color:#444}.file{font-family:ui-monospace,monospace;font-size:.8rem;color:#555}
.decision{margin:.5rem 0 0;padding:.3rem .5rem;background:#f3f6fa;border-radius:3px}
svg.timeline{display:block;margin:.4rem 0;max-width:100%}details{margin:.6rem 0}
"""


def render(report: Report, options: RenderOptions = RenderOptions()) -> str:
    loc = Locator(report)
    documents = {d.path: d for d in report.documents}
    stories: dict[str, list[Finding]] = {}
    for f in ordered(report, options.strict):
        stories.setdefault(story(f, loc.claims, documents), []).append(f)
    body = [f"<h1>factlint report</h1>\n<p class=\"summary\">{escape(summary(report, options.strict))}</p>"]
    for name, findings in stories.items():
        body.append(f"<section>\n<h2>{escape(name)}</h2>")
        discrepancies = [f for f in findings if f.kind != "agreement"]
        agreements = [f for f in findings if f.kind == "agreement"]
        body += [finding_html(f, loc, documents) for f in discrepancies]
        if agreements:
            body.append(f"<details><summary>{len(agreements)} agreement{'s' * (len(agreements) != 1)}</summary>")
            body += [finding_html(f, loc, documents) for f in agreements]
            body.append("</details>")
        body.append("</section>")
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            f"<title>factlint report</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
            + "\n".join(body) + "\n</body>\n</html>\n")


def finding_html(f: Finding, loc: Locator, documents: dict[str, Document]) -> str:
    status = "agreement" if f.kind == "agreement" else f.status
    out = [f"<article class=\"finding {escape(f.kind)}\" id=\"f-{escape(f.id)}\">",
           f"<div class=\"head\"><span class=\"kind\">{escape(f.kind)}</span>"
           f"<span>{escape(f.code)} {escape(f.name)}</span>"
           f"<span class=\"status status-{escape(status)}\">{escape(status)}</span>"
           f"<span class=\"id\">{escape(f.id)}</span></div>",
           f"<p class=\"why\">{escape(f.message)}</p>"]
    claims = loc.claims_of(f)
    if f.kind == "drift":
        out.append(timeline_svg(claims))
    out.append("<div class=\"sides\">")
    for c in _one_per_document(claims):
        own = [x for x in claims if x.document == c.document]
        out.append(side_html(c, loc, documents.get(c.document), own,
                             [x for x in own if x.sentence_start == c.sentence_start]))
    out.append("</div>")
    if f.status != "open" and f.kind != "agreement":
        who = " ".join(x for x in (f"by {f.decided_by}" if f.decided_by else "",
                                   f"on {f.decided_at}" if f.decided_at else "") if x)
        text = f"{f.status.capitalize()}{' ' + who if who else ''}" + (f": {f.note}" if f.note else "")
        out.append(f"<p class=\"decision\">{escape(text)}</p>")
    out.append("</article>")
    return "\n".join(out)


def _one_per_document(claims: list[Claim]) -> list[Claim]:
    seen: dict[str, Claim] = {}
    for c in claims:
        seen.setdefault(c.document, c)
    return list(seen.values())


def side_html(c: Claim, loc: Locator, doc: Document | None, mentions: list[Claim],
              together: list[Claim] | None = None) -> str:
    where = loc.locate(c)
    sentence = highlighted(c, together or [c])
    others = [loc.locate(m) for m in mentions[1:] if m.sentence_start != c.sentence_start]
    also = "".join(f"; also line {p.line}" for p in others)
    return (f"<figure class=\"side\"><blockquote>{sentence}</blockquote><figcaption>"
            f"{source_html(doc)}<br><span class=\"file\">{escape(where.file)}:{where.line}{escape(also)}</span>"
            f" · = {escape(value_text(c))}" + (f" · as of {escape(c.as_of)}" if c.as_of else "")
            + "</figcaption></figure>")


def highlighted(c: Claim, together: list[Claim], width: int = 600) -> str:
    """The escaped sentence of `c` with every figure of `together` (its sentence's claims of the
    finding: a conversion's two amounts) in <mark>; a long sentence is cut around `c`."""
    sentence = c.sentence or c.surface
    if len(sentence) > width or len(together) == 1:
        text = marked_sentence(c, lambda s: OPEN + s + CLOSE, width=min(width, 400))
        if text.count(OPEN) != 1:
            return escape(text.replace(OPEN, "").replace(CLOSE, ""))
        return escape(text).replace(OPEN, "<mark>").replace(CLOSE, "</mark>")
    out, at = [], 0
    for x in sorted(together, key=lambda x: x.start):
        surface = " ".join(x.surface.split())
        found = sentence.find(surface, at)
        if found < 0:
            continue
        out += [escape(sentence[at:found]), "<mark>", escape(surface), "</mark>"]
        at = found + len(surface)
    return "".join(out) + escape(sentence[at:])


def source_html(doc: Document | None) -> str:
    """Outlet, title, date and the article's URL (a link only when it is http or https)."""
    text = escape(provenance(doc))
    url = doc.url if doc is not None else None
    if url and url.lower().startswith(("https://", "http://")):
        text = text.replace(escape(url), f"<a href=\"{escape(url, quote=True)}\" rel=\"noopener noreferrer\">"
                                         f"{escape(url)}</a>")
    return text


def timeline_svg(claims: list[Claim], width: int = 420, height: int = 130) -> str:
    """The values of a drift by as-of date: a line through one dot per dated figure."""
    points = []
    for c in _one_per_document(claims):
        day = _day(c.as_of)
        if day is not None and c.value is not None:
            points.append((day, c.value, c))
    if len(points) < 2:
        return "<p class=\"timeline-none\">No timeline: fewer than two figures have an as-of date.</p>"
    points.sort(key=lambda p: (p[0], p[1]))
    pad_l, pad_r, pad_t, pad_b = 50, 50, 18, 30
    d0, d1 = points[0][0], points[-1][0]
    v0, v1 = min(p[1] for p in points), max(p[1] for p in points)
    span_d, span_v = max(d1 - d0, 1), (v1 - v0) or abs(v1) or 1.0

    def xy(day: int, v: float) -> tuple[float, float]:
        x = pad_l + (day - d0) / span_d * (width - pad_l - pad_r)
        y = height - pad_b - (v - v0) / span_v * (height - pad_t - pad_b)
        return round(x, 1), round(y, 1)

    coords = [xy(d, v) for d, v, _ in points]
    parts = [f"<svg class=\"timeline\" width=\"{width}\" height=\"{height}\" "
             f"viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"values by as-of date\">",
             f"<line x1=\"{pad_l}\" y1=\"{height - pad_b}\" x2=\"{width - pad_r}\" y2=\"{height - pad_b}\" stroke=\"#999\"/>",
             "<polyline fill=\"none\" stroke=\"#ef6c00\" stroke-width=\"2\" points=\""
             + " ".join(f"{x},{y}" for x, y in coords) + "\"/>"]
    for (x, y), (day, v, c) in zip(coords, points):
        label = escape(" ".join(c.surface.split()))
        parts.append(f"<circle cx=\"{x}\" cy=\"{y}\" r=\"4\" fill=\"#ef6c00\"><title>{label} · {escape(c.as_of or '')} · "
                     f"{escape(c.document)}</title></circle>")
        parts.append(f"<text x=\"{x}\" y=\"{max(y - 7, 10)}\" font-size=\"11\" text-anchor=\"middle\">{label}</text>")
        parts.append(f"<text x=\"{x}\" y=\"{height - pad_b + 16}\" font-size=\"10\" text-anchor=\"middle\" "
                     f"fill=\"#555\">{escape(c.as_of or '')}</text>")
    parts.append("</svg>")
    return "".join(parts)


def _day(iso: str | None) -> int | None:
    if not iso:
        return None
    padded = iso + {4: "-07-01", 7: "-15"}.get(len(iso), "")
    try:
        return dt.date.fromisoformat(padded).toordinal()
    except ValueError:
        return None
