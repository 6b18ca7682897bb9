/* SPDX-License-Identifier: MIT */
/* --diff: the safe fixes of a file as a unified diff (patch -p1 applies
 * it). Each hunk covers the lines its fixes touch plus three lines of
 * context; touched lines are shown removed and re-added. */
#define _XOPEN_SOURCE 700 /* open_memstream */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "output.h"

#define CONTEXT 3

struct lines {
	const char *s;
	size_t len;
};

/* 1-based line of byte off, and the byte where line n starts. */
static size_t
line_of(const char *s, size_t off)
{
	size_t i, n = 1;

	for (i = 0; i < off; i++)
		n += s[i] == '\n';
	return n;
}

static size_t
line_start(const char *s, size_t len, size_t line)
{
	size_t i = 0, n = 1;

	while (n < line && i < len) {
		if (s[i++] == '\n')
			n++;
	}
	return i;
}

static size_t
count_lines(const char *s, size_t len)
{
	size_t i, n = 0;

	for (i = 0; i < len; i++)
		n += s[i] == '\n';
	return n + (len > 0 && s[len - 1] != '\n');
}

struct grow {
	char *p;
	size_t n, cap;
	int failed;
};

static void
put(struct grow *g, const char *s, size_t n)
{
	char *q;

	if (g->failed || n == 0) /* memcpy to a NULL buffer is undefined */
		return;
	if (g->n + n > g->cap) {
		g->cap = (g->n + n) * 2 + 64;
		q = realloc(g->p, g->cap);
		if (q == NULL) {
			g->failed = 1;
			return;
		}
		g->p = q;
	}
	memcpy(g->p + g->n, s, n);
	g->n += n;
}

/* Print text as lines with a prefix character. */
static void
emit(FILE *o, char prefix, const char *s, size_t len)
{
	size_t i = 0, e;

	while (i < len) {
		for (e = i; e < len && s[e] != '\n'; e++)
			;
		fputc(prefix, o);
		fwrite(s + i, 1, e - i, o);
		fputc('\n', o);
		if (e == len)
			fputs("\\ No newline at end of file\n", o);
		i = e + 1;
	}
}

/* The fixes first..last touch lines [a, b]; print those lines removed and
 * their fixed text added. Returns the number of new lines, or -1. */
static long
change(FILE *o, const char *s, size_t len, const vn_result *r, size_t first,
       size_t last, size_t a, size_t b)
{
	struct grow g = {NULL, 0, 0, 0};
	size_t ms = line_start(s, len, a), me = line_start(s, len, b + 1);
	size_t p = ms, k;
	const vn_diag *d;
	const char *sg;
	long n;

	for (k = first; k != (size_t)-1 && k <= last;
	     k = vn_result_next_fix(r, k + 1, p)) {
		d = vn_result_at(r, k);
		sg = vn_diag_suggestion(d, 0);
		put(&g, s + p, vn_diag_byte_offset(d) - p);
		put(&g, sg, strlen(sg));
		p = vn_diag_byte_offset(d) + vn_diag_byte_length(d);
	}
	put(&g, s + p, me - p);
	if (g.failed) {
		free(g.p);
		return -1;
	}
	emit(o, '-', s + ms, me - ms);
	emit(o, '+', g.p, g.n);
	n = (long)count_lines(g.p, g.n);
	free(g.p);
	return n;
}

/* Lines of the fix at index i: [*a, *b]; returns its end byte. */
static size_t
fix_lines(const char *s, const vn_result *r, size_t i, size_t *a, size_t *b)
{
	const vn_diag *d = vn_result_at(r, i);
	size_t off = vn_diag_byte_offset(d), end = off + vn_diag_byte_length(d);

	*a = line_of(s, off);
	*b = line_of(s, end > off ? end - 1 : end);
	return end;
}

int
out_diff_file(FILE *o, const char *path, const char *s, size_t len,
	      const vn_result *r)
{
	size_t i, j, a, b, na = 0, nb = 0, ha, hb, pos, npos = 0;
	size_t total = count_lines(s, len), blk_first, blk_a, blk_b;
	long delta = 0, hunk_new, got;
	int header = 0;
	FILE *mem;
	char *hunk = NULL;
	size_t hunk_len = 0;

	i = vn_result_next_fix(r, 0, 0);
	while (i != (size_t)-1) {
		/* One hunk: fixes whose lines, with context, touch. Its body
		 * goes to memory first, as the header needs the line counts. */
		pos = fix_lines(s, r, i, &a, &b);
		ha = a > CONTEXT ? a - CONTEXT : 1;
		mem = open_memstream(&hunk, &hunk_len);
		if (mem == NULL)
			return -1;
		emit(mem, ' ', s + line_start(s, len, ha),
		     line_start(s, len, a) - line_start(s, len, ha));
		hunk_new = (long)(a - ha);
		blk_first = i;
		blk_a = a;
		blk_b = b;
		for (;;) {
			j = vn_result_next_fix(r, i + 1, pos);
			if (j != (size_t)-1) {
				npos = fix_lines(s, r, j, &na, &nb);
				if (na <= blk_b + 1) {
					/* same or next line: same block */
					i = j;
					pos = npos;
					if (nb > blk_b)
						blk_b = nb;
					continue;
				}
			}
			got = change(mem, s, len, r, blk_first, i, blk_a, blk_b);
			if (got < 0) {
				fclose(mem);
				free(hunk);
				return -1;
			}
			hunk_new += got;
			if (j == (size_t)-1 || na > blk_b + 2 * CONTEXT + 1)
				break;
			/* Context between two blocks of the same hunk. */
			emit(mem, ' ', s + line_start(s, len, blk_b + 1),
			     line_start(s, len, na) - line_start(s, len, blk_b + 1));
			hunk_new += (long)(na - blk_b - 1);
			i = j;
			pos = npos;
			blk_first = j;
			blk_a = na;
			blk_b = nb;
		}
		hb = blk_b + CONTEXT < total ? blk_b + CONTEXT : total;
		emit(mem, ' ', s + line_start(s, len, blk_b + 1),
		     line_start(s, len, hb + 1) - line_start(s, len, blk_b + 1));
		hunk_new += (long)(hb - blk_b);
		fclose(mem);
		if (!header) {
			fprintf(o, "--- a/%s\n+++ b/%s\n", path, path);
			header = 1;
		}
		fprintf(o, "@@ -%zu,%zu +%ld,%ld @@\n", ha, hb - ha + 1,
			(long)ha + delta, hunk_new);
		fwrite(hunk, 1, hunk_len, o);
		free(hunk);
		hunk = NULL;
		delta += hunk_new - (long)(hb - ha + 1);
		i = j;
	}
	return header;
}
