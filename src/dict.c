/* SPDX-License-Identifier: MIT */
/*
 * Dictionary look-ups through hunspell: vi_VN for syllable attestation and
 * suggestions, en_US for English words. The only file that includes
 * hunspell.h. Answers are cached: Vietnamese has only a few thousand
 * syllables, so after the first page almost every look-up is a hash hit.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <hunspell.h>

#include "internal.h"

/* Past this many cached answers per language we stop caching, so memory
 * stays bounded on huge, varied input. */
#define CACHE_MAX 200000

struct cache {
	struct vni_wordset yes, no;
};

struct vni_dict {
	Hunhandle *vi, *en;
	char en_aff[4096], en_dic[4096];
	int en_failed;
	struct cache vi_cache, en_cache;
	/* Suggestions are slow (milliseconds each) and the same misspelling
	 * recurs, so they are kept: entries are "word\x1Fsugg\x1Fsugg". */
	struct vni_wordset sugg_cache;
};

/* access(), not fopen(): no allocation, so a missing file is told from
 * a lack of memory. */
static int
readable(const char *path)
{
	return access(path, R_OK) == 0;
}

static Hunhandle *
open_one(const char *dir, const char *lang, char *aff, char *dic, size_t sz,
	 char *err, size_t errsz)
{
	snprintf(aff, sz, "%s/%s.aff", dir, lang);
	snprintf(dic, sz, "%s/%s.dic", dir, lang);
	if (!readable(aff) || !readable(dic)) {
		snprintf(err, errsz,
			 "hunspell dictionary %s not found in %s "
			 "(install hunspell-vi and hunspell-en-us)",
			 lang, dir);
		return NULL;
	}
	return Hunspell_create(aff, dic);
}

int
vni_dict_open(struct vni_dict **out, const char *dir, char *err, size_t errsz)
{
	struct vni_dict *d = calloc(1, sizeof(*d));
	char aff[4096], dic[4096];

	*out = NULL;
	if (d == NULL) {
		snprintf(err, errsz, "out of memory");
		return 0;
	}
	d->vi = open_one(dir, "vi_VN", aff, dic, sizeof(aff), err, errsz);
	if (d->vi == NULL) {
		free(d);
		return 0;
	}
	/* en_US is large and only needed when an ASCII word shows up: its
	 * loading is deferred to the first English look-up. */
	snprintf(d->en_aff, sizeof(d->en_aff), "%s/en_US.aff", dir);
	snprintf(d->en_dic, sizeof(d->en_dic), "%s/en_US.dic", dir);
	if (!readable(d->en_aff) || !readable(d->en_dic)) {
		snprintf(err, errsz,
			 "hunspell dictionary en_US not found in %s "
			 "(install hunspell-en-us)",
			 dir);
		Hunspell_destroy(d->vi);
		free(d);
		return 0;
	}
	*out = d;
	return 1;
}

static void
cache_free(struct cache *c)
{
	vni_wordset_free(&c->yes);
	vni_wordset_free(&c->no);
}

void
vni_dict_close(struct vni_dict *d)
{
	if (d == NULL)
		return;
	if (d->vi)
		Hunspell_destroy(d->vi);
	if (d->en)
		Hunspell_destroy(d->en);
	cache_free(&d->vi_cache);
	cache_free(&d->en_cache);
	vni_wordset_free(&d->sugg_cache);
	free(d);
}

/* -1 unknown, 0 no, 1 yes */
static int
cache_get(const struct cache *c, const char *w, size_t len)
{
	if (vni_wordset_has(&c->yes, w, len))
		return 1;
	if (vni_wordset_has(&c->no, w, len))
		return 0;
	return -1;
}

static void
cache_put(struct cache *c, const char *w, size_t len, int ok)
{
	if (c->yes.n + c->no.n < CACHE_MAX)
		(void)vni_wordset_add(ok ? &c->yes : &c->no, w, len);
}

static int
spell(Hunhandle *h, struct cache *c, const char *w, size_t len)
{
	char buf[256];
	int ok;

	if (len == 0 || len >= sizeof(buf))
		return 0;
	ok = cache_get(c, w, len);
	if (ok >= 0)
		return ok;
	memcpy(buf, w, len);
	buf[len] = '\0';
	ok = Hunspell_spell(h, buf) != 0;
	cache_put(c, w, len, ok);
	return ok;
}

int
vni_dict_vi_has(struct vni_dict *d, const char *syl, size_t len)
{
	char re[256];
	size_t n;
	int ok;

	/* The cache is keyed by the syllable as written, so the restyling
	 * below runs once per distinct syllable. */
	ok = cache_get(&d->vi_cache, syl, len);
	if (ok >= 0)
		return ok;
	/* Debian's vi_VN knows only the reformed tone placement. */
	n = vni_syllable_restyle(syl, len, VNI_STYLE_REFORMED, re, sizeof(re));
	ok = n > 0 && n < sizeof(re) && spell(d->vi, &d->vi_cache, re, n);
	cache_put(&d->vi_cache, syl, len, ok);
	return ok;
}

int
vni_dict_en_has(struct vni_dict *d, const char *w, size_t len)
{
	if (d->en == NULL && !d->en_failed) {
		d->en = Hunspell_create(d->en_aff, d->en_dic);
		d->en_failed = d->en == NULL;
	}
	if (d->en == NULL)
		return 0;
	return spell(d->en, &d->en_cache, w, len);
}

/* The cached suggestions for w, or NULL. */
static const char *
sugg_get(const struct vni_dict *d, const char *w, size_t len)
{
	char key[260];

	if (len + 2 > sizeof(key))
		return NULL;
	memcpy(key, w, len);
	key[len] = '\x1F';
	return vni_wordset_find_prefix(&d->sugg_cache, key, len + 1);
}

size_t
vni_dict_vi_suggest(struct vni_dict *d, const char *w, size_t len, char **out,
		    size_t max)
{
	char buf[256], **list = NULL;
	struct vni_buf entry = {0};
	const char *hit, *p, *e;
	int n, i;
	size_t got = 0;

	if (len == 0 || len >= sizeof(buf))
		return 0;
	hit = sugg_get(d, w, len);
	if (hit == NULL) {
		memcpy(buf, w, len);
		buf[len] = '\0';
		n = Hunspell_suggest(d->vi, &list, buf);
		vni_buf_append(&entry, w, len);
		for (i = 0; i < n; i++) {
			vni_buf_putc(&entry, '\x1F');
			vni_buf_append(&entry, list[i], strlen(list[i]));
		}
		if (list != NULL)
			Hunspell_free_list(d->vi, &list, n);
		if (entry.failed) {
			vni_buf_free(&entry);
			return (size_t)-1;
		}
		if (d->sugg_cache.n < CACHE_MAX)
			(void)vni_wordset_add(&d->sugg_cache, entry.ptr, entry.len);
		hit = entry.ptr;
	}
	/* hit is "word\x1Fs1\x1Fs2...": hand out the suggestions. */
	for (p = strchr(hit, '\x1F'); p != NULL && got < max; p = e) {
		p++;
		e = strchr(p, '\x1F');
		out[got] = vni_strndup(p, e ? (size_t)(e - p) : strlen(p));
		if (out[got] == NULL) {
			while (got > 0)
				free(out[--got]);
			vni_buf_free(&entry);
			return (size_t)-1;
		}
		got++;
	}
	vni_buf_free(&entry);
	return got;
}
