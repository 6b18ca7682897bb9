/* SPDX-License-Identifier: MIT */
/* style/tone-placement: with a configured policy, every syllable written in
 * the other tone-placement style ("hoà" under the traditional policy).
 * unicode/mixed-tone-placement: without one, the syllables written in the
 * style the document uses less ("hoà" among many "hòa, thủy"), decided at
 * the end of the document like a consistency group. */
#include <stdio.h>
#include <string.h>

#include <utf8proc.h>

#include "internal.h"

/* The base letter of cp, lowercase ('ộ' -> 'o'), or 0 beyond ASCII. */
static int
base_letter(long cp)
{
	utf8proc_int32_t d[4];
	utf8proc_ssize_t n;

	if (cp < 0x80) /* what case folding makes of ASCII */
		return cp >= 'A' && cp <= 'Z' ? (int)cp + 32 : (int)cp;
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
	int32_t cp[2] = {0, 0};
	size_t i = 0;
	int k, a, z;

	while (i < n && (k = vni_utf8_decode((const unsigned char *)s + i,
					     n - i, &cp[1])) > 0) {
		i += (size_t)k;
		if (i < n)
			cp[0] = cp[1];
	}
	if (i < n || n < 2)
		return 0;
	/* cp[0] is now the letter before the last one. An ASCII letter
	 * that cannot be one of the pair rules the word out before any
	 * decomposition. */
	if ((cp[1] < 0x80 && strchr("aeyAEY", (int)cp[1]) == NULL) ||
	    (cp[0] < 0x80 && strchr("ouOU", (int)cp[0]) == NULL))
		return 0;
	z = base_letter(cp[1]);
	if (z != 'a' && z != 'e' && z != 'y')
		return 0;
	a = base_letter(cp[0]);
	return (a == 'o' && (z == 'a' || z == 'e')) || (a == 'u' && z == 'y');
}

/* If tk is a valid syllable written in one style only (the open oa, oe,
 * uy), its style; the same syllable in the other style goes to fixed.
 * 0 for every other word. */
static unsigned
single_style(const struct vni_block *b, const struct vni_token *tk,
	     char *fixed, size_t cap)
{
	struct vni_syllable syl;
	unsigned own;

	if (tk->kind != VNI_TK_WORD || !(tk->flags & VNI_TF_VN_MARK) ||
	    tk->len >= cap || !may_have_two_styles(b->text + tk->off, tk->len) ||
	    vni_syllable_parse(b->text + tk->off, tk->len, &syl) != VNI_SYL_VALID)
		return 0;
	own = syl.styles;
	if (own != VNI_STYLE_TRADITIONAL && own != VNI_STYLE_REFORMED)
		return 0; /* both styles agree: most syllables */
	if (vni_syllable_restyle(b->text + tk->off, tk->len,
				 own ^ (VNI_STYLE_TRADITIONAL | VNI_STYLE_REFORMED),
				 fixed, cap) == 0)
		return 0;
	return own;
}

static const char *
style_name(const vn_ctx *ctx, unsigned style)
{
	int vi = ctx->lang == VN_LANG_VI;

	if (style == VNI_STYLE_TRADITIONAL)
		return vi ? "cũ" : "traditional";
	return vi ? "mới" : "reformed";
}

void
vni_mixed_tone_message(const vn_ctx *ctx, size_t form, const char *word,
		       size_t n, const char *fixed, char *out, size_t cap)
{
	unsigned own = form == vni_tone_form(ctx, VNI_STYLE_TRADITIONAL)
			       ? VNI_STYLE_TRADITIONAL
			       : VNI_STYLE_REFORMED;

	snprintf(out, cap,
		 ctx->lang == VN_LANG_VI
			 ? "\"%.*s\" bỏ dấu kiểu %s; phần lớn văn bản dùng "
			   "kiểu %s (%s)"
			 : "\"%.*s\" is in the %s tone placement; most of "
			   "this document uses the %s one (%s)",
		 (int)n, word, style_name(ctx, own),
		 style_name(ctx, own ^ (VNI_STYLE_TRADITIONAL | VNI_STYLE_REFORMED)),
		 fixed ? fixed : "");
}

static void
check_mixed(struct vni_block *b)
{
	const struct vni_tokens *t = b->toks;
	const struct vni_token *tk;
	struct vni_finding *f;
	char fixed[64];
	const char *sugg[2] = {fixed, NULL};
	unsigned own;
	size_t i;

	if (!vni_rule_on(b, VNI_R_MIXED_TONE))
		return;
	for (i = 0; i < t->n; i++) {
		tk = &t->v[i];
		/* single_style's first test, without the call */
		if (tk->kind != VNI_TK_WORD || !(tk->flags & VNI_TF_VN_MARK) ||
		    (own = single_style(b, tk, fixed, sizeof(fixed))) == 0)
			continue;
		/* Kept until the end of the document, which decides and
		 * writes the message (vni_mixed_tone_message). */
		f = vni_report_msg(b, VNI_R_MIXED_TONE, tk->off, tk->len, sugg,
				   "");
		if (f) {
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
	char fixed[64];
	const char *sugg[2] = {fixed, NULL};
	unsigned want, own;
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
		/* Only a valid syllable written in the other style alone. */
		if (tk->kind != VNI_TK_WORD || !(tk->flags & VNI_TF_VN_MARK))
			continue;
		own = single_style(b, tk, fixed, sizeof(fixed));
		if (own == 0 || own == want)
			continue;
		vni_report(b, VNI_R_TONE_PLACEMENT, tk->off, tk->len, sugg,
			   "\"%.*s\" is in the %s tone placement; this document "
			   "uses the %s one",
			   "\"%.*s\" bỏ dấu kiểu %s; văn bản này dùng kiểu %s",
			   (int)tk->len, b->text + tk->off, style_name(b->ctx, own),
			   style_name(b->ctx, want));
	}
}
