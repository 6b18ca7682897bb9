/* SPDX-License-Identifier: MIT */
/* style/tone-placement: with a configured policy, every syllable written in
 * the other tone-placement style ("hoà" under the traditional policy).
 * unicode/mixed-tone-placement: without one, the syllables written in the
 * style the document uses less ("hoà" among many "hòa, thủy"), decided at
 * the end of the document like a consistency group. */
#include <utf8proc.h>

#include "internal.h"

/* The base letter of cp, lowercase ('ộ' -> 'o'), or 0 beyond ASCII. */
static int
base_letter(long cp)
{
	utf8proc_int32_t d[4];
	utf8proc_ssize_t n;

	n = utf8proc_decompose_char((utf8proc_int32_t)cp, d, 4,
				    UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD,
				    NULL);
	return n >= 1 && d[0] < 0x80 ? (int)d[0] : 0;
}

/* Only open syllables ending in oa, oe, uy have two tone placements; the
 * parser is far dearer than this look at the last two letters. */
static int
may_have_two_styles(const char *s, size_t n)
{
	long cp[2] = {0, 0};
	size_t i = 0;
	int k, a, z;

	while (i < n && (k = vn_utf8_decode(s + i, n - i, &cp[1])) > 0) {
		i += (size_t)k;
		if (i < n)
			cp[0] = cp[1];
	}
	if (i < n || n < 2)
		return 0;
	/* cp[0] is now the letter before the last one */
	a = base_letter(cp[0]);
	z = base_letter(cp[1]);
	return (a == 'o' && (z == 'a' || z == 'e')) || (a == 'u' && z == 'y');
}

static void
check_mixed(struct vni_block *b)
{
	const struct vni_tokens *t = b->toks;
	const struct vni_token *tk;
	struct vni_syllable syl;
	struct vni_finding *f;
	char fixed[64];
	const char *sugg[2] = {fixed, NULL};
	unsigned own, other;
	size_t i;
	int vi = b->ctx->lang == VN_LANG_VI;

	if (!vni_rule_on(b, VNI_R_MIXED_TONE))
		return;
	for (i = 0; i < t->n; i++) {
		tk = &t->v[i];
		if (tk->kind != VNI_TK_WORD || !(tk->flags & VNI_TF_VN_MARK) ||
		    tk->len >= sizeof(fixed) ||
		    !may_have_two_styles(b->text + tk->off, tk->len) ||
		    vni_syllable_parse(b->text + tk->off, tk->len, &syl) !=
			    VNI_SYL_VALID)
			continue;
		own = syl.styles;
		if (own != VNI_STYLE_TRADITIONAL && own != VNI_STYLE_REFORMED)
			continue; /* both styles agree: most syllables */
		other = own ^ (VNI_STYLE_TRADITIONAL | VNI_STYLE_REFORMED);
		if (vni_syllable_restyle(b->text + tk->off, tk->len, other, fixed,
					 sizeof(fixed)) == 0)
			continue;
		vni_report(b, VNI_R_MIXED_TONE, tk->off, tk->len, sugg,
			   "\"%.*s\" is in the %s tone placement; most of this "
			   "document uses the %s one (%s)",
			   "\"%.*s\" bỏ dấu kiểu %s; phần lớn văn bản dùng kiểu "
			   "%s (%s)",
			   (int)tk->len, b->text + tk->off,
			   own == VNI_STYLE_TRADITIONAL ? (vi ? "cũ" : "traditional")
							: (vi ? "mới" : "reformed"),
			   own == VNI_STYLE_TRADITIONAL ? (vi ? "mới" : "reformed")
							: (vi ? "cũ" : "traditional"),
			   fixed);
		if (b->nf == 0 || b->failed)
			continue;
		f = &b->f[b->nf - 1];
		if (f->rule == VNI_R_MIXED_TONE && f->norm == tk->off) {
			f->pending = 1;
			f->form = vni_tone_form(b->ctx, own);
		}
	}
}

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

	if (b->ctx->tone_policy == VN_TONE_ANY) {
		check_mixed(b);
		return;
	}
	if (!vni_rule_on(b, VNI_R_TONE_PLACEMENT))
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
