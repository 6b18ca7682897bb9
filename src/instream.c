/* SPDX-License-Identifier: MIT */
/*
 * instream.c - plain, gzip and zstd input split into bounded lines (see
 * instream.h). Compressed input is decoded in 64 KiB steps; the line
 * buffer grows only up to the longest line accepted, and a longer line is
 * skipped as it streams by, so memory stays bounded whatever the input.
 */
#include "instream.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>
#include <zstd.h>

#define CHUNK 65536

enum kind { K_UNKNOWN, K_PLAIN, K_GZIP, K_ZSTD };

struct instream {
	FILE *f;
	const char *name;
	size_t max_line;
	enum kind kind;
	unsigned char raw[CHUNK]; /* compressed bytes not yet decoded */
	size_t raw_pos, raw_len;
	int raw_eof;
	z_stream z;
	int z_live, z_done; /* inflate initialised; a gzip member ended */
	ZSTD_DStream *zs;
	size_t zs_left; /* ZSTD_decompressStream's last hint: 0 = frame done */
	char *buf;      /* decoded bytes: a line is buf[start..] */
	size_t cap, start, scan, end;
	int eof, failed, skipping, last_given;
	size_t skipped;
	char msg[512];
};

static int
error(instream *s, const char *what)
{
	snprintf(s->msg, sizeof(s->msg), "%s: %s", s->name, what);
	s->failed = 1;
	return -1;
}

/* Refill raw[]; 0 at the end of the file, -1 on a read error. */
static int
read_raw(instream *s)
{
	size_t got;

	if (s->raw_eof)
		return 0;
	got = fread(s->raw, 1, sizeof(s->raw), s->f);
	s->raw_pos = 0;
	s->raw_len = got;
	if (got == 0) {
		if (ferror(s->f))
			return error(s, strerror(errno ? errno : EIO));
		s->raw_eof = 1;
		return 0;
	}
	return 1;
}

static int
detect(instream *s)
{
	if (read_raw(s) < 0)
		return -1;
	s->kind = K_PLAIN;
	if (s->raw_len >= 2 && s->raw[0] == 0x1F && s->raw[1] == 0x8B) {
		memset(&s->z, 0, sizeof(s->z));
		if (inflateInit2(&s->z, 15 + 16) != Z_OK)
			return error(s, "cannot start gzip decoding");
		s->z_live = 1;
		s->kind = K_GZIP;
	} else if (s->raw_len >= 4 && memcmp(s->raw, "\x28\xB5\x2F\xFD", 4) == 0) {
		s->zs = ZSTD_createDStream();
		if (s->zs == NULL || ZSTD_isError(ZSTD_initDStream(s->zs)))
			return error(s, "cannot start zstd decoding");
		s->kind = K_ZSTD;
	}
	return 0;
}

/* Decode up to room bytes into out; returns the count, 0 at the end of
 * the input, -1 on an error (a truncated or corrupt stream). */
/* Compressed bytes to decode: 1 when there are some, 0 at the end of the
 * file after a complete stream (done), -1 on a read error or at the end
 * of the file in mid-stream (truncated says so). */
static int
more_raw(instream *s, int done, const char *truncated)
{
	int r;

	if (s->raw_pos < s->raw_len)
		return 1;
	if ((r = read_raw(s)) != 0)
		return r;
	return done ? 0 : error(s, truncated);
}

static long
decode_gzip(instream *s, char *out, size_t room)
{
	int rc, r;

	for (;;) {
		if ((r = more_raw(s, s->z_done, "truncated gzip data")) <= 0)
			return r;
		if (s->z_done) { /* another member follows: concatenated gzip */
			if (inflateReset(&s->z) != Z_OK)
				return error(s, "cannot restart gzip decoding");
			s->z_done = 0;
		}
		s->z.next_in = s->raw + s->raw_pos;
		s->z.avail_in = (uInt)(s->raw_len - s->raw_pos);
		s->z.next_out = (unsigned char *)out;
		s->z.avail_out = (uInt)room;
		rc = inflate(&s->z, Z_NO_FLUSH);
		s->raw_pos = s->raw_len - s->z.avail_in;
		if (rc == Z_STREAM_END)
			s->z_done = 1;
		else if (rc != Z_OK && rc != Z_BUF_ERROR)
			return error(s, "corrupt gzip data");
		if (room - s->z.avail_out > 0)
			return (long)(room - s->z.avail_out);
	}
}

static long
decode_zstd(instream *s, char *out, size_t room)
{
	ZSTD_inBuffer in;
	ZSTD_outBuffer o;
	size_t rc;
	int r;

	for (;;) {
		if ((r = more_raw(s, s->zs_left == 0, "truncated zstd data")) <= 0)
			return r;
		in.src = s->raw;
		in.size = s->raw_len;
		in.pos = s->raw_pos;
		o.dst = out;
		o.size = room;
		o.pos = 0;
		rc = ZSTD_decompressStream(s->zs, &o, &in);
		s->raw_pos = in.pos;
		if (ZSTD_isError(rc))
			return error(s, "corrupt zstd data");
		s->zs_left = rc;
		if (o.pos > 0)
			return (long)o.pos;
	}
}

static long
decode(instream *s, char *out, size_t room)
{
	size_t n;

	if (s->kind == K_UNKNOWN && detect(s) < 0)
		return -1;
	if (s->kind == K_GZIP)
		return decode_gzip(s, out, room);
	if (s->kind == K_ZSTD)
		return decode_zstd(s, out, room);
	if (s->raw_pos == s->raw_len && read_raw(s) <= 0)
		return s->failed ? -1 : 0;
	n = s->raw_len - s->raw_pos < room ? s->raw_len - s->raw_pos : room;
	memcpy(out, s->raw + s->raw_pos, n);
	s->raw_pos += n;
	return (long)n;
}

instream *
instream_open(FILE *f, const char *name, size_t max_line)
{
	instream *s = calloc(1, sizeof(*s));

	if (s == NULL)
		return NULL;
	s->f = f;
	s->name = name;
	s->max_line = max_line;
	s->cap = CHUNK;
	s->buf = malloc(s->cap);
	if (s->buf == NULL) {
		free(s);
		return NULL;
	}
	return s;
}

void
instream_free(instream *s)
{
	if (s == NULL)
		return;
	if (s->z_live)
		inflateEnd(&s->z);
	ZSTD_freeDStream(s->zs);
	free(s->buf);
	free(s);
}

const char *
instream_error(const instream *s)
{
	return s->msg;
}

const char *
instream_kind(const instream *s)
{
	return s->kind == K_GZIP ? "gzip" : s->kind == K_ZSTD ? "zstd" : "plain";
}

/* Make room for CHUNK more bytes after end: drop what was consumed, then
 * grow, but never far past the longest line accepted. */
static int
make_room(instream *s)
{
	size_t want;
	char *p;

	if (s->start > 0) {
		memmove(s->buf, s->buf + s->start, s->end - s->start);
		s->end -= s->start;
		s->scan -= s->start;
		s->start = 0;
	}
	if (s->cap - s->end >= CHUNK / 2)
		return 0;
	want = s->cap * 2;
	p = realloc(s->buf, want);
	if (p == NULL)
		return error(s, "out of memory");
	s->buf = p;
	s->cap = want;
	return 0;
}

enum instream_line
instream_next(instream *s, const char **line, size_t *len)
{
	char *nl;
	long got;
	size_t n;

	if (s->failed)
		return IN_ERROR;
	for (;;) {
		nl = memchr(s->buf + s->scan, '\n', s->end - s->scan);
		if (nl != NULL) {
			n = (size_t)(nl - s->buf) - s->start;
			*line = s->buf + s->start;
			s->start = s->scan = (size_t)(nl - s->buf) + 1;
			if (s->skipping) {
				s->skipping = 0;
				*len = s->skipped + n;
				s->skipped = 0;
				return IN_TOO_LONG;
			}
			*len = n;
			return n > s->max_line ? IN_TOO_LONG : IN_LINE;
		}
		s->scan = s->end;
		/* A line past the limit is counted, not kept. */
		if (s->end - s->start > s->max_line) {
			s->skipped += s->end - s->start;
			s->skipping = 1;
			s->start = s->scan = s->end = 0;
		}
		if (s->eof) {
			if (s->skipping) {
				s->skipping = 0;
				*len = s->skipped;
				s->skipped = 0;
				return IN_TOO_LONG;
			}
			if (s->end > s->start && !s->last_given) {
				s->last_given = 1;
				*line = s->buf + s->start;
				*len = s->end - s->start;
				s->start = s->scan = s->end;
				return IN_LINE;
			}
			return IN_EOF;
		}
		if (make_room(s) < 0)
			return IN_ERROR;
		got = decode(s, s->buf + s->end, s->cap - s->end);
		if (got < 0)
			return IN_ERROR;
		if (got == 0)
			s->eof = 1;
		s->end += (size_t)got;
	}
}
