/* SPDX-License-Identifier: MIT */
/*
 * Decoding stage: turn a block of raw input into NFC UTF-8 that the checks
 * read, with a map back to the original bytes, and report invalid UTF-8 and
 * non-NFC text on the way.
 */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "internal.h"

static const char replacement[] = "\xEF\xBF\xBD"; /* U+FFFD */

static void
push_step(struct vni_text *t, size_t orig, int identity)
{
	void *p = t->steps;
	struct vni_map_step *last;

	if (t->nsteps) {
		last = &t->steps[t->nsteps - 1];
		/* A new step at the same norm offset replaces an empty one. */
		if (last->norm == t->norm.len) {
			last->orig = orig;
			last->identity = identity;
			return;
		}
	}
	if (!vni_grow(&p, &t->capsteps, t->nsteps + 1, sizeof(*t->steps))) {
		t->failed = 1;
		return;
	}
	t->steps = p;
	t->steps[t->nsteps].norm = t->norm.len;
	t->steps[t->nsteps].orig = orig;
	t->steps[t->nsteps].identity = identity;
	t->nsteps++;
}

/* Append original bytes unchanged. */
static void
emit_copy(struct vni_text *t, const char *s, size_t n, size_t orig)
{
	const struct vni_map_step *last = &t->steps[t->nsteps - 1];

	if (!last->identity || last->orig + (t->norm.len - last->norm) != orig)
		push_step(t, orig, 1);
	vni_buf_append(&t->norm, s, n);
}

/* Append text that replaces orig_len original bytes. */
static void
emit_rewrite(struct vni_text *t, const char *s, size_t n, size_t orig,
	     size_t orig_len)
{
	push_step(t, orig, 0);
	vni_buf_append(&t->norm, s, n);
	push_step(t, orig + orig_len, 1);
}

static void
add_finding(struct vni_text *t, enum vni_raw_kind kind, size_t orig,
	    size_t orig_len, size_t norm, size_t norm_len)
{
	void *p = t->found;
	struct vni_raw_finding *f;

	if (!vni_grow(&p, &t->capfound, t->nfound + 1, sizeof(*t->found))) {
		t->failed = 1;
		return;
	}
	t->found = p;
	f = &t->found[t->nfound++];
	f->kind = kind;
	f->orig = orig;
	f->orig_len = orig_len;
	f->norm = norm;
	f->norm_len = norm_len;
}

static int
is_ascii_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	       c == '\v';
}

/* Could this code point make its text non-NFC? Precomposed Latin letters
 * (all of Vietnamese) are NFC already; marks, composition exclusions and
 * singletons are not. */
static int
nfc_suspect(int32_t cp)
{
	const utf8proc_property_t *p;
	utf8proc_int32_t dec[4];
	utf8proc_ssize_t n;

	if (cp < 0x300 || (cp >= 0x1E00 && cp <= 0x1EFF))
		return 0;
	if (cp >= 0x1100 && cp <= 0x11FF)
		return 1; /* Hangul jamo compose */
	p = utf8proc_get_property(cp);
	if (p->combining_class != 0 || p->comp_exclusion)
		return 1;
	if (p->decomp_seqindex != UINT16_MAX && p->decomp_type == 0) {
		n = utf8proc_decompose_char(cp, dec, 4, UTF8PROC_DECOMPOSE,
					    NULL);
		if (n == 1 && dec[0] != cp)
			return 1; /* singleton such as U+212B ANGSTROM SIGN */
	}
	return 0;
}

static utf8proc_ssize_t
nfc(const char *s, size_t n, utf8proc_uint8_t **out)
{
	return utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n,
			    out, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
}

/* Emit a run of valid UTF-8 that contains something NFC-suspect. Each
 * segment (a starter and its marks) is normalised on its own, so positions
 * stay exact per letter; if that differs from normalising the whole run
 * (rare scripts), the run is mapped as one piece. */
static void
emit_normalised(struct vni_text *t, const char *s, size_t n, size_t orig)
{
	utf8proc_uint8_t *whole = NULL, *seg;
	utf8proc_ssize_t wlen, slen;
	size_t i, start, norm_start = t->norm.len, first_changed = (size_t)-1;
	size_t last_changed_end = 0, save_len = t->norm.len;
	size_t save_steps = t->nsteps;
	struct vni_map_step save_last = t->steps[t->nsteps - 1];
	int32_t cp;
	int k;

	wlen = nfc(s, n, &whole);
	if (wlen < 0) {
		t->failed = 1;
		return;
	}
	if ((size_t)wlen == n && memcmp(whole, s, n) == 0) {
		free(whole);
		emit_copy(t, s, n, orig);
		return;
	}
	for (start = 0; start < n;) {
		i = start;
		k = vni_utf8_decode((const unsigned char *)s + i, n - i, &cp);
		i += (size_t)k;
		while (i < n) {
			k = vni_utf8_decode((const unsigned char *)s + i, n - i,
					    &cp);
			if (utf8proc_get_property(cp)->combining_class == 0)
				break;
			i += (size_t)k;
		}
		slen = nfc(s + start, i - start, &seg);
		if (slen < 0) {
			t->failed = 1;
			free(whole);
			return;
		}
		if ((size_t)slen == i - start &&
		    memcmp(seg, s + start, i - start) == 0) {
			emit_copy(t, s + start, i - start, orig + start);
		} else {
			if (first_changed == (size_t)-1)
				first_changed = t->norm.len;
			emit_rewrite(t, (const char *)seg, (size_t)slen,
				     orig + start, i - start);
			last_changed_end = t->norm.len;
		}
		free(seg);
		start = i;
	}
	if (t->norm.len - norm_start != (size_t)wlen ||
	    memcmp(t->norm.ptr + norm_start, whole, (size_t)wlen) != 0) {
		/* Segment-wise normalisation disagreed: map as one piece. */
		t->norm.len = save_len;
		t->nsteps = save_steps;
		t->steps[t->nsteps - 1] = save_last;
		emit_rewrite(t, (const char *)whole, (size_t)wlen, orig, n);
		first_changed = norm_start;
		last_changed_end = t->norm.len;
	}
	free(whole);
	if (first_changed != (size_t)-1)
		add_finding(t, VNI_RAW_NOT_NFC, vni_text_to_orig(t, first_changed),
			    vni_text_to_orig(t, last_changed_end) -
				    vni_text_to_orig(t, first_changed),
			    first_changed, last_changed_end - first_changed);
}

/* Emit one whitespace-free chunk that is not pure ASCII. */
static void
emit_chunk(struct vni_text *t, const char *s, size_t n, size_t orig)
{
	size_t i = 0, run = 0, bad;
	int suspect = 0, k;
	int32_t cp;

	while (i < n) {
		k = vni_utf8_decode((const unsigned char *)s + i, n - i, &cp);
		if (k > 0) {
			suspect |= nfc_suspect(cp);
			i += (size_t)k;
			continue;
		}
		/* Flush the valid run, then the invalid bytes as one piece. */
		if (i > run) {
			if (suspect)
				emit_normalised(t, s + run, i - run, orig + run);
			else
				emit_copy(t, s + run, i - run, orig + run);
		}
		bad = i;
		while (i < n && (k = vni_utf8_decode((const unsigned char *)s + i,
						       n - i, &cp)) < 0)
			i += (size_t)-k;
		add_finding(t, VNI_RAW_INVALID_UTF8, orig + bad, i - bad,
			    t->norm.len, 3);
		emit_rewrite(t, replacement, 3, orig + bad, i - bad);
		run = i;
		suspect = 0;
	}
	if (n > run) {
		if (suspect)
			emit_normalised(t, s + run, n - run, orig + run);
		else
			emit_copy(t, s + run, n - run, orig + run);
	}
}

/* Is s[0..n) valid UTF-8 with no code point that could make it non-NFC?
 * Then decoding copies it as it is. */
static int
plain(const char *s, size_t n)
{
	size_t i = 0;
	int32_t cp;
	int k;

	while (i < n) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		k = vni_utf8_decode((const unsigned char *)s + i, n - i, &cp);
		if (k < 0 || nfc_suspect(cp))
			return 0;
		i += (size_t)k;
	}
	return 1;
}

void
vni_text_decode(struct vni_text *t, const char *orig, size_t len, size_t base)
{
	size_t i = 0, j;
	int ascii;

	t->norm.len = 0;
	t->nsteps = 0;
	t->nfound = 0;
	t->failed = 0;
	if (base == 0 && len >= 3 && memcmp(orig, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	push_step(t, base + i, 1);
	if (t->failed)
		return; /* no first step: nothing may be appended */
	if (plain(orig + i, len - i)) {
		/* Valid UTF-8 that is NFC whatever it holds (nearly every
		 * block): one copy, one step. */
		emit_copy(t, orig + i, len - i, base + i);
		i = len;
	}
	while (i < len && !t->failed) {
		/* Whitespace never composes, so chunks between it can be
		 * normalised independently. */
		j = i;
		ascii = 1;
		while (j < len && !is_ascii_space((unsigned char)orig[j])) {
			ascii &= (unsigned char)orig[j] < 0x80;
			j++;
		}
		if (!ascii) {
			emit_chunk(t, orig + i, j - i, base + i);
			i = j;
		}
		while (j < len && is_ascii_space((unsigned char)orig[j]))
			j++;
		if (j > i)
			emit_copy(t, orig + i, j - i, base + i);
		i = j;
	}
	if (t->norm.failed)
		t->failed = 1;
	if (t->norm.ptr == NULL)
		vni_buf_append(&t->norm, "", 0);
	if (t->norm.failed)
		t->failed = 1;
}

size_t
vni_text_to_orig(const struct vni_text *t, size_t off)
{
	size_t lo = 0, hi = t->nsteps, mid;
	const struct vni_map_step *s;

	/* The last step whose norm offset is <= off. */
	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		if (t->steps[mid].norm <= off)
			lo = mid;
		else
			hi = mid;
	}
	s = &t->steps[lo];
	return s->identity ? s->orig + (off - s->norm) : s->orig;
}

void
vni_text_free(struct vni_text *t)
{
	vni_buf_free(&t->norm);
	free(t->steps);
	free(t->found);
	memset(t, 0, sizeof(*t));
}

size_t
vni_line_end(const char *s, size_t len, size_t i)
{
	const char *nl, *cr;

	if (i >= len)
		return len;
	/* Most text has no carriage return: find the '\n' with memchr,
	 * and walk byte by byte only from a '\r' before it. */
	nl = memchr(s + i, '\n', len - i);
	cr = memchr(s + i, '\r', (nl ? (size_t)(nl - s) : len) - i);
	if (cr == NULL)
		return nl ? (size_t)(nl - s) : len;
	for (i = (size_t)(cr - s); i < len; i++)
		if (s[i] == '\n' ||
		    (s[i] == '\r' && (i + 1 == len || s[i + 1] != '\n')))
			return i;
	return len;
}
