/* kkachi.h: the public interface of libkkachi, news text to RDF facts. */
#ifndef KKACHI_H
#define KKACHI_H

#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Error codes. Every fallible function returns 0 or one of these. */
enum {
  KKACHI_OK = 0,
  KKACHI_ENOMEM = -1,   /* an allocation failed */
  KKACHI_EIO = -2,      /* a file could not be read or written */
  KKACHI_ESYNTAX = -3,  /* a rule or gazetteer file is malformed */
  KKACHI_EPATTERN = -4, /* a rule pattern does not compile */
  KKACHI_EUTF8 = -5,    /* input is not valid UTF-8 */
  KKACHI_ENUL = -6,     /* input contains a NUL byte */
  KKACHI_EEMPTY = -7,   /* the article has no text */
  KKACHI_EJSON = -8,    /* a JSON Lines record is malformed */
  KKACHI_ELIMIT = -9,   /* a size or matching limit was reached */
  KKACHI_ERDF = -10,    /* the RDF library failed */
  KKACHI_EICU = -11,    /* ICU failed */
  KKACHI_EINVAL = -12,  /* an argument is invalid */
  KKACHI_ENORULES = -13, /* no rule was loaded */
  KKACHI_ENET = -14,     /* a server could not be reached */
  KKACHI_EHTTP = -15,    /* a server answered with an error */
  KKACHI_EAUTH = -16,    /* a server refused the credentials */
  KKACHI_ETIMEOUT = -17, /* a server did not answer in time */
  KKACHI_EBUSY = -18     /* the store is in use (KKACHI_STORE_NOWAIT) */
};

/* Returns a static English text for an error code; never NULL. */
const char *kkachi_strerror(int code);

/* Returns the library version, e.g. "0.1.0"; static. */
const char *kkachi_version(void);

/* Writes the versions of librdf, raptor2, rasqal, ICU and PCRE2 into buf
 * (at most size bytes, NUL-terminated). */
void kkachi_dependency_versions(char *buf, size_t size);

/* Log levels passed to a kkachi_log_fn. */
enum { KKACHI_LOG_ERROR = 0, KKACHI_LOG_WARNING = 1, KKACHI_LOG_INFO = 2 };

/* Receives diagnostics. file may be NULL; line and col are 1-based and 0
 * when unknown. msg is borrowed for the call only. */
typedef void (*kkachi_log_fn)(int level, const char *file, unsigned long line,
                              unsigned long col, const char *msg,
                              void *user_data);

typedef struct kkachi_engine kkachi_engine;
typedef struct kkachi_article kkachi_article;
typedef struct kkachi_result kkachi_result;
typedef struct kkachi_writer kkachi_writer;
typedef struct kkachi_reader kkachi_reader;

/* ---- engine: rules, gazetteers and the per-run matching state ---- */

/* Creates an engine with no rules. *out becomes owned by the caller
 * (kkachi_engine_free). An engine is used by one thread at a time. */
int kkachi_engine_new(kkachi_engine **out);

/* Frees the engine and everything it loaded. NULL is allowed. */
void kkachi_engine_free(kkachi_engine *engine);

/* Sets the diagnostics callback (default: none). */
void kkachi_engine_set_log(kkachi_engine *engine, kkachi_log_fn fn,
                           void *user_data);

/* Sets the base of minted IRIs (default "https://w3id.org/kkachi/id/").
 * Takes a copy of base, which must end in '/' or '#'. */
int kkachi_engine_set_base(kkachi_engine *engine, const char *base);

/* Sets the wall on matching work per article: once the rules have taken
 * more than seconds of the thread's CPU time on one article, the rest of
 * its sentences are left unread, with a warning naming the article; the
 * facts read so far are kept. 0 means no wall; the default is 10. */
int kkachi_engine_set_time_limit(kkachi_engine *engine, double seconds);

/* Loads a rule file, or every "*.rules" file below a folder (sorted by
 * path), with the gazetteers they name. Errors are logged with FILE:LINE:COL
 * and returned as KKACHI_ESYNTAX, KKACHI_EIO or KKACHI_ENOMEM. */
int kkachi_engine_load_rules(kkachi_engine *engine, const char *path);

/* Rule files read gazetteers and includes, and a folder's links lead, only
 * below the folders loaded (for a folder named rules, or a folder in one,
 * that rules folder and the gazetteers folder beside it, as installed)
 * and those allowed here; elsewhere is a KKACHI_ESYNTAX error. Takes a
 * copy of folder, resolved now (one that does not exist is ignored). */
int kkachi_engine_allow_folder(kkachi_engine *engine, const char *folder);

/* With on nonzero, rule files may read any path (for trusted rules only:
 * the lines of what they read appear in errors and output). */
void kkachi_engine_set_rules_unsafe(kkachi_engine *engine, int on);

/* Expands gazetteer references and compiles every rule pattern (each is
 * JIT-compiled when it is first matched). Call once after the last load
 * and before extracting. */
int kkachi_engine_compile(kkachi_engine *engine);

/* Number of rules loaded. */
size_t kkachi_engine_rule_count(const kkachi_engine *engine);

/* Result of one rule example: file and line of the example, ok, and a
 * message describing what was missing or unexpected (borrowed). */
typedef void (*kkachi_test_fn)(const char *file, unsigned long line, int ok,
                               const char *msg, void *user_data);

/* Runs the examples written in the loaded rule files through the whole
 * engine; counts go to *passed and *failed; fn (may be NULL) is called for
 * each example. The engine must be compiled. */
int kkachi_engine_test_rules(kkachi_engine *engine, kkachi_test_fn fn,
                             void *user_data, unsigned *passed,
                             unsigned *failed);

/* ---- articles ---- */

/* Creates an article from len bytes of UTF-8 text; takes copies of id and
 * text. Fails with KKACHI_EUTF8 or KKACHI_ENUL (and *bad_offset set to the
 * byte offset of the first bad byte when bad_offset is not NULL), with
 * KKACHI_EEMPTY when the text is only white space, or with KKACHI_EINVAL
 * when id is empty or not UTF-8. The article's IRI is the engine's base,
 * "article/" and the id, percent-encoded so that two ids never share one
 * IRI. */
int kkachi_article_new(kkachi_article **out, const char *id, const char *text,
                       size_t len, size_t *bad_offset);

/* Sets metadata: key is "url", "date", "title", "lang", "publisher" (the
 * outlet) or "author" (each call adds one author); takes a copy. */
int kkachi_article_set(kkachi_article *article, const char *key,
                       const char *value);

/* Returns the article id (borrowed). */
const char *kkachi_article_id(const kkachi_article *article);

/* Returns the length of the article's text in bytes. */
size_t kkachi_article_size(const kkachi_article *article);

/* Frees an article. NULL is allowed. */
void kkachi_article_free(kkachi_article *article);

/* ---- readers: articles out of files ---- */

enum {
  KKACHI_INPUT_AUTO = 0,
  KKACHI_INPUT_TEXT,
  KKACHI_INPUT_JSONL,
  KKACHI_INPUT_HTML /* a saved page: its body text and metadata */
};

/* Opens path ("-" for stdin) as text (one article), JSON Lines (one
 * article a line) or an HTML page (one article); KKACHI_INPUT_AUTO
 * chooses by the file's ending (.jsonl, .html or .htm). *out
 * becomes owned by the caller. */
int kkachi_reader_open(kkachi_reader **out, const char *path, int kind);

/* Sets the name that gives articles without an id of their own their id
 * (a text or HTML file's article, "NAME-LINE" for JSON Lines); default:
 * the path as given, without "./" steps and repeated '/', with bytes that
 * are not UTF-8 as %XX. On stdin the default is "stdin-" and the first 16
 * hex digits of the SHA-256 of the article's text. Takes a copy. */
int kkachi_reader_set_name(kkachi_reader *reader, const char *name);

/* Reads the next article into *out (owned by the caller). Returns 0 with
 * *out set, 0 with *out NULL at the end, or an error for this record only:
 * the reader can go on; *line, *col and *offset (when not NULL) locate it
 * and the reader's last message (kkachi_reader_message) explains it. A
 * message after an article was read (0 with *out set) is a warning about
 * it: a date that is not a calendar date (YYYY-MM-DD) was left out. */
int kkachi_reader_next(kkachi_reader *reader, kkachi_article **out,
                       unsigned long *line, unsigned long *col,
                       size_t *offset);

/* The message about the last failed record, or "" (borrowed); after an
 * article read, "" or a warning about it (a date that is no calendar day,
 * left out; an HTML page with bytes that did not decode, read as
 * U+FFFD). */
const char *kkachi_reader_message(const kkachi_reader *reader);

/* Closes the reader. NULL is allowed. */
void kkachi_reader_free(kkachi_reader *reader);

/* ---- extraction ---- */

/* Reads the article's facts. *out becomes owned by the caller. */
int kkachi_extract(kkachi_result **out, kkachi_engine *engine,
                   const kkachi_article *article);

/* One role of a fact, e.g. {"person", "배경훈"}. */
typedef struct kkachi_slot {
  const char *role;
  const char *value;
} kkachi_slot;

/* A read-only view of one fact; every pointer is borrowed from the result.
 * begin and end are code-point offsets of the first evidence. */
typedef struct kkachi_fact_view {
  const char *family;
  const char *rule;
  unsigned long begin, end;
  const char *anchor;
  const char *sentence;
  const kkachi_slot *slots;
  size_t slot_count;
  size_t evidence_count;
} kkachi_fact_view;

/* Number of facts in a result. */
size_t kkachi_result_count(const kkachi_result *result);

/* Fills *out with fact i (0-based). */
int kkachi_result_fact(const kkachi_result *result, size_t i,
                       kkachi_fact_view *out);

/* The value of role in a fact (borrowed from its result), or NULL when the
 * fact has no such role. */
const char *kkachi_fact_value(const kkachi_fact_view *fact, const char *role);

/* Frees a result. NULL is allowed. */
void kkachi_result_free(kkachi_result *result);

/* ---- writing RDF ---- */

/* Creates a writer of format "turtle", "ntriples", "nquads", "rdfxml" or
 * "json" (RDF/JSON) to fp (which stays the caller's). *out becomes owned by
 * the caller. */
int kkachi_writer_new(kkachi_writer **out, kkachi_engine *engine, FILE *fp,
                      const char *format);

/* Leaves kk:Evidence nodes out when on is 0 (default 1). */
void kkachi_writer_set_evidence(kkachi_writer *writer, int on);

/* Writes each article's text (NFC, the text evidence offsets count in)
 * as nif:isString of the article when on is 1 (default 0). */
void kkachi_writer_set_text(kkachi_writer *writer, int on);

/* Adds one article's graph. The result stays the caller's. */
int kkachi_writer_add(kkachi_writer *writer, const kkachi_result *result);

/* Ends the document (flushes Turtle). */
int kkachi_writer_finish(kkachi_writer *writer);

/* Frees the writer. NULL is allowed. */
void kkachi_writer_free(kkachi_writer *writer);

/* ---- RDF graphs and SHACL validation ---- */

typedef struct kkachi_graph kkachi_graph;

/* Creates an empty graph in the engine's RDF world (the engine need not
 * have rules). *out becomes owned by the caller and must be freed before
 * the engine. */
int kkachi_graph_new(kkachi_graph **out, kkachi_engine *engine);

/* Adds the triples (all graphs' quads) of a file ("-" for stdin) in any
 * syntax raptor reads; syntax NULL chooses by the file's ending (Turtle
 * when it names none; JSON-LD, which raptor cannot read, is refused with
 * KKACHI_EINVAL). Blank nodes of one file stay apart from those of
 * another. Errors are logged with their location and returned as
 * KKACHI_ESYNTAX or KKACHI_EIO. */
int kkachi_graph_load(kkachi_graph *graph, const char *path,
                      const char *syntax);

/* Number of triples in the graph. */
size_t kkachi_graph_size(const kkachi_graph *graph);

/* Writes the graph as "turtle", "ntriples" or "nquads" to fp. */
int kkachi_graph_write(kkachi_graph *graph, FILE *fp, const char *format);

/* Frees a graph. NULL is allowed. */
void kkachi_graph_free(kkachi_graph *graph);

/* Validates data against the SHACL Core shapes in shapes (SHACL-SPARQL is
 * not supported). *conforms is set to 1 or 0; *report (may be NULL) gets
 * a new graph holding the W3C validation report, owned by the caller.
 * Shapes that are not well-formed make it fail with KKACHI_ESYNTAX. */
int kkachi_validate(kkachi_graph *data, kkachi_graph *shapes, int *conforms,
                    kkachi_graph **report);

/* Reports every IRI in the namespace ns (e.g. "https://w3id.org/kkachi/ns#")
 * that data uses as predicate, class or value but that vocab does not
 * describe (as the subject of a triple), as a result in report (made by
 * kkachi_validate), which then no longer conforms. *count (may be NULL)
 * gets the number of terms reported. */
int kkachi_check_terms(kkachi_graph *data, kkachi_graph *vocab, const char *ns,
                       kkachi_graph *report, size_t *count);

/* ---- stores: graphs kept on disk, and SPARQL ---- */

typedef struct kkachi_store kkachi_store;

/* Opens (creating when missing) a Redland store. spec is a folder for the
 * default Berkeley DB "hashes" store with named graphs ("kkachi.store"),
 * "hashes:FOLDER" for the same, "sqlite:PATH" for one SQLite file (all
 * of spec after "sqlite:" is the path), or "NAME:ARG:OPTIONS" for any
 * other Redland storage. A store that cannot be opened is logged, with
 * the reason, against its folder or file. *out becomes owned by the
 * caller and must be freed before the engine. */
int kkachi_store_open(kkachi_store **out, kkachi_engine *engine,
                      const char *spec);

/* How kkachi_store_open_with opens a store. */
enum {
  KKACHI_STORE_READ = 1,  /* for queries only: shared with other readers,
                             never created, nothing written */
  KKACHI_STORE_NOWAIT = 2 /* fail with KKACHI_EBUSY instead of waiting
                             while another process writes the store (or,
                             for a writer, reads it) */
};

/* As kkachi_store_open (which is this with flags 0: for writing), with
 * KKACHI_STORE_* flags. A folder or sqlite: store has a lock file (the
 * folder's "lock", PATH.lock): one process writes it, or many read it.
 * A folder store opened for writing is written as a copy that becomes
 * the store when kkachi_store_close succeeds: a writer killed or failed
 * before leaves the store as it was. */
int kkachi_store_open_with(kkachi_store **out, kkachi_engine *engine,
                           const char *spec, int flags);

/* Loads an RDF file ("-" for stdin; syntax NULL guesses by the name:
 * .nq N-Quads, .trig TriG, .ttl Turtle, .nt N-Triples). Every named graph
 * it holds replaces the store's graph of that name, by difference (what
 * the store has already is not written again; see kkachi_store_changes);
 * triples outside any graph go to a graph named by the file (its file:
 * IRI), so that loading the same file again replaces its triples instead
 * of adding them. A statement the file repeats is stored once. The
 * statements of a graph may come in any order; until the file ends, each
 * takes some 50 bytes of memory (a digest). The file is read to its end
 * before the store is written: one that does not parse changes nothing
 * (KKACHI_ESYNTAX). KKACHI_ERDF: the store could not be written (logged
 * against the store); it takes nothing more, and kkachi_store_close
 * leaves it as it was. *graphs and *triples (may be NULL) get what was
 * read. */
int kkachi_store_load(kkachi_store *store, const char *path,
                      const char *syntax, size_t *graphs, size_t *triples);

/* Puts one article's graph (as kkachi_writer_add would write it) into the
 * store as the named graph of the article's IRI, replacing what that
 * graph held (by difference, as kkachi_store_load does). evidence 0
 * leaves out kk:Evidence nodes. */
int kkachi_store_add(kkachi_store *store, const kkachi_result *result,
                     int evidence);

/* Number of statements in the store, over all graphs. The Berkeley DB
 * store does not keep a count: this reads all of it. */
size_t kkachi_store_size(kkachi_store *store);

/* Statements added to and removed from the store since it was opened
 * (added or removed may be NULL). Cheap, unlike kkachi_store_size. */
void kkachi_store_changes(const kkachi_store *store, size_t *added,
                          size_t *removed);

/* Runs a SPARQL query and writes its results to fp as "table", "csv",
 * "tsv", "json" or "xml" (rasqal's result formats). */
int kkachi_store_query(kkachi_store *store, const char *sparql,
                       const char *format, FILE *fp);

/* Closes the store and frees it: what was written becomes the store's
 * (a folder store's new copy is renamed into place), unless a write
 * failed, which leaves the store as it was. Returns 0, or the error,
 * logged. NULL is allowed. */
int kkachi_store_close(kkachi_store *store);

/* As kkachi_store_close, without the result. NULL is allowed. */
void kkachi_store_free(kkachi_store *store);

/* ---- SPARQL servers: loading by the Graph Store Protocol or SPARQL
 * Update, and querying by the SPARQL Protocol ---- */

typedef struct kkachi_endpoint kkachi_endpoint;

/* How to authenticate: basic or digest as the server asks, or only one. */
enum { KKACHI_AUTH_ANY = 0, KKACHI_AUTH_BASIC, KKACHI_AUTH_DIGEST };

/* Where a server is and how to talk to it. Every string is borrowed for
 * kkachi_endpoint_open only (it takes copies); any URL may be NULL. */
typedef struct kkachi_endpoint_options {
  const char *graph_store; /* SPARQL 1.1 Graph Store HTTP Protocol URL */
  const char *update;      /* SPARQL 1.1 Update URL: used when graph_store
                              is NULL or the server has no GSP there */
  const char *query;       /* SPARQL 1.1 Protocol query URL */
  const char *user;        /* NULL: the user of ~/.netrc for the host */
  const char *password;    /* with user; NULL: none (~/.netrc is read
                              only when user is NULL) */
  int auth;                /* KKACHI_AUTH_* */
  int retries;             /* extra attempts after a 5xx answer or a
                              connection error (default 3 when negative) */
  long backoff_ms;         /* first pause before a retry, then doubled */
  size_t batch;            /* Update only: triples per request, graphs
                              kept whole (0: 20000) */
  long timeout;            /* seconds to connect, and without a byte
                              either way, before an attempt fails
                              (0: 60) */
} kkachi_endpoint_options;

/* Receives the outcome of each graph a load sends: its IRI, its triples,
 * 0 or the error code, and why (a short text, or NULL when loaded). All
 * borrowed for the call. */
typedef void (*kkachi_graph_fn)(const char *graph, size_t triples, int rc,
                                const char *why, void *user_data);

/* Says whether a graph should be sent (nonzero) or skipped (0). */
typedef int (*kkachi_graph_filter_fn)(const char *graph, void *user_data);

/* Sets for kkachi_store_load the filter of the graphs to load, and the
 * callback told of the graphs of a file that was not loaded (either may
 * be NULL); user_data is passed to both. */
void kkachi_store_set_callbacks(kkachi_store *store, kkachi_graph_fn report,
                                kkachi_graph_filter_fn filter,
                                void *user_data);

/* Opens a client for a server. No request is made yet. *out becomes owned
 * by the caller and must be freed before the engine. */
int kkachi_endpoint_open(kkachi_endpoint **out, kkachi_engine *engine,
                         const kkachi_endpoint_options *options);

/* Sets the per-graph outcome callback and the filter (either may be
 * NULL); user_data is passed to both. */
void kkachi_endpoint_set_callbacks(kkachi_endpoint *endpoint,
                                   kkachi_graph_fn report,
                                   kkachi_graph_filter_fn filter,
                                   void *user_data);

/* Loads an RDF file as kkachi_store_load does: each named graph (a run of
 * statements in it) replaces the server's graph of that name, triples
 * outside any graph go to a graph named by the file. A graph cut short by
 * a syntax error is not sent. Returns 0 when every graph was loaded;
 * KKACHI_EHTTP or KKACHI_ENET when some were not (each one reported to
 * the callback and logged); KKACHI_EAUTH when the server refused the
 * credentials, KKACHI_ETIMEOUT when it did not answer in time after the
 * retries: then nothing more is sent by this client, and every graph met
 * from then on (in this file and later ones, and those of
 * kkachi_endpoint_add) is reported to the callback as not loaded, with
 * that code, without a log line each; KKACHI_ESYNTAX or KKACHI_EIO for
 * the file.
 * *graphs and *triples (may be NULL) get what was loaded. */
int kkachi_endpoint_load(kkachi_endpoint *endpoint, const char *path,
                         const char *syntax, size_t *graphs, size_t *triples);

/* Sends one article's graph (as kkachi_writer_add would write it) as the
 * named graph of the article's IRI, replacing what it held. With SPARQL
 * Update it may wait in a batch until kkachi_endpoint_flush. */
int kkachi_endpoint_add(kkachi_endpoint *endpoint, const kkachi_result *result,
                        int evidence);

/* Sends what waits in the batch. Returns as kkachi_endpoint_load. */
int kkachi_endpoint_flush(kkachi_endpoint *endpoint);

/* Runs a SPARQL query on the server (a form-encoded POST) and writes the
 * results to fp: "table" (an aligned table of the JSON results, graphs as
 * N-Triples), or the server's "csv", "tsv", "json" or "xml". A query the
 * server rejects gives KKACHI_ESYNTAX, with its message logged. */
int kkachi_endpoint_query(kkachi_endpoint *endpoint, const char *sparql,
                          const char *format, FILE *fp);

/* Closes the connection. Sends nothing: call kkachi_endpoint_flush first.
 * NULL is allowed. */
void kkachi_endpoint_free(kkachi_endpoint *endpoint);

#ifdef __cplusplus
}
#endif

#endif /* KKACHI_H */
