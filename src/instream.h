/* SPDX-License-Identifier: MIT */
/*
 * instream.h - a byte stream that reads plain, gzip or zstd input, told
 * apart by their magic bytes, and splits it into lines of bounded length.
 * Used by corpus mode, which must read archives of any size with memory
 * bounded by the longest document it accepts.
 */
#ifndef VN_INSTREAM_H
#define VN_INSTREAM_H

#include <stddef.h>
#include <stdio.h>

typedef struct instream instream;

/* Start reading f (not closed by instream_free). NULL when out of memory. */
instream *instream_open(FILE *f, const char *name, size_t max_line);
void instream_free(instream *s);

enum instream_line {
	IN_LINE,     /* *line and *len hold a line, without its newline */
	IN_TOO_LONG, /* a line longer than max_line was skipped; *len its size */
	IN_EOF,
	IN_ERROR     /* instream_error() says what */
};

/* The next line; it stays valid until the next call. A last line with no
 * final newline is a line. */
enum instream_line instream_next(instream *s, const char **line, size_t *len);

/* "name: what went wrong" after IN_ERROR. */
const char *instream_error(const instream *s);

/* "plain", "gzip" or "zstd" once the first bytes have been read. */
const char *instream_kind(const instream *s);

#endif /* VN_INSTREAM_H */
