#!/usr/bin/env python3
"""Independent evaluation of the feed parser on a reference feed-parser test suite kept outside the repository.

The suite is a folder of XML test feeds whose header comment holds a description and an expectation written as a
Python expression over the reference parser's result, in the layout of the Python feedparser project's tests
(wellformed/, illformed/, encoding/, entities/; "Header:" lines give HTTP headers). Every feed is parsed by
`./newswatch feed` (many feeds per call; feeds whose tests are about HTTP are served by a local HTTP server with
their headers, as the suite's own harness does), and each expectation is evaluated against our output mapped onto
the reference parser's result shape:

  feed title, feed link; entries[i]: title, link, summary/description (our content when we have no summary, as
  the reference fills it), content[0].value, author (and
  author_detail/authors[0] name), and our one date (the best valid one by precedence) as published_parsed,
  updated_parsed or created_parsed by the element it was read from; len(entries).

An expectation is "mapped" when at least one of its top-level `and` parts uses only those fields; the parts that use
anything else (bozo, enclosures, feed descriptions, HTML sanitizing...) are left out. Text is compared with
whitespace collapsed, and where the reference keeps HTML markup (its output is sanitized HTML, ours plain text) our
text is compared with the text of that markup. A feed is a crash when the tool gives no answer for it (no JSON line
on either output); a hang when it takes longer than --timeout seconds alone.

Usage: services/feed-poller/eval/feed-suite.py SUITE_DIR [--out DIR] [--command CMD] [--timeout S]
  SUITE_DIR  the suite's tests/ folder (e.g. a copy of feedparser's tests/, outside the repository)
  --command  how to run the feed tool (default: ./newswatch feed, from the repository root)
  --out      where to write failures.txt (default: none)
Tuning on this suite is not allowed: fixtures for each failure class are written separately (FeedFieldClassesTest).
"""
import argparse
import ast
import builtins
import calendar
import datetime
import html
import html.parser
import http.server
import json
import os
import re
import resource
import shlex
import subprocess
import sys
import threading
import time
from pathlib import Path

DESC_RE = re.compile(r"Description:\s*(.*?)\s*Expect:\s*(.*?)\s*-->", re.S)
HEADER_RE = re.compile(r"^Header:\s+([^:]+):(.*)$", re.M)
FOLDERS = ("wellformed", "illformed", "encoding", "entities")
PORT = 8097  # the suite's expectations name this port for documents served over HTTP
BATCH = 150


class Unmapped(Exception):
    """The expectation uses something our output has no counterpart for."""


def collapse(text):
    return " ".join(str(text).split())


class _TextOf(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []

    def handle_data(self, data):
        self.parts.append(data)


def text_of_html(markup):
    parser = _TextOf()
    parser.feed(markup)
    parser.close()
    return collapse(" ".join(parser.parts))


MARKUP_RE = re.compile(r"</[A-Za-z][\w:-]*>|<[A-Za-z][^<>]*/>|&#?\w+;")


class Text(str):
    """Our plain text: equal to the reference's text as written, or to the text of its markup when it keeps HTML."""

    def __eq__(self, other):
        if not isinstance(other, str):
            return str.__eq__(self, other)
        mine = collapse(self)
        if mine == collapse(other):
            return True
        return bool(MARKUP_RE.search(other)) and mine == text_of_html(other)

    def __ne__(self, other):
        return not self.__eq__(other)

    __hash__ = str.__hash__


class Mapped(dict):
    """A dict that answers only for the keys we map; any other key makes the expectation part unmapped."""

    def __init__(self, values, mapped):
        super().__init__(values)
        self.mapped = mapped

    def __getitem__(self, key):
        if key not in self.mapped:
            raise Unmapped(key)
        if not dict.__contains__(self, key):
            raise KeyError(key)
        return dict.__getitem__(self, key)

    def get(self, key, default=None):
        if key not in self.mapped:
            raise Unmapped(key)
        return dict.get(self, key, default)

    def __contains__(self, key):
        if key not in self.mapped:
            raise Unmapped(key)
        return dict.__contains__(self, key)

    def __getattr__(self, key):
        try:
            return self[key]
        except KeyError as e:
            raise AttributeError(key) from e

    def keys(self):
        raise Unmapped("keys")


class OneOnly(list):
    """Our content is one text: its length says nothing about the reference's parts."""

    def __len__(self):
        raise Unmapped("len(content)")


ENTRY_KEYS = {"title", "title_detail", "link", "summary", "description", "summary_detail", "content", "author",
              "author_detail", "authors", "published_parsed", "updated_parsed", "created_parsed"}
FEED_KEYS = {"title", "title_detail", "link"}


def struct_time(instant):
    if not instant:
        return None
    moment = datetime.datetime.fromisoformat(instant.replace("Z", "+00:00"))
    return time.gmtime(calendar.timegm(moment.utctimetuple()))


class Author(Text):
    """Our author is a name: the reference's "Name (e-mail)" form matches it by its name."""

    def __eq__(self, other):
        if isinstance(other, str) and other.endswith(")") and "(" in other and "@" in other:
            other = other[:other.rindex("(")].strip() or other
        return Text.__eq__(self, other)

    __hash__ = str.__hash__


class First(list):
    """Our one author: the reference's later ones and their count have no counterpart."""

    def __getitem__(self, index):
        if index != 0:
            raise Unmapped("authors[%r]" % (index,))
        return list.__getitem__(self, index)

    def __len__(self):
        raise Unmapped("len(authors)")


# Our one date maps onto the reference's field for the element it was read from.
DATE_FIELDS = {"published": "published_parsed", "pubDate": "published_parsed", "dc:date": "published_parsed",
               "dcterms:issued": "published_parsed", "issued": "published_parsed",
               "dcterms:created": "created_parsed", "created": "created_parsed",
               "updated": "updated_parsed", "dcterms:modified": "updated_parsed", "modified": "updated_parsed"}


def entry(item):
    values = {}
    title = Text(item.get("title") or "")
    values["title"] = title
    values["title_detail"] = Mapped({"value": title}, {"value"})
    if item.get("link"):
        values["link"] = item["link"]
    # the reference fills an item's description from its content when it has none: so do we, here only
    summary = Text(item.get("summary") or item.get("content") or "")
    values["summary"] = values["description"] = summary
    values["summary_detail"] = Mapped({"value": summary}, {"value"})
    values["content"] = OneOnly([Mapped({"value": Text(item.get("content") or "")}, {"value"})])
    person = {}
    if item.get("author"):
        values["author"] = person["name"] = Author(item["author"])
    values["author_detail"] = Mapped(person, {"name"})
    values["authors"] = First([Mapped(person, {"name"})])
    mapped = set(ENTRY_KEYS) - {"published_parsed", "updated_parsed", "created_parsed"}
    if not item.get("publishedEstimated") and ("publishedFrom" not in item or item["publishedFrom"] in DATE_FIELDS):
        # a tool that does not name the element gives a publication date
        field = DATE_FIELDS.get(item.get("publishedFrom"), "published_parsed")
        values[field] = struct_time(item.get("published"))
        mapped.add(field)
    return Mapped(values, mapped)


def result_env(output):
    feed_values = {}
    if output is not None:
        title = Text(output.get("title") or "")
        feed_values = {"title": title, "title_detail": Mapped({"value": title}, {"value"})}
        if output.get("link"):
            feed_values["link"] = output["link"]
    items = [] if output is None else [entry(item) for item in output.get("items", [])]
    return {"feed": Mapped(feed_values, FEED_KEYS), "entries": items}


class Env(dict):
    """Names of the reference result: feed and entries are ours, anything else (bozo, encoding...) is unmapped."""

    def __init__(self, values):
        super().__init__(values)

    def __missing__(self, key):
        if hasattr(builtins, key):
            raise KeyError(key)
        raise Unmapped(key)


def conjuncts(expression):
    tree = ast.parse(expression.strip(), mode="eval")
    parts = tree.body.values if isinstance(tree.body, ast.BoolOp) and isinstance(tree.body.op, ast.And) else [tree.body]
    return [compile(ast.Expression(body=part), "<expect>", "eval") for part in parts]


def evaluate(expression, output):
    """(mapped, satisfied) for one expectation."""
    env = Env(result_env(output))
    mapped = satisfied = 0
    for part in conjuncts(expression):
        try:
            value = eval(part, {"__builtins__": builtins}, env)
        except (Unmapped, NameError):
            continue
        except (KeyError, IndexError, TypeError, AttributeError, ValueError):
            value = False  # our output lacks what the expectation reads
        mapped += 1
        satisfied += 1 if value else 0
    return mapped > 0, mapped > 0 and satisfied == mapped


class Handler(http.server.BaseHTTPRequestHandler):
    suite = None

    def do_GET(self):
        path = (self.suite / self.path.lstrip("/").removeprefix("tests/")).resolve()
        if not str(path).startswith(str(self.suite.resolve())) or not path.is_file():
            self.send_error(404)
            return
        data = path.read_bytes()
        text = data.decode("utf-8", "ignore")
        headers = {k: v.strip() for k, v in HEADER_RE.findall(text)}
        self.send_response(200)
        self.send_header("Content-Type", headers.pop("Content-type", "text/xml"))
        self.send_header("Content-Length", str(len(data)))
        for key, value in headers.items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


def run_tool(command, targets, timeout):
    """Runs the tool on targets: {target: output dict or None (failed to parse)}, targets with no answer, timed out."""
    try:
        done = subprocess.run(command + targets, capture_output=True, timeout=timeout, cwd=REPO)
    except subprocess.TimeoutExpired:
        return None
    answers = {}
    for stream, ok in ((done.stdout, True), (done.stderr, False)):
        for line in stream.decode("utf-8", "replace").splitlines():
            try:
                value = json.loads(line)
            except ValueError:
                continue
            if isinstance(value, dict) and "input" in value:
                answers[value["input"]] = value if ok else None
    return answers


def parse_all(command, targets, timeout, crashes, hangs):
    """Every target's answer, bisecting batches that time out or stop answering to find the one that does."""
    answers = {}
    pending = [targets[i:i + BATCH] for i in range(0, len(targets), BATCH)]
    while pending:
        batch = pending.pop()
        got = run_tool(command, batch, timeout * len(batch) if len(batch) == 1 else timeout + 2 * len(batch))
        if got is None or any(t not in got for t in batch):
            if len(batch) == 1:
                (hangs if got is None else crashes).append(batch[0])
                continue
            if got is not None:
                answers.update(got)
                batch = [t for t in batch if t not in got]
            half = max(1, len(batch) // 2)
            pending += [batch[:half], batch[half:]] if len(batch) > 1 else [batch]
            continue
        answers.update(got)
    return answers


REPO = Path(__file__).resolve().parents[3]


def main():
    arguments = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    arguments.add_argument("suite", type=Path)
    arguments.add_argument("--out", type=Path)
    arguments.add_argument("--command", default="./newswatch feed")
    arguments.add_argument("--timeout", type=float, default=20.0)
    options = arguments.parse_args()
    suite = options.suite.resolve()
    tests = []
    for folder in FOLDERS:
        for path in sorted((suite / folder).rglob("*.xml")):
            text = path.read_bytes().decode("utf-8", "ignore")
            match = DESC_RE.search(text)
            if match:
                tests.append((path, match.group(1), match.group(2)))
    Handler.suite = suite
    server = http.server.ThreadingHTTPServer(("127.0.0.1", PORT), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    targets = {}
    for path, _, _ in tests:
        relative = path.relative_to(suite).as_posix()
        targets[path] = f"http://127.0.0.1:{PORT}/tests/{relative}" if "http" in relative else str(path)
    crashes, hangs = [], []
    started = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = time.monotonic()
    answers = parse_all(shlex.split(options.command), list(targets.values()), options.timeout, crashes, hangs)
    finished = resource.getrusage(resource.RUSAGE_CHILDREN)
    server.shutdown()
    mapped = satisfied = parsed = 0
    failures = []
    for path, description, expectation in tests:
        target = targets[path]
        output = answers.get(target)
        parsed += output is not None
        try:
            is_mapped, ok = evaluate(expectation, output)
        except SyntaxError:
            continue
        if is_mapped:
            mapped += 1
            satisfied += ok
            if not ok:
                failures.append(f"{path.relative_to(suite)}: {description}\n  expect: {expectation}\n"
                                f"  ours:   {json.dumps(output, ensure_ascii=False)[:600]}\n")
    cpu = (finished.ru_utime - started.ru_utime) + (finished.ru_stime - started.ru_stime)
    print(f"test feeds:            {len(tests)} ({parsed} parsed, {len(tests) - parsed - len(crashes) - len(hangs)} refused)")
    print(f"expectations mapped:   {mapped} of {len(tests)}")
    print(f"satisfied:             {satisfied} ({100.0 * satisfied / max(1, mapped):.1f}%)")
    print(f"crashes:               {len(crashes)} {crashes[:5]}")
    print(f"hangs (> {options.timeout:.0f} s alone):  {len(hangs)} {hangs[:5]}")
    print(f"tool CPU time:         {cpu:.1f} s ({time.monotonic() - wall:.1f} s wall)")
    if options.out:
        options.out.mkdir(parents=True, exist_ok=True)
        (options.out / "failures.txt").write_text("".join(failures), encoding="utf-8")
        print(f"failures:              {options.out / 'failures.txt'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
