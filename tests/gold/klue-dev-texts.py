#!/usr/bin/env python3
"""Writes, as JSON Lines ({"id", "lang", "text"}), the texts of the KLUE
dev sentences listed in DOCS files (one id a line), read from a checkout
of the KLUE benchmark (https://github.com/KLUE-benchmark/KLUE, CC BY-SA
4.0). The texts are not kept in the project. Ids:

  klue-nli-dev-NNNN      the premise of KLUE-NLI dev pair NNNN
  klue-sts-dev-NNNNa/b   sentence 1 or 2 of KLUE-STS dev pair NNNN
  klue-ner-dev-NNNNN     KLUE-NER dev sentence NNNNN, tags removed
  klue-dp-dev-NNNNN      KLUE-DP dev sentence NNNNN (the news sentences,
                         from Wikitree)

usage: klue-dev-texts.py KLUE_DIR DOCS [DOCS ...] > texts.jsonl
Exit status 77 when KLUE_DIR has no klue_benchmark folder, 1 when a
listed id is not found.
"""
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from texts import write_docs  # noqa: E402 (the project's gold folder)


def nli(bench, texts):
    path = os.path.join(bench, "klue-nli-v1.1", "klue-nli-v1.1_dev.json")
    with open(path, encoding="utf-8") as f:
        for pair in json.load(f):
            num = pair["guid"].rsplit("_", 1)[-1]
            texts["klue-nli-dev-" + num] = pair["premise"].strip()


def sts(bench, texts):
    path = os.path.join(bench, "klue-sts-v1.1", "klue-sts-v1.1_dev.json")
    with open(path, encoding="utf-8") as f:
        for pair in json.load(f):
            num = pair["guid"].rsplit("_", 1)[-1]
            texts["klue-sts-dev-" + num + "a"] = pair["sentence1"].strip()
            texts["klue-sts-dev-" + num + "b"] = pair["sentence2"].strip()


HEAD = re.compile(r"## klue-ner-v1_dev_(\d+)-\w+\t(.*)")
TAG = re.compile(r"<([^<>:]*):[A-Z]{2}>")


def ner(bench, texts):
    path = os.path.join(bench, "klue-ner-v1.1", "klue-ner-v1.1_dev.tsv")
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = HEAD.match(line.rstrip("\n"))
            if m:
                texts["klue-ner-dev-" + m.group(1)] = \
                    TAG.sub(r"\1", m.group(2)).strip()


DP_HEAD = re.compile(r"## klue-dp-v1_dev_(\d+)_wikitree\t(.*)")


def dp(bench, texts):
    path = os.path.join(bench, "klue-dp-v1.1", "klue-dp-v1.1_dev.tsv")
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = DP_HEAD.match(line.rstrip("\n"))
            if m:
                texts["klue-dp-dev-" + m.group(1)] = m.group(2).strip()


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__.strip())
    bench = os.path.join(sys.argv[1], "klue_benchmark")
    if not os.path.isdir(bench):
        print(f"klue-dev-texts.py: {bench}: no such folder", file=sys.stderr)
        sys.exit(77)
    texts = {}
    for read in (nli, sts, ner, dp):
        read(bench, texts)
    sys.exit(write_docs(texts, sys.argv[2:]))


if __name__ == "__main__":
    main()
