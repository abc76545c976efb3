#!/usr/bin/env bash
# Side-by-side of attribution-tagger with pysbd, flashtext and spaCy on one
# corpus and one list of names (the gazetteers/*.tsv names and aliases).
#
#   benches/compare/run.sh [CORPUS.jsonl] [compare.py options]
#
# CORPUS defaults to ../shared/bench/news.jsonl (beside the repository);
# any JSON Lines file of {"text": ...} objects works. Options are passed to
# compare.py: --runs N (default 3), --pysbd-mb MB (default 1: pysbd is
# slow), --spacy-mb MB (default 0: whole corpus), --threads N.
#
# Creates a Python virtual environment in target/compare-venv (override
# with VENV=...), installs spacy, pysbd and flashtext from PyPI, builds the
# release binaries and prints Markdown tables on stdout (progress on
# stderr). Not part of CI.
set -euo pipefail
cd "$(dirname "$0")/../.."

corpus="${1:-../shared/bench/news.jsonl}"
[ $# -gt 0 ] && shift
if [ ! -f "$corpus" ]; then
    echo "run.sh: corpus $corpus not found" >&2
    exit 2
fi

venv="${VENV:-target/compare-venv}"
python="${PYTHON:-python3}"
if [ ! -x "$venv/bin/python" ]; then
    echo "== creating $venv" >&2
    "$python" -m venv "$venv"
fi
if ! "$venv/bin/python" -c "import spacy, pysbd, flashtext" 2>/dev/null; then
    echo "== installing spacy, pysbd, flashtext" >&2
    "$venv/bin/pip" install --quiet --upgrade pip >&2
    "$venv/bin/pip" install --quiet "spacy>=3.7,<4" "pysbd==0.3.4" "flashtext==2.7" >&2
fi

echo "== building the release binaries" >&2
cargo build --release --quiet --example tag --example compare_stage >&2

echo "== machine: $(uname -srm), $(nproc) cores; $(date -u +%Y-%m-%dT%H:%MZ);" \
    "load: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
echo "== versions: $("$venv/bin/python" -c 'from importlib.metadata import version as v; print(*(f"{p} {v(p)}" for p in ("spacy", "pysbd", "flashtext")))')" >&2

exec "$venv/bin/python" benches/compare/compare.py \
    --corpus "$corpus" \
    --gazetteers gazetteers \
    --tag target/release/examples/tag \
    --stage target/release/examples/compare_stage \
    "$@"
