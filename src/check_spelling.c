/* SPDX-License-Identifier: MIT */
/* spelling/invalid-syllable: words in Vietnamese letters that are not
 * possible written syllables, or possible but never attested. */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "internal.h"

/* Tokens this check leaves to other rules: acronyms, codes, names with
 * digits, loans written with hyphens, foreign letters, damaged text. */
#define SKIP_FLAGS                                                            \
	(VNI_TF_HAS_DIGIT | VNI_TF_ALL_CAPS | VNI_TF_BAD_CHAR | VNI_TF_CODE |   \
	 VNI_TF_NOT_VN_LETTER | VNI_TF_HYPHENATED | VNI_TF_DOTTED |             \
	 VNI_TF_MIXED_CASE | VNI_TF_ABBREV)

/* Upper-case the first letter of NUL-terminated UTF-8 s in place. */
static void
upper_first(char *s, size_t cap)
{
	int32_t cp;
	int k = vni_utf8_decode((const unsigned char *)s, strlen(s), &cp);
	char enc[4];
	int m;

	if (k <= 0)
		return;
	m = vni_utf8_encode(utf8proc_toupper(cp), enc);
	if (strlen(s) - (size_t)k + (size_t)m >= cap)
		return;
	memmove(s + m, s + k, strlen(s + k) + 1);
	memcpy(s, enc, (size_t)m);
}

static int
is_tone_mark(int32_t cp)
{
	return cp == 0x300 || cp == 0x301 || cp == 0x303 || cp == 0x309 ||
	       cp == 0x323;
}

static int
is_vowel(int32_t cp)
{
	return cp == 'a' || cp == 'e' || cp == 'i' || cp == 'o' || cp == 'u' ||
	       cp == 'y';
}

static int place_tone(vn_ctx *ctx, const char *low, size_t n,
		      utf8proc_int32_t newtone, char *out, size_t cap);

/* Repairs that keep the letters: for a tone mark on the wrong vowel
 * ("hòan") the mark moved ("hoàn"); for a stop final with a forbidden tone
 * ("bầt") the allowed tones sắc and nặng ("bất", "bật"). Each candidate must
 * be a valid, attested syllable. low is lowercase NFC; up to max results,
 * NUL-terminated, go to out[i] (cap bytes each). Returns the count. */
static size_t
repair(vn_ctx *ctx, const char *low, size_t n, enum vni_syl_status st,
       char out[][128], size_t max)
{
	static const utf8proc_int32_t stop_tones[] = {0x301, 0x323};
	utf8proc_int32_t tones[2];
	size_t ntones, t, got = 0;

	if (st == VNI_SYL_MISPLACED_TONE) {
		tones[0] = 0; /* keep the tone, move it */
		ntones = 1;
	} else if (st == VNI_SYL_BAD_TONE_FINAL) {
		tones[0] = stop_tones[0];
		tones[1] = stop_tones[1];
		ntones = 2;
	} else {
		return 0;
	}
	for (t = 0; t < ntones && got < max; t++)
		got += (size_t)place_tone(ctx, low, n, tones[t], out[got],
					  sizeof(out[got]));
	return got;
}

/* Put the tone mark of low (or tone, if not 0) on the vowel where the
 * result is an attested syllable. Returns 1 and writes out on success. */
static int
place_tone(vn_ctx *ctx, const char *low, size_t n, utf8proc_int32_t newtone,
	   char *out, size_t cap)
{
	utf8proc_int32_t cps[32], rest[32], tone = 0, try[33];
	utf8proc_ssize_t len;
	size_t nrest = 0, i, j, k;
	utf8proc_uint8_t *composed;

	len = utf8proc_decompose((const utf8proc_uint8_t *)low,
				 (utf8proc_ssize_t)n, cps, 32, UTF8PROC_DECOMPOSE);
	if (len <= 0 || len > 32)
		return 0;
	for (i = 0; i < (size_t)len; i++) {
		if (is_tone_mark(cps[i]))
			tone = cps[i];
		else
			rest[nrest++] = cps[i];
	}
	if (newtone != 0)
		tone = newtone;
	if (tone == 0)
		return 0;
	for (i = 0; i < nrest; i++) {
		if (!is_vowel(rest[i]))
			continue;
		/* after the vowel and its own marks (circumflex, breve, horn) */
		for (j = i + 1; j < nrest && rest[j] >= 0x300 && rest[j] < 0x370; j++)
			;
		for (k = 0; k < j; k++)
			try[k] = rest[k];
		try[j] = tone;
		for (k = j; k < nrest; k++)
			try[k + 1] = rest[k];
		/* Canonical order first (dot below before circumflex), as
		 * composition expects; then re-encode to UTF-8 in place. */
		for (k = 1; k < nrest + 1; k++) {
			utf8proc_int32_t c = try[k];
			int cc = utf8proc_get_property(c)->combining_class;
			size_t m = k;

			while (cc && m > 0 &&
			       utf8proc_get_property(try[m - 1])->combining_class > cc) {
				try[m] = try[m - 1];
				m--;
			}
			try[m] = c;
		}
		len = utf8proc_reencode(try, (utf8proc_ssize_t)nrest + 1,
					UTF8PROC_STABLE | UTF8PROC_COMPOSE);
		if (len <= 0 || (size_t)len >= cap)
			continue;
		composed = (utf8proc_uint8_t *)try;
		composed[len] = '\0';
		if ((newtone != 0 || strcmp((const char *)composed, low) != 0) &&
		    vni_syllable_parse((const char *)composed, (size_t)len, NULL) ==
			    VNI_SYL_VALID &&
		    vni_attested(ctx, (const char *)composed, (size_t)len)) {
			memcpy(out, composed, (size_t)len + 1);
			return 1;
		}
	}
	return 0;
}

/* The longest written syllable has 7 letters ("nghiêng"); a longer token is
 * several run together, where hunspell is slow and a split is the fix. */
#define SYLLABLE_MAX_LETTERS 7

static size_t
letters(const char *s, size_t n)
{
	size_t i, c = 0;

	for (i = 0; i < n; i++)
		c += ((unsigned char)s[i] & 0xC0) != 0x80;
	return c;
}

/* Are all non-ASCII letters of s in Latin-1 (à-ý), with none of the
 * letters only Vietnamese uses (ă đ ơ ư and the marks of U+1EA0-U+1EF9)? */
static int
latin1_marks_only(const char *s, size_t n)
{
	size_t i = 0;
	int32_t cp;
	int k;

	while (i < n) {
		k = vni_utf8_decode((const unsigned char *)s + i, n - i, &cp);
		if (k <= 0 || cp > 0xFF)
			return 0;
		i += (size_t)k;
	}
	return 1;
}

void
vni_check_spelling(struct vni_block *b)
{
	const struct vni_tokens *t = b->toks;
	const struct vni_token *tk;
	char low[128], rep[2][128], split[2][VNI_SPLIT_CAP], *hun[3];
	const char *sugg[4];
	size_t i, j, k, n, ns, nrep, nhun, nsplit;
	enum vni_syl_status st;
	int dup;

	if (!vni_rule_on(b, VNI_R_INVALID_SYLLABLE))
		return;
	for (i = 0; i < t->n; i++) {
		tk = &t->v[i];
		if (tk->kind != VNI_TK_WORD || (tk->flags & SKIP_FLAGS))
			continue;
		/* Unmarked ASCII words are as often English or code as
		 * Vietnamese without accents; other rules look at them. */
		if (!(tk->flags & VNI_TF_VN_MARK))
			continue;
		n = vni_token_lower(b, tk, low, sizeof(low));
		if (n == 0 || vni_token_known(b, tk) ||
		    vni_wordset_has(&b->ctx->lex.loanwords, low, n))
			continue;
		/* Syllables run together belong to ocr/joined-words. */
		nsplit = vni_joined_split(b, i, split);
		if (nsplit && vni_rule_on(b, VNI_R_JOINED_WORDS))
			continue;
		st = vni_syllable_parse(low, n, NULL);
		/* Several accents, all of them from Western European
		 * alphabets (résumé, José): a foreign word, not Vietnamese
		 * syllables run together. */
		if (st == VNI_SYL_MULTIPLE_TONES && latin1_marks_only(low, n) &&
		    !nsplit)
			continue;
		if (tk->flags & VNI_TF_UPPER_FIRST) {
			/* A capitalised word may be a name from another
			 * language or a minority place name (Đắk Lắk): only
			 * mark placement and tone errors are certain. */
			if (st != VNI_SYL_MISPLACED_TONE &&
			    st != VNI_SYL_MULTIPLE_TONES &&
			    st != VNI_SYL_BAD_TONE_FINAL)
				continue;
		} else if (st == VNI_SYL_VALID && vni_attested(b->ctx, low, n)) {
			continue;
		}
		/* Same-letter repairs first, then hunspell's guesses that
		 * are not already there. */
		nrep = repair(b->ctx, low, n, st, rep, 2);
		for (ns = 0; ns < nrep; ns++) {
			if (tk->flags & VNI_TF_UPPER_FIRST)
				upper_first(rep[ns], sizeof(rep[ns]));
			sugg[ns] = rep[ns];
		}
		nhun = 0;
		if (nsplit == 0 &&
		    (st == VNI_SYL_MULTIPLE_TONES ||
		     letters(b->text + tk->off, tk->len) > SYLLABLE_MAX_LETTERS))
			nsplit = vni_split_syllables(b->ctx, b->text + tk->off,
						     tk->len, split);
		if (ns >= 2)
			nsplit = 0;
		if (nsplit)
			sugg[ns++] = split[0];
		if (!nsplit && !b->no_guesses &&
		    letters(b->text + tk->off, tk->len) <= SYLLABLE_MAX_LETTERS)
			nhun = vni_dict_vi_suggest(b->ctx->dict, b->text + tk->off,
						   tk->len, hun, 3);
		if (nhun == (size_t)-1) {
			b->failed = 1;
			return;
		}
		for (j = 0; j < nhun && ns < 3; j++) {
			for (dup = 0, k = 0; k < ns; k++)
				dup |= strcmp(hun[j], sugg[k]) == 0;
			if (!dup)
				sugg[ns++] = hun[j];
		}
		sugg[ns] = NULL;
		if (nsplit)
			vni_report(b, VNI_R_INVALID_SYLLABLE, tk->off, tk->len, sugg,
				   "\"%.*s\" is several syllables run together",
				   "\"%.*s\" là nhiều âm tiết viết liền nhau",
				   (int)tk->len, b->text + tk->off);
		else if (st == VNI_SYL_VALID)
			vni_report(b, VNI_R_INVALID_SYLLABLE, tk->off, tk->len, sugg,
				   "\"%.*s\" is not an attested Vietnamese syllable",
				   "\"%.*s\" không phải âm tiết tiếng Việt có trong "
				   "từ điển",
				   (int)tk->len, b->text + tk->off);
		else
			vni_report(b, VNI_R_INVALID_SYLLABLE, tk->off, tk->len, sugg,
				   "\"%.*s\" is not a valid Vietnamese syllable: %s",
				   "\"%.*s\" không phải âm tiết tiếng Việt hợp lệ: %s",
				   (int)tk->len, b->text + tk->off,
				   vni_syl_status_reason(st, b->ctx->lang));
		for (j = 0; j < nhun; j++)
			free(hun[j]);
	}
}
