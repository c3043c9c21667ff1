#!/usr/bin/env python3
"""tests/pathological.py DIR: writes the pathological articles and the
rule with catastrophic backtracking that tests/pathological.sh and
bench/pathological.sh run (each file is made here, not shipped)."""
import os
import random
import sys

out = sys.argv[1]
random.seed(7)
syl = [chr(c) for c in range(0xAC00, 0xAC00 + 2000)]


def write(name, text):
    with open(os.path.join(out, name), "w", encoding="utf-8") as f:
        f.write(text)


def words(n_bytes):
    ws, size = [], 0
    while size < n_bytes:
        w = "".join(random.choice(syl) for _ in range(random.randint(1, 4)))
        ws.append(w)
        size += len(w.encode()) + 1
    return ws


# 1 MB of words with no sentence end and no line break
write("no-sentence-ends.txt", " ".join(words(1000000)) + "\n")
# 100,000 titles in a row
write("titles.txt", "장관 " * 100000 + "\n")
# 100,000 brackets deep, a fact inside
write("brackets.txt", "(" * 100000 + "김하늘 장관" + ")" * 100000 + "\n")
# one affiliation said 30,000 times in one sentence
write("repeated-fact.txt",
      " ".join("김하늘 과학기술정보통신부 장관" for _ in range(30000)) + "\n")
# 900 KB of Hangul with no space at all
write("one-word.txt", "".join(random.choice(syl) for _ in range(300000)) + "\n")
# English: 20,000 capitalised words in one sentence, 5,000 names joined
# by commas, by "of" and by "'s", 12,000 titles in a row, 20,000
# initials, and one apposition said 1,500 times
write("en-capitals.txt", " ".join(["Alpha Beta Gamma Delta"] * 5000) + ".\n")
write("en-commas.txt", ", ".join(["Alpha Beta"] * 5000) + ".\n")
write("en-ofs.txt", " of ".join(["Alpha Beta"] * 5000) + ".\n")
write("en-possessives.txt", " 's ".join(["Alpha"] * 8000) + ".\n")
write("en-titles.txt", " ".join(["President Minister Chairman Professor"] * 3000) + ".\n")
write("en-initials.txt", " ".join(["A. B. C. D."] * 5000) + ".\n")
write("en-appositions.txt", " ".join(
    ["John Smith, a professor of the State University of New York, said so."] * 1500) + "\n")
# 100,000 unbalanced quotation marks
write("quotes.txt", '"' * 50000 + " 김하늘 장관은 말했다. " + "“" * 50000 + "\n")
# 1 MB of a two-syllable name pattern with no title to end it
write("names-no-title.txt", "김하늘 " * 120000 + "\n")
# a rule whose pattern backtracks without end on Hangul with no Latin
# capital after it (a class, not a literal: a literal the sentence lacks
# would let the rule skip it before matching)
write("backtrack.rules",
      "lang ko\n"
      "rule nested-plus\n"
      "  pattern (?<person>(?:[가-힣]+\\s?)+[A-Z])\n"
      "  fact affiliation person=$person title=장관\n")
