/* SPDX-License-Identifier: MIT */
/*
 * Confusion candidates of a syllable: what OCR (or typing) could have
 * turned the intended syllable into, hence what it might have been. The
 * OCR set: every tone; a vowel mark a/ă/â, o/ô/ơ, u/ư, e/ê, with or
 * without a tone change; initial d/đ; initial l/t. The typing set adds
 * regional confusions: s/x, ch/tr, d/gi/r, l/n, final n/ng, t/c.
 */
#include <string.h>

#include <utf8proc.h>

#include "internal.h"

#define MAXCP 16

/* A syllable as code points without its tone mark, and the tone. */
struct skel {
	int32_t cp[MAXCP];
	size_t n;
};

static const int32_t tone_marks[6] = {0, 0x300, 0x301, 0x309, 0x303, 0x323};

static int
is_tone(int32_t c)
{
	return c == 0x300 || c == 0x301 || c == 0x303 || c == 0x309 || c == 0x323;
}

static int
is_vowel(int32_t c)
{
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' ||
	       c == 'y';
}

static int
is_quality_mark(int32_t c)
{
	return c == 0x302 || c == 0x306 || c == 0x31B; /* ^ ˘ horn */
}

/* Compose skeleton s with tone t on the vowel where the result is a valid
 * syllable in the reformed placement (the model's spelling). */
static size_t
compose(const struct skel *s, int tone, char *out, size_t cap)
{
	utf8proc_int32_t buf[MAXCP + 2];
	utf8proc_ssize_t len;
	size_t i, j, k;
	struct vni_syllable syl;

	for (i = 0; i < s->n; i++) {
		if (tone && !is_vowel(s->cp[i]))
			continue;
		/* after the vowel and its quality mark */
		for (j = i + 1; j < s->n && is_quality_mark(s->cp[j]); j++)
			;
		for (k = 0; k < j; k++)
			buf[k] = s->cp[k];
		if (tone)
			buf[k++] = tone_marks[tone];
		for (; k < s->n + (tone ? 1 : 0); k++)
			buf[k] = s->cp[k - (tone ? 1 : 0)];
		/* canonical order: a dot below goes before a circumflex */
		for (k = 1; k < s->n + (tone ? 1u : 0u); k++) {
			utf8proc_int32_t c = buf[k];
			int cc = utf8proc_get_property(c)->combining_class;
			size_t m = k;

			while (cc && m > 0 &&
			       utf8proc_get_property(buf[m - 1])->combining_class > cc) {
				buf[m] = buf[m - 1];
				m--;
			}
			buf[m] = c;
		}
		len = utf8proc_reencode(buf, (utf8proc_ssize_t)(s->n + (tone ? 1 : 0)),
					UTF8PROC_STABLE | UTF8PROC_COMPOSE);
		if (len <= 0 || (size_t)len >= cap)
			return 0;
		memcpy(out, buf, (size_t)len);
		out[len] = '\0';
		if (vni_syllable_parse(out, (size_t)len, &syl) == VNI_SYL_VALID &&
		    (syl.styles & VNI_STYLE_REFORMED))
			return (size_t)len;
		if (!tone)
			return 0;
	}
	return 0;
}

struct cands {
	char (*v)[VNI_CAND_LEN];
	size_t n, max;
	const char *self;
};

static void
add(struct cands *c, const char *s, size_t n)
{
	size_t i;

	if (n == 0 || c->n >= c->max || strcmp(s, c->self) == 0)
		return;
	for (i = 0; i < c->n; i++)
		if (strcmp(c->v[i], s) == 0)
			return;
	memcpy(c->v[c->n], s, n + 1);
	c->n++;
}

/* Every tone (all_tones) or only the original one, on skeleton s. */
static void
tones(struct cands *c, const struct skel *s, int tone, int all_tones)
{
	char out[VNI_CAND_LEN];
	int t;

	for (t = 0; t < 6; t++)
		if (all_tones || t == tone)
			add(c, out, compose(s, t, out, sizeof(out)));
}

/* Replace n code points at position at with the repl sequence. */
static int
splice(const struct skel *s, size_t at, size_t n, const int32_t *repl,
       size_t rn, struct skel *out)
{
	size_t i;

	if (s->n - n + rn > MAXCP)
		return 0;
	out->n = 0;
	for (i = 0; i < at; i++)
		out->cp[out->n++] = s->cp[i];
	for (i = 0; i < rn; i++)
		out->cp[out->n++] = repl[i];
	for (i = at + n; i < s->n; i++)
		out->cp[out->n++] = s->cp[i];
	return 1;
}

static int
starts(const struct skel *s, const char *ascii)
{
	size_t i, n = strlen(ascii);

	if (s->n < n)
		return 0;
	for (i = 0; i < n; i++)
		if (s->cp[i] != (unsigned char)ascii[i])
			return 0;
	return 1;
}

/* Typing profile: swap an initial or a final consonant. */
static void
regional(struct cands *c, const struct skel *s, int tone)
{
	static const struct {
		const char *a, *b;
	} initials[] = {{"s", "x"}, {"x", "s"}, {"ch", "tr"}, {"tr", "ch"},
			{"d", "gi"},  {"gi", "d"},  {"d", "r"},   {"r", "d"},
			{"gi", "r"},  {"r", "gi"},  {"l", "n"},   {"n", "l"}};
	struct skel t;
	int32_t repl[4];
	size_t i, k, n;

	for (i = 0; i < sizeof(initials) / sizeof(initials[0]); i++) {
		if (!starts(s, initials[i].a) ||
		    (strcmp(initials[i].a, "n") == 0 && s->n > 1 &&
		     (s->cp[1] == 'g' || s->cp[1] == 'h')))
			continue;
		n = strlen(initials[i].b);
		for (k = 0; k < n; k++)
			repl[k] = (unsigned char)initials[i].b[k];
		if (splice(s, 0, strlen(initials[i].a), repl, n, &t))
			tones(c, &t, tone, 0);
	}
	/* finals: n/ng, t/c */
	if (s->n >= 2 && s->cp[s->n - 1] == 'g' && s->cp[s->n - 2] == 'n') {
		if (splice(s, s->n - 1, 1, repl, 0, &t))
			tones(c, &t, tone, 0);
	} else if (s->n >= 1 && s->cp[s->n - 1] == 'n') {
		repl[0] = 'g';
		if (splice(s, s->n, 0, repl, 1, &t))
			tones(c, &t, tone, 0);
	} else if (s->n >= 1 && (s->cp[s->n - 1] == 't' || s->cp[s->n - 1] == 'c') &&
		   !(s->n >= 2 && s->cp[s->n - 2] == 'c')) {
		repl[0] = s->cp[s->n - 1] == 't' ? 'c' : 't';
		if (splice(s, s->n - 1, 1, repl, 1, &t))
			tones(c, &t, tone, 0);
	}
}

size_t
vni_confusions(const char *w, size_t len, vn_profile profile,
	       char (*out)[VNI_CAND_LEN], size_t max)
{
	utf8proc_int32_t cps[MAXCP + 4];
	utf8proc_ssize_t n;
	struct skel s, t;
	struct cands c;
	char self[VNI_CAND_LEN];
	int tone = 0;
	size_t i, j;
	int32_t repl[2];

	if (len + 1 > sizeof(self))
		return 0;
	memcpy(self, w, len);
	self[len] = '\0';
	n = utf8proc_decompose((const utf8proc_uint8_t *)w, (utf8proc_ssize_t)len,
			       cps, MAXCP + 4, UTF8PROC_DECOMPOSE);
	if (n <= 0 || n > MAXCP + 4)
		return 0;
	s.n = 0;
	for (i = 0; i < (size_t)n; i++) {
		if (is_tone(cps[i])) {
			for (j = 1; j < 6; j++)
				if (tone_marks[j] == cps[i])
					tone = (int)j;
		} else if (s.n < MAXCP) {
			s.cp[s.n++] = cps[i];
		} else {
			return 0;
		}
	}
	c.v = out;
	c.n = 0;
	c.max = max;
	c.self = self;
	tones(&c, &s, tone, 1); /* every tone */
	/* a vowel mark changed, with any tone */
	for (i = 0; i < s.n; i++) {
		static const int32_t none[1] = {0};
		int32_t v = s.cp[i];
		int has = i + 1 < s.n && is_quality_mark(s.cp[i + 1]);
		int32_t marks[3];
		size_t nm = 0, m;

		if (v == 'a')
			marks[nm++] = 0, marks[nm++] = 0x306, marks[nm++] = 0x302;
		else if (v == 'o')
			marks[nm++] = 0, marks[nm++] = 0x302, marks[nm++] = 0x31B;
		else if (v == 'e')
			marks[nm++] = 0, marks[nm++] = 0x302;
		else if (v == 'u')
			marks[nm++] = 0, marks[nm++] = 0x31B;
		(void)none;
		for (m = 0; m < nm; m++) {
			if ((has ? s.cp[i + 1] : 0) == marks[m])
				continue;
			repl[0] = marks[m];
			if (!splice(&s, i + 1, has ? 1 : 0, repl, marks[m] ? 1 : 0, &t))
				continue;
			tones(&c, &t, tone, 1);
		}
	}
	/* d/đ and l/t at the start, same tone */
	if (s.n && (s.cp[0] == 'd' || s.cp[0] == 0x111 ||
		    (s.cp[0] == 'l') ||
		    (s.cp[0] == 't' && !(s.n > 1 && (s.cp[1] == 'h' || s.cp[1] == 'r'))))) {
		repl[0] = s.cp[0] == 'd' ? 0x111 : s.cp[0] == 0x111 ? 'd'
			 : s.cp[0] == 'l'   ? 't'
					    : 'l';
		if (splice(&s, 0, 1, repl, 1, &t))
			tones(&c, &t, tone, 0);
	}
	if (profile == VN_PROFILE_TYPING)
		regional(&c, &s, tone);
	return c.n;
}
