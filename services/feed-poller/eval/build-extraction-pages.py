#!/usr/bin/env python3
"""Builds the folder of real article pages that ExtractionEvaluation reads (see ../README.md, "Extraction").

The pages come from three public, permissively licensed repositories, read from local git clones at pinned
commits; nothing is downloaded and nothing lands in this repository:

  readability   mozilla/readability (Apache-2.0): test/test-pages/*, the pages of real sites only; the expected
                text is the text of expected.html (Readability's reviewed output), the title and author come from
                expected-metadata.json, normalised, with the corrections below where that metadata is wrong.
  newspaper     AndyTheFactory/newspaper4k (MIT): tests/data/html + txt + metadata (newspaper's reviewed output).
  benchmark-dev, benchmark-heldout
                scrapinghub/article-extraction-benchmark (MIT): 181 pages with human-written article bodies,
                split by the first hex digit of each page's key: 0-5 is the part that may be looked at while tuning
                the extractor, 6-f the part that never is (run it only for the summary line).

Each page becomes NAME.html and NAME.expected.txt: "key: value" lines (url, title, author, source), "---", then the
expected main text. "author: -" means the page names no author; a missing author line means it is not known.

Usage: build-extraction-pages.py OUT --readability GITDIR --newspaper GITDIR --benchmark GITDIR
"""
import argparse
import gzip
import html.parser
import json
import pathlib
import re
import subprocess
import sys

READABILITY_COMMIT = "ab4027a8b37669745016869a37a504727992b2ba"
NEWSPAPER_COMMIT = "540bff3e8344cb8291c4829fafd98860f30d9692"
BENCHMARK_COMMIT = "4a3bc979f76c0df73cb95fe272e2fc1b96f9f010"

# Readability's test pages that are real sites (the others are synthetic cases of its own rules).
READABILITY_PAGES = """aclu aktualne archive-of-our-own ars-1 bbc-1 blogger breitbart buzzfeed-1 citylab-1 cnet cnn
daringfireball-1 dev418 dropbox-blog ebb-org ehow-1 ehow-2 engadget firefox-nightly-blog folha gitlab-blog gmw
google-sre-book-1 guardian-1 heise herald-sun-1 hukumusume iab-1 ietf-1 la-nacion lemonde-1 liberation-1
lifehacker-post-comment-load lifehacker-working lwn-1 medicalnewstoday medium-1 medium-2 medium-3 mercurial
mozilla-1 mozilla-2 msn nytimes-1 nytimes-2 nytimes-3 nytimes-4 nytimes-5 pixnet qq quanta-1 royal-road salon-1
seattletimes-1 simplyfound-1 spiceworks telegraph theverge tmz-1 topicseed-1 tumblr v8-blog videos-1 videos-2
wapo-1 wapo-2 webmd-1 webmd-2 wikia wikipedia wordpress yahoo-1 yahoo-2 yahoo-3 yahoo-4 youth""".split()

# Where Readability's byline is not the author's name: the name read on the page, "-" when the page names none
# (a publisher, a desk), None when it cannot be told (not scored). Pages without a byline in Readability's
# metadata and not listed here are not scored either: Readability finding none does not mean there is none.
AUTHOR_CORRECTIONS = {
    "archive-of-our-own": None, "bbc-1": "-", "blogger": "Andrew Zonenberg", "breitbart": "Lucas Nolan",
    "buzzfeed-1": "Mark Di Stefano", "ebb-org": "Bradley M. Kuhn", "folha": None,
    "google-sre-book-1": "Rob Ewaschuk", "heise": None, "herald-sun-1": None, "ietf-1": "Michiel de Jong",
    "lemonde-1": "Martin Untersinger", "lwn-1": "Nathan Willis", "pixnet": None, "royal-road": None, "salon-1": "Richard (R.J.) Eskow",
    "seattletimes-1": None, "simplyfound-1": "Joe Wee", "spiceworks": None, "telegraph": "-",
    "webmd-1": "Brenda Goodman", "webmd-2": "Kelli Miller", "wordpress": "Sarah Gooding",
    "yahoo-3": "Gillian Mohney", "yahoo-4": None, "youth": None,
}
# Where Readability's title keeps the site's name (or is not the headline): the headline read on the page,
# None when it cannot be told (not scored).
TITLE_CORRECTIONS = {
    "archive-of-our-own": None, "daringfireball-1": None, "ebb-org": "On Recent Controversial Events",
    "gmw": "宇航员在太空中喝酒会怎么样？后果很严重",
    "google-sre-book-1": "Monitoring Distributed Systems",
    "guardian-1": "'What is the sea telling us?': Māori tribes fearful over whale strandings",
    "lwn-1": "LWN.net Weekly Edition for March 26, 2015", "medium-3": "Samantha and The Great Big Lie",
    "mercurial": "Evolve: Shared Mutable History", "pixnet": "新竹尖石_美樹營地賞楓 (2)",
    "qq": "DeepMind新电脑已可利用记忆自学 人工智能迈上新台阶", "royal-road": "ONE HUNDRED TWO: What kind of wordchain?",
    "v8-blog": "standalone WebAssembly binaries using Emscripten", "wikipedia": "Mozilla",
    "yahoo-4": "トレンドマイクロ、公衆無線LANを安全に使うためのアプリ「フリーWi-Fiプロテクション」",
}
NEWSPAPER_AUTHORS = {"cnn_001": "Joan Biskupic", "cnn_test_nlp": "Eric Bradner", "time_001": "Alejandro de la Garza",
                     "cnn_002": "Jeremy Herb; Lauren del Valle; Kara Scannell; Douglas Wood"}

BLOCKS = set("""p div section article main header footer aside h1 h2 h3 h4 h5 h6 li ul ol dl dt dd blockquote pre
figure figcaption table tr td th hr address details summary form nav""".split())


class TextOf(html.parser.HTMLParser):
    """Paragraphs of an HTML fragment: block elements and <br> end a line, scripts and styles are skipped."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines, self.current, self.skip = [], [], 0

    def flush(self):
        line = " ".join("".join(self.current).split())
        if line:
            self.lines.append(line)
        self.current = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        elif tag in BLOCKS or tag == "br":
            self.flush()

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip = max(0, self.skip - 1)
        elif tag in BLOCKS:
            self.flush()

    def handle_data(self, data):
        if not self.skip:
            self.current.append(data)


def text_of(fragment):
    parser = TextOf()
    parser.feed(fragment)
    parser.close()
    parser.flush()
    return "\n\n".join(parser.lines)


def git_show(gitdir, commit, path):
    return subprocess.run(["git", "--git-dir", str(gitdir), "show", f"{commit}:{path}"], check=True,
                          capture_output=True).stdout


def git_ls(gitdir, commit, path):
    out = subprocess.run(["git", "--git-dir", str(gitdir), "ls-tree", "--name-only", f"{commit}", path + "/"],
                         check=True, capture_output=True, text=True).stdout
    return [line.rsplit("/", 1)[-1] for line in out.splitlines()]


def one_line(value):
    return " ".join((value or "").split())


def write(folder, name, page, meta, text):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.html").write_bytes(page)
    header = "".join(f"{key}: {one_line(value)}\n" for key, value in meta.items() if value is not None)
    (folder / f"{name}.expected.txt").write_text(header + "---\n" + text.strip() + "\n", encoding="utf-8")


def readability(gitdir, out):
    for name in READABILITY_PAGES:
        base = f"test/test-pages/{name}"
        meta = json.loads(git_show(gitdir, READABILITY_COMMIT, f"{base}/expected-metadata.json"))
        title = one_line(meta.get("title"))
        site = one_line(meta.get("siteName"))
        if site:
            title = re.sub(r"\s+[|\-–—:]\s+" + re.escape(site) + r"$", "", title, flags=re.I)
        if name in TITLE_CORRECTIONS:
            title = TITLE_CORRECTIONS[name]
        if name in AUTHOR_CORRECTIONS:
            author = AUTHOR_CORRECTIONS[name]
        elif meta.get("byline"):
            author = re.sub(r"(?i)^(by|par)\s+", "", one_line(meta["byline"].split("\n")[0]))
        else:
            author = None
        text = text_of(git_show(gitdir, READABILITY_COMMIT, f"{base}/expected.html").decode("utf-8"))
        write(out / "readability", name, git_show(gitdir, READABILITY_COMMIT, f"{base}/source.html"),
              {"source": f"mozilla/readability {base}", "title": title, "author": author}, text)


def newspaper(gitdir, out):
    texts = {n[:-4] for n in git_ls(gitdir, NEWSPAPER_COMMIT, "tests/data/txt") if n.endswith(".txt")}
    metas = {n[:-5] for n in git_ls(gitdir, NEWSPAPER_COMMIT, "tests/data/metadata") if n.endswith(".json")}
    for page in git_ls(gitdir, NEWSPAPER_COMMIT, "tests/data/html"):
        name = page[:-5]
        if not page.endswith(".html") or name not in texts or name not in metas:
            continue
        meta = json.loads(git_show(gitdir, NEWSPAPER_COMMIT, f"tests/data/metadata/{name}.json"))
        text = git_show(gitdir, NEWSPAPER_COMMIT, f"tests/data/txt/{name}.txt").decode("utf-8")
        write(out / "newspaper", name, git_show(gitdir, NEWSPAPER_COMMIT, f"tests/data/html/{page}"),
              {"source": f"AndyTheFactory/newspaper4k tests/data/html/{page}", "url": meta.get("url"),
               "title": meta.get("title"), "author": NEWSPAPER_AUTHORS.get(name)}, text)


def benchmark(gitdir, out):
    truth = json.loads(git_show(gitdir, BENCHMARK_COMMIT, "ground-truth.json"))
    for key, page in truth.items():
        part = "benchmark-dev" if key[0] in "012345" else "benchmark-heldout"
        html = gzip.decompress(git_show(gitdir, BENCHMARK_COMMIT, f"html/{key}.html.gz"))
        write(out / part, key, html, {"source": f"scrapinghub/article-extraction-benchmark html/{key}.html.gz",
                                      "url": page.get("url")}, page.get("articleBody", ""))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=pathlib.Path)
    parser.add_argument("--readability", type=pathlib.Path, required=True, help="git dir of mozilla/readability")
    parser.add_argument("--newspaper", type=pathlib.Path, required=True, help="git dir of newspaper4k")
    parser.add_argument("--benchmark", type=pathlib.Path, required=True,
                        help="git dir of scrapinghub/article-extraction-benchmark")
    args = parser.parse_args()
    readability(args.readability, args.out)
    newspaper(args.newspaper, args.out)
    benchmark(args.benchmark, args.out)
    for folder in sorted(p for p in args.out.iterdir() if p.is_dir()):
        print(f"{folder}: {len(list(folder.glob('*.html')))} pages", file=sys.stderr)


if __name__ == "__main__":
    main()
