/* Prints the cities compiled into Debian's libgeonames0 as TSV, for scripts/gen-gazetteers.sh.
 * Input: the GResource "/com/lomiri/geonames/cities.compiled" (extracted with `gresource`), a
 * serialised GVariant of type a(sssssssudd): geonameid, name, admin1 code, admin1 name, country
 * code, country name, time zone, population, latitude, longitude. The GVariant layout is parsed
 * by hand (arrays and tuples of variable-size members end with little-endian framing offsets) so
 * that generation needs no GLib headers; this program is never linked into newsidx. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static size_t offset_size(size_t container_size) {
  if (container_size <= 0xff) return 1;
  if (container_size <= 0xffff) return 2;
  if (container_size <= 0xffffffffu) return 4;
  return 8;
}

static size_t read_offset(const unsigned char* p, size_t width) {
  size_t v = 0;
  for (size_t i = 0; i < width; ++i) v |= (size_t)p[i] << (8 * i);
  return v;
}

static size_t align_up(size_t v, size_t a) { return (v + a - 1) & ~(a - 1); }

/* Prints one field with tabs and newlines replaced so the TSV stays well-formed. */
static void put_field(const unsigned char* s, size_t n) {
  for (size_t i = 0; i < n && s[i]; ++i) putchar(s[i] == '\t' || s[i] == '\n' ? ' ' : s[i]);
}

int main(int argc, char** argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s cities.compiled\n", argv[0]);
    return 2;
  }
  FILE* f = fopen(argv[1], "rb");
  if (!f) { perror(argv[1]); return 1; }
  fseek(f, 0, SEEK_END);
  long len = ftell(f);
  fseek(f, 0, SEEK_SET);
  unsigned char* buf = malloc((size_t)len);
  if (!buf || fread(buf, 1, (size_t)len, f) != (size_t)len) { fprintf(stderr, "read failed\n"); return 1; }
  fclose(f);

  size_t size = (size_t)len;
  size_t w = offset_size(size);
  size_t table = read_offset(buf + size - w, w); /* the last element's end = start of offsets */
  size_t n = (size - table) / w;
  size_t start = 0;
  printf("geonameid\tname\tadmin1_code\tadmin1_name\tcountry\tcountry_name\ttimezone\tpopulation\tlatitude\tlongitude\n");
  for (size_t i = 0; i < n; ++i) {
    size_t end = read_offset(buf + table + i * w, w);
    const unsigned char* e = buf + start;
    size_t esize = end - start;
    size_t ew = offset_size(esize);
    /* Seven strings, each but none last, so seven framing offsets stored in reverse order. */
    size_t ends[7];
    for (int k = 0; k < 7; ++k) ends[k] = read_offset(e + esize - (size_t)(k + 1) * ew, ew);
    size_t pos = 0;
    for (int k = 0; k < 7; ++k) {
      put_field(e + pos, ends[k] - pos);
      putchar('\t');
      pos = ends[k];
    }
    pos = align_up(pos, 4);
    uint32_t population;
    memcpy(&population, e + pos, 4);
    pos = align_up(pos + 4, 8);
    double lat, lon;
    memcpy(&lat, e + pos, 8);
    memcpy(&lon, e + pos + 8, 8);
    printf("%u\t%.5f\t%.5f\n", population, lat, lon);
    start = align_up(end, 8);
  }
  free(buf);
  return 0;
}
