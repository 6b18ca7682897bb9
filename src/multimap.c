/* SPDX-License-Identifier: MIT */
/* A string -> values multimap: how a token finds its candidate rules in
 * one probe, however many rules are loaded. */
#include <stdlib.h>
#include <string.h>

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

static struct vni_mmslot *
find(const struct vni_multimap *m, const char *key, size_t len)
{
	size_t i;

	if (m->cap == 0)
		return NULL;
	for (i = hash(key, len) & (m->cap - 1); m->slots[i].off;
	     i = (i + 1) & (m->cap - 1))
		if (m->slots[i].len == len &&
		    memcmp(m->pool.ptr + m->slots[i].off - 1, key, len) == 0)
			return &m->slots[i];
	return NULL;
}

static int
grow(struct vni_multimap *m)
{
	size_t ncap = m->cap ? m->cap * 2 : 64, i, j;
	struct vni_mmslot *ns = calloc(ncap, sizeof(*ns));

	if (ns == NULL)
		return 0;
	for (i = 0; i < m->cap; i++) {
		if (!m->slots[i].off)
			continue;
		for (j = hash(m->pool.ptr + m->slots[i].off - 1, m->slots[i].len) &
			 (ncap - 1);
		     ns[j].off; j = (j + 1) & (ncap - 1))
			;
		ns[j] = m->slots[i];
	}
	free(m->slots);
	m->slots = ns;
	m->cap = ncap;
	return 1;
}

int
vni_mm_add(struct vni_multimap *m, const char *key, size_t len, uint32_t value)
{
	struct vni_mmslot *s = find(m, key, len);
	void *pv = m->val, *pn = m->next;
	size_t cap = m->capval, i;

	if (m->nval >= UINT32_MAX - 1 || m->pool.len >= UINT32_MAX - len - 1)
		return 0;
	if (!vni_grow(&pv, &cap, m->nval + 1, sizeof(*m->val)))
		return 0;
	m->val = pv;
	cap = m->capval;
	if (!vni_grow(&pn, &cap, m->nval + 1, sizeof(*m->next)))
		return 0;
	m->next = pn;
	m->capval = cap;
	if (s == NULL) {
		if ((m->n + 1) * 2 > m->cap && !grow(m))
			return 0;
		/* The key first: a slot must never point past the pool. A
		 * failed append leaves the pool as it was; the map stays
		 * usable (the contexts' caches live on after a failure). */
		vni_buf_append(&m->pool, key, len);
		if (m->pool.failed) {
			m->pool.failed = 0;
			return 0;
		}
		for (i = hash(key, len) & (m->cap - 1); m->slots[i].off;
		     i = (i + 1) & (m->cap - 1))
			;
		s = &m->slots[i];
		s->off = (uint32_t)(m->pool.len - len) + 1;
		s->len = (uint32_t)len;
		s->head = VNI_MM_END;
		m->n++;
	}
	m->val[m->nval] = value;
	m->next[m->nval] = s->head;
	s->head = (uint32_t)m->nval++;
	return 1;
}

uint32_t
vni_mm_first(const struct vni_multimap *m, const char *key, size_t len)
{
	const struct vni_mmslot *s = find(m, key, len);

	return s ? s->head : VNI_MM_END;
}

void
vni_mm_free(struct vni_multimap *m)
{
	free(m->slots);
	vni_buf_free(&m->pool);
	free(m->val);
	free(m->next);
	memset(m, 0, sizeof(*m));
}
