/* SPDX-License-Identifier: MIT */
/*
 * punctuation/ellipsis-style (info): a document that writes the ellipsis
 * both as three periods "..." and as the character "…" gets the less used
 * form reported, decided at the end of the document like the tone
 * placement; spaced periods ". . ." are reported where they stand.
 * Longer runs of periods (leaders, "...."), ranges ("1...10") and paths
 * (".../lib") are not ellipses.
 */
#include <stdio.h>

#include "internal.h"

/* Tokens touch their neighbours: t->v[i + 1] starts where t->v[i] ends. */
static int
is_punct(const struct vni_tokens *t, size_t i, int32_t cp)
{
	return i < t->n && t->v[i].kind == VNI_TK_PUNCT && t->v[i].cp == cp;
}

static int
is_slash(const struct vni_tokens *t, size_t i)
{
	return is_punct(t, i, '/') || is_punct(t, i, '\\');
}

static int
is_kind(const struct vni_tokens *t, size_t i, enum vni_tok_kind kind)
{
	return i < t->n && t->v[i].kind == kind;
}

static int
single_space(const struct vni_block *b, size_t i)
{
	const struct vni_tokens *t = b->toks;

	return is_kind(t, i, VNI_TK_SPACE) && t->v[i].len == 1 &&
	       b->text[t->v[i].off] == ' ';
}

/* Exactly three periods from i: not "....", not a range "1...10", not a
 * path ".../lib", and not "v.v..." (an abbreviation and more periods). */
static int
three_dots(const struct vni_tokens *t, size_t i)
{
	if (!is_punct(t, i + 1, '.') || !is_punct(t, i + 2, '.') ||
	    is_punct(t, i + 3, '.') || is_slash(t, i + 3))
		return 0;
	if (i == 0)
		return 1;
	if (is_punct(t, i - 1, '.') || is_slash(t, i - 1) ||
	    (t->v[i - 1].kind == VNI_TK_WORD &&
	     (t->v[i - 1].flags & VNI_TF_DOTTED)))
		return 0;
	return !(t->v[i - 1].kind == VNI_TK_NUMBER &&
		 is_kind(t, i + 3, VNI_TK_NUMBER));
}

/* ". . ." from i, single spaces, not part of a longer row of leaders. */
static int
spaced_dots(const struct vni_block *b, size_t i)
{
	const struct vni_tokens *t = b->toks;

	if (!single_space(b, i + 1) || !is_punct(t, i + 2, '.') ||
	    !single_space(b, i + 3) || !is_punct(t, i + 4, '.'))
		return 0;
	if ((i >= 2 && is_punct(t, i - 2, '.') && single_space(b, i - 1)) ||
	    (i > 0 && is_punct(t, i - 1, '.')) || is_punct(t, i + 5, '.'))
		return 0;
	return !(single_space(b, i + 5) && is_punct(t, i + 6, '.'));
}

/* Is the ellipsis character at i one of a run ("……", "….")? */
static int
in_run(const struct vni_tokens *t, size_t i)
{
	return (i > 0 && (is_punct(t, i - 1, 0x2026) || is_punct(t, i - 1, '.'))) ||
	       is_punct(t, i + 1, 0x2026) || is_punct(t, i + 1, '.');
}

static int
is_quote(const struct vni_tokens *t, size_t i)
{
	return is_punct(t, i, '\'') || is_punct(t, i, '"') ||
	       is_punct(t, i, '`') || is_punct(t, i, 0x2018) ||
	       is_punct(t, i, 0x2019) || is_punct(t, i, 0x201C) ||
	       is_punct(t, i, 0x201D);
}

/* An ellipsis between quotes is named, not used: "('...') thay cho". */
static int
named(const struct vni_tokens *t, size_t first, size_t last)
{
	return first > 0 && is_quote(t, first - 1) && is_quote(t, last + 1);
}

void
vni_ellipsis_message(const vn_ctx *ctx, int unicode, char *out, size_t cap)
{
	int vi = ctx->lang == VN_LANG_VI;

	if (unicode)
		snprintf(out, cap, "%s",
			 vi ? "ký tự dấu chấm lửng \"…\"; phần lớn văn bản "
			      "viết ba dấu chấm \"...\""
			    : "the ellipsis character \"…\"; most of this "
			      "document writes three periods \"...\"");
	else
		snprintf(out, cap, "%s",
			 vi ? "ba dấu chấm \"...\"; phần lớn văn bản viết ký "
			      "tự dấu chấm lửng \"…\""
			    : "three periods \"...\"; most of this document "
			      "writes the ellipsis character \"…\"");
}

/* Report one occurrence of a style, kept until the end of the document,
 * which decides and writes the message (vni_ellipsis_message). */
static void
hold_style(struct vni_block *b, size_t off, size_t len, int unicode)
{
	static const char *const to_char[] = {"\u2026", NULL};
	static const char *const to_dots[] = {"...", NULL};
	struct vni_finding *f;

	f = vni_report_msg(b, VNI_R_ELLIPSIS_STYLE, off, len,
			   unicode ? to_dots : to_char, "");
	if (f) {
		f->pending = 1;
		f->form = vni_ellipsis_form(b->ctx, unicode);
		/* Only a punctuation mark changes: no word can break. */
		f->safe = b->ctx->rules[f->rule].safe;
	}
}

void
vni_check_ellipsis(struct vni_block *b)
{
	const struct vni_tokens *t = b->toks;
	const struct vni_token *m;
	static const char *const spaced[] = {"...", "\u2026", NULL};
	size_t i;

	if (!vni_rule_on(b, VNI_R_ELLIPSIS_STYLE))
		return;
	for (i = 0; i < t->n; i++) {
		m = &t->v[i];
		if (m->kind != VNI_TK_PUNCT)
			continue;
		if (m->cp == 0x2026) {
			if (in_run(t, i))
				continue;
			if (!named(t, i, i))
				hold_style(b, m->off, m->len, 1);
		} else if (m->cp == '.' && three_dots(t, i)) {
			if (!named(t, i, i + 2))
				hold_style(b, m->off, 3, 0);
			i += 2;
		} else if (m->cp == '.' && spaced_dots(b, i)) {
			vni_report(b, VNI_R_ELLIPSIS_STYLE, m->off, 5, spaced,
				   "spaced periods \". . .\" for an ellipsis",
				   "dấu chấm lửng viết cách \". . .\"");
			i += 4;
		}
	}
}
