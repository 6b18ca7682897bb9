/* SPDX-License-Identifier: MIT */
/*
 * The syllable bigram model: its file format, loading and scoring with
 * interpolated Kneser-Ney smoothing. docs/model.md describes the format;
 * every number is little-endian and read byte by byte, so the file is the
 * same on every machine, and it is mapped into memory rather than parsed.
 */
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"

/* File layout: header (64 bytes), vocabulary entries (24 bytes each,
 * sorted by string), bigrams (12 bytes each, sorted by first then second
 * word), then the string pool. */
#define HEADER_SIZE 64
#define VOCAB_SIZE 24
#define BIGRAM_SIZE 12

static uint32_t
get32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[3] << 24;
}

static uint64_t
get64(const unsigned char *p)
{
	return (uint64_t)get32(p) | (uint64_t)get32(p + 4) << 32;
}

uint32_t
vni_model_checksum(const unsigned char *p, size_t n)
{
	uint32_t h = 2166136261u; /* FNV-1a */

	while (n--) {
		h ^= *p++;
		h *= 16777619u;
	}
	return h;
}

struct vn_model {
	const unsigned char *base; /* the mapped (or read) file */
	size_t size;
	int mapped;
	uint32_t nvocab, nbigram;
	uint64_t types;         /* distinct bigram types, N1+(..) */
	double discount;        /* D */
	const unsigned char *vocab, *bigram, *pool;
	uint32_t *slots;        /* word -> id + 1, built at load */
	size_t nslots;
	uint32_t sentence, unknown; /* ids of <s> and <unk> */
};

static uint32_t
hash(const char *s, size_t n)
{
	uint32_t h = 2166136261u;

	while (n--) {
		h ^= (unsigned char)*s++;
		h *= 16777619u;
	}
	return h;
}

static const char *
word_of(const vn_model *m, uint32_t id)
{
	return (const char *)m->pool + get32(m->vocab + (size_t)id * VOCAB_SIZE);
}

const char *
vni_model_word(const vn_model *m, uint32_t id)
{
	return id < m->nvocab ? word_of(m, id) : "";
}

uint32_t
vni_model_id(const vn_model *m, const char *w, size_t n)
{
	size_t i;
	uint32_t v;
	const char *s;

	for (i = hash(w, n) & (m->nslots - 1); (v = m->slots[i]) != 0;
	     i = (i + 1) & (m->nslots - 1)) {
		s = word_of(m, v - 1);
		if (strncmp(s, w, n) == 0 && s[n] == '\0')
			return v - 1;
	}
	return VNI_NO_WORD;
}

uint32_t
vni_model_count(const vn_model *m, uint32_t id)
{
	return id < m->nvocab ? get32(m->vocab + (size_t)id * VOCAB_SIZE + 4) : 0;
}

uint32_t
vni_model_sentence(const vn_model *m)
{
	return m->sentence;
}

uint32_t
vni_model_unknown(const vn_model *m)
{
	return m->unknown;
}

/* c(v, w): binary search in v's block of bigrams. */
uint32_t
vni_model_bigram(const vn_model *m, uint32_t v, uint32_t w)
{
	const unsigned char *e = m->vocab + (size_t)v * VOCAB_SIZE;
	uint32_t lo, hi, mid, x;

	if (v >= m->nvocab || w >= m->nvocab)
		return 0;
	lo = get32(e + 20);
	hi = v + 1 < m->nvocab ? get32(e + VOCAB_SIZE + 20) : m->nbigram;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		x = get32(m->bigram + (size_t)mid * BIGRAM_SIZE + 4);
		if (x == w)
			return get32(m->bigram + (size_t)mid * BIGRAM_SIZE + 8);
		if (x < w)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

/* ln P(w | v), interpolated Kneser-Ney. */
double
vni_model_logprob(const vn_model *m, uint32_t v, uint32_t w)
{
	const unsigned char *ev, *ew;
	double cont, total, follow, c, p;

	/* The continuation probability: in how many contexts w occurs. An
	 * unseen word gets half a context. */
	cont = 0.5;
	if (w < m->nvocab) {
		ew = m->vocab + (size_t)w * VOCAB_SIZE;
		cont += get32(ew + 16);
	}
	cont /= (double)m->types + 0.5;
	if (v >= m->nvocab)
		return log(cont);
	ev = m->vocab + (size_t)v * VOCAB_SIZE;
	total = get32(ev + 8);
	follow = get32(ev + 12);
	if (total <= 0)
		return log(cont);
	c = vni_model_bigram(m, v, w);
	p = (c > m->discount ? c - m->discount : 0) / total +
	    m->discount * follow / total * cont;
	return log(p);
}

static int
fail(char *err, size_t errsz, const char *path, const char *what)
{
	snprintf(err, errsz, "%s: %s", path, what);
	return 0;
}

/* Check that the file is a model this code can read, then index it. */
static int
open_model(vn_model *m, const char *path, char *err, size_t errsz)
{
	const unsigned char *h = m->base;
	uint64_t vocab_end, bigram_end, pool_size;
	uint32_t i, off;
	size_t slot;

	if (m->size < HEADER_SIZE || memcmp(h, "VNLM", 4) != 0)
		return fail(err, errsz, path, "not a vnlint model");
	if (get32(h + 4) != VNI_MODEL_VERSION)
		return fail(err, errsz, path,
			    "model format version not supported (retrain it)");
	if (get32(h + 8) != 2)
		return fail(err, errsz, path, "only bigram models are supported");
	m->nvocab = get32(h + 12);
	m->nbigram = get32(h + 16);
	m->types = get64(h + 24);
	m->discount = get32(h + 32) / 1e6;
	pool_size = get32(h + 36);
	vocab_end = HEADER_SIZE + (uint64_t)m->nvocab * VOCAB_SIZE;
	bigram_end = vocab_end + (uint64_t)m->nbigram * BIGRAM_SIZE;
	if (bigram_end + pool_size != m->size || m->nvocab < 2 || pool_size == 0 ||
	    m->base[m->size - 1] != '\0')
		return fail(err, errsz, path, "model file truncated or damaged");
	if (vni_model_checksum(h + HEADER_SIZE, m->size - HEADER_SIZE) !=
	    get32(h + 20))
		return fail(err, errsz, path, "model checksum mismatch");
	m->vocab = h + HEADER_SIZE;
	m->bigram = h + vocab_end;
	m->pool = h + bigram_end;
	for (m->nslots = 16; m->nslots < 2 * (size_t)m->nvocab; m->nslots *= 2)
		;
	m->slots = calloc(m->nslots, sizeof(*m->slots));
	if (m->slots == NULL)
		return fail(err, errsz, path, "out of memory");
	m->sentence = m->unknown = VNI_NO_WORD;
	for (i = 0; i < m->nvocab; i++) {
		const unsigned char *e = m->vocab + (size_t)i * VOCAB_SIZE;
		const char *s;

		off = get32(e);
		if (off >= pool_size || get32(e + 20) > m->nbigram)
			return fail(err, errsz, path, "model index out of range");
		s = (const char *)m->pool + off;
		for (slot = hash(s, strlen(s)) & (m->nslots - 1); m->slots[slot];
		     slot = (slot + 1) & (m->nslots - 1))
			;
		m->slots[slot] = i + 1;
		if (strcmp(s, VNI_SENTENCE) == 0)
			m->sentence = i;
		else if (strcmp(s, VNI_UNKNOWN) == 0)
			m->unknown = i;
	}
	for (i = 0; i < m->nbigram; i++)
		if (get32(m->bigram + (size_t)i * BIGRAM_SIZE) >= m->nvocab ||
		    get32(m->bigram + (size_t)i * BIGRAM_SIZE + 4) >= m->nvocab)
			return fail(err, errsz, path, "model bigram out of range");
	if (m->sentence == VNI_NO_WORD || m->unknown == VNI_NO_WORD)
		return fail(err, errsz, path, "model lacks <s> or <unk>");
	return 1;
}

vn_status
vn_model_load(vn_model **out, const char *path, char *err, size_t errsz)
{
	vn_model *m = calloc(1, sizeof(*m));
	struct stat st;
	int fd, e;
	char dummy[1];

	*out = NULL;
	if (err == NULL) {
		err = dummy;
		errsz = sizeof(dummy);
	}
	if (m == NULL)
		return VN_ENOMEM;
	fd = open(path, O_RDONLY);
	if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		fail(err, errsz, path, fd < 0 ? strerror(errno) : "not a file");
		if (fd >= 0)
			close(fd);
		free(m);
		return VN_EIO;
	}
	m->size = (size_t)st.st_size;
	/* Mapped, the model costs no parsing and is shared between runs. */
	errno = 0;
	m->base = m->size ? mmap(NULL, m->size, PROT_READ, MAP_PRIVATE, fd, 0)
			  : MAP_FAILED;
	e = errno;
	close(fd);
	if (m->base == MAP_FAILED) {
		m->base = NULL;
		free(m);
		if (e == ENOMEM) {
			fail(err, errsz, path, "out of memory");
			return VN_ENOMEM;
		}
		fail(err, errsz, path, "cannot map the model");
		return VN_EIO;
	}
	m->mapped = 1;
	if (!open_model(m, path, err, errsz)) {
		vn_model_free(m);
		return VN_EDICT;
	}
	*out = m;
	return VN_OK;
}

void
vn_model_free(vn_model *m)
{
	if (m == NULL)
		return;
	if (m->mapped && m->base)
		munmap((void *)m->base, m->size);
	free(m->slots);
	free(m);
}

size_t
vn_model_vocabulary(const vn_model *m)
{
	return m->nvocab;
}

size_t
vn_model_bigrams(const vn_model *m)
{
	return m->nbigram;
}
