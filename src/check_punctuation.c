/* SPDX-License-Identifier: MIT */
/* punctuation/repeated-punctuation: a doubled period or comma after a word
 * ("hoạt động..", "Hà Nội,, nơi"). Three periods are an ellipsis; "1..31"
 * and "[0..3]" are ranges; "v.v.." is a common way to end a sentence on
 * an abbreviation. */
#include "internal.h"

static int
closes(const struct vni_token *t)
{
	return t->kind == VNI_TK_SPACE || t->kind == VNI_TK_NEWLINE ||
	       (t->kind == VNI_TK_PUNCT &&
		(t->cp == ')' || t->cp == '"' || t->cp == 0x201D ||
		 t->cp == 0x2019 || t->cp == 0xBB));
}

void
vni_check_punctuation(struct vni_block *b)
{
	const struct vni_tokens *t = b->toks;
	const struct vni_token *m, *p;
	size_t i, r;
	char one[2] = {0, 0};
	const char *sugg[2] = {one, NULL};
	unsigned skip = VNI_TF_DOTTED | VNI_TF_ABBREV | VNI_TF_CODE |
			VNI_TF_HAS_DIGIT;

	if (!vni_rule_on(b, VNI_R_REPEATED_PUNCTUATION))
		return;
	for (i = 1; i < t->n; i++) {
		m = &t->v[i];
		p = &t->v[i - 1];
		if (m->kind != VNI_TK_PUNCT ||
		    (m->cp != '.' && m->cp != ',' && m->cp != ';') ||
		    p->kind != VNI_TK_WORD || (p->flags & skip) ||
		    p->off + p->len != m->off)
			continue;
		for (r = 1; i + r < t->n && t->v[i + r].kind == VNI_TK_PUNCT &&
			    t->v[i + r].cp == m->cp &&
			    t->v[i + r].off == t->v[i + r - 1].off + 1;
		     r++)
			;
		if (r < 2 || (m->cp == '.' && r != 2) ||
		    (i + r < t->n && !closes(&t->v[i + r]))) {
			i += r - 1;
			continue;
		}
		one[0] = (char)m->cp;
		vni_report(b, VNI_R_REPEATED_PUNCTUATION, m->off, r, sugg,
			   "\"%.*s\" repeats the mark; one is enough",
			   "\"%.*s\" lặp dấu câu; chỉ cần một", (int)r,
			   b->text + m->off);
		i += r - 1;
	}
}
