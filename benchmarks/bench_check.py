"""How `factlint check` scales with the size of the corpus.

Generates corpora of news-like articles (German and English, about 2–3 KB each) from
templates into a temporary folder, runs `factlint check DIR --format json` on each in a
child process, and prints the wall-clock time and the peak memory of the child and its worker
processes together (proportional set size, sampled every 50 ms) per size, and
the ratios between consecutive sizes. Ten times the articles should cost at most about
twelve times the time; a ratio well above that points at a quadratic stage, which
`--profile` helps to find (cProfile of the child, top functions by cumulative time).

Articles come in stories: two to five articles about one subject (a company, a project,
a town) that share facts, so alignment has real work; some restate a figure wrongly
(a conflict) and some quote a share price on another day (drift). The number of
subjects grows with the corpus, as it does in a real archive.

    python benchmarks/bench_check.py                      # 1 000, 10 000, 30 000 articles
    python benchmarks/bench_check.py --sizes 200,2000     # a quick check
    python benchmarks/bench_check.py --sizes 1000,10000 --profile
    python benchmarks/bench_check.py --sizes 10000 --recheck   # then re-checks from the cache

Each size's first run starts without a cache (.factlint/cache/ is removed before it).

The checks run as an installed tool does, with the bytecode of factlint's modules written
once and read from then on: PYTHONDONTWRITEBYTECODE (which some sandboxes set) is dropped
from their environment, so no re-check spends a tenth of a second compiling factlint's
sources again (the first run writes the bytecode).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import pstats
import random
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

DEFAULT_SIZES = (1000, 10000, 30000)
# Issue 13's targets for 10 000 articles (wall-clock seconds).
TARGET_SIZE = 10000
RECHECK_TARGETS = {"unchanged": 2.0, "one file changed": 3.0}
FIRST_TARGET_SECONDS, FIRST_TARGET_MB = 30.0, 400.0  # a first run with 2 cores

# ------------------------------------------------------------------ names and figures

SYLLABLES = (
    ("Nor", "Kel", "Tal", "Ber", "Vel", "Ostr", "Lin", "Mar", "Hal", "Sen", "Tor", "Rav", "Wend", "Ald",
     "Brin", "Cor", "Dal", "Fen", "Gar", "Hel"),
    ("a", "e", "i", "o", "an", "er", "il", "un"),
    ("vik", "mark", "stedt", "dor", "ora", "tek", "wind", "berg", "lux", "gard", "ion", "ara", "holm",
     "feld", "quist"),
)
FORMS = ("AG", "SE", "Group", "Holding")
TOWN_ENDINGS = ("hagen", "feld", "burg", "au", "stedt", "brück", "heim", "ingen")
FIRST = ("Anna", "Jonas", "Mira", "Lukas", "Hanna", "Tobias", "Clara", "Felix", "Ida", "Paul", "Greta", "Emil")
SURNAME_ENDINGS = ("mann", "er", "ski", "berg", "huber", "sen", "inger", "stein", "quist", "brugger")
OUTLETS = {
    "de": ("Wirtschaftsblatt Nord", "Börsenblick", "Talbote", "Alpenkurier", "Stadtanzeiger", "Bergbote"),
    "en": ("Market Wire Europe", "Asia Ledger", "Railway Review", "Transit Today", "Rhine Valley Post",
           "Alpine Dispatch"),
}
MONTHS = {
    "de": ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
           "November", "Dezember"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
}
WEEKDAYS = {
    "de": ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}


def name(rng: random.Random) -> str:
    return "".join(rng.choice(part) for part in SYLLABLES)


def surname(rng: random.Random) -> str:
    return rng.choice(SYLLABLES[0]) + rng.choice(SYLLABLES[1]) + rng.choice(SURNAME_ENDINGS)


def town(rng: random.Random) -> str:
    return rng.choice(SYLLABLES[0]) + rng.choice(SYLLABLES[1]) + rng.choice(TOWN_ENDINGS)


def num(x: float, lang: str, decimals: int) -> str:
    """x with German (1.234,5) or English (1,234.5) separators."""
    s = f"{x:,.{decimals}f}"
    return s.replace(",", "\x00").replace(".", ",").replace("\x00", ".") if lang == "de" else s


def money(amount: float, lang: str, rng: random.Random) -> str:
    """An amount in euros as news write it: 4,7 Milliarden Euro / 4,7 Mrd. Euro / €4.7bn / 4.7 billion euros."""
    if amount >= 1e9:
        v, de_words, en_short, en_word = amount / 1e9, ("Milliarden", "Mrd."), "bn", "billion"
    elif amount >= 1e6:
        v, de_words, en_short, en_word = amount / 1e6, ("Millionen", "Mio."), "m", "million"
    else:
        return f"{num(amount, lang, 2)} Euro" if lang == "de" else f"€{num(amount, lang, 2)}"
    digits = 1 if v < 100 else 0
    if lang == "de":
        return f"{num(v, lang, digits)} {rng.choice(de_words)} Euro"
    if rng.random() < 0.7:
        return f"€{num(v, lang, digits)}{en_short}"
    return f"{num(v, lang, digits)} {en_word} euros"


def pct(x: float, lang: str) -> str:
    return f"{num(x, lang, 1)} Prozent" if lang == "de" else f"{num(x, lang, 1)}%"


def date(d: dt.date, lang: str) -> str:
    if lang == "de":
        return f"{d.day}. {MONTHS['de'][d.month - 1]} {d.year}"
    return f"{MONTHS['en'][d.month - 1]} {d.day}, {d.year}"


# ------------------------------------------------------------------ stories and articles


@dataclass
class Story:
    """One subject and the facts its articles share: a company's results or a building project."""

    kind: str
    subject: str
    form: str
    city: str
    chief: str
    year: int
    day: dt.date
    revenue: float
    prior_revenue: float
    profit: float
    employees: int
    growth: float
    margin: float
    share_price: float
    dividend: float
    investment: float
    site_km: float
    riders: int

    @classmethod
    def make(cls, rng: random.Random) -> "Story":
        revenue = rng.uniform(0.3, 40) * 1e9
        growth = rng.uniform(-8, 25)
        day = dt.date(2025, 1, 1) + dt.timedelta(days=rng.randrange(500))
        return cls(
            kind=rng.choice(("results", "results", "project")),
            subject=name(rng), form=rng.choice(FORMS), city=town(rng), chief=f"{rng.choice(FIRST)} {surname(rng)}",
            year=day.year - 1, day=day,
            revenue=revenue, prior_revenue=revenue / (1 + growth / 100), profit=revenue * rng.uniform(0.02, 0.15),
            employees=rng.randrange(800, 90000), growth=growth, margin=rng.uniform(3, 22),
            share_price=rng.uniform(8, 400), dividend=rng.uniform(0.2, 6), investment=rng.uniform(50, 900) * 1e6,
            site_km=rng.uniform(3, 60), riders=rng.randrange(2000, 90000),
        )


def story_paragraphs(s: Story, lang: str, rng: random.Random, published: dt.date, wrong: bool) -> list[str]:
    """The paragraphs that carry the story's facts; `wrong` restates one figure incorrectly."""
    if s.kind == "project":
        return project_paragraphs(s, lang, rng, published, wrong)
    profit = s.profit * (rng.choice((0.8, 1.25)) if wrong else 1)
    employees = int(s.employees * (1.3 if wrong and rng.random() < 0.5 else 1))
    price = s.share_price * rng.uniform(0.95, 1.05) if published != s.day else s.share_price
    weekday = WEEKDAYS[lang][published.weekday()]
    co = f"{s.subject} {s.form}"
    if lang == "de":
        return [
            f"Die {co} hat im Geschäftsjahr {s.year} einen Umsatz von {money(s.revenue, lang, rng)} erzielt, "
            f"nach {money(s.prior_revenue, lang, rng)} im Vorjahr. Das entspricht einem Plus von {pct(s.growth, lang)}, "
            f"wie das Unternehmen am {weekday} in {s.city} mitteilte.",
            f"Unter dem Strich blieb ein Nettogewinn von {money(profit, lang, rng)}. Die operative Marge lag bei "
            f"{pct(s.margin, lang)}. Die Aktionäre sollen eine Dividende von {num(s.dividend, lang, 2)} Euro je Aktie erhalten.",
            f"„Wir sind mit dem Jahr zufrieden, aber nicht satt“, sagte Vorstandschef {s.chief}. Das Unternehmen "
            f"beschäftigt weltweit rund {num(employees, lang, 0)} Mitarbeiter und will bis {s.year + 3} weiter wachsen.",
            f"Für ein neues Werk bei {s.city} plant {s.subject} Investitionen von {money(s.investment, lang, rng)}. "
            f"Das Gelände liegt {num(s.site_km, lang, 0)} Kilometer vom Stammsitz entfernt.",
            f"Die Aktie schloss am {weekday} bei {num(price, lang, 2)} Euro.",
        ]
    return [
        f"{co} reported revenue of {money(s.revenue, lang, rng)} for {s.year}, up {pct(s.growth, lang)} from "
        f"{money(s.prior_revenue, lang, rng)} a year earlier, the company said in {s.city} on {weekday}.",
        f"Net profit came in at {money(profit, lang, rng)} and the operating margin was {pct(s.margin, lang)}. "
        f"The board proposed a dividend of €{num(s.dividend, lang, 2)} per share.",
        f'"We are pleased with the year, but not satisfied," chief executive {s.chief} said. The group employs about '
        f"{num(employees, lang, 0)} people worldwide and aims to keep growing until {s.year + 3}.",
        f"{s.subject} plans to invest {money(s.investment, lang, rng)} in a new plant near {s.city}, "
        f"{num(s.site_km * 0.621371, lang, 0)} miles from its headquarters.",
        f"The shares closed at €{num(price, lang, 2)} on {weekday}.",
    ]


def project_paragraphs(s: Story, lang: str, rng: random.Random, published: dt.date, wrong: bool) -> list[str]:
    """A rail line built by a consortium: cost, length, workforce, opening, riders (which change over time)."""
    cost = s.investment * 4 * (rng.choice((0.85, 1.2)) if wrong else 1)
    km = s.site_km * (1.609344 if wrong and rng.random() < 0.5 else 1)  # kilometres mistaken for miles
    riders = int(s.riders * (1 + (published - s.day).days * 0.03))
    weekday = WEEKDAYS[lang][published.weekday()]
    line = f"{s.city}-{s.subject}-Bahn" if lang == "de" else f"{s.city} {s.subject} line"
    if lang == "de":
        return [
            f"Die neue {line} ist am {weekday} in Betrieb gegangen. Die Strecke ist {num(km, lang, 1)} Kilometer "
            f"lang und verbindet {s.city} mit dem Umland; gebaut wurde sie in {s.year - 2018} Jahren.",
            f"Die Kosten beliefen sich nach Angaben des Bauherrn auf {money(cost, lang, rng)}. Ursprünglich waren "
            f"{money(s.investment * 3, lang, rng)} veranschlagt. Auf der Baustelle arbeiteten zuletzt "
            f"{num(s.employees // 20 + 100, lang, 0)} Beschäftigte.",
            f"„Das ist ein großer Tag für die ganze Region“, sagte {s.chief} von der Projektgesellschaft.",
            f"Der Verkehrsverbund rechnet mit {num(s.riders * 2, lang, 0)} Fahrgästen pro Tag bis {s.year + 4}.",
            f"Bis zum {weekday} nutzten bereits {num(riders, lang, 0)} Fahrgäste täglich die Strecke.",
        ]
    return [
        f"The new {line} opened on {weekday}. The {num(km / 1.609344, lang, 1)}-mile route links {s.city} with "
        f"its suburbs and took {s.year - 2018} years to build.",
        f"The project cost {money(cost, lang, rng)}, the developer said, against an original estimate of "
        f"{money(s.investment * 3, lang, rng)}. About {num(s.employees // 20 + 100, lang, 0)} workers were on site at the peak.",
        f'"This is a big day for the whole region," project director {s.chief} said.',
        f"The transport authority expects {num(s.riders * 2, lang, 0)} passengers a day by {s.year + 4}.",
        f"By {weekday}, {num(riders, lang, 0)} passengers a day were already using the line.",
    ]


FILLER = {
    "de": (
        "Analysten hatten im Vorfeld mit einem schwächeren Ergebnis gerechnet. Die Branche leidet seit Monaten unter "
        "hohen Energiekosten und einer zurückhaltenden Nachfrage aus Asien, die sich erst langsam erholt.",
        "Der Vorstand verwies auf Fortschritte beim Umbau des Konzerns. Mehrere Standorte wurden zusammengelegt, "
        "die Verwaltung wurde verkleinert und die Digitalisierung der Fertigung vorangetrieben.",
        "Im laufenden Jahr rechnet das Management mit einem Wachstum von {p1}. Der Ausblick hängt allerdings stark "
        "von der Entwicklung der Rohstoffpreise ab, die zuletzt um {p2} gestiegen sind.",
        "Die Gewerkschaft begrüßte die Zahlen, forderte aber eine stärkere Beteiligung der Belegschaft. Die nächste "
        "Tarifrunde beginnt im {month}.",
        "Auf der Hauptversammlung am {date} sollen die Aktionäre über die Dividende und eine Satzungsänderung "
        "abstimmen. Erwartet werden rund {n} Teilnehmer.",
        "Der Markt für Industrieausrüstung ist nach Schätzungen von Branchenverbänden im vergangenen Jahr um {p1} "
        "gewachsen. Für die kommenden Jahre wird ein ähnliches Tempo erwartet.",
        "Kritiker werfen dem Unternehmen vor, zu spät in neue Technologien investiert zu haben. Der Vorstand weist "
        "das zurück und verweist auf {n} angemeldete Patente.",
        "Die Landesregierung hatte das Vorhaben von Anfang an unterstützt. Der Wirtschaftsminister sprach bei einem "
        "Besuch im {month} von einem Signal für den ganzen Standort und kündigte weitere Förderprogramme an.",
        "Umweltverbände sehen das Projekt skeptisch. Sie verweisen auf den Flächenverbrauch und fordern, dass "
        "mindestens {p1} der benötigten Energie aus erneuerbaren Quellen stammen.",
        "Die Zinsen für Unternehmenskredite sind seit dem Frühjahr um {p2} gesunken, was Investitionen wieder "
        "attraktiver macht. Banken berichten von einer steigenden Zahl an Anfragen aus dem Mittelstand.",
        "In der Region fehlen nach Angaben der Industrie- und Handelskammer rund {n} Fachkräfte. Viele Betriebe "
        "bilden deshalb selbst aus und werben um Bewerber aus dem Ausland.",
    ),
    "en": (
        "Analysts had expected weaker figures. The sector has struggled for months with high energy costs and "
        "subdued demand from Asia, which is only slowly recovering.",
        "Management pointed to progress in restructuring the group. Several sites have been merged, administration "
        "has been trimmed and the digitisation of production has been stepped up.",
        "For the current year, management expects growth of {p1}. The outlook depends heavily on raw material "
        "prices, which rose {p2} in recent months.",
        "The union welcomed the results but called for a larger share for staff. The next round of wage talks "
        "starts in {month}.",
        "Shareholders will vote on the dividend and a change to the articles at the annual meeting on {date}. "
        "About {n} participants are expected.",
        "Industry associations estimate that the market for industrial equipment grew {p1} last year, and expect "
        "a similar pace in the years ahead.",
        "Critics say the company was slow to invest in new technology. Management rejects that and points to "
        "{n} patents filed.",
        "The regional government backed the plan from the start. The economy minister called it a signal for the "
        "whole area during a visit in {month} and promised further support programmes.",
        "Environmental groups remain sceptical. They point to the land it takes up and want at least {p1} of the "
        "energy it needs to come from renewable sources.",
        "Interest rates on business loans have fallen {p2} since the spring, making investment more attractive "
        "again. Banks report a growing number of enquiries from mid-sized firms.",
        "The regional chamber of commerce says local employers are short of about {n} skilled workers. Many now "
        "train their own staff and recruit abroad.",
    ),
}
KEY_FIGURES = {"de": "**{co} in Zahlen:**", "en": "Key figures, {co}"}
READ_MORE = {"de": "*Lesen Sie auch:* Wie sich die Branche neu aufstellt", "en": "Read more: How the sector is reinventing itself"}


def article(s: Story, lang: str, rng: random.Random, published: dt.date, wrong: bool, idx: int) -> str:
    co = f"{s.subject} {s.form}"
    paras = story_paragraphs(s, lang, rng, published, wrong)
    fillers = list(FILLER[lang])
    rng.shuffle(fillers)
    body = [paras[0], paras[1]]
    # Background figures are the story's own: its articles agree on them, as real ones mostly do.
    frng = random.Random(f"{s.subject}{s.day}")
    figures = dict(p1=pct(frng.uniform(0.5, 9), lang), p2=pct(frng.uniform(1, 30), lang),
                   month=MONTHS[lang][frng.randrange(12)],
                   date=date(s.day + dt.timedelta(days=frng.randrange(20, 90)), lang),
                   n=num(frng.randrange(150, 4000), lang, 0))
    for f in fillers[:rng.randrange(6, 11)]:
        body.append(f.format(**figures))
    body += paras[2:]
    if s.kind == "project":
        figures = [KEY_FIGURES[lang].format(co=s.city), f"- {money(s.investment * 4, lang, rng)}",
                   f"- {num(s.site_km, lang, 1)} km", f"- {num(s.riders * 2, lang, 0)}"]
        title = f"{s.city}: " + ("Neue Bahnstrecke eröffnet" if lang == "de" else "new rail line opens")
        teaser = (f"**Nach {s.year - 2018} Jahren Bauzeit fahren die ersten Züge. Die Kosten sind gestiegen.**"
                  if lang == "de" else "The first trains run after years of construction; costs have risen.")
    else:
        figures = [KEY_FIGURES[lang].format(co=co), f"- {money(s.revenue, lang, rng)}", f"- {pct(s.growth, lang)}",
                   f"- {num(s.employees, lang, 0)}"]
        title = f"{co}: " + ("Umsatz und Gewinn im Blick" if lang == "de" else "results in focus")
        teaser = (f"**{s.subject} legt Zahlen vor. Anleger schauen vor allem auf die Marge.**" if lang == "de"
                  else f"{s.subject} publishes its figures; investors watch the margin.")
    outlet = rng.choice(OUTLETS[lang])
    slug = f"{s.subject.lower()}-{idx}"
    text = "\n\n".join([f"# {title}", teaser, *body, "\n".join(figures), READ_MORE[lang]]) + "\n"
    if rng.random() < 0.15:  # a plain-text article that dates itself in a dateline
        return f"{title}\n\n{s.city}, {date(published, lang)} – " + text.split("\n\n", 2)[2]
    front = (f'---\ntitle: "{title}"\nsource: "{outlet}"\npublished: {published.isoformat()}\nlang: {lang}\n'
             f'url: "https://{outlet.lower().replace(" ", "")}.example/{slug}"\n---\n\n')
    return front + text


def generate(root: Path, n: int, seed: int) -> int:
    """Write `n` articles under `root` in stories of 2–5; returns the bytes written."""
    rng = random.Random(seed)
    written = i = 0
    while i < n:
        s = Story.make(rng)
        size = min(rng.randrange(2, 6), n - i)
        folder = root / f"{i // 1000:03d}"
        folder.mkdir(exist_ok=True)
        for k in range(size):
            lang = rng.choice(("de", "en"))
            published = s.day if k == 0 or rng.random() < 0.6 else s.day + dt.timedelta(days=rng.randrange(1, 4))
            text = article(s, lang, rng, published, wrong=k > 0 and rng.random() < 0.2, idx=i)
            plain = not text.startswith("---")
            path = folder / f"{s.subject.lower()}-{i:06d}.{'txt' if plain else 'md'}"
            data = text.encode("utf-8")
            path.write_bytes(data)
            written += len(data)
            i += 1
    return written


# ------------------------------------------------------------------ running


@dataclass
class Run:
    articles: int
    megabytes: float
    seconds: float
    peak_mb: float
    exit_code: int
    claims: int | None
    findings: int | None


def factlint_command() -> list[str]:
    return [sys.executable, "-m", "factlint.checker.cli"]


# The checks' environment: bytecode may be written, as for an installed tool (see above).
CHILD_ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


LAST_CPU = [0.0]


class Abort(Exception):
    """A check that ran out of time or memory; larger sizes are then skipped."""


def run_check(corpus: Path, out: Path, profile: Path | None, timeout: float,
              max_memory_mb: int, extra: tuple[str, ...] = ()) -> tuple[float, float, int]:
    """Seconds, peak resident memory (MB) and exit status of one `factlint check` child; its CPU
    seconds (with its worker processes') are kept in `LAST_CPU` (a busy machine stretches the
    wall-clock time, hardly the CPU time).

    The child gets an address-space limit of `max_memory_mb` so that a runaway stage
    fails on its own instead of starving the machine, and is killed after `timeout`.
    """
    cmd = factlint_command()
    if profile is not None:
        cmd = [sys.executable, "-m", "cProfile", "-o", str(profile), "-m", "factlint.checker.cli"]
    cmd += ["check", str(corpus), "--format", "json", "--output", str(out), *extra]

    def limit_memory() -> None:
        cap = max_memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))

    start = time.perf_counter()
    tree_peak = 0.0
    with tempfile.TemporaryFile() as errfile:
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=errfile, preexec_fn=limit_memory,
                                env=CHILD_ENV)
        deadline = start + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            tree_peak = max(tree_peak, tree_memory_mb(proc.pid))
            if time.perf_counter() > deadline:
                proc.kill()
                _, status, usage = os.wait4(proc.pid, 0)
                proc.returncode = -9
                raise Abort(f"timed out after {timeout:.0f} s (peak {usage.ru_maxrss / 1024:.0f} MB so far)")
            time.sleep(0.05)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        errfile.seek(0)
        err = errfile.read().decode("utf-8", "replace").strip()
    # The largest single process (kilobytes on Linux), or the whole tree's proportional share
    # (workers of a pool counted once each, pages they share split between them), whichever is more.
    peak_mb = max(usage.ru_maxrss / 1024, tree_peak)
    LAST_CPU[:] = [usage.ru_utime + usage.ru_stime]
    if proc.returncode not in (0, 1):
        last = err.splitlines()[-1] if err else "no message"
        if "MemoryError" in err:
            raise Abort(f"ran out of the {max_memory_mb} MB memory cap after {seconds:.0f} s")
        raise Abort(f"factlint check exited {proc.returncode} after {seconds:.0f} s: {last}")
    return seconds, peak_mb, proc.returncode


def clear_cache(corpus: Path) -> None:
    import shutil

    shutil.rmtree(corpus / ".factlint" / "cache", ignore_errors=True)


def recheck(corpus: Path, out: Path, args, extra: tuple[str, ...]) -> list[tuple[str, tuple[float, float, int]]]:
    """Re-check timings (the fastest of --repeat): the corpus unchanged, then with one article edited."""
    unchanged = min(run_check(corpus, out, None, args.timeout, args.max_memory_mb, extra) + (LAST_CPU[0],)
                    for _ in range(max(1, args.repeat)))
    article = next(p for p in sorted(corpus.rglob("*.md")))
    original = article.read_bytes()
    changed = []
    try:
        for n in range(max(1, args.repeat)):
            article.write_bytes(original.replace(b"\n\n", f"\n\nEdited {n}: 17 new jobs.\n\n".encode(), 1))
            changed.append(run_check(corpus, out, None, args.timeout, args.max_memory_mb, extra) + (LAST_CPU[0],))
    finally:
        article.write_bytes(original)
    return [("unchanged", unchanged), ("one file changed", min(changed))]


def tree_memory_mb(pid: int) -> float:
    """Proportional set size of a process and all its descendants, in MB (0 where /proc cannot tell)."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/smaps_rollup") as f:
                total += next((int(line.split()[1]) for line in f if line.startswith("Pss:")), 0)
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    todo += [int(c) for c in f.read().split()]
        except (OSError, ValueError):
            continue
    return total / 1024


def count(out: Path) -> tuple[int | None, int | None]:
    try:
        report = json.loads(out.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None, None
    return len(report.get("claims", [])), len(report.get("findings", []))


def print_profile(path: Path, top: int) -> None:
    stats = pstats.Stats(str(path))
    stats.sort_stats("cumulative").print_stats(top)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)),
                   help="comma-separated corpus sizes in articles (default: %(default)s)")
    p.add_argument("--seed", type=int, default=7, help="random seed for the generated corpora")
    p.add_argument("--keep", metavar="DIR", help="generate into DIR and keep the corpora")
    p.add_argument("--profile", action="store_true", help="run each check under cProfile and print the top functions")
    p.add_argument("--top", type=int, default=25, help="functions to show with --profile")
    p.add_argument("--repeat", type=int, default=1,
                   help="runs per size; the fastest counts, as other load on the machine only adds time")
    p.add_argument("--timeout", type=float, default=1800, help="seconds one check may take (default: %(default)s)")
    p.add_argument("--max-memory-mb", type=int, default=12000,
                   help="address-space cap of the checked process in MB (default: %(default)s)")
    p.add_argument("--jobs", type=int, help="passed to factlint check --jobs (default: its own, one per core)")
    p.add_argument("--recheck", action="store_true",
                   help="after each size's first (cold) run, re-check it unchanged and with one file changed (the cache)")
    args = p.parse_args(argv)
    try:
        sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    except ValueError:
        p.error(f"--sizes: not a list of numbers: {args.sizes!r}")
    if not sizes or min(sizes) < 1:
        p.error("--sizes: give at least one positive size")

    base = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="factlint-bench-"))
    base.mkdir(parents=True, exist_ok=True)
    runs: list[Run] = []
    print(f"{'articles':>9} {'MB':>7} {'seconds':>9} {'peak MB':>8} {'art/s':>8} {'claims':>9} {'findings':>9} {'CPU s':>8}"
          f"   (load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores)")
    try:
        for n in sizes:
            corpus = base / f"corpus-{n}"
            if not corpus.exists():
                corpus.mkdir()
                nbytes = generate(corpus, n, args.seed)
                (corpus / ".factlint").mkdir()  # a corpus root: its cache is .factlint/cache/ (cleared per size)
            else:
                nbytes = sum(f.stat().st_size for f in corpus.rglob("*") if f.is_file() and ".factlint" not in f.parts)
            out = base / f"report-{n}.json"
            prof = base / f"profile-{n}.prof" if args.profile else None
            extra = ("--jobs", str(args.jobs)) if args.jobs else ()
            try:
                timings = []
                for _ in range(max(1, args.repeat)):
                    clear_cache(corpus)  # a first run: nothing kept from before
                    timings.append(run_check(corpus, out, prof, args.timeout, args.max_memory_mb, extra) + (LAST_CPU[0],))
                counted = count(out)  # (the re-checks write their own reports)
                if args.recheck:
                    rechecks = recheck(corpus, out, args, extra)
            except Abort as exc:
                print(f"{n:>9} {nbytes / 1e6:>7.1f}  {exc}; larger sizes skipped", flush=True)
                break
            seconds, peak, code, cpu = min(timings)
            claims, findings = counted
            run = Run(n, nbytes / 1e6, seconds, peak, code, claims, findings)
            runs.append(run)
            print(f"{n:>9} {run.megabytes:>7.1f} {seconds:>9.2f} {peak:>8.0f} {n / seconds:>8.0f} "
                  f"{claims if claims is not None else '?':>9} {findings if findings is not None else '?':>9} {cpu:>8.1f}",
                  flush=True)
            if n == TARGET_SIZE:
                load = os.getloadavg()[0]
                print(f"{'':>9} {'':>7} first run: target <= {FIRST_TARGET_SECONDS:.0f} s with 2 cores: "
                      f"{'met' if seconds <= FIRST_TARGET_SECONDS else 'MISSED'} ({seconds:.1f} s wall, {cpu:.1f} s CPU, "
                      f"load average {load:.2f} now); peak <= {FIRST_TARGET_MB:.0f} MB: "
                      f"{'met' if peak <= FIRST_TARGET_MB else 'MISSED'} ({peak:.0f} MB)", flush=True)
            if args.recheck:
                for what, (secs, peak_mb, _, cpu) in rechecks:
                    target = RECHECK_TARGETS[what] if n == TARGET_SIZE else None
                    against = f"; target <= {target:.0f} s: {'met' if secs <= target else 'MISSED'}" if target else ""
                    print(f"{'':>9} {'':>7} {secs:>9.2f} {peak_mb:>8.0f}   re-check, {what} (CPU {cpu:.1f} s{against}; load average {os.getloadavg()[0]:.2f})",
                          flush=True)
            out.unlink(missing_ok=True)
            if prof is not None:
                print_profile(prof, args.top)
    finally:
        if not args.keep:
            import shutil

            shutil.rmtree(base, ignore_errors=True)

    for a, b in zip(runs, runs[1:]):
        size_ratio = b.articles / a.articles
        time_ratio = b.seconds / a.seconds
        mem_ratio = b.peak_mb / a.peak_mb
        verdict = "ok" if time_ratio <= 1.2 * size_ratio else "SUPERLINEAR"
        print(f"{a.articles} -> {b.articles}: articles x{size_ratio:.1f}, time x{time_ratio:.2f}, "
              f"peak memory x{mem_ratio:.2f}, time per article x{time_ratio / size_ratio:.2f} ({verdict})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
