/* SPDX-License-Identifier: MIT */
/*
 * structure/duplicate-paragraph: a paragraph that repeats an earlier one of
 * the document, word for word or nearly (scraping, copy and paste, machine
 * translation run twice). Each paragraph becomes the set of 64-bit hashes
 * of its word 3-grams (lowercase); a table maps every hash to the first
 * paragraph that held it. A paragraph's hashes find its candidates and how
 * many 3-grams it shares with each, so the work is linear in the text, never
 * a comparison of all pairs, and the table has a fixed ceiling.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* Shorter paragraphs repeat legitimately: answers, labels, captions, and
 * in message catalogues the same short string under several keys (see
 * docs/precision.md for the measurement). */
#define MIN_WORDS 20
/* A near copy must be long enough that sharing most of its 3-grams cannot
 * be two parallel sentences of a catalogue ("... đã hết hạn." / "... đã
 * bị thu hồi."). */
#define MIN_NEAR_WORDS 40
/* Near: at least 4/5 of the shorter's 3-grams shared, lengths within 4/5. */
#define SHARE_NUM 4
#define SHARE_DEN 5
/* The table stops growing here (16 bytes a slot: 8 MiB of 3-grams). */
#define TABLE_MAX (1u << 19)

static uint64_t
mix(uint64_t x)
{
	x ^= x >> 30;
	x *= 0xbf58476d1ce4e5b9u;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebu;
	return x ^ (x >> 31);
}

static uint64_t
word_hash(const struct vni_block *b, const struct vni_token *w)
{
	char low[256];
	const char *s = low;
	size_t n = vni_token_lower(b, w, low, sizeof(low)), i;
	uint64_t h = 14695981039346656037u; /* FNV-1a */

	if (n == 0) { /* too long to lower: hash as written */
		s = b->text + w->off;
		n = w->len;
	}
	for (i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211u;
	}
	return h;
}

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

static int
cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

/* The slot of hash h: where it is, or the empty slot where it would go. */
static struct vni_shingle *
slot_of(const struct vni_dups *d, uint64_t h)
{
	size_t i = (size_t)h & (d->cap - 1);

	while (d->slot[i].hash && d->slot[i].hash != h)
		i = (i + 1) & (d->cap - 1);
	return &d->slot[i];
}

static int
grow_table(struct vni_dups *d)
{
	size_t ncap = d->cap ? d->cap * 2 : 1024, i;
	struct vni_shingle *old = d->slot, *s;
	size_t ocap = d->cap;

	d->slot = calloc(ncap, sizeof(*d->slot));
	if (d->slot == NULL) {
		d->slot = old;
		return 0;
	}
	d->cap = ncap;
	for (i = 0; i < ocap; i++)
		if (old[i].hash) {
			s = slot_of(d, old[i].hash);
			*s = old[i];
		}
	free(old);
	return 1;
}

/* The distinct 3-gram hashes of paragraph p into d->hash; their count.
 * *whole gets a hash of all its words in order. */
static size_t
shingles(struct vni_block *b, struct vni_dups *d, const struct vni_para *p,
	 uint64_t *whole)
{
	const struct vni_tokens *t = b->toks;
	uint64_t w[3] = {0, 0, 0}, h;
	size_t i, n = 0, seen = 0, k, u;
	void *q;

	*whole = 0x9e3779b97f4a7c15u;
	for (i = p->first; i < p->end; i++) {
		if (t->v[i].kind != VNI_TK_WORD && t->v[i].kind != VNI_TK_NUMBER)
			continue;
		w[0] = w[1];
		w[1] = w[2];
		w[2] = word_hash(b, &t->v[i]);
		*whole = mix(*whole ^ w[2]);
		if (++seen < 3)
			continue;
		q = d->hash;
		if (!vni_grow(&q, &d->caphash, n + 1, sizeof(*d->hash))) {
			b->failed = 1;
			return 0;
		}
		d->hash = q;
		h = mix(w[0] ^ mix(w[1] ^ mix(w[2])));
		d->hash[n++] = h ? h : 1;
	}
	if (n > 1)
		qsort(d->hash, n, sizeof(*d->hash), cmp_u64);
	for (k = u = 0; k < n; k++)
		if (u == 0 || d->hash[k] != d->hash[u - 1])
			d->hash[u++] = d->hash[k];
	if (*whole == 0)
		*whole = 1;
	return u;
}

/* The earlier paragraph sharing the most 3-grams with these n, or
 * UINT32_MAX; *shared gets the count. */
static uint32_t
best_match(struct vni_block *b, struct vni_dups *d, size_t n, size_t *shared)
{
	size_t k, nhit = 0, run;
	uint32_t best = UINT32_MAX;
	const struct vni_shingle *s;
	void *q;

	*shared = 0;
	if (d->cap == 0)
		return best;
	for (k = 0; k < n; k++) {
		s = slot_of(d, d->hash[k]);
		if (!s->hash)
			continue;
		q = d->hit;
		if (!vni_grow(&q, &d->caphit, nhit + 1, sizeof(*d->hit))) {
			b->failed = 1;
			return UINT32_MAX;
		}
		d->hit = q;
		d->hit[nhit++] = s->para;
	}
	if (nhit > 1)
		qsort(d->hit, nhit, sizeof(*d->hit), cmp_u32);
	for (k = 0; k < nhit; k += run) {
		for (run = 1; k + run < nhit && d->hit[k + run] == d->hit[k]; run++)
			;
		if (run > *shared) {
			*shared = run;
			best = d->hit[k];
		}
	}
	return best;
}

/* Put hash h in the table for paragraph number npara, unless it is there
 * or the table is full; 1 if it was added. */
static int
add(struct vni_block *b, struct vni_dups *d, uint64_t h)
{
	struct vni_shingle *s;

	if (d->n >= TABLE_MAX)
		return 0;
	if ((d->n + 1) * 2 > d->cap && !grow_table(d)) {
		b->failed = 1;
		return 0;
	}
	s = slot_of(d, h);
	if (s->hash)
		return 0;
	s->hash = h;
	s->para = (uint32_t)d->npara;
	d->n++;
	return 1;
}

/* Remember the paragraph's new 3-grams and its whole-text hash. */
static void
remember(struct vni_block *b, struct vni_dups *d, size_t n, uint64_t whole,
	 const struct vni_para *p)
{
	size_t k, added = add(b, d, whole);
	void *q;

	for (k = 0; k < n; k++)
		added += add(b, d, d->hash[k]);
	if (added == 0)
		return;
	q = d->para;
	if (!vni_grow(&q, &d->cappara, d->npara + 1, sizeof(*d->para))) {
		b->failed = 1;
		return;
	}
	d->para = q;
	d->para[d->npara].line = p->line;
	d->para[d->npara].shingles = (uint32_t)n;
	d->para[d->npara].words = (uint32_t)p->words;
	d->npara++;
}

static void
report(struct vni_block *b, const struct vni_para *p, size_t line,
       size_t share)
{
	const struct vni_tokens *t = b->toks;
	size_t from = t->v[p->first].off;
	size_t to = t->v[p->end - 1].off + t->v[p->end - 1].len;

	if (share == 100)
		vni_report(b, VNI_R_DUPLICATE_PARAGRAPH, from, to - from, NULL,
			   "this paragraph repeats the one at line %zu",
			   "đoạn này lặp lại đoạn ở dòng %zu", line);
	else
		vni_report(b, VNI_R_DUPLICATE_PARAGRAPH, from, to - from, NULL,
			   "this paragraph nearly repeats the one at line %zu "
			   "(%zu%% of the shorter one's word triples are shared)",
			   "đoạn này gần trùng với đoạn ở dòng %zu (%zu%% bộ ba "
			   "từ của đoạn ngắn hơn có ở cả hai)",
			   line, share);
}

/* Is p prose, or, over several lines, hard-wrapped prose? Wrapped lines
 * mostly go on with a lower-case word; the lines of a list, a table or
 * verse start with capitals, keys and markers. */
static int
comparable(const struct vni_block *b, const struct vni_para *p)
{
	const struct vni_line_span *l = &b->paras->lines[p->line - b->line];
	size_t j, lower = 0;

	if (p->words < MIN_WORDS || p->words > UINT32_MAX ||
	    vni_templated(b->toks, p->first, p->end) ||
	    vni_lead(b->toks, p->first, p->end) == VNI_LEAD_OTHER)
		return 0;
	for (j = 1; j < p->nlines; j++)
		lower += vni_lead(b->toks, l[j].first, l[j].end) == VNI_LEAD_LOWER;
	return 2 * lower >= p->nlines - 1;
}

/* Does the paragraph end with a mark (. ? ! … : ;), as prose does? */
static int
punctuated(const struct vni_tokens *t, const struct vni_para *p)
{
	size_t k = p->end - 1;

	while (k > p->first && t->v[k].kind == VNI_TK_PUNCT &&
	       (t->v[k].cp == 0x201D || t->v[k].cp == '"' || t->v[k].cp == ')'))
		k--;
	return vni_closing_mark(&t->v[k]);
}

static void
check_para(struct vni_block *b, const struct vni_para *p)
{
	struct vni_dups *d = &b->doc->dups;
	const struct vni_dup_para *e;
	const struct vni_shingle *s;
	size_t n, shared, shorter, fewer, more;
	uint64_t whole;
	uint32_t c;
	int prose;

	if (!comparable(b, p))
		return;
	n = shingles(b, d, p, &whole);
	if (n == 0)
		return;
	/* Catalogues repeat their strings by design: judge running text. */
	prose = vni_habit_prose(&b->doc->habit, punctuated(b->toks, p));
	if (d->cap && (s = slot_of(d, whole))->hash) {
		/* The same words in the same order. */
		if (prose)
			report(b, p, d->para[s->para].line, 100);
		return;
	}
	c = prose ? best_match(b, d, n, &shared) : UINT32_MAX;
	if (c != UINT32_MAX) {
		e = &d->para[c];
		shorter = n < e->shingles ? n : e->shingles;
		fewer = p->words < e->words ? p->words : e->words;
		more = p->words < e->words ? e->words : p->words;
		if (shared * SHARE_DEN >= shorter * SHARE_NUM &&
		    fewer * SHARE_DEN >= more * SHARE_NUM &&
		    fewer >= MIN_NEAR_WORDS)
			report(b, p, e->line,
			       shared * 100 / shorter < 100 ? shared * 100 / shorter
							  : 99);
	}
	remember(b, d, n, whole, p);
}

void
vni_check_duplicate(struct vni_block *b)
{
	size_t i;

	if (!vni_rule_on(b, VNI_R_DUPLICATE_PARAGRAPH))
		return;
	for (i = 0; i < b->paras->n && !b->failed; i++)
		check_para(b, &b->paras->v[i]);
}

void
vni_dups_free(struct vni_dups *d)
{
	free(d->slot);
	free(d->para);
	free(d->hash);
	free(d->hit);
	memset(d, 0, sizeof(*d));
}
