/* SPDX-License-Identifier: MIT */
/* ime.c - read back a word typed while the Vietnamese input method was
 * off, so that its keys stayed letters: Telex ("vieejt", "dduwowcj",
 * "tieengs") or VNI ("vie65t", "d9u7o7c5"); and VIQR, which writes the VNI
 * keys as marks ("Vie^.t", "ddu+o+.c"). The keys are replayed one by
 * one the way the Telex and VNI engines (Unikey, bamboo, OpenKey) apply
 * them: a hat key changes the matching vowel of the syllable typed so far,
 * a tone key may come anywhere after the first vowel, and pressing a key
 * twice undoes it (which leaves a letter no syllable can hold, so such a
 * word reads back as nothing). Where an engine could change one of several
 * vowels ("w" after "ua"), every choice is followed. */
#include <string.h>

#include <utf8proc.h>

#include "internal.h"

#define MAX_KEYS 16    /* longer words are not one syllable */
#define MAX_LETTERS 10 /* "nghiêng" has 7 */
#define BUDGET 256     /* replay steps per word: bounds the choices */

#define A_BREVE 0x0103
#define A_CIRC 0x00E2
#define E_CIRC 0x00EA
#define O_CIRC 0x00F4
#define O_HORN 0x01A1
#define U_HORN 0x01B0
#define D_STROKE 0x0111

/* The syllable typed so far. */
struct typing {
	int32_t l[MAX_LETTERS]; /* lowercase letters with hats, no tone */
	size_t n;
	enum vni_tone tone;
	unsigned how;           /* VNI_IME_* */
	int after_tone;         /* the last key was a tone key */
};

struct job {
	enum vni_ime_method method;
	const char *s;
	size_t n;
	unsigned style;
	struct vni_ime_reading *out;
	size_t max, got;
	unsigned budget;
};

static int
is_vowel(int32_t c)
{
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' ||
	       c == 'y' || c == A_BREVE || c == A_CIRC || c == E_CIRC ||
	       c == O_CIRC || c == O_HORN || c == U_HORN;
}

/* The vowels of the syllable: the last run of vowel letters, [*from, *to).
 * The u of "qu" belongs to the initial. Returns 0 if there is none. */
static int
vowel_run(const struct typing *t, size_t *from, size_t *to)
{
	size_t i = t->n;

	while (i > 0 && !is_vowel(t->l[i - 1]))
		i--;
	if (i == 0)
		return 0;
	*to = i;
	while (i > 0 && is_vowel(t->l[i - 1]))
		i--;
	if (i > 0 && t->l[i - 1] == 'q' && t->l[i] == 'u')
		i++;
	*from = i;
	return *from < *to;
}

static int
has_vowel(const struct typing *t)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		if (is_vowel(t->l[i]))
			return 1;
	return 0;
}

static enum vni_tone
tone_of(enum vni_ime_method m, char c)
{
	static const char telex[] = "fsrxj", vni[] = "21345";
	const char *keys = m == VNI_IME_TELEX ? telex : vni;
	const char *p = c ? strchr(keys, c) : NULL;

	/* both strings follow enum vni_tone from huyền on */
	return p ? (enum vni_tone)(p - keys + 1) : VNI_TONE_NGANG;
}

/* Can letter c follow the syllable typed so far? A cheap test that cuts
 * most English words short: no letter outside the Vietnamese alphabet, at
 * most three consonants before the vowels ("ngh") and two after ("ng"),
 * one run of vowels. */
static int
may_follow(const struct typing *t, int c)
{
	size_t i, run = 0;
	int vowels = 0;

	if (c == 'f' || c == 'j' || c == 'w' || c == 'z')
		return 0;
	for (i = 0; i < t->n; i++) {
		if (is_vowel(t->l[i])) {
			vowels = 1;
			run = 0;
		} else {
			run++;
		}
	}
	if (is_vowel(c))
		return !(vowels && run > 0);
	return run < (vowels ? 2u : 3u);
}

static void step(struct job *job, struct typing t, size_t i);

/* A key acted on the syllable; go on with the next one. */
static void
keyed(struct job *job, struct typing t, size_t i, unsigned how)
{
	t.how |= how;
	t.after_tone = how == VNI_IME_TONE;
	step(job, t, i + 1);
}

/* The hat key (Telex w, VNI 6, 7, 8) changes one vowel of the syllable,
 * or for a horn on "uo" both; each possible change is followed. Returns
 * 0 when there is nothing to change (the key then stays a letter). */
static int
hat(struct job *job, const struct typing *t, size_t i, int key)
{
	struct typing u;
	size_t from, to, k;
	int any = 0;

	if (!vowel_run(t, &from, &to))
		return 0;
	/* Horn on the pair: "uow" -> ươ, "ưo7" -> ươ; the horn on o alone
	 * is followed too ("thuow" -> thuơ). */
	if (key == 'h')
		for (k = from; k + 1 < to; k++)
			if ((t->l[k] == 'u' || t->l[k] == U_HORN) &&
			    t->l[k + 1] == 'o') {
				u = *t;
				u.l[k] = U_HORN;
				u.l[k + 1] = O_HORN;
				keyed(job, u, i, VNI_IME_HAT);
				any = 1;
			}
	for (k = from; k < to; k++) {
		int32_t c = t->l[k], to_cp = 0;

		if (key == 'h')
			to_cp = c == 'o' ? O_HORN : c == 'u' ? U_HORN : 0;
		else if (key == 'b')
			to_cp = c == 'a' ? A_BREVE : 0;
		else if (key == 'c')
			to_cp = c == 'a' ? A_CIRC : c == 'e' ? E_CIRC
					       : c == 'o' ? O_CIRC : 0;
		if (to_cp == 0)
			continue;
		u = *t;
		u.l[k] = to_cp;
		keyed(job, u, i, VNI_IME_HAT);
		any = 1;
	}
	return any;
}

/* The Telex w: a horn or breve on the syllable's vowels (aw ă, ow ơ,
 * uw ư, uow ươ), or the letter ư itself where no vowel is typed yet
 * ("w" ư, "nhwng" nhưng). */
static int
telex_w(struct job *job, const struct typing *t, size_t i)
{
	struct typing u;
	size_t from, to;
	int any;

	if (!has_vowel(t)) {
		if (t->n >= MAX_LETTERS)
			return 1;
		u = *t;
		u.l[u.n++] = U_HORN;
		keyed(job, u, i, VNI_IME_BARE_W);
		return 1;
	}
	if (!vowel_run(t, &from, &to))
		return 0;
	any = hat(job, t, i, 'h');
	/* a breve is the only other change w makes */
	return hat(job, t, i, 'b') || any;
}

static void
finish(struct job *job, const struct typing *t)
{
	char plain[MAX_LETTERS * 4 + 1], syl[VNI_CAND_LEN];
	size_t i, o = 0, k;
	unsigned how;

	if (t->how == 0)
		return;
	for (i = 0; i < t->n; i++)
		o += (size_t)utf8proc_encode_char(t->l[i],
						  (utf8proc_uint8_t *)plain + o);
	plain[o] = '\0';
	k = vni_syllable_add_tone(plain, o, t->tone, job->style, syl,
				  sizeof(syl));
	if (k == 0)
		return;
	how = t->how;
	for (i = 0; i < job->got; i++)
		if (strcmp(job->out[i].syl, syl) == 0) {
			job->out[i].how &= how; /* the weaker evidence */
			return;
		}
	if (job->got == job->max)
		return;
	memcpy(job->out[job->got].syl, syl, k + 1);
	job->out[job->got].how = how;
	job->got++;
}

/* Replay key i onwards on the syllable t. */
static void
step(struct job *job, struct typing t, size_t i)
{
	enum vni_tone tone;
	int c, m = job->method;

	if (job->budget == 0)
		return;
	job->budget--;
	if (i == job->n) {
		finish(job, &t);
		return;
	}
	c = job->s[i];
	if (c >= 'A' && c <= 'Z')
		c += 'a' - 'A';
	tone = tone_of(job->method, (char)c);
	if (tone != VNI_TONE_NGANG && has_vowel(&t)) {
		/* A second tone key, the same (undo) or another, leaves
		 * nothing an engine user would have typed on purpose. */
		if (t.tone != VNI_TONE_NGANG)
			return;
		t.tone = tone;
		keyed(job, t, i, VNI_IME_TONE);
		return;
	}
	if (m == VNI_IME_TELEX && c == 'd' && t.n == 1 && t.l[0] == 'd') {
		t.l[0] = D_STROKE;
		keyed(job, t, i, VNI_IME_HAT);
		return;
	}
	if (m == VNI_IME_TELEX && (c == 'a' || c == 'e' || c == 'o') && t.n > 0) {
		int32_t up = c == 'a' ? A_CIRC : c == 'e' ? E_CIRC : O_CIRC;

		if (t.l[t.n - 1] == up)
			return; /* "aaa": undone */
		/* Engines also read "toro" as tổ, but nobody types a tone
		 * between the two o's: that is a foreign word. */
		if (t.l[t.n - 1] == c && !t.after_tone) {
			t.l[t.n - 1] = up;
			keyed(job, t, i, VNI_IME_HAT);
			return;
		}
	}
	if (m == VNI_IME_TELEX && c == 'w') {
		(void)telex_w(job, &t, i);
		return; /* "ww", "iw": an undone or idle w stays a letter */
	}
	if (m == VNI_IME_VNI && c >= '0' && c <= '9') {
		if (c == '9' && t.n > 0 && t.l[0] == 'd') {
			t.l[0] = D_STROKE;
			keyed(job, t, i, VNI_IME_HAT);
		} else if (c == '6' || c == '7' || c == '8') {
			(void)hat(job, &t, i, c == '6' ? 'c' : c == '7' ? 'h' : 'b');
		}
		return; /* 0, a tone before any vowel, 9 without d */
	}
	if (c == 'z' || !((c >= 'a' && c <= 'z')) || t.n >= MAX_LETTERS ||
	    !may_follow(&t, c))
		return; /* z clears a tone; nothing to read back */
	t.after_tone = 0;
	t.l[t.n++] = c;
	step(job, t, i + 1);
}

/* VIQR's marks are the VNI keys written otherwise: ' ` ? ~ . the tones,
 * ^ + ( the hats, dd the đ. s[0..n) as VNI keys into out (n bytes room);
 * 0 for a character VIQR does not use. */
static size_t
viqr_keys(const char *s, size_t n, char *out)
{
	static const char marks[] = "'`?~.^+(";
	const char *p;
	size_t i = 0, o = 0;

	if (n >= 2 && (s[0] | 0x20) == 'd' && (s[1] | 0x20) == 'd') {
		out[o++] = s[0];
		out[o++] = '9';
		i = 2;
	}
	for (; i < n; i++) {
		if (((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z'))
			out[o++] = s[i];
		else if (s[i] && (p = strchr(marks, s[i])) != NULL)
			out[o++] = (char)('1' + (p - marks));
		else
			return 0;
	}
	return o;
}

size_t
vni_ime_decode(enum vni_ime_method method, const char *s, size_t n,
	       unsigned style, struct vni_ime_reading *out, size_t max)
{
	struct job job;
	struct typing t;
	char keys[MAX_KEYS];

	if (n == 0 || n > MAX_KEYS)
		return 0;
	if (method == VNI_IME_VIQR) {
		if ((n = viqr_keys(s, n, keys)) == 0)
			return 0;
		s = keys;
		method = VNI_IME_VNI;
	}
	memset(&t, 0, sizeof(t));
	job.method = method;
	job.s = s;
	job.n = n;
	job.style = style;
	job.out = out;
	job.max = max;
	job.got = 0;
	job.budget = BUDGET;
	step(&job, t, 0);
	return job.got;
}
