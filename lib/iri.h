/* iri.h: readable, deterministic IRIs from names. */
#ifndef KK_IRI_H
#define KK_IRI_H

#include "buf.h"

#define KK_NS "https://w3id.org/kkachi/ns#"
#define KK_RULES_NS "https://w3id.org/kkachi/rules/"
#define NS_SCHEMA "https://schema.org/"
#define NS_ORG "http://www.w3.org/ns/org#"
#define NS_NIF                                                                \
  "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
#define NS_RDF "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define NS_RDFS "http://www.w3.org/2000/01/rdf-schema#"
#define NS_SKOS "http://www.w3.org/2004/02/skos/core#"
#define NS_XSD "http://www.w3.org/2001/XMLSchema#"
#define NS_PROV "http://www.w3.org/ns/prov#"

/* Appends name to b as one IRI path segment: spaces become '_', and what
 * IRI syntax forbids, or what would end the segment, is percent-encoded.
 * Non-ASCII text (already NFC) stays as it is. */
int kkachi__iri_segment(kk_buf *b, const char *name);

/* Sets b to base + kind + "/" + segment(name). */
int kkachi__iri_entity(kk_buf *b, const char *base, const char *kind,
                       const char *name);

/* Appends an article id to b as one IRI path segment, reversibly: every
 * character an IRI path segment may not hold, and '%' itself, is
 * percent-encoded (as UTF-8 bytes), as are the ids "." and "..", so that
 * two ids never give one segment. Letters, digits, "-._~", the other
 * ASCII characters a segment allows, and Hangul and every other ucschar
 * stay as they are. Bytes that are not UTF-8 are encoded one by one. */
int kkachi__iri_id(kk_buf *b, const char *id);

/* Sets b to base + "article/" + the encoded id. */
int kkachi__iri_article(kk_buf *b, const char *base, const char *id);

#endif
