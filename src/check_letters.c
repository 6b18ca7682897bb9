/* SPDX-License-Identifier: MIT */
/* ocr/letter-confusion: OCR reads a letter as a group drawn like it: "m"
 * as "rn" ("rnột"), "d" as "cl" ("clưới"), "h" as "li" ("nliư"), "l" as a
 * capital "I" ("Iàm"). Vietnamese never writes rn, cl or a capital I
 * before small letters, and li only starts a syllable, so a word is
 * repaired only when it is no syllable and exactly one undoing gives a
 * known syllable. */
#include <string.h>

#include "internal.h"

#define NOT_PROSE                                                             \
	(VNI_TF_HAS_DIGIT | VNI_TF_ALL_CAPS | VNI_TF_BAD_CHAR | VNI_TF_CODE |   \
	 VNI_TF_NOT_VN_LETTER | VNI_TF_HYPHENATED | VNI_TF_DOTTED |             \
	 VNI_TF_ABBREV | VNI_TF_MIXED_CASE)

/* What OCR wrote and the letter it stands for. */
static const struct misreading {
	const char *seen, *meant;
} misreadings[] = {
	{"rn", "m"},
	{"cl", "d"},
	{"li", "h"},
	{"I", "l"},
};
#define NMISREADINGS (sizeof(misreadings) / sizeof(misreadings[0]))

/* Does s start with the seen letters? Small letters match either case
 * ("Rnột"), a capital I only itself. */
static int
seen_at(const char *s, const char *seen)
{
	for (; *seen; s++, seen++)
		if (*s != *seen && !(*seen >= 'a' && *s == *seen - 'a' + 'A'))
			return 0;
	return 1;
}

/* s[0..n) with the seen letters at `at` replaced, into out (cap bytes, NUL-
 * terminated), the first letter kept upper case if it was; 0 if no room. */
static size_t
undo(const char *s, size_t n, size_t at, const struct misreading *mr,
     char *out, size_t cap)
{
	size_t ls = strlen(mr->seen), lm = strlen(mr->meant), k;

	if (n - ls + lm >= cap)
		return 0;
	memcpy(out, s, at);
	memcpy(out + at, mr->meant, lm);
	memcpy(out + at + lm, s + at + ls, n - at - ls);
	k = n - ls + lm;
	out[k] = '\0';
	/* "Rnột" -> "Một"; a capital I stood for a small l. */
	if (at == 0 && s[0] >= 'A' && s[0] <= 'Z' && s[0] != 'I')
		out[0] = (char)(out[0] - 'a' + 'A');
	return k;
}

void
vni_check_letters(struct vni_block *b)
{
	const struct vni_tokens *t = b->toks;
	const struct vni_token *tk;
	const struct misreading *mr;
	char low[64], cand[64], low2[64], fixed[64], first[64];
	const char *sugg[2] = {fixed, NULL};
	const char *s, *seen = NULL, *meant = NULL;
	size_t i, r, at, n, k, m, nfound;

	if (!vni_rule_on(b, VNI_R_LETTER_CONFUSION))
		return;
	for (i = 0; i < t->n; i++) {
		tk = &t->v[i];
		/* Without Vietnamese marks the word is as often English, a
		 * name or an acronym ("cli", "arn", "Iam") as damaged. */
		if (tk->kind != VNI_TK_WORD || (tk->flags & NOT_PROSE) ||
		    !(tk->flags & VNI_TF_VN_MARK) || tk->len >= sizeof(cand) - 4)
			continue;
		s = b->text + tk->off;
		n = tk->len;
		/* Cheap filter: the first letter of a seen group. */
		for (at = 0; at < n && !strchr("rRcClLI", s[at]); at++)
			;
		if (at == n)
			continue;
		m = vni_token_lower(b, tk, low, sizeof(low));
		if (m == 0 || vni_token_known(b, tk) ||
		    vni_wordset_has(&b->ctx->lex.loanwords, low, m))
			continue;
		nfound = 0;
		for (r = 0; r < NMISREADINGS; r++) {
			mr = &misreadings[r];
			for (at = 0; at + strlen(mr->seen) <= n; at++) {
				/* "I" for "l" only starts a word. */
				if (mr->seen[0] == 'I' && at > 0)
					break;
				if (!seen_at(s + at, mr->seen))
					continue;
				if ((k = undo(s, n, at, mr, cand, sizeof(cand))) == 0)
					continue;
				k = vni_lower(cand, k, low2, sizeof(low2));
				if (k == 0 || !vni_known_syllable(b->ctx, low2, k))
					continue;
				if (nfound == 0 || strcmp(low2, first) != 0) {
					nfound++;
					memcpy(first, low2, k + 1);
					memcpy(fixed, cand, strlen(cand) + 1);
					seen = mr->seen;
					meant = mr->meant;
				}
			}
		}
		if (nfound != 1)
			continue;
		vni_report(b, VNI_R_LETTER_CONFUSION, tk->off, tk->len, sugg,
			   "\"%.*s\" looks like OCR read \"%s\" as \"%s\"",
			   "\"%.*s\" có vẻ do OCR đọc \"%s\" thành \"%s\"",
			   (int)n, s, meant, seen);
	}
}
