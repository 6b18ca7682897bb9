/* SPDX-License-Identifier: MIT */
/*
 * The list of web-page residue lines (dict/boilerplate.txt and users'
 * files): whole lines ("tin liên quan"), weak whole lines that count only
 * next to other residue ("~ chia sẻ"), prefixes ("bản quyền thuộc về *")
 * and source credits ("theo <Name>"). Entries are stored lowercase, NFC,
 * with single spaces, the form check_boilerplate.c builds from a line.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "internal.h"

#define NAME_MARK " <Name>"

/* NFC, lowercase, blanks squeezed to one space, into out (cap bytes): its
 * length, or (size_t)-1 if memory ran out. */
static size_t
entry_key(const char *s, size_t n, char *out, size_t cap)
{
	char *copy = vni_strndup(s, n), *nfc;
	size_t i, o = 0, len;

	if (copy == NULL)
		return (size_t)-1;
	/* The line is valid UTF-8: NULL means memory ran out. */
	nfc = (char *)utf8proc_NFC((const utf8proc_uint8_t *)copy);
	free(copy);
	if (nfc == NULL)
		return (size_t)-1;
	len = vni_lower(nfc, strlen(nfc), out, cap);
	free(nfc);
	for (i = 0; i < len; i++) {
		if (out[i] == ' ' || out[i] == '\t') {
			if (o > 0 && out[o - 1] != ' ')
				out[o++] = ' ';
			continue;
		}
		out[o++] = out[i];
	}
	while (o > 0 && out[o - 1] == ' ')
		o--;
	out[o] = '\0';
	return o;
}

/* The length of the first word of a key, as the tokenizer would cut it:
 * up to a space, without the marks that end it ("tags:" files under
 * "tags", "e-mail" stays whole). */
static size_t
first_word(const char *key, size_t n)
{
	size_t i;

	for (i = 0; i < n && key[i] != ' '; i++)
		;
	while (i > 1 && (key[i - 1] == ':' || key[i - 1] == '.' ||
			 key[i - 1] == ',' || key[i - 1] == '!' ||
			 key[i - 1] == '?'))
		i--;
	return i;
}

static int
ends_with(const char *s, size_t n, const char *tail)
{
	size_t k = strlen(tail);

	return n >= k && memcmp(s + n - k, tail, k) == 0;
}

int
vni_boilerplate_load(struct vni_boilerplate *bp, const char *path, char *err,
		     size_t errsz)
{
	FILE *f = fopen(path, "rb");
	char line[512], key[512];
	size_t lineno = 0, n, b, i, k;
	struct vni_wordset *set;
	int32_t cp;
	int len;
	const char *what = NULL;

	if (f == NULL) {
		snprintf(err, errsz, "%s: %s", path, strerror(errno));
		return 0;
	}
	while (what == NULL && fgets(line, sizeof(line), f)) {
		lineno++;
		n = strlen(line);
		if (n == sizeof(line) - 1 && line[n - 1] != '\n') {
			what = "line too long";
			break;
		}
		while (n && (line[n - 1] == '\n' || line[n - 1] == '\r' ||
			     line[n - 1] == ' ' || line[n - 1] == '\t'))
			n--;
		for (b = 0; b < n && (line[b] == ' ' || line[b] == '\t'); b++)
			;
		if (b == n || line[b] == '#')
			continue;
		for (i = b; i < n; i += (size_t)len)
			if ((len = vni_utf8_decode((unsigned char *)line + i, n - i,
						   &cp)) < 0)
				break;
		if (i < n) {
			what = "invalid UTF-8";
			break;
		}
		set = &bp->line;
		if (line[b] == '~') {
			set = &bp->weak;
			for (b++; b < n && (line[b] == ' ' || line[b] == '\t'); b++)
				;
		}
		if (ends_with(line + b, n - b, " *")) {
			n -= 2;
			if (set == &bp->weak)
				what = "'~' marks whole lines only";
			set = &bp->prefix;
		} else if (ends_with(line + b, n - b, NAME_MARK)) {
			n -= strlen(NAME_MARK);
			if (set == &bp->weak)
				what = "'~' marks whole lines only";
			set = &bp->name;
		}
		if (what)
			break;
		k = entry_key(line + b, n - b, key, sizeof(key));
		if (k == (size_t)-1) {
			what = "out of memory";
			break;
		}
		if (k == 0) {
			what = "empty entry";
			break;
		}
		if (!vni_wordset_add(set, key, k) ||
		    !vni_wordset_add(&bp->first, key, first_word(key, k)))
			what = "out of memory";
	}
	fclose(f);
	if (what) {
		snprintf(err, errsz, "%s:%zu: %s", path, lineno, what);
		return 0;
	}
	return 1;
}

void
vni_boilerplate_free(struct vni_boilerplate *bp)
{
	vni_wordset_free(&bp->line);
	vni_wordset_free(&bp->weak);
	vni_wordset_free(&bp->prefix);
	vni_wordset_free(&bp->name);
	vni_wordset_free(&bp->first);
}
