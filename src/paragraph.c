/* SPDX-License-Identifier: MIT */
/*
 * Paragraphs inside a block. A block ends at a blank line, but much text is
 * written one paragraph per line without blank lines (copied from web
 * pages), and hard-wrapped text breaks lines inside sentences. A line that
 * closes a sentence ends a paragraph; when most lines of a block do, every
 * line is one. The structure checks read paragraphs, and ask whether one is
 * running prose rather than a heading, list item, table row or message
 * template.
 */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "internal.h"

int
vni_closing_mark(const struct vni_token *t)
{
	return t->kind == VNI_TK_PUNCT &&
	       (t->cp == '.' || t->cp == '?' || t->cp == '!' ||
		t->cp == 0x2026 || t->cp == ':' || t->cp == ';');
}

static int
closing_bracket(const struct vni_token *t)
{
	return t->kind == VNI_TK_PUNCT &&
	       (t->cp == '"' || t->cp == '\'' || t->cp == 0x201D ||
		t->cp == 0x2019 || t->cp == 0xBB || t->cp == 0x203A ||
		t->cp == ')' || t->cp == ']');
}

/* Does a line whose last non-space token is t[last] close a sentence? */
static int
line_closes(const struct vni_tokens *t, size_t first, size_t last)
{
	while (last > first && closing_bracket(&t->v[last]))
		last--;
	return vni_closing_mark(&t->v[last]);
}

int
vni_has_lower(const char *text, const struct vni_token *w)
{
	size_t i;
	int32_t cp;
	int k;

	if (w->kind != VNI_TK_WORD || (w->flags & VNI_TF_ALL_CAPS))
		return 0;
	if (!(w->flags & VNI_TF_UPPER_FIRST) || (w->flags & VNI_TF_MIXED_CASE))
		return 1;
	for (i = 0; i < w->len; i += k > 0 ? (size_t)k : 1) {
		k = vni_utf8_decode((const unsigned char *)text + w->off + i,
				    w->len - i, &cp);
		if (k > 0 && utf8proc_toupper(cp) != cp)
			return 1;
	}
	return 0;
}

/* A heading line: up to 12 words, at least one of letters, none with a
 * lower-case letter ("CHƯƠNG II", "SEE ALSO"). */
static int
caps_line(const struct vni_tokens *t, const char *text, size_t first,
	  size_t end, size_t words)
{
	size_t i;
	int letters = 0;

	if (words == 0 || words > 12)
		return 0;
	for (i = first; i < end; i++) {
		if (t->v[i].kind != VNI_TK_WORD)
			continue;
		if (vni_has_lower(text, &t->v[i]))
			return 0;
		letters = 1;
	}
	return letters;
}

/* Columns of blanks from byte `from` to the first token of a line. */
static size_t
columns(const char *text, size_t from, size_t to)
{
	size_t col = 0;

	for (; from < to; from++)
		col = text[from] == '\t' ? (col / 8 + 1) * 8 : col + 1;
	return col;
}

static int
push_line(struct vni_paras *out, const struct vni_tokens *t,
	  const char *text, size_t start, size_t first, size_t end,
	  size_t words)
{
	void *p = out->lines;
	struct vni_line_span *l;

	if (!vni_grow(&p, &out->caplines, out->nlines + 1, sizeof(*out->lines)))
		return 0;
	out->lines = p;
	l = &out->lines[out->nlines++];
	l->first = first;
	l->end = end;
	l->words = words;
	l->indent = first < end ? columns(text, start, t->v[first].off) : 0;
	l->closes = end > first && line_closes(t, first, end - 1);
	l->heading = !l->closes && caps_line(t, text, first, end, words);
	return 1;
}

/* Lines of fewer words are never wrapped prose. */
#define LABEL_WORDS 8

static int
push_para(struct vni_paras *out, const struct vni_para *para)
{
	void *p = out->v;

	if (!vni_grow(&p, &out->cap, out->n + 1, sizeof(*out->v)))
		return 0;
	out->v = p;
	out->v[out->n++] = *para;
	return 1;
}

void
vni_paragraphs(struct vni_paras *out, const struct vni_tokens *t,
	       const char *text, size_t line0)
{
	size_t i, first = (size_t)-1, end = 0, words = 0, k, full = 0, closed = 0;
	size_t start = 0;
	struct vni_para para;
	const struct vni_line_span *l;
	int per_line;

	out->n = 0;
	out->nlines = 0;
	out->failed = 0;
	for (i = 0; i <= t->n; i++) {
		if (i == t->n || t->v[i].kind == VNI_TK_NEWLINE) {
			if (first == (size_t)-1)
				first = end = i;
			if (!push_line(out, t, text, start, first, end, words)) {
				out->failed = 1;
				return;
			}
			if (i < t->n)
				start = t->v[i].off + t->v[i].len;
			first = (size_t)-1;
			words = 0;
			continue;
		}
		if (t->v[i].kind == VNI_TK_SPACE)
			continue;
		if (first == (size_t)-1)
			first = i;
		end = i + 1;
		words += t->v[i].kind == VNI_TK_WORD || t->v[i].kind == VNI_TK_NUMBER;
	}
	/* One paragraph per line: of the lines long enough to be wrapped
	 * text, at least three, two in three close a sentence. Short lines
	 * (titles, bylines) do not vote. */
	for (k = 0; k < out->nlines; k++)
		if (out->lines[k].words >= LABEL_WORDS) {
			full++;
			closed += out->lines[k].closes;
		}
	per_line = full >= 3 && 3 * closed >= 2 * full;
	/* A short line that ends with a word, not a mark, after a line that
	 * closes a sentence (or first), is a title, byline or label: it
	 * stands alone. A short line ending with a comma is wrapped text. */
	for (k = 0; k < out->nlines; k++) {
		l = &out->lines[k];
		if (l->first < l->end && !l->closes && l->words < LABEL_WORDS &&
		    (t->v[l->end - 1].kind == VNI_TK_WORD ||
		     t->v[l->end - 1].kind == VNI_TK_NUMBER) &&
		    (k == 0 || out->lines[k - 1].closes ||
		     out->lines[k - 1].heading))
			out->lines[k].heading = 1;
	}
	memset(&para, 0, sizeof(para));
	para.first = (size_t)-1;
	for (k = 0; k < out->nlines; k++) {
		l = &out->lines[k];
		if (l->first == l->end)
			continue;
		/* A heading stands apart from the lines before it. */
		if (l->heading && para.first != (size_t)-1) {
			if (!push_para(out, &para)) {
				out->failed = 1;
				return;
			}
			para.first = (size_t)-1;
		}
		if (para.first == (size_t)-1) {
			para.first = l->first;
			para.words = 0;
			para.nlines = 0;
			para.line = line0 + k;
			para.indent = l->indent;
		}
		para.end = l->end;
		para.words += l->words;
		para.nlines++;
		if (l->closes || l->heading || per_line || k + 1 == out->nlines) {
			if (!push_para(out, &para)) {
				out->failed = 1;
				return;
			}
			para.first = (size_t)-1;
		}
	}
	/* The block ended with empty lines. */
	if (para.first != (size_t)-1 && !push_para(out, &para))
		out->failed = 1;
}

void
vni_paras_free(struct vni_paras *p)
{
	free(p->v);
	free(p->lines);
	memset(p, 0, sizeof(*p));
}

static int
opener(const struct vni_token *t)
{
	return t->kind == VNI_TK_PUNCT &&
	       (t->cp == '"' || t->cp == '\'' || t->cp == 0x201C ||
		t->cp == 0x2018 || t->cp == 0xAB || t->cp == '(' ||
		t->cp == '[' || t->cp == 0x2013 || t->cp == 0x2014 ||
		t->cp == '>');
}

/* A list item or numbered heading: "-", "*", "+", "•" and the like, "1."
 * "a)" "iv)" "B.5.1.", or a short key before a dash ("y - ..."). An en or
 * em dash alone is not one: it opens a line of dialogue. */
static int
list_marker(const struct vni_tokens *t, size_t i, size_t end)
{
	const struct vni_token *m = &t->v[i], *n;

	if (m->kind == VNI_TK_PUNCT &&
	    (m->cp == '-' || m->cp == '*' || m->cp == '+' || m->cp == 0x2022 ||
	     m->cp == 0x25E6 || m->cp == 0x2023 || m->cp == 0x25AA ||
	     m->cp == 0x25CF || m->cp == 0x2043))
		return 1;
	/* A section number: "B.5.1.", "2.3" */
	if (m->kind == VNI_TK_WORD && (m->flags & VNI_TF_DOTTED) &&
	    (m->flags & VNI_TF_HAS_DIGIT))
		return 1;
	if (i + 1 >= end)
		return 0;
	/* "y - apply this hunk", "N - the Nth byte": a key and its meaning */
	if (i + 3 < end && t->v[i + 1].kind == VNI_TK_SPACE &&
	    t->v[i + 2].kind == VNI_TK_PUNCT &&
	    (t->v[i + 2].cp == '-' || t->v[i + 2].cp == 0x2013) &&
	    t->v[i + 3].kind == VNI_TK_SPACE && m->len <= 2 &&
	    (m->kind == VNI_TK_WORD || m->kind == VNI_TK_PUNCT))
		return 1;
	n = &t->v[i + 1];
	if (n->kind != VNI_TK_PUNCT || (n->cp != '.' && n->cp != ')') ||
	    n->off != m->off + m->len)
		return 0;
	return m->kind == VNI_TK_NUMBER ||
	       (m->kind == VNI_TK_WORD && m->len <= 4 && n->cp == ')');
}

enum vni_lead
vni_lead(const struct vni_tokens *t, size_t first, size_t end)
{
	size_t i;
	const struct vni_token *w;

	for (i = first; i < end; i++) {
		w = &t->v[i];
		if (w->kind == VNI_TK_SPACE)
			continue;
		if (list_marker(t, i, end))
			return VNI_LEAD_OTHER;
		if (opener(w))
			continue;
		if (w->kind != VNI_TK_WORD || (w->flags & VNI_TF_CODE))
			return VNI_LEAD_OTHER;
		return (w->flags & VNI_TF_UPPER_FIRST) ? VNI_LEAD_UPPER
						       : VNI_LEAD_LOWER;
	}
	return VNI_LEAD_OTHER;
}

int
vni_templated(const struct vni_tokens *t, size_t first, size_t end)
{
	size_t i;
	const struct vni_token *m, *n, *p;

	for (i = first; i + 1 < end; i++) {
		m = &t->v[i];
		n = &t->v[i + 1];
		if (m->kind != VNI_TK_PUNCT || n->off != m->off + m->len ||
		    (n->kind != VNI_TK_WORD && n->kind != VNI_TK_NUMBER &&
		     n->kind != VNI_TK_PUNCT))
			continue;
		p = i > first ? &t->v[i - 1] : NULL;
		/* "%s", "%1$S", "%.250s" but not "15%" */
		if (m->cp == '%' && n->kind != VNI_TK_PUNCT &&
		    !(p && p->kind == VNI_TK_NUMBER && p->off + p->len == m->off))
			return 1;
		if (m->cp == '%' && n->kind == VNI_TK_PUNCT &&
		    (n->cp == '.' || n->cp == '-' || n->cp == '*'))
			return 1;
		/* "{name}", "$VAR", "${var}" */
		if ((m->cp == '{' || m->cp == '$') && n->kind != VNI_TK_NUMBER)
			return 1;
	}
	return 0;
}

int
vni_para_prose(const struct vni_tokens *t, const char *text,
	       const struct vni_para *p)
{
	size_t i;
	int lower = 0;
	const struct vni_token *w;

	if (vni_lead(t, p->first, p->end) != VNI_LEAD_UPPER)
		return 0;
	for (i = p->first; i < p->end; i++) {
		w = &t->v[i];
		if (w->kind == VNI_TK_PUNCT && (w->cp == '|' || w->cp == '#'))
			return 0;
		/* A title in capitals has no lower-case word. */
		if (!lower && vni_has_lower(text, w))
			lower = 1;
	}
	return lower && !vni_templated(t, p->first, p->end);
}

static int
blank_or_opener(const struct vni_token *t)
{
	return t == NULL || t->kind == VNI_TK_SPACE ||
	       t->kind == VNI_TK_NEWLINE ||
	       (t->kind == VNI_TK_PUNCT &&
		(t->cp == '(' || t->cp == '[' || t->cp == 0x2013 ||
		 t->cp == 0x2014 || t->cp == ':'));
}

/* Words of an earlier sentence that shows the paragraph uses full stops. */
#define SENTENCE_WORDS 4

void
vni_para_ending(const struct vni_tokens *t, const struct vni_para *p,
		struct vni_ending *e)
{
	const struct vni_token *tk, *prev, *next, *last = &t->v[p->end - 1];
	size_t i, k, at_mark = 0, quote = (size_t)-1;

	memset(e, 0, sizeof(*e));
	for (i = p->first; i < p->end; i++) {
		tk = &t->v[i];
		if (tk->kind == VNI_TK_WORD || tk->kind == VNI_TK_NUMBER) {
			e->words++;
			continue;
		}
		if (tk->kind != VNI_TK_PUNCT)
			continue;
		prev = i > p->first ? &t->v[i - 1] : NULL;
		next = i + 1 < p->end ? &t->v[i + 1] : NULL;
		if (tk->cp == 0x201C && blank_or_opener(prev))
			quote = e->words;
		else if (tk->cp == 0x201D || tk->cp == 0x201C)
			quote = (size_t)-1; /* a closing ” (or “ misused as one) */
		if (next && vni_closing_mark(tk) &&
		    (next->kind == VNI_TK_SPACE || next->kind == VNI_TK_NEWLINE)) {
			if (vni_sentence_final(tk) &&
			    e->words - at_mark >= SENTENCE_WORDS)
				e->full_stop = 1;
			at_mark = e->words;
		}
		/* "Tên / Địa chỉ": a spaced slash or bar separates labels. */
		if ((tk->cp == '/' || tk->cp == '|') && prev && next &&
		    prev->kind == VNI_TK_SPACE && next->kind == VNI_TK_SPACE)
			at_mark = e->words;
	}
	e->last_words = e->words - at_mark;
	e->quote_words = quote == (size_t)-1 ? quote : e->words - quote;
	e->word_end = last->kind == VNI_TK_WORD;
	e->comma = last->kind == VNI_TK_PUNCT && last->cp == ',';
	for (k = p->end - 1; k > p->first && closing_bracket(&t->v[k]); k--)
		;
	e->closes = vni_closing_mark(&t->v[k]);
	e->colon = t->v[k].kind == VNI_TK_PUNCT && t->v[k].cp == ':';
}

size_t
vni_linking_tail(const struct vni_tokens *t, const char *text,
		 const struct vni_para *p, const struct vni_wordset *linking)
{
	const struct vni_token *end = &t->v[p->end - 1];
	char key[192];
	size_t i = p->end - 1, k, n, found = 0;

	for (k = 0; k < 3; k++) {
		if (t->v[i].kind != VNI_TK_WORD || (t->v[i].flags & VNI_TF_CODE))
			break;
		n = vni_lower(text + t->v[i].off, end->off + end->len - t->v[i].off,
			      key, sizeof(key));
		if (n && vni_wordset_has(linking, key, n))
			found = i + 1;
		if (i < p->first + 2 || t->v[i - 1].kind != VNI_TK_SPACE ||
		    t->v[i - 1].len != 1)
			break;
		i -= 2;
	}
	return found;
}

/* A paragraph of this many words shows the document's habit. */
#define LONG_WORDS 12
#define HABIT_MIN 3

void
vni_habit_add(struct vni_habit *h, const struct vni_tokens *t,
	      const char *text, const struct vni_paras *ps,
	      const struct vni_wordset *linking)
{
	const struct vni_para *p;
	struct vni_ending e;
	size_t i;

	for (i = 0; i < ps->n; i++) {
		p = &ps->v[i];
		if (p->words < LONG_WORDS || !vni_para_prose(t, text, p))
			continue;
		vni_para_ending(t, p, &e);
		if (e.closes) {
			h->long_paras++;
			h->punctuated++;
		} else if (e.word_end && !e.full_stop &&
			   e.quote_words == (size_t)-1 &&
			   !vni_linking_tail(t, text, p, linking)) {
			/* A bare word after a single sentence: a label, a UI
			 * string. Paragraphs that look cut are what the
			 * checks judge, not signs of the habit. */
			h->long_paras++;
		}
	}
}

int
vni_habit_prose(const struct vni_habit *h, int own)
{
	if (h->long_paras < HABIT_MIN)
		return own || (h->long_paras && h->punctuated == h->long_paras);
	return h->punctuated * 5 >= h->long_paras * 4;
}
