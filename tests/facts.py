#!/usr/bin/env python3
"""Facts of an N-Triples graph written by kkachi, one a line, for tests.

usage: facts.py GRAPH.nt

Prints, sorted:
  affiliation PERSON-IRI ORG-IRI ROLE-IRI title=TITLE evidence=N
  program_role AGENT-IRI ROLE PROGRAM-IRI count=N
  stage PROGRAM-IRI METHOD entrants=N selected=N eliminated=N interval=P
  language ARTICLE-ID LANG
IRIs are shortened to what follows https://w3id.org/kkachi/id/ and the
\\u escapes of N-Triples are undone.
"""
import re
import sys
from collections import defaultdict

ID = "https://w3id.org/kkachi/id/"
KK = "https://w3id.org/kkachi/ns#"
ORG = "http://www.w3.org/ns/org#"
SCHEMA = "https://schema.org/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
TERM = re.compile(r'<([^>]*)>|"((?:[^"\\]|\\.)*)"(?:\^\^<[^>]*>|@[A-Za-z-]+)?')


def unescape(s):
    return re.sub(r"\\U([0-9A-Fa-f]{8})|\\u([0-9A-Fa-f]{4})|\\(.)",
                  lambda m: chr(int(m.group(1) or m.group(2), 16)) if not m.group(3)
                  else {"n": "\n", "t": "\t", "r": "\r"}.get(m.group(3), m.group(3)),
                  s)


def short(v):
    return v[len(ID):] if v.startswith(ID) else v.rsplit("#", 1)[-1]


def main():
    objs = defaultdict(lambda: defaultdict(list))
    types = defaultdict(set)
    for line in open(sys.argv[1], encoding="utf-8"):
        terms = [unescape(a or b) for a, b in TERM.findall(line)]
        if len(terms) < 3:
            continue
        s, p, o = terms[:3]
        if p == RDF_TYPE:
            types[s].add(o)
        objs[s][p].append(o)
    one = lambda s, p: (objs[s][p] or ["-"])[0]
    out = []
    for s, ts in types.items():
        if KK + "Affiliation" in ts:
            out.append("affiliation %s %s %s title=%s evidence=%d" % (
                short(one(s, ORG + "member")), short(one(s, ORG + "organization")),
                short(one(s, ORG + "role")), one(s, KK + "title"),
                len(objs[s][KK + "evidence"])))
        elif KK + "ProgramRole" in ts:
            out.append("program_role %s %s %s count=%s" % (
                short(one(s, KK + "agent")), short(one(s, KK + "roleType")),
                short(one(s, KK + "program")), one(s, KK + "agentCount")))
        elif KK + "SelectionStage" in ts:
            out.append("stage %s %s entrants=%s selected=%s eliminated=%s interval=%s" % (
                short(one(s, KK + "program")), short(one(s, KK + "method")),
                one(s, KK + "entrantCount"), one(s, KK + "selectedCount"),
                one(s, KK + "eliminatedCount"), one(s, KK + "interval")))
        elif KK + "Article" in ts:
            out.append("language %s %s" % (one(s, SCHEMA + "identifier"),
                                           one(s, SCHEMA + "inLanguage")))
    print("\n".join(sorted(out)))


if __name__ == "__main__":
    main()
