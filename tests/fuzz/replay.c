/* replay.c: runs a fuzz target over files and folders of inputs, without
 * libFuzzer, so that make check replays every corpus and every crash once
 * found. usage: replay-TARGET PATH... */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"

static int
run_file(const char *path)
{
  FILE *fp = fopen(path, "rb");
  unsigned char *buf = NULL;
  long n;
  if (!fp || fseek(fp, 0, SEEK_END) || (n = ftell(fp)) < 0
      || fseek(fp, 0, SEEK_SET) || !(buf = malloc((size_t)n + 1))
      || fread(buf, 1, (size_t)n, fp) != (size_t)n) {
    fprintf(stderr, "replay: %s: cannot read\n", path);
    if (fp)
      fclose(fp);
    free(buf);
    return 1;
  }
  fclose(fp);
  LLVMFuzzerTestOneInput(buf, (size_t)n);
  free(buf);
  return 0;
}

static int
by_name(const void *a, const void *b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
run_path(const char *path, unsigned *count)
{
  struct stat st;
  DIR *d;
  struct dirent *de;
  char **names = NULL;
  size_t n = 0, i;
  int bad = 0;

  if (stat(path, &st)) {
    fprintf(stderr, "replay: %s: no such file\n", path);
    return 1;
  }
  if (!S_ISDIR(st.st_mode)) {
    (*count)++;
    return run_file(path);
  }
  if (!(d = opendir(path)))
    return 1;
  while ((de = readdir(d))) {
    char **p;
    if (de->d_name[0] == '.')
      continue;
    if (!(p = realloc(names, (n + 1) * sizeof *p)))
      break;
    names = p;
    if (!(names[n] = malloc(strlen(path) + strlen(de->d_name) + 2)))
      break;
    sprintf(names[n++], "%s/%s", path, de->d_name);
  }
  closedir(d);
  qsort(names, n, sizeof *names, by_name);
  for (i = 0; i < n; i++) {
    bad |= run_path(names[i], count);
    free(names[i]);
  }
  free(names);
  return bad;
}

int
main(int argc, char **argv)
{
  unsigned count = 0;
  int i, bad = 0;
  for (i = 1; i < argc; i++)
    bad |= run_path(argv[i], &count);
  printf("%s: %u inputs replayed\n", argv[0], count);
  return bad;
}
