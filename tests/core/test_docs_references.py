"""The domain is written down in the repository, and the code cites it there.

Code, tests and benchmarks name the pages of ``docs/`` (``docs/eligibility.md#collective-rules``)
for the rules they implement, never the notes the project started from, which live outside the
repository. Every Markdown file a source file names must exist, and every section it points at
(``#anchor``) must be a heading of that page; the links between the pages of ``docs/`` must
resolve too. A page renamed or a heading reworded then fails here instead of leaving citations
that lead nowhere.
"""
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
SCANNED = ("thidua", "tests", "bench")
TEXT_SUFFIXES = {".py", ".html", ".txt", ".md", ".sh", ".js", ".css", ".toml", ".cfg"}
SKIPPED_PARTS = {"vendor", "__pycache__", "locale", "migrations"}
# A path that leaves the repository for the starting notes (built so this file does not match).
OUTSIDE = re.compile(r"(?:\.\./)+" + "shared" + r"\b|\bshared/(?:domain|research|seeds)\b")
MARKDOWN_NAME = re.compile(r"(?<![\w/.-])((?:[\w.-]+/)*[\w.-]+\.md)(?:#([\w-]+))?")
LINK = re.compile(r"\]\(([^)\s]+)\)")
HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$", re.MULTILINE)


def slug(heading):
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens."""
    text = re.sub(r"`([^`]*)`", r"\1", heading)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return re.sub(r"[^\w\- ]", "", text.strip().lower()).replace(" ", "-")


def anchors(page):
    return {slug(heading) for heading in HEADING.findall(page.read_text(encoding="utf-8"))}


def scanned_files():
    for top in SCANNED:
        for path in sorted((ROOT / top).rglob("*")):
            if (path.is_file() and path.suffix in TEXT_SUFFIXES
                    and not SKIPPED_PARTS & set(path.relative_to(ROOT).parts)
                    and path != Path(__file__).resolve()):
                yield path


def resolve(name, where):
    """The file ``name`` designates from a file in ``where``: beside it, or from the root."""
    for base in (where, ROOT):
        candidate = (base / name).resolve()
        if candidate.is_file():
            return candidate
    return None


def broken(name, anchor, where):
    """Why a citation of ``name#anchor`` from a file in ``where`` leads nowhere, or None."""
    target = resolve(name, where)
    if target is None:
        return f"{name} is not in the repository (cite the page of docs/ that holds it)"
    if anchor and target.suffix == ".md" and anchor not in anchors(target):
        return f"{name} has no heading for #{anchor}"
    return None


def test_code_cites_the_docs_not_the_notes_outside_the_repository():
    problems = []
    for path in scanned_files():
        text = path.read_text(encoding="utf-8", errors="replace")
        where = path.relative_to(ROOT)
        for number, line in enumerate(text.splitlines(), start=1):
            if OUTSIDE.search(line):
                problems.append(f"{where}:{number}: points outside the repository: {line.strip()}")
            for name, anchor in MARKDOWN_NAME.findall(line):
                reason = broken(name, anchor, path.parent)
                if reason:
                    problems.append(f"{where}:{number}: {reason}")
    assert problems == [], "\n".join(problems)


def test_links_between_the_docs_resolve():
    problems = []
    for page in sorted(DOCS.glob("*.md")) + [ROOT / "README.md"]:
        for target in LINK.findall(page.read_text(encoding="utf-8")):
            if re.match(r"[a-z]+:", target):
                continue  # http:, mailto: …
            name, _hash, anchor = target.partition("#")
            reason = broken(name or page.name, anchor, page.parent)
            if reason:
                problems.append(f"{page.relative_to(ROOT)}: link to {target}: {reason}")
    assert problems == [], "\n".join(problems)


def test_the_anchor_of_a_heading_is_the_one_a_reader_follows():
    assert slug("Definitions the rules share") == "definitions-the-rules-share"
    assert slug("History: which mechanism records what") == "history-which-mechanism-records-what"
    assert slug("Biểu 0601–0605 (`reports/statutory`)") == "biểu-06010605-reportsstatutory"
