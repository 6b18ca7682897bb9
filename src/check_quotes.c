/* SPDX-License-Identifier: MIT */
/* punctuation/mixed-quotes and punctuation/unbalanced-quote: double quotes
 * checked pair by pair within a paragraph (a block). Double quotes do not
 * nest in Vietnamese (inner quotes are single), so one open slot suffices. */
#include "internal.h"

enum qstyle { Q_STRAIGHT, Q_CURLY };

struct open_quote {
	int open;
	size_t off;
	enum qstyle style;
	int32_t cp;
};

static void
unbalanced(struct vni_block *b, size_t off, size_t len, int opening)
{
	if (opening)
		vni_report(b, VNI_R_UNBALANCED_QUOTE, off, len, NULL,
			   "opening quote is never closed in this paragraph",
			   "dấu mở ngoặc kép không được đóng trong đoạn này");
	else
		vni_report(b, VNI_R_UNBALANCED_QUOTE, off, len, NULL,
			   "closing quote without an opening quote in this "
			   "paragraph",
			   "dấu đóng ngoặc kép không có dấu mở trong đoạn này");
}

/* Does a straight quote at token i look like an opener ("x  "abc)? It
 * opens when nothing or space/an opener is on its left. */
static int
looks_opening(const struct vni_tokens *t, size_t i)
{
	const struct vni_token *p = i > 0 ? &t->v[i - 1] : NULL;

	return p == NULL || p->kind == VNI_TK_SPACE ||
	       p->kind == VNI_TK_NEWLINE ||
	       (p->kind == VNI_TK_PUNCT &&
		(p->cp == '(' || p->cp == '[' || p->cp == '-' || p->cp == ':'));
}

void
vni_check_quotes(struct vni_block *b)
{
	const struct vni_tokens *t = b->toks;
	const struct vni_token *tk;
	struct open_quote q = {0, 0, Q_STRAIGHT, 0};
	const char *straight[2] = {"\"", NULL}, *curly[2] = {"\u201D", NULL};
	size_t i;
	int closes;

	if (!vni_rule_on(b, VNI_R_MIXED_QUOTES) &&
	    !vni_rule_on(b, VNI_R_UNBALANCED_QUOTE))
		return;
	for (i = 0; i < t->n; i++) {
		tk = &t->v[i];
		if (tk->kind != VNI_TK_PUNCT)
			continue;
		if (tk->cp == 0x201C) { /* “ */
			if (q.open)
				unbalanced(b, q.off, q.style == Q_CURLY ? 3 : 1, 1);
			q.open = 1;
			q.off = tk->off;
			q.style = Q_CURLY;
			continue;
		}
		if (tk->cp == 0x201D) { /* ” */
			if (!q.open) {
				unbalanced(b, tk->off, tk->len, 0);
			} else if (q.style == Q_STRAIGHT) {
				vni_report(b, VNI_R_MIXED_QUOTES, tk->off, tk->len,
					   straight,
					   "quote opened with a straight \" is "
					   "closed with a curly \u201D",
					   "ngoặc kép mở bằng dấu thẳng \" nhưng "
					   "đóng bằng dấu cong \u201D");
			}
			q.open = 0;
			continue;
		}
		if (tk->cp != '"')
			continue;
		closes = q.open && !(q.style == Q_CURLY && looks_opening(t, i) &&
				     i + 1 < t->n &&
				     t->v[i + 1].kind != VNI_TK_SPACE);
		if (closes) {
			if (q.style == Q_CURLY)
				vni_report(b, VNI_R_MIXED_QUOTES, tk->off, tk->len,
					   curly,
					   "quote opened with a curly \u201C is "
					   "closed with a straight \"",
					   "ngoặc kép mở bằng dấu cong \u201C "
					   "nhưng đóng bằng dấu thẳng \"");
			q.open = 0;
		} else {
			if (q.open)
				unbalanced(b, q.off, q.style == Q_CURLY ? 3 : 1, 1);
			q.open = 1;
			q.off = tk->off;
			q.style = Q_STRAIGHT;
		}
	}
	if (q.open)
		unbalanced(b, q.off, q.style == Q_CURLY ? 3 : 1, 1);
}
