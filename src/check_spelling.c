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

/* For a syllable whose tone mark sits on the wrong vowel ("hòan"), the
 * attested syllable with the same letters and the mark moved ("hoàn").
 * low is lowercase NFC; the result goes to out. Returns 0 if none. */
static int
move_tone(vn_ctx *ctx, const char *low, size_t n, char *out, size_t cap)
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
		/* re-encodes to UTF-8 in place; try[] has room to spare */
		len = utf8proc_reencode(try, (utf8proc_ssize_t)nrest + 1,
					UTF8PROC_STABLE | UTF8PROC_COMPOSE);
		if (len <= 0 || (size_t)len >= cap)
			continue;
		composed = (utf8proc_uint8_t *)try;
		composed[len] = '\0';
		if (strcmp((const char *)composed, low) != 0 &&
		    vni_syllable_parse((const char *)composed, (size_t)len, NULL) ==
			    VNI_SYL_VALID &&
		    vni_attested(ctx, (const char *)composed, (size_t)len)) {
			memcpy(out, composed, (size_t)len + 1);
			return 1;
		}
	}
	return 0;
}

void
vni_check_spelling(struct vni_block *b)
{
	const struct vni_tokens *t = b->toks;
	const struct vni_token *tk;
	struct vni_syllable syl;
	char low[128], moved[128], *sugg[4];
	const char *sv[4];
	size_t i, n, ns, j, got;
	enum vni_syl_status st;

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
		if (n == 0)
			continue;
		st = vni_syllable_parse(low, n, &syl);
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
		ns = 0;
		if (st == VNI_SYL_MISPLACED_TONE &&
		    move_tone(b->ctx, low, n, moved, sizeof(moved))) {
			if (tk->flags & VNI_TF_UPPER_FIRST)
				upper_first(moved, sizeof(moved));
			sugg[ns++] = vni_strndup(moved, strlen(moved));
			if (sugg[0] == NULL)
				ns = 0;
		}
		got = vni_dict_vi_suggest(b->ctx->dict, b->text + tk->off, tk->len,
					  sugg + ns, 3 - ns);
		/* drop a hunspell suggestion equal to the moved-mark one */
		for (j = ns; ns == 1 && j < ns + got; j++) {
			if (strcmp(sugg[j], sugg[0]) == 0) {
				free(sugg[j]);
				memmove(sugg + j, sugg + j + 1,
					(ns + got - j - 1) * sizeof(*sugg));
				got--;
				break;
			}
		}
		ns += got;
		for (j = 0; j < ns; j++)
			sv[j] = sugg[j];
		sv[ns] = NULL;
		if (st == VNI_SYL_VALID)
			vni_report(b, VNI_R_INVALID_SYLLABLE, tk->off, tk->len, sv,
				   "\"%.*s\" is not an attested Vietnamese syllable",
				   "\"%.*s\" không phải âm tiết tiếng Việt có trong "
				   "từ điển",
				   (int)tk->len, b->text + tk->off);
		else
			vni_report(b, VNI_R_INVALID_SYLLABLE, tk->off, tk->len, sv,
				   "\"%.*s\" is not a valid Vietnamese syllable: %s",
				   "\"%.*s\" không phải âm tiết tiếng Việt hợp lệ: %s",
				   (int)tk->len, b->text + tk->off,
				   vni_syl_status_reason(st, b->ctx->lang));
		for (j = 0; j < ns; j++)
			free(sugg[j]);
	}
}
