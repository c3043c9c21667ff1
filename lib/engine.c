/* engine.c: the engine object: loading rules, compiling, shared state. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unicode/uversion.h>

#include "alloc.h"
#include "buf.h"
#include "engine.h"
#include "number.h"

#define KK_DEFAULT_BASE "https://w3id.org/kkachi/id/"
#define KK_MAX_DIR_DEPTH 8

int
kkachi_engine_new(kkachi_engine **out)
{
  kkachi_engine *e = kkachi__calloc(1, sizeof *e);
  *out = NULL;
  if (!e)
    return KKACHI_ENOMEM;
  e->base = kkachi__strdup(KK_DEFAULT_BASE);
  e->time_limit = KK_DEFAULT_TIME_LIMIT;
  e->implied_slot = KK_NO_SLOT;
  if (!e->base || kkachi__strmap_new(&e->rule_ids)
      || kkachi__strmap_new(&e->rule_files)) {
    kkachi_engine_free(e);
    return KKACHI_ENOMEM;
  }
  *out = e;
  return 0;
}

void
kkachi__rule_free(kk_rule *r)
{
  size_t i, j;
  if (!r)
    return;
  for (i = 0; i < r->nfacts; i++)
    kkachi__factspec_clear(&r->facts[i]);
  kkachi__free(r->facts);
  for (i = 0; i < r->nmarks; i++) {
    kkachi__free(r->marks[i].type);
    kkachi__free(r->marks[i].group);
  }
  kkachi__free(r->marks);
  for (i = 0; i < r->nexamples; i++) {
    for (j = 0; j < r->examples[i].nex; j++)
      kkachi__factspec_clear(&r->examples[i].ex[j].spec);
    kkachi__free(r->examples[i].ex);
    kkachi__free(r->examples[i].text);
  }
  kkachi__free(r->examples);
  pcre2_code_free(r->code);
  kkachi__free(r->id);
  kkachi__free(r->lang);
  kkachi__free(r->file);
  kkachi__free(r->pattern);
  kkachi__free(r->refs);
  for (i = 0; i < r->nneeds; i++)
    kkachi__free(r->needs[i]);
  kkachi__free(r->needs);
  kkachi__free(r->need_slot);
  for (i = 0; i < r->nimplied; i++)
    kkachi__free(r->implied[i].slot);
  kkachi__free(r->implied);
  kkachi__free(r);
}

void
kkachi__factspec_clear(kk_factspec *f)
{
  size_t i;
  for (i = 0; i < f->nb; i++) {
    kkachi__free(f->b[i].role);
    kkachi__free(f->b[i].value);
  }
  kkachi__free(f->b);
  kkachi__free(f->family);
  memset(f, 0, sizeof *f);
}

void
kkachi_engine_free(kkachi_engine *e)
{
  size_t i;
  if (!e)
    return;
  if (e->prof) { /* the table, while the rules' ids are there */
    kkachi__profile_write(e->prof, e->rules, stderr);
    kkachi__profile_free(e->prof);
  }
  for (i = 0; i < e->nrules; i++)
    kkachi__rule_free(e->rules[i]);
  kkachi__free(e->rules);
  for (i = 0; i < e->ndefines; i++) {
    kkachi__free(e->defines[i]->name);
    kkachi__free(e->defines[i]->pattern);
    kkachi__free(e->defines[i]->file);
    kkachi__free(e->defines[i]);
  }
  kkachi__free(e->defines);
  for (i = 0; i < e->nscan; i++) {
    kkachi__gazscan_free(e->scan[i].trie);
    kkachi__gazspans_clear(&e->scan[i].spans);
  }
  kkachi__free(e->scan);
  kkachi__gazscan_set_free(e->scanset);
  kkachi__free(e->scanto);
  kkachi__free(e->scancur);
  kkachi__free(e->present);
  kkachi__implied_free(e->implied);
  for (i = 0; i < e->nlists; i++)
    kkachi__gazetteer_free(e->lists[i]);
  kkachi__free(e->lists);
  for (i = 0; i < e->ngaz; i++)
    kkachi__gazetteer_free(e->gaz[i]);
  kkachi__free(e->gaz);
  kkachi__strmap_free(e->rule_ids);
  kkachi__strmap_free(e->rule_files);
  kkachi__rules_roots_free(e);
  kkachi__segmenter_free(e->seg);
  kkachi__segmenter_free(e->seg_en);
  kkachi__numparser_free(e->num);
  kkachi__marked_clear(&e->marked);
  pcre2_match_data_free(e->md);
  kkachi__free(e->raw);
  pcre2_match_context_free(e->mctx);
  pcre2_jit_stack_free(e->jit);
  if (e->world)
    librdf_free_world(e->world);
  kkachi__free(e->base);
  kkachi__free(e);
}

void
kkachi_engine_set_log(kkachi_engine *e, kkachi_log_fn fn, void *user_data)
{
  e->log.fn = fn;
  e->log.user_data = user_data;
}

int
kkachi_engine_set_base(kkachi_engine *e, const char *base)
{
  size_t n = base ? strlen(base) : 0;
  char *c;
  if (n < 2 || (base[n - 1] != '/' && base[n - 1] != '#')
      || !strstr(base, ":"))
    return KKACHI_EINVAL;
  if (!(c = kkachi__strdup(base)))
    return KKACHI_ENOMEM;
  kkachi__free(e->base);
  e->base = c;
  return 0;
}

static int
add_slot(kkachi_engine *e, const kk_gazetteer *g, int exact, const char *lang,
         size_t *slot);

unsigned
kkachi__engine_lang_bit(kkachi_engine *e, const char *lang, int add)
{
  size_t i;
  for (i = 0; i < e->nlangs; i++)
    if (!strcmp(e->langs[i], lang))
      return 1u << i;
  if (!add)
    return 0;
  if (e->nlangs == sizeof e->langs / sizeof e->langs[0])
    return ~0u;
  e->langs[e->nlangs] = lang;
  return 1u << e->nlangs++;
}

int
kkachi__engine_scan_slot(kkachi_engine *e, const kk_gazetteer *g,
                         const char *lang, size_t *slot)
{
  return add_slot(e, g, 0, lang, slot);
}

int
kkachi__engine_exact_slot(kkachi_engine *e, const kk_gazetteer *g,
                          const char *lang, size_t *slot)
{
  return add_slot(e, g, 1, lang, slot);
}

int
kkachi__engine_literal_slot(kkachi_engine *e, const char *key,
                            char *const *lits, size_t n, const char *lang,
                            size_t *slot)
{
  kk_gazetteer *g, **lists;
  size_t i;
  int rc;

  for (i = 0; i < e->nlists; i++)
    if (!strcmp(e->lists[i]->name, key))
      return add_slot(e, e->lists[i], 1, lang, slot);
  lists = kkachi__realloc(e->lists, (e->nlists + 1) * sizeof *lists);
  if (!lists)
    return KKACHI_ENOMEM;
  e->lists = lists;
  if ((rc = kkachi__gazetteer_new(&g, key)))
    return rc;
  for (i = 0; i < n && !rc; i++)
    rc = kkachi__gazetteer_add(g, lits[i], strlen(lits[i]));
  if (rc) {
    kkachi__gazetteer_free(g);
    return rc;
  }
  e->lists[e->nlists++] = g;
  return add_slot(e, g, 1, lang, slot);
}

/* The slot of g, made when new, marked as scanned for lang's articles. */
static int
add_slot(kkachi_engine *e, const kk_gazetteer *g, int exact, const char *lang,
         size_t *slot)
{
  unsigned bit = kkachi__engine_lang_bit(e, lang, 1);
  kk_scanned *scan;
  size_t i;
  int rc;

  for (i = 0; i < e->nscan; i++)
    if (e->scan[i].g == g) {
      e->scan[i].langs |= bit;
      *slot = i;
      return 0;
    }
  scan = kkachi__realloc(e->scan, (e->nscan + 1) * sizeof *scan);
  if (!scan)
    return KKACHI_ENOMEM;
  e->scan = scan;
  memset(&scan[e->nscan], 0, sizeof *scan);
  if ((rc = kkachi__gazscan_new(&scan[e->nscan].trie, g, exact)))
    return rc;
  scan[e->nscan].g = g;
  scan[e->nscan].langs = bit;
  *slot = e->nscan++;
  return 0;
}

/* The set of the slots' tries, remade when slots were added since. */
static int
scan_set(kkachi_engine *e)
{
  kk_gazscan **tries;
  kk_gazspans **to;
  size_t k;
  int rc;

  if (e->scanset && kkachi__gazscan_set_size(e->scanset) == e->nscan)
    return 0;
  kkachi__gazscan_set_free(e->scanset);
  e->scanset = NULL;
  if (!(to = kkachi__realloc(e->scanto, (e->nscan + 1) * sizeof *to)))
    return KKACHI_ENOMEM;
  e->scanto = to;
  if (!(tries = kkachi__malloc((e->nscan + 1) * sizeof *tries)))
    return KKACHI_ENOMEM;
  for (k = 0; k < e->nscan; k++)
    tries[k] = e->scan[k].trie;
  rc = kkachi__gazscan_set_new(&e->scanset, tries, e->nscan);
  kkachi__free(tries);
  return rc;
}

int
kkachi__engine_scan_text(kkachi_engine *e, const char *s, size_t n,
                         const char *lang)
{
  unsigned bit = kkachi__engine_lang_bit(e, lang, 0);
  size_t k;
  int rc;
  if ((rc = scan_set(e)))
    return rc;
  for (k = 0; k < e->nscan; k++) {
    e->scanto[k] = (e->scan[k].langs & bit) ? &e->scan[k].spans : NULL;
    /* what no rule of this language asks for is emptied, not scanned */
    if (!e->scanto[k]
        && (rc = kkachi__gazspans_reset(&e->scan[k].spans, 0)))
      return rc;
  }
  return kkachi__gazscan_set_run(e->scanset, s, n, e->scanto);
}

int
kkachi_engine_set_time_limit(kkachi_engine *e, double seconds)
{
  if (!e || !(seconds >= 0))
    return KKACHI_EINVAL;
  e->time_limit = seconds;
  return 0;
}

kk_gazetteer *
kkachi__engine_gazetteer(kkachi_engine *e, const char *name)
{
  size_t i;
  for (i = 0; i < e->ngaz; i++)
    if (!strcmp(e->gaz[i]->name, name))
      return e->gaz[i];
  return NULL;
}

static int
ends_with(const char *s, const char *suffix)
{
  size_t n = strlen(s), m = strlen(suffix);
  return n >= m && !strcmp(s + n - m, suffix);
}

static int
by_name(const void *a, const void *b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static int load_path(kkachi_engine *e, const char *path, int depth);

/* Loads the *.rules files and subfolders of a folder, sorted by name. */
static int
load_dir(kkachi_engine *e, const char *path, int depth)
{
  DIR *d = opendir(path);
  struct dirent *de;
  char **names = NULL;
  size_t n = 0, cap = 0, i;
  int rc = 0;

  if (!d) {
    kkachi__log(&e->log, KKACHI_LOG_ERROR, path, 0, 0, "cannot open: %s",
                strerror(errno));
    return KKACHI_EIO;
  }
  while (!rc && (de = readdir(d))) {
    kk_buf full = KK_BUF_INIT;
    if (de->d_name[0] == '.')
      continue;
    if ((rc = kkachi__buf_printf(&full, "%s/%s", path, de->d_name)))
      break;
    if (n == cap) {
      char **p;
      cap = cap ? cap * 2 : 16;
      if (!(p = kkachi__realloc(names, cap * sizeof *p))) {
        kkachi__buf_free(&full);
        rc = KKACHI_ENOMEM;
        break;
      }
      names = p;
    }
    names[n++] = kkachi__buf_steal(&full);
  }
  closedir(d);
  if (!rc && n)
    qsort(names, n, sizeof *names, by_name);
  for (i = 0; i < n; i++) {
    struct stat st;
    if (!rc && stat(names[i], &st) == 0
        && (S_ISDIR(st.st_mode) || ends_with(names[i], ".rules")))
      rc = load_path(e, names[i], depth + 1);
    kkachi__free(names[i]);
  }
  kkachi__free(names);
  return rc;
}

static int
load_path(kkachi_engine *e, const char *path, int depth)
{
  struct stat st;
  int rc, opened = 1;
  if (depth > KK_MAX_DIR_DEPTH)
    return 0;
  if (stat(path, &st) != 0) {
    kkachi__log(&e->log, KKACHI_LOG_ERROR, path, 0, 0, "cannot open: %s",
                strerror(errno));
    return KKACHI_EIO;
  }
  if (depth > 0 && !kkachi__rules_path_ok(e, path)) { /* a link out */
    kkachi__log(&e->log, KKACHI_LOG_ERROR, path, 0, 0,
                "leaves the rules folder (use --rules-unsafe to allow)");
    return KKACHI_ESYNTAX;
  }
  if (S_ISDIR(st.st_mode))
    return load_dir(e, path, depth);
  rc = kkachi__rules_parse_file(e, path, &opened);
  if (rc == KKACHI_EIO && !opened)
    kkachi__log(&e->log, KKACHI_LOG_ERROR, path, 0, 0, "cannot open: %s",
                strerror(errno));
  return rc;
}

int
kkachi_engine_load_rules(kkachi_engine *e, const char *path)
{
  int rc;
  if (e->compiled)
    return KKACHI_EINVAL;
  if ((rc = kkachi__rules_add_roots(e, path)))
    return rc;
  return load_path(e, path, 0);
}

int kkachi__gazetteer_callout(pcre2_callout_block *cb, void *data);

/* The match data holds a pair for every group of the rule with the most
 * (groups include the ones the compiler adds for gazetteer lookups): a
 * smaller one would make pcre2_match return 0 and lose the groups past
 * its end. e->raw is as large, for a frame's offsets taken back. */
static int
make_matcher(kkachi_engine *e)
{
  uint32_t pairs = 64, n;
  size_t i;
  for (i = 0; i < e->nrules; i++)
    if (e->rules[i]->code
        && !pcre2_pattern_info(e->rules[i]->code, PCRE2_INFO_CAPTURECOUNT,
                               &n)
        && n + 1 > pairs)
      pairs = n + 1;
  e->md = pcre2_match_data_create(pairs, NULL);
  e->raw = kkachi__calloc(2 * (size_t)pairs, sizeof *e->raw);
  e->mctx = pcre2_match_context_create(NULL);
  e->jit = pcre2_jit_stack_create(32 * 1024, 1024 * 1024, NULL);
  if (!e->md || !e->raw || !e->mctx || !e->jit)
    return KKACHI_ENOMEM;
  pcre2_jit_stack_assign(e->mctx, NULL, e->jit);
  pcre2_set_callout(e->mctx, kkachi__gazetteer_callout, e);
  pcre2_set_match_limit(e->mctx, KK_MATCH_LIMIT);
  pcre2_set_depth_limit(e->mctx, KK_DEPTH_LIMIT);
  pcre2_set_heap_limit(e->mctx, KK_HEAP_LIMIT);
  return 0;
}

int
kkachi_engine_compile(kkachi_engine *e)
{
  int rc;
  if (e->compiled)
    return 0;
  if (e->nrules == 0)
    return KKACHI_ENORULES;
  if ((rc = kkachi__rules_compile(e)))
    return rc;
  e->g_org = kkachi__engine_gazetteer(e, "org");
  e->g_orgclass = kkachi__engine_gazetteer(e, "org-class");
  e->g_title = kkachi__engine_gazetteer(e, "title");
  e->g_prof = kkachi__engine_gazetteer(e, "profession");
  e->g_notname = kkachi__engine_gazetteer(e, "not-name");
  e->g_notorg = kkachi__engine_gazetteer(e, "not-org");
  e->g_particle = kkachi__engine_gazetteer(e, "particles");
  e->g_copula = kkachi__engine_gazetteer(e, "copula");
  e->g_country = kkachi__engine_gazetteer(e, "country");
  e->g_home = kkachi__engine_gazetteer(e, "home-country");
  e->g_legal = kkachi__engine_gazetteer(e, "legal-form");
  e->g_pointing = kkachi__engine_gazetteer(e, "pointing-word");
  e->g_pronoun = kkachi__engine_gazetteer(e, "pronoun");
  e->g_quote = kkachi__engine_gazetteer(e, "quote");
  e->show_marks = getenv("KKACHI_MENTIONS") && *getenv("KKACHI_MENTIONS");
  if ((rc = kkachi__segmenter_new(&e->seg, "ko", NULL))
      || (rc = kkachi__segmenter_new(
              &e->seg_en, "en@ss=standard",
              kkachi__engine_gazetteer(e, "abbreviation"))))
    return rc;
  if ((rc = kkachi__numparser_new(&e->num,
                                  kkachi__engine_gazetteer(e, "period"))))
    return rc;
  if ((rc = make_matcher(e)))
    return rc;
  if ((rc = kkachi__profile_new(&e->prof, e->nrules)))
    return rc;
  e->compiled = 1;
  return 0;
}

size_t
kkachi_engine_rule_count(const kkachi_engine *e)
{
  return e ? e->nrules : 0;
}

/* Redland's messages go through the engine's log: errors as errors (a
 * SPARQL syntax error, with its line), warnings left out. */
static int
redland_log(void *user_data, librdf_log_message *m)
{
  kkachi_engine *e = user_data;
  raptor_locator *loc = librdf_log_message_locator(m);
  int line = loc ? raptor_locator_line(loc) : 0;
  int col = loc ? raptor_locator_column(loc) : 0;
  if (e->rdf_held) {
    if (!e->rdf_held[0] && librdf_log_message_level(m) >= LIBRDF_LOG_ERROR)
      snprintf(e->rdf_held, e->rdf_heldn, "%s", librdf_log_message_message(m));
    return 1;
  }
  if (librdf_log_message_level(m) >= LIBRDF_LOG_ERROR)
    kkachi__log(&e->log, KKACHI_LOG_ERROR, NULL,
                line > 0 ? (unsigned long)line : 0,
                col > 0 ? (unsigned long)col + 1 : 0, "%s",
                librdf_log_message_message(m));
  return 1;
}

librdf_world *
kkachi__engine_world(kkachi_engine *e)
{
  if (!e->world) {
    e->world = librdf_new_world();
    if (e->world) {
      librdf_world_set_logger(e->world, e, redland_log);
      librdf_world_open(e->world);
    }
  }
  return e->world;
}

void
kkachi__engine_hold_rdf(kkachi_engine *e, char *held, size_t n)
{
  e->rdf_held = n ? held : NULL;
  e->rdf_heldn = n;
  if (e->rdf_held)
    e->rdf_held[0] = '\0';
}

const char *
kkachi_strerror(int code)
{
  switch (code) {
  case KKACHI_OK: return "success";
  case KKACHI_ENOMEM: return "out of memory";
  case KKACHI_EIO: return "input/output error";
  case KKACHI_ESYNTAX: return "syntax error in a rule or gazetteer file";
  case KKACHI_EPATTERN: return "a rule pattern does not compile";
  case KKACHI_EUTF8: return "invalid UTF-8";
  case KKACHI_ENUL: return "NUL byte in text";
  case KKACHI_EEMPTY: return "empty article";
  case KKACHI_EJSON: return "malformed JSON Lines record";
  case KKACHI_ELIMIT: return "a size or matching limit was reached";
  case KKACHI_ERDF: return "RDF library error";
  case KKACHI_EICU: return "ICU error";
  case KKACHI_EINVAL: return "invalid argument";
  case KKACHI_ENORULES: return "no rules loaded";
  case KKACHI_ENET: return "the server could not be reached";
  case KKACHI_EHTTP: return "the server answered with an error";
  case KKACHI_EAUTH: return "the server refused the credentials";
  case KKACHI_ETIMEOUT: return "the server did not answer in time";
  case KKACHI_EBUSY: return "the store is in use";
  default: return "unknown error";
  }
}

const char *
kkachi_version(void)
{
  return PACKAGE_VERSION;
}

void
kkachi_dependency_versions(char *buf, size_t size)
{
  char icu[U_MAX_VERSION_STRING_LENGTH];
  char pcre[64];
  UVersionInfo v;

  u_getVersion(v);
  u_versionToString(v, icu);
  pcre2_config(PCRE2_CONFIG_VERSION, pcre);
  snprintf(buf, size, "librdf %s, raptor2 %s, rasqal %s, ICU %s, PCRE2 %s",
           librdf_version_string, raptor_version_string, rasqal_version_string,
           icu, pcre);
}
