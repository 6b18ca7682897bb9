/* SPDX-License-Identifier: MIT */
/* style/tone-placement: with a configured policy, every syllable written in
 * the other tone-placement style ("hoà" under the traditional policy). */
#include "internal.h"

void
vni_check_tone(struct vni_block *b)
{
	const struct vni_tokens *t = b->toks;
	const struct vni_token *tk;
	struct vni_syllable syl;
	char fixed[64];
	const char *sugg[2] = {fixed, NULL};
	unsigned want;
	size_t i;

	if (!vni_rule_on(b, VNI_R_TONE_PLACEMENT) ||
	    b->ctx->tone_policy == VN_TONE_ANY)
		return;
	want = b->ctx->tone_policy == VN_TONE_TRADITIONAL ? VNI_STYLE_TRADITIONAL
							   : VNI_STYLE_REFORMED;
	for (i = 0; i < t->n; i++) {
		tk = &t->v[i];
		if (tk->kind != VNI_TK_WORD || !(tk->flags & VNI_TF_VN_MARK) ||
		    tk->len >= sizeof(fixed))
			continue;
		/* Only a valid syllable written in the other style alone. */
		if (vni_syllable_parse(b->text + tk->off, tk->len, &syl) !=
			    VNI_SYL_VALID ||
		    (syl.styles & want))
			continue;
		if (vni_syllable_restyle(b->text + tk->off, tk->len, want, fixed,
					 sizeof(fixed)) == 0)
			continue;
		vni_report(b, VNI_R_TONE_PLACEMENT, tk->off, tk->len, sugg,
			   "\"%.*s\" is in the %s tone placement; this document "
			   "uses the %s one",
			   "\"%.*s\" bỏ dấu kiểu %s; văn bản này dùng kiểu %s",
			   (int)tk->len, b->text + tk->off,
			   want == VNI_STYLE_TRADITIONAL
				   ? (b->ctx->lang == VN_LANG_VI ? "mới" : "reformed")
				   : (b->ctx->lang == VN_LANG_VI ? "cũ" : "traditional"),
			   want == VNI_STYLE_TRADITIONAL
				   ? (b->ctx->lang == VN_LANG_VI ? "cũ" : "traditional")
				   : (b->ctx->lang == VN_LANG_VI ? "mới" : "reformed"));
	}
}
