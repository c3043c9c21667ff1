#!/usr/bin/env python3
"""Writes, as JSON Lines ({"id", "text"}), the texts of the documents
listed in DOCS files (one id a line), read from the shared data folder:
Korean Wikinews articles (ids wm-... from wikinews-ko/more.jsonl, wn-...
from wikinews-ko/dev.jsonl) and KLUE-RE sentences (ids klue-re-v1_...). The texts are not kept in the project.

usage: texts.py DATA_DIR DOCS [DOCS ...] > texts.jsonl
Exit status 77 when DATA_DIR is absent, 1 when a listed id is not found.
"""
import json
import os
import sys


def write_docs(texts, lists):
    """Prints the text of every id listed in the files lists, in their
    order, as Korean documents; returns 1 when an id has no text (each
    is reported with its place), else 0."""
    missing = 0
    for path in lists:
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                doc = line.strip()
                if not doc:
                    continue
                if doc not in texts:
                    print(f"{path}:{n}: no text for '{doc}'", file=sys.stderr)
                    missing += 1
                    continue
                print(json.dumps({"id": doc, "lang": "ko",
                                  "text": texts[doc]}, ensure_ascii=False))
    return 1 if missing else 0


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__.strip())
    data, lists = sys.argv[1], sys.argv[2:]
    if not os.path.isdir(data):
        print(f"texts.py: {data}: no such folder", file=sys.stderr)
        sys.exit(77)
    texts = {}
    for name in ("more.jsonl", "dev.jsonl"):
        with open(os.path.join(data, "wikinews-ko", name),
                  encoding="utf-8") as f:
            for line in f:
                a = json.loads(line)
                texts[a["id"]] = a["text"]
    with open(os.path.join(data, "klue-re", "train-subset.jsonl"),
              encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            texts.setdefault(r["guid"], r["sentence"])
    sys.exit(write_docs(texts, lists))


if __name__ == "__main__":
    main()
