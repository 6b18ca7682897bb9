/* SPDX-License-Identifier: MIT */
/* Unicode hygiene: characters that look like nothing or like something
 * else. unicode/invisible-char (zero-width and bidi controls, soft hyphen,
 * a BOM inside the text), unicode/replacement-char (a literal U+FFFD: a
 * decoding already failed upstream) and unicode/confusable (a Cyrillic or
 * Greek look-alike letter inside a Latin word). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "internal.h"

/* Is cp a letter of the Latin script (as Vietnamese uses it)? */
static int
latin_letter(long cp)
{
	if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z')
		return 1;
	return (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) ||
	       (cp >= 0x1E00 && cp <= 0x1EFF);
}

/* The name of an invisible character, or NULL. ZWJ, ZWNJ and the
 * direction marks have real uses (emoji sequences, Persian, Arabic and
 * Hebrew), so they count only between Latin letters: *needs_latin. */
static const char *
invisible_name(long cp, int *needs_latin)
{
	*needs_latin = 0;
	switch (cp) {
	case 0x00AD: return "soft hyphen (U+00AD)";
	case 0x180E: return "Mongolian vowel separator (U+180E)";
	case 0x200B: return "zero-width space (U+200B)";
	case 0x2060: return "word joiner (U+2060)";
	case 0xFEFF: return "byte order mark (U+FEFF) inside the text";
	case 0x202A: case 0x202B: case 0x202C: case 0x202D: case 0x202E:
	case 0x2066: case 0x2067: case 0x2068: case 0x2069:
		return "bidirectional control";
	default: break;
	}
	*needs_latin = 1;
	switch (cp) {
	case 0x200C: return "zero-width non-joiner (U+200C)";
	case 0x200D: return "zero-width joiner (U+200D)";
	case 0x200E: return "left-to-right mark (U+200E)";
	case 0x200F: return "right-to-left mark (U+200F)";
	case 0x061C: return "Arabic letter mark (U+061C)";
	default: return NULL;
	}
}

/* The Latin letter a Cyrillic or Greek letter is drawn like, or 0. Only
 * letters that are indistinguishable in common fonts. */
static long
latin_lookalike(long cp)
{
	static const long map[][2] = {
		/* Cyrillic */
		{0x0405, 'S'}, {0x0406, 'I'}, {0x0408, 'J'}, {0x0410, 'A'},
		{0x0412, 'B'}, {0x0415, 'E'}, {0x041A, 'K'}, {0x041C, 'M'},
		{0x041D, 'H'}, {0x041E, 'O'}, {0x0420, 'P'}, {0x0421, 'C'},
		{0x0422, 'T'}, {0x0425, 'X'}, {0x0430, 'a'}, {0x0435, 'e'},
		{0x043E, 'o'}, {0x0440, 'p'}, {0x0441, 'c'}, {0x0443, 'y'},
		{0x0445, 'x'}, {0x0455, 's'}, {0x0456, 'i'}, {0x0458, 'j'},
		{0x04BB, 'h'}, {0x0501, 'd'}, {0x051B, 'q'}, {0x051D, 'w'},
		/* Greek */
		{0x0391, 'A'}, {0x0392, 'B'}, {0x0395, 'E'}, {0x0396, 'Z'},
		{0x0397, 'H'}, {0x0399, 'I'}, {0x039A, 'K'}, {0x039C, 'M'},
		{0x039D, 'N'}, {0x039F, 'O'}, {0x03A1, 'P'}, {0x03A4, 'T'},
		{0x03A5, 'Y'}, {0x03A7, 'X'}, {0x03BF, 'o'},
	};
	size_t i;

	for (i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (map[i][0] == cp)
			return map[i][1];
	return 0;
}

/* Greek and Cyrillic (U+0370..U+052F) are the only code points whose
 * UTF-8 lead byte is 0xCD (from U+0370) to 0xD4; Vietnamese text never
 * has 0xCE..0xD4, so most words are passed over here. */
static int
has_greek_or_cyrillic(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0xCE && (unsigned char)s[i] <= 0xD4)
			return 1;
	return 0;
}

static int
put_cp(char *out, size_t cap, size_t *n, long cp)
{
	utf8proc_uint8_t tmp[4];
	utf8proc_ssize_t k = utf8proc_encode_char((utf8proc_int32_t)cp, tmp);

	if (k <= 0 || *n + (size_t)k >= cap)
		return 0;
	memcpy(out + *n, tmp, (size_t)k);
	*n += (size_t)k;
	return 1;
}

/* Is a look-alike letter preceded and followed by a Latin letter? */
static int
lookalike_inside(const char *s, size_t len)
{
	size_t i = 0;
	long cp;
	int k, state = 0; /* 1: after Latin, 2: after Latin then look-alike */

	while (i < len && (k = vn_utf8_decode(s + i, len - i, &cp)) > 0) {
		if (latin_lookalike(cp))
			state = state ? 2 : 0;
		else if (latin_letter(cp)) {
			if (state == 2)
				return 1;
			state = 1;
		} else if (utf8proc_category((utf8proc_int32_t)cp) !=
			   UTF8PROC_CATEGORY_MN)
			state = 0;
		i += (size_t)k;
	}
	return 0;
}

static int
known_word(struct vni_block *b, const char *w)
{
	char low[64];
	size_t k = vni_lower(w, strlen(w), low, sizeof(low));

	return k > 0 && vni_known_syllable(b->ctx, low, k);
}

/* unicode/confusable on one word: at least one Latin letter and at least
 * one look-alike. A word wholly in Cyrillic or Greek is that language. */
static void
check_confusable(struct vni_block *b, const struct vni_token *tk)
{
	const char *s = b->text + tk->off;
	char fixed[256];
	const char *sugg[2] = {NULL, NULL};
	utf8proc_uint8_t *nfc = NULL;
	size_t i = 0, n = 0, nlatin = 0, nlook = 0;
	long cp, lat;
	int k;

	while (i < tk->len) {
		k = vn_utf8_decode(s + i, tk->len - i, &cp);
		if (k <= 0)
			return;
		lat = latin_lookalike(cp);
		if (lat)
			nlook++;
		else if (latin_letter(cp))
			nlatin++;
		else if (cp >= 0x370 && cp <= 0x52F)
			return; /* a real Greek or Cyrillic letter: mixed text */
		if (!put_cp(fixed, sizeof(fixed), &n, lat ? lat : cp))
			return;
		i += (size_t)k;
	}
	if (nlatin == 0 || nlook == 0)
		return;
	fixed[n] = '\0';
	/* Marks after a look-alike were left decomposed; now they compose. */
	if (utf8proc_map((const utf8proc_uint8_t *)fixed, (utf8proc_ssize_t)n,
			 &nfc, UTF8PROC_STABLE | UTF8PROC_COMPOSE) < 0) {
		/* fixed is valid UTF-8: only memory can be short. */
		b->failed = 1;
		return;
	}
	sugg[0] = (const char *)nfc;
	/* "\\fIСЕК" (markup glued to a Cyrillic word) mixes scripts too; a
	 * look-alike counts when the Latin reading is a Vietnamese syllable
	 * or the look-alike sits between Latin letters. */
	if (!lookalike_inside(s, tk->len) && !known_word(b, sugg[0])) {
		free(nfc);
		return;
	}
	vni_report(b, VNI_R_CONFUSABLE, tk->off, tk->len, sugg,
		   "\"%.*s\" mixes %zu Cyrillic or Greek look-alike letter%s "
		   "with Latin letters",
		   "\"%.*s\" lẫn %zu chữ Kirin hoặc Hy Lạp trông giống chữ "
		   "Latinh",
		   (int)tk->len, s, nlook, nlook == 1 ? "" : "s");
	free(nfc);
}

/* The findings of the decoding stage are in text order and come first:
 * a U+FFFD that stands for invalid bytes is already reported there. */
static int
decoder_replacement(const struct vni_block *b, size_t *cursor, size_t off)
{
	const struct vni_finding *f;

	for (; *cursor < b->nf; ++*cursor) {
		f = &b->f[*cursor];
		if (f->rule != VNI_R_INVALID_UTF8)
			continue;
		if (f->norm + f->norm_len > off)
			return f->norm <= off;
	}
	return 0;
}

void
vni_check_unicode(struct vni_block *b)
{
	const struct vni_tokens *t = b->toks;
	const char *name;
	const char *del[2] = {"", NULL};
	char full[96];
	struct vni_finding *f;
	size_t i, cursor = 0;
	long cp, prev = 0, next;
	int k, kn, needs_latin;
	int inv = vni_rule_on(b, VNI_R_INVISIBLE_CHAR);
	int rep = vni_rule_on(b, VNI_R_REPLACEMENT_CHAR);

	for (i = 0; (inv || rep) && i < b->len; i += (size_t)k, prev = cp) {
		if ((unsigned char)b->text[i] < 0x80) { /* most bytes */
			k = 1;
			cp = (unsigned char)b->text[i];
			continue;
		}
		k = vn_utf8_decode(b->text + i, b->len - i, &cp);
		if (k <= 0) {
			k = 1;
			cp = 0;
			continue;
		}
		if (cp < 0xAD)
			continue;
		if (cp == 0xFFFD) {
			if (rep && !decoder_replacement(b, &cursor, i))
				vni_report(b, VNI_R_REPLACEMENT_CHAR, i, (size_t)k,
					   NULL,
					   "replacement character U+FFFD: the "
					   "text was already damaged by a wrong "
					   "decoding",
					   "ký tự thay thế U+FFFD: văn bản đã bị "
					   "hỏng do giải mã sai");
			continue;
		}
		name = inv ? invisible_name(cp, &needs_latin) : NULL;
		if (name == NULL)
			continue;
		if (needs_latin) {
			kn = i + (size_t)k < b->len
				     ? vn_utf8_decode(b->text + i + k,
						      b->len - i - (size_t)k,
						      &next)
				     : 0;
			if (kn <= 0 || !latin_letter(prev) ||
			    !latin_letter(next))
				continue;
		}
		/* "Ã\u00AD" is UTF-8 "í" read as Latin-1, and TCVN3 writes
		 * "ư" as 0xAD: there the soft hyphen is a damaged letter, so
		 * it is not reported after a UTF-8 lead byte read as Latin-1 (Â..ß)
		 * and never deleted
		 * by --fix. */
		if (cp == 0xAD && prev >= 0xC2 && prev <= 0xDF) /* lead bytes */
			continue;
		/* The bidi controls share a name: add their code point. */
		if (strchr(name, '(') == NULL) {
			snprintf(full, sizeof(full), "%s (U+%04lX)", name,
				 (unsigned long)cp);
			name = full;
		}
		f = vni_report(b, VNI_R_INVISIBLE_CHAR, i, (size_t)k, del,
			       "invisible %s", "ký tự vô hình: %s", name);
		if (f && cp == 0xAD)
			f->safe = 0;
	}
	if (!vni_rule_on(b, VNI_R_CONFUSABLE))
		return;
	for (i = 0; i < t->n; i++)
		if (t->v[i].kind == VNI_TK_WORD &&
		    has_greek_or_cyrillic(b->text + t->v[i].off, t->v[i].len))
			check_confusable(b, &t->v[i]);
}
