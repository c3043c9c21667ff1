/* shacl.h: the SHACL Core validator's shared state and helpers. */
#ifndef KK_SHACL_H
#define KK_SHACL_H

#include <librdf.h>

#include "kkachi.h"
#include "log.h"

#define SH "http://www.w3.org/ns/shacl#"
#define KK_SHACL_MAX_DEPTH 64

struct kk_strmap;

/* A set of nodes (copies, owned); past a few members an index of their
 * N-Triples forms keeps look-ups constant. */
typedef struct kk_nodes {
  librdf_node **v;
  size_t n, cap;
  struct kk_strmap *idx;
} kk_nodes;

int kkachi__nodes_add(kk_nodes *s, librdf_node *node);  /* copies, no dups */
/* As kkachi__nodes_add, but 1 when node was added, 0 when already in. */
int kkachi__nodes_insert(kk_nodes *s, librdf_node *node);
int kkachi__nodes_push(kk_nodes *s, librdf_node *node); /* copies */
int kkachi__nodes_has(const kk_nodes *s, librdf_node *node);
void kkachi__nodes_clear(kk_nodes *s);
/* Adds the nodes an iterator gives (NULL: KKACHI_ERDF), then frees it. */
int kkachi__nodes_collect(librdf_iterator *it, kk_nodes *out);

/* One validation result; nodes are copies, owned. */
typedef struct kk_result {
  librdf_node *focus, *path, *value, *shape, *severity;
  const char *component; /* local name, e.g. "ClassConstraintComponent" */
} kk_result;

typedef struct kk_results {
  kk_result *v;
  size_t n, cap;
} kk_results;

typedef struct kk_shacl {
  librdf_world *w;
  librdf_model *data, *shapes;
  kk_log *log;
  int depth;
  /* the shapes being validated and their focus nodes, outermost first */
  librdf_node *stack[KK_SHACL_MAX_DEPTH + 1][2];
  int failure;     /* ill-formed shapes */
  kk_results *out; /* where results go now */
} kk_shacl;

/* A node for an IRI (new, caller frees). */
librdf_node *kkachi__sh_iri(kk_shacl *v, const char *iri);
/* The objects of (s, p) in model (p an IRI string); added to out. */
int kkachi__sh_objects(kk_shacl *v, librdf_model *m, librdf_node *s,
                       const char *p, kk_nodes *out);
int kkachi__sh_subjects(kk_shacl *v, librdf_model *m, const char *p,
                        librdf_node *o, kk_nodes *out);
/* Adds (s, p, o) to m: takes o (also on failure), copies s. */
int kkachi__sh_add(kk_shacl *v, librdf_model *m, librdf_node *s, const char *p,
                   librdf_node *o);
/* The first object of (s, p), a new copy, or NULL. */
librdf_node *kkachi__sh_one(kk_shacl *v, librdf_model *m, librdf_node *s,
                            const char *p);
/* The members of an RDF list. */
int kkachi__sh_list(kk_shacl *v, librdf_model *m, librdf_node *head,
                    kk_nodes *out);
/* Whether node is an IRI equal to iri. */
int kkachi__sh_is(librdf_node *node, const char *iri);

/* Value nodes of path from focus (shacl_path.c). */
int kkachi__sh_path(kk_shacl *v, librdf_node *path, librdf_node *focus,
                    kk_nodes *out);

/* Literal comparison: -1, 0, 1, or 2 when the two cannot be compared. */
int kkachi__sh_compare(librdf_node *a, librdf_node *b);
/* Whether a literal's lexical form is valid for its XSD datatype. */
int kkachi__sh_well_formed(librdf_node *lit);

/* Validates focus against shape, results to v->out (shacl.c). */
int kkachi__sh_validate_shape(kk_shacl *v, librdf_node *shape,
                              librdf_node *focus);
/* Whether node conforms to shape: 1, 0, or a negative error. */
int kkachi__sh_conforms(kk_shacl *v, librdf_node *shape, librdf_node *node);

/* Appends a result; nodes are copied (value and path may be NULL). */
int kkachi__sh_result(kk_shacl *v, librdf_node *focus, librdf_node *shape,
                      librdf_node *value, const char *component);

void kkachi__results_clear(kk_results *r);

#endif
