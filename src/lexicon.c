/* SPDX-License-Identifier: MIT */
/* Word lists from dict/: a small hash set of lowercase NFC strings. */
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "internal.h"

static uint32_t
hash(const char *s, size_t n)
{
	uint32_t h = 2166136261u; /* FNV-1a */

	while (n--) {
		h ^= (unsigned char)*s++;
		h *= 16777619u;
	}
	return h;
}

static int
slot_matches(const struct vni_wordset *ws, const struct vni_wordslot *slot,
	     const char *s, size_t n)
{
	return slot->len == n && memcmp(ws->pool.ptr + slot->off - 1, s, n) == 0;
}

int
vni_wordset_has(const struct vni_wordset *ws, const char *s, size_t n)
{
	size_t i;

	if (ws->cap == 0)
		return 0;
	for (i = hash(s, n) & (ws->cap - 1); ws->slots[i].off;
	     i = (i + 1) & (ws->cap - 1))
		if (slot_matches(ws, &ws->slots[i], s, n) &&
		    ws->pool.ptr[ws->slots[i].off - 1 + n] == '\0')
			return 1;
	return 0;
}

/* Entries whose hash is taken over a prefix cannot use the plain table, so
 * prefix look-ups hash only up to the first 0x1F byte of each entry. */
static size_t
key_len(const char *e)
{
	const char *sep = strchr(e, '\x1F');

	return sep ? (size_t)(sep - e) + 1 : strlen(e);
}

const char *
vni_wordset_find_prefix(const struct vni_wordset *ws, const char *key,
			size_t n)
{
	size_t i;
	const char *e;

	if (ws->cap == 0)
		return NULL;
	for (i = hash(key, n) & (ws->cap - 1); ws->slots[i].off;
	     i = (i + 1) & (ws->cap - 1)) {
		e = ws->pool.ptr + ws->slots[i].off - 1;
		if (slot_matches(ws, &ws->slots[i], key, n))
			return e;
	}
	return NULL;
}

static int
rehash(struct vni_wordset *ws, size_t ncap)
{
	struct vni_wordslot *ns = calloc(ncap, sizeof(*ns));
	size_t i, j;

	if (ns == NULL)
		return 0;
	for (i = 0; i < ws->cap; i++) {
		if (!ws->slots[i].off)
			continue;
		for (j = hash(ws->pool.ptr + ws->slots[i].off - 1,
			      ws->slots[i].len) & (ncap - 1);
		     ns[j].off; j = (j + 1) & (ncap - 1))
			;
		ns[j] = ws->slots[i];
	}
	free(ws->slots);
	ws->slots = ns;
	ws->cap = ncap;
	return 1;
}

int
vni_wordset_add(struct vni_wordset *ws, const char *s, size_t n)
{
	size_t i, off, klen;

	if (vni_wordset_has(ws, s, n))
		return 1;
	/* Keep the load under one half. */
	if ((ws->n + 1) * 2 > ws->cap && !rehash(ws, ws->cap ? ws->cap * 2 : 64))
		return 0;
	off = ws->pool.len;
	if (off >= UINT32_MAX - n - 1)
		return 0;
	vni_buf_append(&ws->pool, s, n);
	vni_buf_putc(&ws->pool, '\0');
	if (ws->pool.failed)
		return 0;
	klen = key_len(ws->pool.ptr + off);
	for (i = hash(s, klen) & (ws->cap - 1); ws->slots[i].off;
	     i = (i + 1) & (ws->cap - 1))
		;
	ws->slots[i].off = (uint32_t)off + 1;
	ws->slots[i].len = (uint32_t)klen;
	ws->n++;
	return 1;
}

void
vni_wordset_free(struct vni_wordset *ws)
{
	free(ws->slots);
	vni_buf_free(&ws->pool);
	memset(ws, 0, sizeof(*ws));
}

size_t
vni_lower(const char *s, size_t len, char *out, size_t cap)
{
	size_t i = 0, o = 0;
	int32_t cp;
	int k;
	char enc[4];

	while (i < len) {
		if ((unsigned char)s[i] < 0x80) {
			if (o + 1 >= cap)
				return 0;
			out[o++] = (char)((s[i] >= 'A' && s[i] <= 'Z') ? s[i] + 32
								      : s[i]);
			i++;
			continue;
		}
		k = vni_utf8_decode((const unsigned char *)s + i, len - i, &cp);
		if (k < 0)
			return 0;
		i += (size_t)k;
		k = vni_utf8_encode(utf8proc_tolower(cp), enc);
		if (o + (size_t)k >= cap)
			return 0;
		memcpy(out + o, enc, (size_t)k);
		o += (size_t)k;
	}
	if (o >= cap)
		return 0;
	out[o] = '\0';
	return o;
}

/* Load a list: one entry per line, '#' starts a comment line, surrounding
 * blanks ignored, entries lowercased. */
int
vni_wordset_load(struct vni_wordset *ws, const char *path, char *err,
		 size_t errsz)
{
	FILE *f = fopen(path, "rb");
	char line[512], low[512];
	size_t lineno = 0, n, b;
	int32_t cp;
	int k;

	if (f == NULL) {
		snprintf(err, errsz, "%s: %s", path, strerror(errno));
		return 0;
	}
	while (fgets(line, sizeof(line), f)) {
		lineno++;
		n = strlen(line);
		if (n == sizeof(line) - 1 && line[n - 1] != '\n') {
			snprintf(err, errsz, "%s:%zu: line too long", path,
				 lineno);
			fclose(f);
			return 0;
		}
		while (n && (line[n - 1] == '\n' || line[n - 1] == '\r' ||
			     line[n - 1] == ' ' || line[n - 1] == '\t'))
			n--;
		b = 0;
		while (b < n && (line[b] == ' ' || line[b] == '\t'))
			b++;
		if (b == n || line[b] == '#')
			continue;
		for (size_t i = b; i < n; i += (size_t)k) {
			k = vni_utf8_decode((unsigned char *)line + i, n - i, &cp);
			if (k < 0) {
				snprintf(err, errsz, "%s:%zu:%zu: invalid UTF-8",
					 path, lineno, i + 1);
				fclose(f);
				return 0;
			}
		}
		n = vni_lower(line + b, n - b, low, sizeof(low));
		if (n == 0 || !vni_wordset_add(ws, low, n)) {
			snprintf(err, errsz, "%s:%zu: out of memory", path,
				 lineno);
			fclose(f);
			return 0;
		}
	}
	fclose(f);
	return 1;
}

struct list_file {
	const char *name;
	size_t offset;
};

#define LIST(field, file) {file, offsetof(struct vni_lexicon, field)}
static const struct list_file lists[] = {
	LIST(reduplication, "reduplication.txt"),
	LIST(function_words, "function-words.txt"),
	LIST(abbreviations, "abbreviations.txt"),
	LIST(syllables, "syllables-extra.txt"),
	LIST(latin_words, "latin-words.txt"),
	LIST(english_function, "english-function-words.txt"),
	LIST(loanwords, "loanwords.txt"),
	LIST(common_words, "common-words.txt"),
	LIST(introducers, "name-introducers.txt"),
	LIST(name_pairs, "name-pairs.txt"),
	LIST(linking_words, "linking-words.txt"),
};

int
vni_lexicon_load(struct vni_lexicon *lex, const char *dir, char *err,
		 size_t errsz)
{
	char path[4096];
	size_t i;

	memset(lex, 0, sizeof(*lex));
	for (i = 0; i < sizeof(lists) / sizeof(lists[0]); i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, lists[i].name);
		if (!vni_wordset_load((struct vni_wordset *)((char *)lex +
							     lists[i].offset),
				      path, err, errsz)) {
			vni_lexicon_free(lex);
			return 0;
		}
	}
	return 1;
}

void
vni_lexicon_free(struct vni_lexicon *lex)
{
	vni_wordset_free(&lex->reduplication);
	vni_wordset_free(&lex->function_words);
	vni_wordset_free(&lex->abbreviations);
	vni_wordset_free(&lex->syllables);
	vni_wordset_free(&lex->latin_words);
	vni_wordset_free(&lex->english_function);
	vni_wordset_free(&lex->loanwords);
	vni_wordset_free(&lex->common_words);
	vni_wordset_free(&lex->introducers);
	vni_wordset_free(&lex->name_pairs);
	vni_wordset_free(&lex->linking_words);
}
