/* SPDX-License-Identifier: MIT */
/* spelling/invalid-syllable: words in Vietnamese letters that are not
 * possible written syllables, or possible but never attested. */
#include <stdlib.h>

#include "internal.h"

/* Tokens this check leaves to other rules: acronyms, codes, names with
 * digits, loans written with hyphens, foreign letters, damaged text. */
#define SKIP_FLAGS                                                            \
	(VNI_TF_HAS_DIGIT | VNI_TF_ALL_CAPS | VNI_TF_BAD_CHAR | VNI_TF_CODE |   \
	 VNI_TF_NOT_VN_LETTER | VNI_TF_HYPHENATED | VNI_TF_DOTTED |             \
	 VNI_TF_MIXED_CASE | VNI_TF_ABBREV)

void
vni_check_spelling(struct vni_block *b)
{
	const struct vni_tokens *t = b->toks;
	const struct vni_token *tk;
	struct vni_syllable syl;
	char low[128], *sugg[4];
	const char *sv[4];
	size_t i, n, ns, j;
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
		ns = vni_dict_vi_suggest(b->ctx->dict, b->text + tk->off, tk->len,
					 sugg, 3);
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
