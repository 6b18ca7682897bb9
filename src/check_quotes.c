/* SPDX-License-Identifier: MIT */
/*
 * punctuation/mixed-quotes and punctuation/unbalanced-quote: double quotes
 * paired within a paragraph (a block). Which way a quote faces is read from
 * its neighbours: an opener has space or an opening bracket on its left, a
 * closer has space or punctuation on its right. A small stack lets a
 * quoted command hold a quoted word (“"$SHELL" -i”). Only curly quotes are
 * reported as unbalanced: a lone straight quote is usually code.
 */
#include "internal.h"

#define DEPTH 8

enum qstyle { Q_STRAIGHT, Q_CURLY };

struct quote {
	size_t off, len;
	enum qstyle style;
};

struct stack {
	struct quote q[DEPTH];
	size_t n;
};

static const char *const to_straight[] = {"\"", NULL};
static const char *const to_close[] = {"\u201D", NULL};
static const char *const to_open[] = {"\u201C", NULL};

static int
is_blank(const struct vni_token *t)
{
	return t == NULL || t->kind == VNI_TK_SPACE || t->kind == VNI_TK_NEWLINE;
}

static int
is_opener(const struct vni_token *t)
{
	return t->kind == VNI_TK_PUNCT &&
	       (t->cp == '(' || t->cp == '[' || t->cp == '{' || t->cp == 0x201C ||
		t->cp == 0x2018 || t->cp == '\'' || t->cp == ':' || t->cp == 0xAB);
}

static int
is_quote(const struct vni_token *t)
{
	return t->kind == VNI_TK_PUNCT &&
	       (t->cp == '"' || t->cp == '\'' || t->cp == 0x201C ||
		t->cp == 0x201D || t->cp == 0x2018 || t->cp == 0x2019);
}

/* Marks that may follow a closing quote: ”, or ”. or ”) */
static int
is_closer(const struct vni_token *t)
{
	return t->kind == VNI_TK_PUNCT &&
	       (t->cp == ',' || t->cp == '.' || t->cp == ';' || t->cp == ':' ||
		t->cp == '!' || t->cp == '?' || t->cp == ')' || t->cp == ']' ||
		t->cp == '}' || t->cp == 0x201D || t->cp == 0x2019 ||
		t->cp == 0xBB || t->cp == 0x2026 || t->cp == '"' || t->cp == '\'');
}

static void
push(struct stack *s, const struct vni_token *t, enum qstyle style)
{
	if (s->n == DEPTH) /* deeper nesting is not prose: forget the oldest */
		s->n--;
	s->q[s->n].off = t->off;
	s->q[s->n].len = t->len;
	s->q[s->n].style = style;
	s->n++;
}

static void
mixed(struct vni_block *b, const struct vni_token *t, const char *const *sugg,
      const char *en, const char *vi)
{
	vni_report(b, VNI_R_MIXED_QUOTES, t->off, t->len, sugg, en, vi);
}

void
vni_check_quotes(struct vni_block *b)
{
	const struct vni_tokens *t = b->toks;
	const struct vni_token *tk, *prev, *next;
	struct stack s = {{{0, 0, Q_STRAIGHT}}, 0};
	size_t i;
	int opening, closing, top;

	if (!vni_rule_on(b, VNI_R_MIXED_QUOTES) &&
	    !vni_rule_on(b, VNI_R_UNBALANCED_QUOTE))
		return;
	for (i = 0; i < t->n; i++) {
		tk = &t->v[i];
		if (tk->kind != VNI_TK_PUNCT ||
		    (tk->cp != '"' && tk->cp != 0x201C && tk->cp != 0x201D))
			continue;
		prev = i > 0 ? &t->v[i - 1] : NULL;
		next = i + 1 < t->n ? &t->v[i + 1] : NULL;
		/* A quote wrapped in other quote marks (“"”, "“") or standing
		 * alone between spaces ("dòng “ “", "ký tự \" xuất hiện") is
		 * a character being talked about, not a quotation mark. */
		if ((prev && next && is_quote(prev) && is_quote(next)) ||
		    (is_blank(prev) && is_blank(next)))
			continue;
		opening = is_blank(prev) || is_opener(prev);
		closing = is_blank(next) || is_closer(next);
		top = s.n ? (int)s.q[s.n - 1].style : -1;
		if (tk->cp == 0x201C) { /* “ */
			if (top == Q_CURLY && closing && !opening) {
				mixed(b, tk, to_close,
				      "closing quote written as an opening \u201C",
				      "dấu đóng ngoặc kép viết thành dấu mở \u201C");
				s.n--;
			} else {
				push(&s, tk, Q_CURLY);
			}
		} else if (tk->cp == 0x201D) { /* ” */
			if (top == Q_CURLY) {
				s.n--;
			} else if (top == Q_STRAIGHT) {
				mixed(b, tk, to_straight,
				      "quote opened with a straight \" is closed "
				      "with a curly \u201D",
				      "ngoặc kép mở bằng dấu thẳng \" nhưng đóng "
				      "bằng dấu cong \u201D");
				s.n--;
			} else if (opening && !closing) {
				mixed(b, tk, to_open,
				      "opening quote written as a closing \u201D",
				      "dấu mở ngoặc kép viết thành dấu đóng \u201D");
				push(&s, tk, Q_CURLY);
			} else {
				vni_report(b, VNI_R_UNBALANCED_QUOTE, tk->off,
					   tk->len, NULL,
					   "closing quote without an opening quote "
					   "in this paragraph",
					   "dấu đóng ngoặc kép không có dấu mở trong "
					   "đoạn này");
			}
		} else { /* " */
			if (top == Q_STRAIGHT && !(opening && !closing)) {
				s.n--;
			} else if (top == Q_CURLY && closing && !opening) {
				mixed(b, tk, to_close,
				      "quote opened with a curly \u201C is closed "
				      "with a straight \"",
				      "ngoặc kép mở bằng dấu cong \u201C nhưng "
				      "đóng bằng dấu thẳng \"");
				s.n--;
			} else {
				push(&s, tk, Q_STRAIGHT);
			}
		}
	}
	/* An unpaired straight quote is more often code ("join -t,
	 * gettext("")) than prose: only curly ones are reported. */
	for (i = 0; i < s.n; i++)
		if (s.q[i].style == Q_CURLY)
			vni_report(b, VNI_R_UNBALANCED_QUOTE, s.q[i].off,
				   s.q[i].len, NULL,
				   "opening quote is never closed in this "
				   "paragraph",
				   "dấu mở ngoặc kép không được đóng trong đoạn "
				   "này");
}
