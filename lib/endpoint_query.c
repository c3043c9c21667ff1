/* endpoint_query.c: SPARQL queries sent to a server by the SPARQL 1.1
 * Protocol (a form-encoded POST), results printed as a table or passed
 * through as the server wrote them. */
#include <jansson.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "endpoint.h"
#include "engine.h"
#include "table.h"

static const char *
accept_of(const char *format)
{
  if (!strcmp(format, "csv"))
    return "text/csv";
  if (!strcmp(format, "tsv"))
    return "text/tab-separated-values";
  if (!strcmp(format, "json"))
    return "application/sparql-results+json";
  if (!strcmp(format, "xml"))
    return "application/sparql-results+xml";
  if (!strcmp(format, "table"))
    return "application/sparql-results+json, application/n-triples;q=0.9, "
           "text/plain;q=0.5";
  return NULL;
}

/* One bound value as a person reads it: IRIs in <>, literals as written,
 * as the embedded store's table shows them. */
static int
add_value(kk_table *t, json_t *v)
{
  const char *type = json_string_value(json_object_get(v, "type"));
  const char *value = json_string_value(json_object_get(v, "value"));
  if (!type || !value)
    return kkachi__table_add(t, NULL);
  return kkachi__table_add_term(t,
                                !strcmp(type, "uri")     ? KK_CELL_IRI
                                : !strcmp(type, "bnode") ? KK_CELL_BLANK
                                                         : KK_CELL_LITERAL,
                                value);
}

/* SPARQL 1.1 Query Results JSON as a table; ASK answers as one cell. */
static int
print_json(kkachi_endpoint *ep, const kk_buf *ans, FILE *fp)
{
  json_error_t err;
  json_t *root = json_loadb(ans->data ? ans->data : "", ans->len, 0, &err);
  json_t *vars, *rows, *row, *v;
  kk_table *t = NULL;
  size_t i, k;
  int rc = 0;

  if (!root) {
    kkachi__log(&ep->e->log, KKACHI_LOG_ERROR, ep->query, 0, 0,
                "the server's results are not JSON: %s", err.text);
    return KKACHI_EHTTP;
  }
  if (json_is_boolean(json_object_get(root, "boolean"))) {
    fprintf(fp, "%s\n", json_is_true(json_object_get(root, "boolean"))
                            ? "true" : "false");
    goto done;
  }
  vars = json_object_get(json_object_get(root, "head"), "vars");
  rows = json_object_get(json_object_get(root, "results"), "bindings");
  if (!json_is_array(vars) || !json_is_array(rows)) {
    kkachi__log(&ep->e->log, KKACHI_LOG_ERROR, ep->query, 0, 0,
                "the server's results have no head and bindings");
    rc = KKACHI_EHTTP;
    goto done;
  }
  if (!json_array_size(vars))
    goto done;
  if ((rc = kkachi__table_new(&t, json_array_size(vars))))
    goto done;
  json_array_foreach(vars, k, v) if (!rc)
    rc = kkachi__table_add(t, json_string_value(v));
  json_array_foreach(rows, i, row) {
    json_array_foreach(vars, k, v) if (!rc)
      rc = add_value(t, json_object_get(row, json_string_value(v)));
  }
  if (!rc)
    rc = kkachi__table_print(t, fp);
done:
  kkachi__table_free(t);
  json_decref(root);
  return rc;
}

int
kkachi_endpoint_query(kkachi_endpoint *ep, const char *sparql,
                      const char *format, FILE *fp)
{
  kk_buf form = KK_BUF_INIT, ans = KK_BUF_INIT;
  const char *accept = accept_of(format), *why = NULL;
  char *ctype = NULL, failure[KK_WHY_MAX];
  long status = 0;
  int rc;

  if (!accept || !ep->query)
    return KKACHI_EINVAL;
  rc = kkachi__buf_puts(&form, "query=");
  if (!rc)
    rc = kkachi__http_escape(ep->http, &form, sparql, strlen(sparql));
  if (!rc)
    rc = kkachi__http_request(ep->http, "POST", ep->query,
                              "application/x-www-form-urlencoded", form.data,
                              form.len, accept, &status, &ans, &ctype, &why);
  if (rc) {
    kkachi__log(&ep->e->log, KKACHI_LOG_ERROR, ep->query, 0, 0, "%s%s%s",
                rc == KKACHI_ETIMEOUT ? kkachi_strerror(rc) : "",
                rc == KKACHI_ETIMEOUT && why ? ": " : "",
                why ? why : rc == KKACHI_ETIMEOUT ? "" : kkachi_strerror(rc));
    goto done;
  }
  if ((rc = kkachi__endpoint_answer(status, &ans, failure))) {
    kkachi__log(&ep->e->log, KKACHI_LOG_ERROR, ep->query, 0, 0, "%s%s",
                status == 400 ? "the server rejected the query: " : "",
                failure);
    if (status == 400)
      rc = KKACHI_ESYNTAX;
    goto done;
  }
  if (!strcmp(format, "table") && ctype &&
      !strncmp(ctype, "application/sparql-results+json", 31))
    rc = print_json(ep, &ans, fp);
  else if (ans.len && fwrite(ans.data, 1, ans.len, fp) != ans.len)
    rc = KKACHI_EIO;
done:
  kkachi__free(ctype);
  kkachi__buf_free(&form);
  kkachi__buf_free(&ans);
  return rc;
}
