#!/usr/bin/env python3
"""Rebuilds the public evaluation sets of the enricher in a scratch folder (never in the repository).

Each published NER gold set is read from a git snapshot of its public repository, pinned to a commit, and converted
into the JSON Lines format that EvaluationTool reads (one document per line: id, language, text, titleEnd, mentions
with character offsets and type PERSON / ORGANIZATION / LOCATION or none for untyped gold, ignored spans of other
kinds). These sets are for independent evaluation only: never tune the tagger on them.

    build-public-sets.py --sources DIR --out DIR [set ...]

--sources holds one git repository per source, named owner+name (a clone, or a bare snapshot); a missing one is
cloned from GitHub when the machine has the internet. --annotations (default OUT/annotations) holds our own
annotations of real text (setimes-sr-sample.json), which cannot be rebuilt from public sources. Only the standard
library is used. The folder's README.md,
written next to the sets, says where each file came from and under which licence.
"""
import argparse
import json
import os
import re
import subprocess
import sys

SOURCES = {
    # owner/name: (commit, licence of the data used)
    "dstl/re3d": ("b061ff06713cad4df7e5cfaed3fd07bf15b2598c",
                  "per source folder: CC BY 3.0 AU (Australian DFAT), CC BY-NC 3.0 (BBC Online), public domain "
                  "(CENTCOM, US State Department), EEAS legal notice (EU Delegation to Syria), OGL v3.0 (UK "
                  "Government), CC BY-SA 3.0 (Wikipedia)"),
    "AKSW/n3-collection": ("c136acb69b9b43555ec1b863c9a2956904581fcc", "CC BY-NC-SA 4.0 (N3 collection)"),
    "dialogue-evaluation/factRuEval-2016": ("dfe96237fce79fde13b2021d1938587e4ea3042e", "MIT (repository licence)"),
    "lang-uk/ner-uk": ("7772b45807453854883a8e6d23e4d145014a1a42", "CC BY-NC-SA 4.0"),
    "mapriess/GermEval_2014_NER_DEMO": ("5f76c7191f3f159e815e2fab0070d0566e3ddc62",
                                        "CC BY 4.0 (GermEval 2014 NER data, copied in this repository)"),
    "explosion/spacy-models": ("92570667951482a0e22a072c363ce2ec14168924",
                               "CC BY-SA 4.0 (hr500k 1.0 sample in spaCy's test files)"),
    "EuropeanaNewspapers/ner-corpora": ("6bf838d23112c255fd81431b1187ab30ef6c2d90", "CC0"),
    "AlexaneJ/memoireM1": ("d2b431e92ec8b56b2aa1d1f382de7b2c969004b8",
                           "text: Wikinews, CC BY 2.5; annotations (FENEC, Quaero scheme): no licence stated, "
                           "used locally for evaluation only"),
    "UniversalDependencies/UD_Serbian-SET": ("c88193deceecd1c5332f927c1aa0f888085f63f7", "CC BY-SA 4.0"),
    "hipe-eval/HIPE-2022-data": ("147f5bc3c7fb7e5c6b024a9ffd6503cd019fb9ea",
                                 "CC BY-NC-SA 4.0 (hipe2020: CLEF-HIPE-2020 historical newspapers)"),
}

PER, ORG, LOC, IGNORE = "PERSON", "ORGANIZATION", "LOCATION", "IGNORE"


class Source:
    def __init__(self, sources, name):
        self.name = name
        self.commit, self.licence = SOURCES[name]
        folder = os.path.join(sources, name.replace("/", "+"))
        if not os.path.exists(folder):
            subprocess.run(["git", "clone", "--quiet", "https://github.com/" + name, folder], check=True)
        for candidate in (os.path.join(folder, "repo", ".git"), os.path.join(folder, "repo"),
                          os.path.join(folder, ".git"), folder):
            if os.path.exists(os.path.join(candidate, "HEAD")):
                self.git_dir = candidate
                break
        else:
            raise SystemExit("no git repository in " + folder)

    def read(self, path):
        return subprocess.run(["git", "--git-dir", self.git_dir, "show", self.commit + ":" + path],
                              check=True, capture_output=True).stdout.decode("utf-8")

    def files(self, prefix=""):
        out = subprocess.run(["git", "--git-dir", self.git_dir, "ls-tree", "-r", "--name-only", self.commit],
                             check=True, capture_output=True).stdout.decode("utf-8")
        return [f for f in out.splitlines() if f.startswith(prefix)]


def document(doc_id, language, text, mentions, ignored=(), title_end=0, topics=None):
    """One JSON Lines record; nested gold mentions keep the outermost, inner ones become ignored spans. A mention's
    fourth field, when given, groups mentions into entities."""
    spans = sorted({(s, e, t, k) for s, e, t, k in mentions if e > s}, key=lambda m: (m[0], -m[1]))
    kept, inner = [], list(ignored)
    for m in spans:
        if kept and m[0] < kept[-1][1]:
            inner.append((m[0], m[1]))
            continue
        kept.append(m)
    record = {"id": doc_id, "language": language, "text": text, "titleEnd": title_end,
              "mentions": [dict({"start": s, "end": e}, **({"type": t} if t else {}), **({"entity": k} if k else {}))
                           for s, e, t, k in kept]}
    if inner:
        record["ignored"] = [{"start": s, "end": e} for s, e in sorted(set(inner))]
    if topics is not None:
        record["topics"] = topics
    return record


NO_SPACE_BEFORE = re.compile(r"^([.,;:!?%)\]}»“]|'s|'|n't|’s)$")
NO_SPACE_AFTER = re.compile(r"^[(\[{«„]$")


def detokenize(tokens, spaces=None):
    """Joins tokens into a text (using the corpus's own spacing when given); returns the text and token offsets."""
    text, offsets = "", []
    for i, token in enumerate(tokens):
        if i > 0:
            if spaces is not None:
                text += spaces[i - 1]
            elif not NO_SPACE_BEFORE.match(token) and not NO_SPACE_AFTER.match(tokens[i - 1]):
                text += " "
        offsets.append((len(text), len(text) + len(token)))
        text += token
    return text, offsets


def tag_spans(tags):
    """Spans (first token, last token + 1, label) from BIO, IOB1, BIOES or BILOU tags."""
    spans, start, label = [], None, None
    for i, tag in enumerate(tags + ["O"]):
        prefix, _, kind = tag.partition("-") if "-" in tag else ("O", "", "")
        begins = prefix in ("B", "U", "S") or (prefix in ("I", "L", "E") and kind != label)
        if start is not None and (prefix == "O" or begins):
            spans.append((start, i, label))
            start, label = None, None
        if prefix in ("B", "I", "U", "S", "L", "E") and start is None:
            start, label = i, kind
        if prefix in ("U", "S", "L", "E") and start is not None:
            spans.append((start, i + 1, label))
            start, label = None, None
    return spans


def token_document(doc_id, language, tokens, tags, types, spaces=None, topics=None):
    text, offsets = detokenize(tokens, spaces)
    mentions, ignored = [], []
    for first, last, label in tag_spans(tags):
        kind = types.get(label, IGNORE)
        span = (offsets[first][0], offsets[last - 1][1])
        if kind == IGNORE:
            ignored.append(span)
        else:
            mentions.append((span[0], span[1], kind, None))
    return document(doc_id, language, text, mentions, ignored, topics=topics)


# ---------------------------------------------------------------------------------------------------------- sets

NOT_NAMES = {"i", "he", "she", "it", "we", "they", "you", "one", "a", "an", "the", "this", "that", "these", "those",
             "another", "his", "her", "their", "its", "my", "our", "your", "some", "many", "most", "several", "both"}


def is_name(mention):
    """A proper name: it has a capitalised word that is not a pronoun or determiner ("He", "One young girl" are not)."""
    return any(w[:1].isupper() and w.lower() not in NOT_NAMES for w in re.findall(r"[\w’'.-]+", mention))


def re3d(src):
    """English, defence and security documents on the conflict in Syria and Iraq (news, government, Wikipedia).
    Gold kept: Person, Organisation and Location mentions of confidence >= 0.5 that are names (a capitalised word
    other than a pronoun or determiner, as in the issue's measure), a leading "the" left out; the others ("the
    army", "He", "One young girl") and other kinds are ignored spans."""
    types = {"Person": PER, "Organisation": ORG, "Location": LOC}
    folders = sorted({f.split("/")[0] for f in src.files() if f.endswith("/documents.json")})
    for folder in folders:
        entities = {}
        for line in src.read(folder + "/entities.json").splitlines():
            if line.strip():
                e = json.loads(line)
                entities.setdefault(e["documentId"], []).append(e)
        for line in src.read(folder + "/documents.json").splitlines():
            if not line.strip():
                continue
            d = json.loads(line)
            text = d["text"]
            best = {}
            for e in entities.get(d["_id"], []):
                key = (e["begin"], e["end"])
                if e.get("confidence", 0) >= 0.5 and (key not in best or e["confidence"] > best[key]["confidence"]):
                    best[key] = e
            mentions, ignored = [], []
            for (s, t), e in best.items():
                kind = types.get(e["type"])
                while kind and text[s:t].lower().startswith("the ") and t - s > 4:
                    s += 4  # "The Members of the Security Council": the name, not the article
                if kind and is_name(text[s:t]):
                    mentions.append((s, t, kind, None))
                else:
                    ignored.append((s, t))
            yield document(folder.replace(" ", "_") + "/" + d["_id"], "en", text, mentions, ignored)


def nif(src, path, language):
    """Untyped NIF gold (N3 collection): every linked name is a gold mention, grouped by its link."""
    contexts, mentions = {}, {}
    triple = re.compile(r'^<([^>]*)> <([^>]*)> (.*) \.\s*$')
    for line in src.read(path).splitlines():
        m = triple.match(line)
        if not m:
            continue
        subject, predicate, obj = m.groups()
        doc = subject.split("#")[0]
        if predicate.endswith("#isString"):
            literal = re.match(r'^"(.*)"(?:@\w+|\^\^<[^>]*>)?$', obj).group(1)
            contexts[doc] = json.loads('"' + literal.replace('\\\'', "'") + '"')
        elif predicate.endswith("#beginIndex") or predicate.endswith("#endIndex") or predicate.endswith("#taIdentRef"):
            value = obj.strip("<>") if obj.startswith("<") else int(re.match(r'^"(\d+)"', obj).group(1))
            mentions.setdefault(doc, {}).setdefault(subject, {})[predicate.split("#")[-1]] = value
    for doc in sorted(contexts, key=lambda d: int(re.sub(r"\D", "", d.split("/")[-1]) or 0)):
        spans = [(m["beginIndex"], m["endIndex"], None, m.get("taIdentRef"))
                 for m in mentions.get(doc, {}).values() if "beginIndex" in m and "endIndex" in m
                 and not (m["beginIndex"] == 0 and m["endIndex"] == len(contexts[doc]))]
        yield document(doc.split("/N3/")[-1], language, contexts[doc], spans)


def reuters128(src):
    """English business newswire (Reuters-21578), untyped: companies, people, places and the like."""
    return nif(src, "Reuters-128.nt", "en")


def news100(src):
    """German news (news.de and others), untyped; includes products (car models) as names."""
    return nif(src, "News-100.nt", "de")


def factrueval(src):
    """Russian news and analysis (factRuEval-2016 test set): Person, Org, Location, LocOrg (as LOCATION)."""
    types = {"Person": PER, "Org": ORG, "Location": LOC, "LocOrg": LOC}
    files = set(src.files("testset/"))
    for path in sorted(p for p in files if p.endswith(".txt") and p[:-4] + ".spans" in files):
        base = path[:-4]
        text = src.read(path)
        spans = {}
        for line in src.read(base + ".spans").splitlines():
            f = line.split()
            if len(f) >= 4:
                spans[f[0]] = (int(f[2]), int(f[2]) + int(f[3]))
        mentions = []
        for line in src.read(base + ".objects").split("\n"):
            f = line.split("#")[0].split()
            if len(f) >= 3 and f[1] in types:
                parts = [spans[s] for s in f[2:] if s in spans]
                if parts:
                    mentions.append((min(p[0] for p in parts), max(p[1] for p in parts), types[f[1]], None))
        yield document(base.split("/")[-1], "ru", text, mentions)


def ner_uk(src):
    """Ukrainian (lang-uk NER v2, the test part of its standard split): PERS, ORG, LOC; MISC ignored."""
    split = src.read("v2.0/data/dev-test-split.txt").split("TEST", 1)[1].split()
    types = {"PERS": PER, "ORG": ORG, "LOC": LOC, "MISC": IGNORE}
    by_id = {os.path.basename(p)[:-4]: p for p in src.files("v2.0/data/") if p.endswith(".ann")}
    for doc_id in split:
        if doc_id not in by_id:
            continue
        ann = by_id[doc_id]
        text = src.read(ann[:-4] + ".txt")
        mentions, ignored = [], []
        for line in src.read(ann).splitlines():
            f = line.split("\t")
            if len(f) < 2 or not f[0].startswith("T"):
                continue
            # "T1<tab>ORG 0 17<tab>text" (brat) or "T1<tab>ORG<tab>0<tab>17<tab>text"
            kind, *offsets = f[1].split() if len(f) < 4 or not f[2].isdigit() else [f[1], f[2], f[3]]
            if kind in types and len(offsets) == 2:
                s, e = int(offsets[0]), int(offsets[1])
                (ignored.append((s, e)) if types[kind] == IGNORE else mentions.append((s, e, types[kind], None)))
        yield document(doc_id, "uk", text, mentions, ignored)


def germeval(src):
    """German sentences from news sites (GermEval 2014 test part, Wikipedia sentences left out): PER, ORG, LOC;
    OTH and the -deriv/-part kinds ignored. One sentence per document."""
    types = {"PER": PER, "ORG": ORG, "LOC": LOC}
    source, tokens, tags, n = None, [], [], 0
    for line in src.read("Data/NER-de-test.tsv").splitlines() + [""]:
        if line.startswith("#"):
            source = line.split("\t")[1] if "\t" in line else line
            continue
        if not line.strip():
            if tokens and source and "wikipedia.org" not in source:
                n += 1
                yield token_document("germeval-test-%04d" % n, "de", tokens, tags, types)
            tokens, tags = [], []
            continue
        f = line.split("\t")
        tokens.append(f[1])
        tags.append(f[2])


def hr500k(src):
    """Croatian (hr500k 1.0 sample from spaCy's model tests: news from SETimes and the web): PER, ORG, LOC;
    MISC and DERIV_PER ignored. One paragraph per document."""
    types = {"PER": PER, "ORG": ORG, "LOC": LOC}
    data = json.loads(src.read("tests/data/test_files/hr/hr500k.dev01_1.json"))
    n = 0
    for doc in data:
        for paragraph in doc["paragraphs"]:
            tokens = [t for s in paragraph["sentences"] for t in s["tokens"]]
            n += 1
            yield token_document("hr500k-dev-%03d" % n, "hr", [t["orth"] for t in tokens],
                                 [t["ner"] for t in tokens], types, spaces=[t["space"] for t in tokens])


def europeana(src, path, language, prefix):
    """Historical newspapers (OCR, 15-20% word errors) with PER, ORG, LOC; about 250 tokens per document."""
    types = {"PER": PER, "ORG": ORG, "LOC": LOC}
    tokens, tags, n = [], [], 0
    for line in src.read(path).splitlines() + [None]:
        if line is not None:
            f = line.split()
            if len(f) >= 2:
                tokens.append(f[0])
                tags.append(f[-1])
        if tokens and (line is None or len(tokens) >= 400 or (len(tokens) >= 250 and tokens[-1].endswith("."))):
            n += 1
            yield token_document("%s-%04d" % (prefix, n), language, tokens, tags, types)
            tokens, tags = [], []


def europeana_fr(src):
    """French historical newspapers (Bibliothèque nationale de France, OCR): PER, ORG, LOC."""
    return europeana(src, "enp_FR.bnf.bio/enp_FR.bnf.bio", "fr", "enp-fr-bnf")


def europeana_de(src):
    """German historical newspapers (Austrian National Library, OCR): PER, ORG, LOC."""
    return europeana(src, "enp_DE.onb.bio/enp_DE.onb.bio", "de", "enp-de-onb")


def fenec_wikinews(src):
    """French Wikinews sentences (FENEC sample, Quaero scheme): pers.ind as PERSON, org.* as ORGANIZATION, loc.*
    as LOCATION; other kinds ignored. One sentence per document."""
    tsv = src.read("Adjudication_résultats/curation/wikinews-2018-03.sample.txt/CURATION_USER.tsv")
    sentence, base, n = None, 0, 0
    rows = []

    def flush():
        if sentence is None:
            return None
        spans = {}
        for offsets, labels in rows:
            s, e = (int(x) - base for x in offsets.split("-"))
            for label in labels.split("|"):
                if label in ("_", ""):
                    continue
                kind, _, ref = label.partition("[")
                key = (kind, ref or "%d" % s)
                spans[key] = (min(spans.get(key, (s, e))[0], s), max(spans.get(key, (s, e))[1], e))
        mentions, ignored = [], []
        for (kind, _), (s, e) in spans.items():
            mapped = PER if kind == "pers.ind" else ORG if kind.startswith("org.") else \
                LOC if kind.startswith("loc.") else None
            (mentions.append((s, e, mapped, None)) if mapped else ignored.append((s, e)))
        return document("fenec-wikinews-%03d" % n, "fr", sentence, mentions, ignored)

    for line in tsv.splitlines() + ["#Text=<end>"]:
        if line.startswith("#Text="):
            record = flush()
            if record:
                yield record
            sentence, rows = line[len("#Text="):], []
            n += 1
            base = None
        elif line and line[0].isdigit() and sentence is not None:
            f = line.split("\t")
            if base is None:
                base = int(f[1].split("-")[0])
            rows.append((f[1], f[3] if len(f) > 3 else "_"))


def hipe(src, paths, prefix):
    """Historical newspapers annotated by hand (HIPE-2022 TSV, OCR text). A person's gold span is its name
    components (comp.name), not the titles and descriptions that HIPE's literal span includes (`M. Hagenbeck, le
    célèbre marchand`); loc and org spans as given; entities nested in another (NE-NESTED) count on their own;
    time, prod and the rest ignored. One newspaper item per document."""
    types = {"pers": PER, "org": ORG, "loc": LOC}
    for path in paths:
        rows, doc_id, language = [], None, None

        def flush():
            if not rows:
                return None
            tokens = [r[0] for r in rows]
            spaces = ["" if "NoSpaceAfter" in r[9] else "\n" if "EndOfLine" in r[9] else " " for r in rows[:-1]]
            text, offsets = detokenize(tokens, spaces)
            mentions, ignored = [], []
            for column in (1, 6):
                for first, last, label in tag_spans([r[column].split(".")[0] for r in rows]):
                    kind = types.get(label, IGNORE)
                    if kind == PER:
                        names = [i for i in range(first, last) if rows[i][5].endswith("comp.name")]
                        if names:
                            first, last = names[0], names[-1] + 1
                    span = (offsets[first][0], offsets[last - 1][1])
                    (ignored.append(span) if kind == IGNORE else mentions.append((span[0], span[1], kind, None)))
            return document("%s-%s" % (prefix, doc_id), language, text, mentions, ignored)

        for line in src.read(path).splitlines() + ["# hipe2022:document_id = <end>"]:
            if line.startswith("# hipe2022:document_id = "):
                record = flush()
                if record:
                    yield record
                rows, doc_id = [], line.split("= ", 1)[1]
            elif line.startswith("# hipe2022:language = "):
                language = line.split("= ", 1)[1]
            elif line and not line.startswith("#") and not line.startswith("TOKEN\t"):
                f = line.split("\t")
                if len(f) >= 10:
                    rows.append(f)


def hipe2020_fr(src):
    """French historical newspapers (CLEF-HIPE-2020 dev, hand-annotated): pers, org, loc."""
    return hipe(src, ["data/v2.0/hipe2020/fr/HIPE-2022-v2.0-hipe2020-dev-fr.tsv"], "hipe2020-fr")


def hipe2020_de(src):
    """German historical newspapers (CLEF-HIPE-2020 train and dev, hand-annotated): pers, org, loc."""
    return hipe(src, ["data/v2.0/hipe2020/de/HIPE-2022-v2.0-hipe2020-train-de.tsv",
                      "data/v2.0/hipe2020/de/HIPE-2022-v2.0-hipe2020-dev-de.tsv"], "hipe2020-de")


def ud_documents(conllu):
    """Documents of a CoNLL-U file: (id, text) with the corpus's own spacing, sentences joined by a space."""
    docs, doc_id, text = [], None, ""
    for block in conllu.split("\n\n"):
        lines = [line for line in block.strip().split("\n") if line]
        for line in lines:
            if line.startswith("# newdoc id = "):
                if doc_id:
                    docs.append((doc_id, text.rstrip(" ")))
                doc_id, text = line.split("= ", 1)[1], ""
        tokens = [line.split("\t") for line in lines if line[0].isdigit()]
        tokens = [t for t in tokens if "-" not in t[0] and "." not in t[0]]
        if tokens and text:
            text = text.rstrip(" ") + " "
        for t in tokens:
            text += t[1] + ("" if "SpaceAfter=No" in t[9] else " ")
    if doc_id:
        docs.append((doc_id, text.rstrip(" ")))
    return docs


def form_mentions(text, entities):
    """Mentions from surface forms, as the gold articles in the repository are read (GoldArticles.java): every
    whole-word, case-sensitive occurrence; the longest wins where they overlap; a form that never occurs is an
    error in the annotation."""
    candidates = []
    for e in entities:
        for form in e["forms"]:
            for m in re.finditer(re.escape(form), text):
                s, t = m.start(), m.end()
                if (s == 0 or not text[s - 1].isalnum()) and (t >= len(text) or not text[t].isalnum()):
                    candidates.append((s, t, e["type"], e["name"], form))
    candidates.sort(key=lambda c: (c[0] - c[1], c[0]))
    kept = []
    for c in candidates:
        if all(c[1] <= k[0] or k[1] <= c[0] for k in kept):
            kept.append(c)
    missing = {f for e in entities for f in e["forms"]} - {k[4] for k in kept}
    if missing:
        raise SystemExit("forms that never occur on their own: %s" % sorted(missing))
    return [(s, t, kind, name) for s, t, kind, name, _ in sorted(kept)]


LATIN_TO_CYRILLIC = {"lj": "љ", "nj": "њ", "dž": "џ", "Lj": "Љ", "LJ": "Љ", "Nj": "Њ", "NJ": "Њ", "Dž": "Џ", "DŽ": "Џ"}
LATIN_LETTERS = dict(zip("abvgdđežzijklmnoprstćufhcčšABVGDĐEŽZIJKLMNOPRSTĆUFHCČŠ",
                         "абвгдђежзијклмнопрстћуфхцчшАБВГДЂЕЖЗИЈКЛМНОПРСТЋУФХЦЧШ"))


def to_cyrillic(text):
    """Serbian Latin to Cyrillic (one to one, lj/nj/dž as one letter); returns the text and a map of offsets."""
    out, offsets, i = [], [], 0
    while i < len(text):
        offsets.append(len(out))
        pair = text[i:i + 2]
        if pair in LATIN_TO_CYRILLIC:
            out.append(LATIN_TO_CYRILLIC[pair])
            offsets.append(len(out) - 1)
            i += 2
        else:
            out.append(LATIN_LETTERS.get(text[i], text[i]))
            i += 1
    offsets.append(len(out))
    return "".join(out), offsets


def own_setimes(src, cyrillic):
    annotation = os.path.join(ANNOTATIONS, "setimes-sr-sample.json")
    if not os.path.exists(annotation):
        raise SystemExit("no own annotation at " + annotation + " (it lives in the scratch folder, not in the repository)")
    with open(annotation, encoding="utf-8") as f:
        wanted = {d["id"]: d for d in json.load(f)["documents"]}
    for doc_id, text in ud_documents(src.read("sr_set-ud-test.conllu")):
        if doc_id not in wanted:
            continue
        mentions = [(s, t, kind, name) for s, t, kind, name in form_mentions(text, wanted[doc_id]["entities"])]
        language = "sr-Latn"
        if cyrillic:
            text, offsets = to_cyrillic(text)
            mentions = [(offsets[s], offsets[t], kind, name) for s, t, kind, name in mentions]
            language = "sr-Cyrl"
        yield document(doc_id, language, text, mentions, topics=wanted[doc_id]["topics"])


def setimes_sr_latn(src):
    """Serbian news (SETimes, UD Serbian-SET test part): five documents annotated by us (names grouped into
    entities, topics), outside the repository."""
    return own_setimes(src, False)


def setimes_sr_cyrl(src):
    """The same five Serbian documents transliterated to Cyrillic (Serbian is written in both scripts)."""
    return own_setimes(src, True)


ANNOTATIONS = None

SETS = {
    # name: (source, builder, language, what it is)
    "re3d-en": ("dstl/re3d", re3d),
    "reuters128-en-untyped": ("AKSW/n3-collection", reuters128),
    "news100-de-untyped": ("AKSW/n3-collection", news100),
    "factrueval-ru": ("dialogue-evaluation/factRuEval-2016", factrueval),
    "ner-uk-uk": ("lang-uk/ner-uk", ner_uk),
    "germeval-news-de": ("mapriess/GermEval_2014_NER_DEMO", germeval),
    "hr500k-hr": ("explosion/spacy-models", hr500k),
    "europeana-fr": ("EuropeanaNewspapers/ner-corpora", europeana_fr),
    "europeana-de": ("EuropeanaNewspapers/ner-corpora", europeana_de),
    "fenec-wikinews-fr": ("AlexaneJ/memoireM1", fenec_wikinews),
    "hipe2020-fr": ("hipe-eval/HIPE-2022-data", hipe2020_fr),
    "hipe2020-de": ("hipe-eval/HIPE-2022-data", hipe2020_de),
    "setimes-sr-latn-own": ("UniversalDependencies/UD_Serbian-SET", setimes_sr_latn),
    "setimes-sr-cyrl-own": ("UniversalDependencies/UD_Serbian-SET", setimes_sr_cyrl),
}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sources", required=True, help="folder of git snapshots, one per source (owner+name)")
    parser.add_argument("--out", required=True, help="folder to write the .jsonl sets and README.md into")
    parser.add_argument("--annotations", help="folder of our own annotations of real text (default: OUT/annotations)")
    parser.add_argument("sets", nargs="*", help="sets to build (default: all)")
    args = parser.parse_args()
    global ANNOTATIONS
    ANNOTATIONS = args.annotations or os.path.join(args.out, "annotations")
    os.makedirs(args.out, exist_ok=True)
    rows = []
    for name in args.sets or SETS:
        source_name, builder = SETS[name]
        src = Source(args.sources, source_name)
        records = list(builder(src))
        for r in records:
            for m in r["mentions"]:
                assert 0 <= m["start"] < m["end"] <= len(r["text"]), (name, r["id"], m)
        with open(os.path.join(args.out, name + ".jsonl"), "w", encoding="utf-8") as out:
            for r in records:
                out.write(json.dumps(r, ensure_ascii=False) + "\n")
        count = sum(len(r["mentions"]) for r in records)
        print("%-26s %5d documents %6d mentions  (%s)" % (name, len(records), count, source_name), file=sys.stderr)
        rows.append("| %s | %d | %d | %s | github.com/%s @ %s | %s |" % (
            name, len(records), count, (builder.__doc__ or "").strip().split("\n")[0], source_name, src.commit[:12],
            src.licence))
    with open(os.path.join(args.out, "README-public-sets.md"), "w", encoding="utf-8") as out:
        out.write("# Public NER gold sets (independent evaluation only: never tune the tagger on them)\n\n"
                  "Built by services/enricher/eval/build-public-sets.py; each source pinned to a commit.\n\n"
                  "| set | documents | gold mentions | what | source | licence |\n|---|---|---|---|---|---|\n"
                  + "\n".join(rows) + "\n")

if __name__ == "__main__":
    main()
