/* SPDX-License-Identifier: MIT */
/*
 * vnlint train: count syllable unigrams and bigrams in clean text, with the
 * same decoding and tokenizer as linting, and write a model file. Words are
 * lowercased and written in the reformed tone placement; punctuation, line
 * breaks and paragraph ends are sentence boundaries (<s>); a word that is
 * no Vietnamese syllable is <unk>.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

struct pair {
	uint64_t key; /* first << 32 | second, 0 = empty slot */
	uint32_t count;
};

struct vn_trainer {
	vn_ctx *ctx;
	struct vni_multimap words; /* word -> temporary id */
	char **word;               /* temporary id -> word */
	uint32_t *count;
	size_t nwords, capwords;
	struct pair *pairs;        /* open addressing */
	size_t npairs, cappairs;
	struct vni_text text;
	struct vni_tokens toks;
	uint32_t sentence, unknown;
	int failed;
};

static uint32_t
word_id(vn_trainer *t, const char *w, size_t n)
{
	uint32_t it = vni_mm_first(&t->words, w, n);
	void *p;
	size_t cap;

	if (it != VNI_MM_END)
		return t->words.val[it];
	p = t->word;
	cap = t->capwords;
	if (!vni_grow(&p, &cap, t->nwords + 1, sizeof(*t->word))) {
		t->failed = 1;
		return 0;
	}
	t->word = p;
	p = t->count;
	if (!vni_grow(&p, &t->capwords, t->nwords + 1, sizeof(*t->count))) {
		t->failed = 1;
		return 0;
	}
	t->count = p;
	t->word[t->nwords] = vni_strndup(w, n);
	t->count[t->nwords] = 0;
	if (t->word[t->nwords] == NULL ||
	    !vni_mm_add(&t->words, w, n, (uint32_t)t->nwords)) {
		t->failed = 1;
		return 0;
	}
	return (uint32_t)t->nwords++;
}

static uint64_t
mix(uint64_t k)
{
	k ^= k >> 33;
	k *= 0xff51afd7ed558ccdULL;
	k ^= k >> 33;
	return k;
}

static void
add_pair(vn_trainer *t, uint32_t a, uint32_t b)
{
	uint64_t key = ((uint64_t)a << 32 | b) + 1; /* never 0 */
	size_t i, j, ncap;
	struct pair *np;

	if ((t->npairs + 1) * 2 > t->cappairs) {
		ncap = t->cappairs ? t->cappairs * 2 : 1 << 16;
		np = calloc(ncap, sizeof(*np));
		if (np == NULL) {
			t->failed = 1;
			return;
		}
		for (i = 0; i < t->cappairs; i++) {
			if (!t->pairs[i].key)
				continue;
			for (j = mix(t->pairs[i].key) & (ncap - 1); np[j].key;
			     j = (j + 1) & (ncap - 1))
				;
			np[j] = t->pairs[i];
		}
		free(t->pairs);
		t->pairs = np;
		t->cappairs = ncap;
	}
	for (i = mix(key) & (t->cappairs - 1); t->pairs[i].key;
	     i = (i + 1) & (t->cappairs - 1))
		if (t->pairs[i].key == key) {
			t->pairs[i].count++;
			return;
		}
	t->pairs[i].key = key;
	t->pairs[i].count = 1;
	t->npairs++;
}

vn_status
vn_trainer_new(vn_trainer **out, vn_ctx *ctx)
{
	vn_trainer *t = calloc(1, sizeof(*t));

	*out = NULL;
	if (t == NULL)
		return VN_ENOMEM;
	t->ctx = ctx;
	t->sentence = word_id(t, VNI_SENTENCE, strlen(VNI_SENTENCE));
	t->unknown = word_id(t, VNI_UNKNOWN, strlen(VNI_UNKNOWN));
	if (t->failed) {
		vn_trainer_free(t);
		return VN_ENOMEM;
	}
	*out = t;
	return VN_OK;
}

void
vn_trainer_free(vn_trainer *t)
{
	size_t i;

	if (t == NULL)
		return;
	for (i = 0; i < t->nwords; i++)
		free(t->word[i]);
	free(t->word);
	free(t->count);
	free(t->pairs);
	vni_mm_free(&t->words);
	vni_text_free(&t->text);
	vni_tokens_free(&t->toks);
	free(t);
}

/* The model's word for token tk of text, or <unk>. */
static uint32_t
token_word(vn_trainer *t, const char *text, const struct vni_token *tk)
{
	char low[64], key[64];
	size_t n;

	if (tk->flags & (VNI_TF_HAS_DIGIT | VNI_TF_ALL_CAPS | VNI_TF_CODE |
			 VNI_TF_NOT_VN_LETTER | VNI_TF_BAD_CHAR |
			 VNI_TF_HYPHENATED | VNI_TF_DOTTED | VNI_TF_MIXED_CASE))
		return t->unknown;
	n = vni_lower(text + tk->off, tk->len, low, sizeof(low));
	if (n == 0 || vni_syllable_parse(low, n, NULL) != VNI_SYL_VALID)
		return t->unknown;
	n = vni_syllable_restyle(low, n, VNI_STYLE_REFORMED, key, sizeof(key));
	return n ? word_id(t, key, n) : t->unknown;
}

vn_status
vn_trainer_add(vn_trainer *t, const char *text, size_t len)
{
	size_t start = 0, end, i;
	uint32_t prev, w;
	const struct vni_token *tk;

	while (start < len && !t->failed) {
		end = vni_block_end(text, len, start);
		vni_text_decode(&t->text, text + start, end - start, start);
		if (t->text.failed)
			return VN_ENOMEM;
		vni_tokenize(&t->toks, t->text.norm.ptr, t->text.norm.len,
			     &t->ctx->lex);
		if (t->toks.failed)
			return VN_ENOMEM;
		prev = t->sentence;
		for (i = 0; i < t->toks.n; i++) {
			tk = &t->toks.v[i];
			if (tk->kind == VNI_TK_SPACE)
				continue;
			if (tk->kind == VNI_TK_WORD) {
				w = token_word(t, t->text.norm.ptr, tk);
				t->count[w]++;
				add_pair(t, prev, w);
				prev = w;
				continue;
			}
			/* Everything else ends a sentence. */
			if (prev != t->sentence) {
				add_pair(t, prev, t->sentence);
				t->count[t->sentence]++;
				prev = t->sentence;
			}
		}
		if (prev != t->sentence) {
			add_pair(t, prev, t->sentence);
			t->count[t->sentence]++;
		}
		start = end;
	}
	return t->failed ? VN_ENOMEM : VN_OK;
}

/* ------------------------------------------------------------- writing */

static void
put32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)v;
	p[1] = (unsigned char)(v >> 8);
	p[2] = (unsigned char)(v >> 16);
	p[3] = (unsigned char)(v >> 24);
}

struct entry {
	const char *word;
	uint32_t id;
};

static int
by_word(const void *a, const void *b)
{
	return strcmp(((const struct entry *)a)->word,
		      ((const struct entry *)b)->word);
}

static int
by_pair(const void *a, const void *b)
{
	const struct pair *x = a, *y = b;

	return x->key < y->key ? -1 : x->key > y->key;
}

vn_status
vn_trainer_write(vn_trainer *t, const char *path, unsigned min_count,
		 char *err, size_t errsz)
{
	struct entry *order = NULL;
	uint32_t *rank = NULL, *total = NULL, *follow = NULL, *cont = NULL;
	struct pair *kept = NULL;
	size_t i, nkept = 0, pool = 0, size, off, n1 = 0, n2 = 0;
	unsigned char *buf = NULL, *p;
	uint32_t a, b, bstart;
	double d;
	FILE *f;
	vn_status st = VN_ENOMEM;

	order = malloc(t->nwords * sizeof(*order));
	rank = malloc(t->nwords * sizeof(*rank));
	total = calloc(t->nwords, sizeof(*total));
	follow = calloc(t->nwords, sizeof(*follow));
	cont = calloc(t->nwords, sizeof(*cont));
	kept = malloc((t->npairs + 1) * sizeof(*kept));
	if (!order || !rank || !total || !follow || !cont || !kept)
		goto out;
	/* Ids in string order, so the file is deterministic and sorted. */
	for (i = 0; i < t->nwords; i++) {
		order[i].word = t->word[i];
		order[i].id = (uint32_t)i;
	}
	qsort(order, t->nwords, sizeof(*order), by_word);
	for (i = 0; i < t->nwords; i++)
		rank[order[i].id] = (uint32_t)i;
	/* Kneser-Ney statistics come from every bigram, pruned or not. */
	for (i = 0; i < t->cappairs; i++) {
		if (!t->pairs[i].key)
			continue;
		a = rank[(t->pairs[i].key - 1) >> 32];
		b = rank[(uint32_t)(t->pairs[i].key - 1)];
		total[a] += t->pairs[i].count;
		follow[a]++;
		cont[b]++;
		n1 += t->pairs[i].count == 1;
		n2 += t->pairs[i].count == 2;
		if (t->pairs[i].count >= min_count) {
			kept[nkept].key = (uint64_t)a << 32 | b;
			kept[nkept++].count = t->pairs[i].count;
		}
	}
	qsort(kept, nkept, sizeof(*kept), by_pair);
	d = n1 + 2 * n2 ? (double)n1 / (double)(n1 + 2 * n2) : 0.5;
	if (d < 0.1)
		d = 0.1;
	if (d > 0.95)
		d = 0.95;
	for (i = 0; i < t->nwords; i++)
		pool += strlen(t->word[i]) + 1;
	size = 64 + t->nwords * 24 + nkept * 12 + pool;
	buf = calloc(1, size);
	if (buf == NULL)
		goto out;
	memcpy(buf, "VNLM", 4);
	put32(buf + 4, VNI_MODEL_VERSION);
	put32(buf + 8, 2);
	put32(buf + 12, (uint32_t)t->nwords);
	put32(buf + 16, (uint32_t)nkept);
	put32(buf + 24, (uint32_t)t->npairs);
	put32(buf + 28, (uint32_t)((uint64_t)t->npairs >> 32));
	put32(buf + 32, (uint32_t)(d * 1e6));
	put32(buf + 36, (uint32_t)pool);
	off = 0;
	bstart = 0;
	for (i = 0; i < t->nwords; i++) {
		p = buf + 64 + i * 24;
		put32(p, (uint32_t)off);
		put32(p + 4, t->count[order[i].id]);
		put32(p + 8, total[i]);
		put32(p + 12, follow[i]);
		put32(p + 16, cont[i]);
		while (bstart < nkept && (kept[bstart].key >> 32) < i)
			bstart++;
		put32(p + 20, bstart);
		memcpy(buf + 64 + t->nwords * 24 + nkept * 12 + off,
		       order[i].word, strlen(order[i].word) + 1);
		off += strlen(order[i].word) + 1;
	}
	for (i = 0; i < nkept; i++) {
		p = buf + 64 + t->nwords * 24 + i * 12;
		put32(p, (uint32_t)(kept[i].key >> 32));
		put32(p + 4, (uint32_t)kept[i].key);
		put32(p + 8, kept[i].count);
	}
	put32(buf + 20, vni_model_checksum(buf + 64, size - 64));
	f = fopen(path, "wb");
	st = VN_OK;
	if (f == NULL || fwrite(buf, 1, size, f) != size)
		st = VN_EIO;
	if (f != NULL && fclose(f) != 0)
		st = VN_EIO;
	if (st != VN_OK)
		snprintf(err, errsz, "%s: cannot write the model", path);
out:
	free(order);
	free(rank);
	free(total);
	free(follow);
	free(cont);
	free(kept);
	free(buf);
	return st;
}
