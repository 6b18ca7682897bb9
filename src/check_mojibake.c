/* SPDX-License-Identifier: MIT */
/* encoding/mojibake, first part: UTF-8 read as Windows-1252 or Latin-1
 * ("Viá»‡t" for "Việt", "phÃ¡t" for "phát"), also twice over. A word is
 * turned back into the bytes Windows-1252 would have written for it and
 * decoded as UTF-8; it is reported only when that succeeds and gives a
 * known Vietnamese syllable. So "Müller", "café" and "Peña" (whose bytes
 * are not UTF-8) are never reported. */
#include <string.h>

#include "internal.h"

/* The Windows-1252 byte of cp, or -1. */
static int
cp1252_byte(long cp)
{
	static const long hi[32] = {
		0x20AC, 0x81,	0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
		0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,	0x017D, 0x8F,
		0x90,	0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
		0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,	0x017E, 0x0178,
	};
	int i;

	if (cp < 0x80 || (cp >= 0xA0 && cp <= 0xFF))
		return (int)cp;
	for (i = 0; i < 32; i++)
		if (hi[i] == cp)
			return 0x80 + i;
	return -1;
}

/* s[0..n) back to the bytes it came from, into out; the length, or 0 when
 * a character has no Windows-1252 byte or nothing would change. */
static size_t
unmangle(const char *s, size_t n, char *out, size_t cap)
{
	size_t i = 0, o = 0;
	long cp;
	int k, byte, changed = 0;

	while (i < n) {
		k = vn_utf8_decode(s + i, n - i, &cp);
		if (k <= 0 || (byte = cp1252_byte(cp)) < 0 || o + 1 >= cap)
			return 0;
		if (cp >= 0x80)
			changed = 1;
		out[o++] = (char)byte;
		i += (size_t)k;
	}
	if (!changed)
		return 0;
	/* The bytes must be UTF-8 through and through. */
	for (i = 0; i < o; i += (size_t)k)
		if ((k = vn_utf8_decode(out + i, o - i, &cp)) <= 0)
			return 0;
	out[o] = '\0';
	return o;
}

static int
is_edge_punct(char c)
{
	return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' ||
	       c == '?' || c == '(' || c == ')' || c == '"' || c == '\'';
}

void
vni_check_mojibake(struct vni_block *b)
{
	const char *s = b->text;
	char once[256], twice[256], low[64];
	const char *sugg[2] = {NULL, NULL};
	size_t i = 0, e, n, m, k;
	int suspect;

	if (!vni_rule_on(b, VNI_R_MOJIBAKE))
		return;
	while (i < b->len) {
		if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
			i++;
			continue;
		}
		suspect = 0;
		for (e = i; e < b->len && s[e] != ' ' && s[e] != '\t' &&
			    s[e] != '\n' && s[e] != '\r';
		     e++)
			if ((unsigned char)s[e] == 0xC3 ||
			    (unsigned char)s[e] == 0xC2 ||
			    (unsigned char)s[e] == 0xC6 || (unsigned char)s[e] == 0xE2)
				suspect = 1; /* Ã Â Æ, ‡ ™ …: the marks of it */
		/* Punctuation around the word is not part of it. */
		while (i < e && is_edge_punct(s[i]))
			i++;
		n = e;
		while (n > i && is_edge_punct(s[n - 1]))
			n--;
		if (suspect && n > i && n - i < sizeof(once) &&
		    (m = unmangle(s + i, n - i, once, sizeof(once))) != 0) {
			/* Twice over: "ViÃ¡Â»â€¡t" */
			k = unmangle(once, m, twice, sizeof(twice));
			sugg[0] = k ? twice : once;
			k = k ? k : m;
			m = vni_lower(sugg[0], k, low, sizeof(low));
			if (m && vni_known_syllable(b->ctx, low, m))
				vni_report(b, VNI_R_MOJIBAKE, i, n - i, sugg,
					   "\"%.*s\" is UTF-8 text read as "
					   "Windows-1252 (mojibake) for \"%s\"",
					   "\"%.*s\" là văn bản UTF-8 bị đọc "
					   "theo Windows-1252 (lỗi mã hoá), "
					   "đúng là \"%s\"",
					   (int)(n - i), s + i, sugg[0]);
		}
		i = e;
	}
}
