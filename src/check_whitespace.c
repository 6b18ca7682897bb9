/* SPDX-License-Identifier: MIT */
/*
 * whitespace/repeated-space: two spaces between two words of a sentence
 * ("nếu bạn  muốn"), often where a word was deleted. Spaces that lay text
 * out are left alone: indentation, tabs and longer runs, columns of a
 * table (a line with several runs), a term spaced from its definition at
 * the start of a line, justified lines (as wide as the widest line of the
 * paragraph or as a neighbour) and the two spaces some writers put after
 * a sentence.
 */
#include "internal.h"

/* Narrower lines of the same width are a coincidence, not a margin. */
#define JUSTIFIED_MIN 40

/* What one line of the block looks like. */
struct line {
	size_t first, end; /* token range, the line break excluded */
	size_t width;      /* code points up to the last non-space token */
	size_t runs;       /* runs of two or more spaces between tokens */
	int indented;
};

static int
only_spaces(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ')
			return 0;
	return 1;
}

static int
ends_sentence(const struct vni_token *t)
{
	return t->kind == VNI_TK_PUNCT &&
	       (t->cp == '.' || t->cp == '!' || t->cp == '?' || t->cp == ':' ||
		t->cp == 0x2026);
}

/* Does the space at i follow the end of a sentence ("đi.  Sau", "đi.”  Sau")?
 * Two spaces there are a typing convention, not a slip. */
static int
sentence_gap(const struct vni_tokens *t, size_t i)
{
	const struct vni_token *p;

	if (i == 0)
		return 0;
	p = &t->v[i - 1];
	if (p->kind == VNI_TK_PUNCT && i >= 2 &&
	    (p->cp == ')' || p->cp == ']' || p->cp == '"' || p->cp == '\'' ||
	     p->cp == 0x201D || p->cp == 0x2019 || p->cp == 0xBB))
		p = &t->v[i - 2];
	return ends_sentence(p);
}

/* Does the space token at i lay out the line: two or more characters or
 * a tab, between two tokens? A single no-break space does not. */
static int
layout_gap(const struct vni_block *b, size_t i)
{
	const struct vni_token *sp = &b->toks->v[i];
	const char *s = b->text + sp->off;
	size_t k, chars = 0;

	for (k = 0; k < sp->len; k++) {
		if (s[k] == '\t')
			return 1;
		chars += ((unsigned char)s[k] & 0xC0) != 0x80;
	}
	return chars >= 2;
}

/* Describe the line whose first token is first. */
static struct line
scan_line(const struct vni_block *b, size_t first)
{
	const struct vni_tokens *t = b->toks;
	struct line l = {first, first, 0, 0, 0};
	size_t i, last = (size_t)-1, k;

	for (i = first; i < t->n && t->v[i].kind != VNI_TK_NEWLINE; i++) {
		if (t->v[i].kind != VNI_TK_SPACE)
			last = i;
		else if (i > first && i + 1 < t->n &&
			 t->v[i + 1].kind != VNI_TK_NEWLINE &&
			 layout_gap(b, i) && !sentence_gap(t, i))
			l.runs++;
	}
	l.end = i;
	l.indented = first < i && t->v[first].kind == VNI_TK_SPACE;
	if (last == (size_t)-1)
		return l;
	for (k = t->v[first].off; k < t->v[last].off + t->v[last].len; k++)
		l.width += ((unsigned char)b->text[k] & 0xC0) != 0x80;
	return l;
}

static int
word_like(const struct vni_token *t)
{
	return (t->kind == VNI_TK_WORD || t->kind == VNI_TK_NUMBER) &&
	       !(t->flags & (VNI_TF_CODE | VNI_TF_BAD_CHAR));
}

/* The token before the run: a word, or a comma or semicolon glued to
 * one. After a sentence's end two spaces are a typing convention. */
static int
inside_sentence(const struct vni_tokens *t, size_t i)
{
	const struct vni_token *p = &t->v[i];

	if (word_like(p))
		return 1;
	return (p->kind == VNI_TK_PUNCT && (p->cp == ',' || p->cp == ';')) &&
	       i > 0 && word_like(&t->v[i - 1]);
}

static void
check_line(struct vni_block *b, const struct line *l)
{
	const struct vni_tokens *t = b->toks;
	const struct vni_token *sp;
	const char *one[2] = {" ", NULL};
	size_t i;

	/* From the second token on: "ascii  từ EBCDIC sang ASCII" spaces a
	 * term from its definition. */
	for (i = l->first + 2; i + 1 < l->end; i++) {
		sp = &t->v[i];
		if (sp->kind != VNI_TK_SPACE || sp->len != 2 ||
		    !only_spaces(b->text + sp->off, sp->len))
			continue;
		if (!inside_sentence(t, i - 1) || !word_like(&t->v[i + 1]))
			continue;
		vni_report(b, VNI_R_REPEATED_SPACE, sp->off, sp->len, one,
			   "two spaces between words",
			   "hai dấu cách giữa hai từ");
	}
}

void
vni_check_whitespace(struct vni_block *b)
{
	const struct vni_tokens *t = b->toks;
	struct line l, next;
	size_t first, lines = 0, widest = 0, prev_width = 0;
	int justified;

	if (!vni_rule_on(b, VNI_R_REPEATED_SPACE) || t->n == 0)
		return;
	/* Only two plain spaces are ever reported (check_line): without
	 * them, the lines need not be measured. */
	for (first = 0; first < t->n; first++)
		if (t->v[first].kind == VNI_TK_SPACE && t->v[first].len == 2 &&
		    only_spaces(b->text + t->v[first].off, 2))
			break;
	if (first == t->n)
		return;
	/* Justified text fills every line but a paragraph's last to one
	 * width: the widest of the block, or at least a neighbour's. */
	for (first = 0; first < t->n; first = l.end + 1) {
		l = scan_line(b, first);
		lines += l.width > 0;
		if (l.width > widest)
			widest = l.width;
	}
	for (first = 0; first < t->n; first = l.end + 1) {
		l = scan_line(b, first);
		if (l.runs == 1 && !l.indented) {
			next = scan_line(b, l.end + 1);
			justified = l.width >= JUSTIFIED_MIN &&
				    ((lines >= 2 && l.width == widest) ||
				     l.width == prev_width || l.width == next.width);
			if (!justified)
				check_line(b, &l);
		}
		prev_width = l.width;
	}
}
