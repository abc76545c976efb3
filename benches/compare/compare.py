#!/usr/bin/env python3
"""Side-by-side of attribution-tagger and the Python tools users run today.

Run through run.sh, which makes the virtual environment and builds the Rust
binaries. On one corpus (JSON Lines of {"text": ...}) and one list of names
(read from gazetteers/*.tsv), it measures:

1. sentence splitting: pysbd, spaCy's sentencizer, ours;
2. gazetteer matching: flashtext, spaCy's EntityRuler, ours;
3. the pipeline: spaCy blank English + sentencizer + EntityRuler, and our
   full `tag --jsonl` (one thread and all cores).

Each measurement runs in its own process, --runs times; the table gives the
median MB/s (text bytes over the seconds spent processing: for the Python
tools and our stages, loading the corpus and building the tool are
excluded; for `tag`, the whole process is timed, reading and writing JSON
included) and the largest peak RSS of the runs. Counts are printed side by
side with the relative difference to ours before any speed is compared.
"""

import argparse
import glob
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

# Flags a gazetteer form may carry in front (gazetteers/README.md). Forms
# with `!` (negative), `-` (never matched), `~` (needs threat-actor context)
# or `+` (only after a state) are left out: the Python tools cannot apply
# those rules. `=`, `^` and `@` forms are kept as plain names (their
# context rules are dropped on our side too, see compare_stage).
FLAGS = "=~^@+!-"
SKIP_FLAGS = set("!-~+")


def split_flags(raw):
    raw = raw.strip()
    i = 0
    while i < len(raw) and raw[i] in FLAGS:
        i += 1
    return set(raw[:i]), raw[i:].strip()


def read_names(gazetteer_dir):
    """(surface form, id, kind) for every plain name and alias of the TSV
    files, one entry per form (the first row wins)."""
    names = []
    for path in sorted(glob.glob(os.path.join(gazetteer_dir, "*.tsv"))):
        header = None
        with open(path, encoding="utf-8-sig") as f:
            for line in f:
                line = line.rstrip("\r\n")
                if not line or line.startswith("#"):
                    continue
                cols = line.split("\t")
                if header is None:
                    header = cols
                    continue
                row = dict(zip(header, cols))
                aliases = [split_flags(a) for a in row.get("aliases", "").split("|")]
                aliases = [(fl, t) for fl, t in aliases if t]
                name = row.get("name", "").strip()
                # The name is a form unless an alias repeats it with flags.
                if name and not any(t == name for _, t in aliases):
                    aliases.insert(0, (set(), name))
                for flags, form in aliases:
                    if not flags & SKIP_FLAGS:
                        names.append((form, row["id"], row.get("kind", "")))
    seen, unique = set(), []
    for form, id_, kind in names:
        if form not in seen:
            seen.add(form)
            unique.append((form, id_, kind))
    return unique


def load_texts(corpus):
    texts = []
    with open(corpus, "rb") as f:
        for line in f:
            try:
                v = json.loads(line)
            except ValueError:
                continue
            if isinstance(v, dict) and isinstance(v.get("text"), str):
                texts.append(v["text"])
    return texts


# --- workers: run in a child process, print one JSON object ---------------


def worker(tool, corpus, names_file):
    texts = load_texts(corpus)
    with open(names_file, encoding="utf-8") as f:
        names = json.load(f)
    nbytes = sum(len(t.encode("utf-8")) for t in texts)
    by_id = None
    sentences = entities = None
    t_build = time.perf_counter()
    if tool == "pysbd":
        import pysbd

        seg = pysbd.Segmenter(language="en", clean=False)
        build = time.perf_counter() - t_build
        t = time.perf_counter()
        count = sum(len(seg.segment(x)) for x in texts)
        seconds = time.perf_counter() - t
    elif tool == "spacy-sentencizer":
        import spacy

        nlp = spacy.blank("en")
        nlp.max_length = 10**9
        nlp.add_pipe("sentencizer")
        build = time.perf_counter() - t_build
        t = time.perf_counter()
        count = sum(len(list(d.sents)) for d in nlp.pipe(texts, batch_size=256))
        seconds = time.perf_counter() - t
    elif tool in ("flashtext", "flashtext-nocase"):
        from flashtext import KeywordProcessor

        kp = KeywordProcessor(case_sensitive=(tool == "flashtext"))
        for form, id_, _kind in names:
            kp.add_keyword(form, id_)
        build = time.perf_counter() - t_build
        t = time.perf_counter()
        found = [kp.extract_keywords(x) for x in texts]
        seconds = time.perf_counter() - t
        count = sum(len(f) for f in found)
        by_id = {}
        for f in found:
            for id_ in f:
                by_id[id_] = by_id.get(id_, 0) + 1
    elif tool in ("spacy-entityruler", "spacy-pipeline"):
        import spacy

        nlp = spacy.blank("en")
        nlp.max_length = 10**9
        if tool == "spacy-pipeline":
            nlp.add_pipe("sentencizer")
        ruler = nlp.add_pipe("entity_ruler")
        ruler.add_patterns(
            [{"label": kind or "ENTITY", "pattern": form, "id": id_}
             for form, id_, kind in names]
        )
        build = time.perf_counter() - t_build
        t = time.perf_counter()
        by_id = {}
        count = sents = 0
        for d in nlp.pipe(texts, batch_size=256):
            if tool == "spacy-pipeline":
                sents += len(list(d.sents))
            for e in d.ents:
                count += 1
                by_id[e.ent_id_] = by_id.get(e.ent_id_, 0) + 1
        seconds = time.perf_counter() - t
        if tool == "spacy-pipeline":
            sentences, entities = sents, count
    else:
        raise SystemExit(f"unknown tool {tool}")
    out = {"tool": tool, "documents": len(texts), "bytes": nbytes,
           "seconds": seconds, "build_seconds": build, "count": count}
    if by_id is not None:
        out["by_id"] = by_id
    if sentences is not None:
        out["sentences"], out["entities"] = sentences, entities
    print(json.dumps(out))


# --- the driver ------------------------------------------------------------


def measure(argv, runs, stdout_path=None):
    """Runs argv `runs` times; returns (list of parsed JSON or None, wall
    seconds list, max peak RSS MB)."""
    results, walls, rss = [], [], 0.0
    for _ in range(runs):
        f = open(stdout_path, "wb") if stdout_path else None
        try:
            t = time.perf_counter()
            p = subprocess.Popen(argv, stdout=f or subprocess.PIPE,
                                 stderr=subprocess.PIPE)
            out = p.stdout.read() if f is None else b""
            err = p.stderr.read()
            _, status, usage = os.wait4(p.pid, 0)
            walls.append(time.perf_counter() - t)
            p.returncode = os.waitstatus_to_exitcode(status)
        finally:
            if f:
                f.close()
        if p.returncode not in (0, 1):
            sys.stderr.write(err.decode("utf-8", "replace"))
            raise SystemExit(f"failed ({p.returncode}): {' '.join(argv)}")
        rss = max(rss, usage.ru_maxrss / 1024.0)  # KB on Linux
        results.append(json.loads(out) if out.strip() else None)
    return results, walls, rss


def subset(corpus, max_bytes, path):
    """The first lines of corpus holding at most max_bytes of file."""
    n = 0
    with open(corpus, "rb") as src, open(path, "wb") as dst:
        for line in src:
            if n + len(line) > max_bytes and n > 0:
                break
            dst.write(line)
            n += len(line)
    return path


def rel(a, b):
    if b == 0:
        return "n/a"
    return f"{(a - b) / b * 100:+.1f}%"


def row(cells):
    return "| " + " | ".join(str(c) for c in cells) + " |"


def table(header, rows):
    lines = [row(header), row(["---"] * len(header))]
    lines += [row(r) for r in rows]
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--gazetteers", required=True)
    ap.add_argument("--tag", required=True, help="the built tag example")
    ap.add_argument("--stage", required=True,
                    help="the built compare_stage example")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--pysbd-mb", type=float, default=1.0,
                    help="pysbd runs on the first MB of the corpus")
    ap.add_argument("--spacy-mb", type=float, default=0,
                    help="spaCy runs on the first MB (0: whole corpus)")
    ap.add_argument("--threads", type=int, default=os.cpu_count() or 1,
                    help="threads of the multi-threaded tag run")
    args = ap.parse_args()

    work = tempfile.mkdtemp(prefix="attribution-compare-")
    names = read_names(args.gazetteers)
    names_file = os.path.join(work, "names.json")
    with open(names_file, "w", encoding="utf-8") as f:
        json.dump(names, f)
    me = [sys.executable, os.path.abspath(__file__), "worker"]
    runs = args.runs
    full = args.corpus
    small = subset(full, int(args.pysbd_mb * 1e6), os.path.join(work, "pysbd.jsonl"))
    spacy_corpus = full
    if args.spacy_mb > 0:
        spacy_corpus = subset(full, int(args.spacy_mb * 1e6),
                              os.path.join(work, "spacy.jsonl"))

    def tool(name, corpus):
        res, _, rss = measure(me + [name, corpus, names_file], runs)
        secs = statistics.median(r["seconds"] for r in res)
        r0 = res[0]
        r0["mbps"] = r0["bytes"] / 1e6 / secs
        r0["rss"] = rss
        r0["corpus"] = corpus
        return r0

    def stage(name, corpus, *extra):
        res, _, rss = measure([args.stage, name, corpus, *extra], runs)
        secs = statistics.median(r["seconds"] for r in res)
        r0 = res[0]
        r0["mbps"] = r0["bytes"] / 1e6 / secs
        r0["rss"] = rss
        r0["corpus"] = corpus
        return r0

    def tag(corpus, threads, text_bytes):
        out = os.path.join(work, "tag.jsonl")
        argv = [args.tag, "--jsonl", "--quiet", "--threads", str(threads), corpus]
        _, walls, rss = measure(argv, runs, stdout_path=out)
        sents = ents = 0
        with open(out, encoding="utf-8") as f:
            for line in f:
                v = json.loads(line)
                sents += len(v.get("sentences", []))
                ents += len(v.get("entities", []))
        secs = statistics.median(walls)
        return {"tool": f"tag --jsonl --threads {threads}", "mbps": text_bytes / 1e6 / secs,
                "rss": rss, "sentences": sents, "entities": ents, "corpus": corpus,
                "seconds": secs}

    def label(corpus):
        return os.path.basename(corpus) if corpus == full else \
            f"first {os.path.getsize(corpus) / 1e6:.1f} MB"

    print(f"corpus {full}; {len(names)} names from {args.gazetteers}; "
          f"{runs} runs each; work dir {work}", file=sys.stderr)

    # 1. Sentences.
    print("== sentence splitting", file=sys.stderr)
    ours_small = stage("split", small)
    ours_full = stage("split", full)
    pysbd = tool("pysbd", small)
    sentencizer = tool("spacy-sentencizer", spacy_corpus)
    ours_spacy = ours_full if spacy_corpus == full else stage("split", spacy_corpus)
    rows1 = []
    for name, r, ref in [
        ("attribution-tagger `SentenceSplitter`", ours_small, ours_small),
        ("pysbd 0.3 (clean=False)", pysbd, ours_small),
        ("attribution-tagger `SentenceSplitter`", ours_full, ours_full),
        ("spaCy sentencizer (blank en)", sentencizer, ours_spacy),
    ]:
        rows1.append([name, label(r["corpus"]), r["count"], rel(r["count"], ref["count"]),
                      f"{r['mbps']:.2f}", f"{r['rss']:.0f}"])
    print("\n### Sentence splitting\n")
    print(table(["tool", "corpus", "sentences", "vs ours", "MB/s", "peak RSS MB"], rows1))

    # 2. Gazetteer matching.
    print("== gazetteer matching", file=sys.stderr)
    ours_ent = stage("entities", full, names_file)
    ours_default = stage("entities", full)
    flash = tool("flashtext", full)
    flash_nocase = tool("flashtext-nocase", full)
    ruler = tool("spacy-entityruler", spacy_corpus)
    ours_ent_spacy = ours_ent if spacy_corpus == full else \
        stage("entities", spacy_corpus, names_file)
    rows2 = []
    for name, r, ref in [
        ("attribution-tagger `Gazetteer::find_all`, same names", ours_ent, ours_ent),
        ("flashtext (case-sensitive)", flash, ours_ent),
        ("flashtext (case-insensitive)", flash_nocase, ours_ent),
        ("spaCy EntityRuler (blank en)", ruler, ours_ent_spacy),
        ("attribution-tagger default gazetteer (all rules)", ours_default, ours_ent),
    ]:
        rows2.append([name, label(r["corpus"]), r["count"], rel(r["count"], ref["count"]),
                      f"{r['mbps']:.2f}", f"{r['rss']:.0f}"])
    print("\n### Gazetteer matching\n")
    print(table(["tool", "corpus", "mentions", "vs ours", "MB/s", "peak RSS MB"], rows2))
    # Where the counts differ most, by entity id.
    print("\nLargest per-id differences (ours / flashtext case-sensitive / "
          "EntityRuler):\n")
    ids = set(ours_ent["by_id"]) | set(flash["by_id"]) | set(ruler["by_id"])
    diffs = sorted(ids, key=lambda i: -max(
        abs(ours_ent["by_id"].get(i, 0) - flash["by_id"].get(i, 0)),
        abs(ours_ent_spacy["by_id"].get(i, 0) - ruler["by_id"].get(i, 0))))
    forms = {}
    for form, id_, _ in names:
        forms.setdefault(id_, []).append(form)
    for i in diffs[:8]:
        print(f"- `{i}` ({', '.join(forms.get(i, [])[:4])}): "
              f"{ours_ent['by_id'].get(i, 0)} / {flash['by_id'].get(i, 0)} / "
              f"{ruler['by_id'].get(i, 0)}")

    # 3. The pipeline.
    print("== pipeline", file=sys.stderr)
    spacy_pipe = tool("spacy-pipeline", spacy_corpus)
    text_bytes = ours_full["bytes"]
    tag1 = tag(full, 1, text_bytes)
    tagn = tag(full, args.threads, text_bytes)
    rows3 = [["spaCy blank en + sentencizer + EntityRuler", label(spacy_corpus),
              spacy_pipe["sentences"], spacy_pipe["entities"],
              f"{spacy_pipe['mbps']:.2f}", f"{spacy_pipe['rss']:.0f}", "1×"]]
    for r in (tag1, tagn):
        rows3.append([f"attribution-tagger `{r['tool']}`", label(full), r["sentences"],
                      r["entities"], f"{r['mbps']:.1f}", f"{r['rss']:.0f}",
                      f"{r['mbps'] / spacy_pipe['mbps']:.0f}×"])
    print("\n### Pipeline\n")
    print(table(["pipeline", "corpus", "sentences", "entities", "MB/s",
                 "peak RSS MB", "speed vs spaCy"], rows3))
    print(f"\nMB = 10^6 bytes of article text ({text_bytes / 1e6:.1f} MB in "
          f"{os.path.basename(full)}); median of {runs} runs; peak RSS is the "
          "largest of the runs. Our pipeline includes claims (spaCy's does "
          "not) and is timed as a whole process (JSON in and out included).")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "worker":
        worker(*sys.argv[2:5])
    else:
        main()
