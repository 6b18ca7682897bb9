/* SPDX-License-Identifier: MIT */
/*
 * structure/truncated-paragraph: a paragraph cut off in mid-sentence (a page
 * or a scrape that stopped, a paste that lost its end): it ends with a
 * comma, with a word that cannot end a sentence ("và", "của", "hoặc"; the
 * list is dict/linking-words.txt), inside a quotation, or, at the end of the
 * document, with no final mark after a sentence of many words.
 *
 * Message catalogues and manuals end many paragraphs with no mark at all,
 * and UI strings are fragments ("Kết nối với", "%lu bị hạ cấp,"), so a
 * candidate counts only when (1) it is running prose, (2) the next paragraph
 * starts a new sentence (not a lower-case continuation, a list or code) and
 * (3) the document itself ends its long paragraphs with a full stop
 * (vni_habit_prose): the candidates wait for the end of the document.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* Words of the cut sentence before its comma or linking word: fewer is a
 * label ("Khi trích dẫn,", "Kết nối với"). */
#define CUT_WORDS 4
/* Words of the last sentence of a document that ends with no mark. */
#define END_WORDS 8

enum cut { CUT_NONE, CUT_COMMA, CUT_LINK, CUT_QUOTE, CUT_END };

struct ending {
	enum cut cut;
	size_t off, len;  /* the span to report */
	struct vni_ending e;
};

static void
read_ending(const struct vni_block *b, const struct vni_para *p,
	    struct ending *x)
{
	const struct vni_tokens *t = b->toks;
	const struct vni_token *last = &t->v[p->end - 1];
	struct vni_ending *e = &x->e;
	size_t k, i;

	vni_para_ending(t, p, e);
	x->cut = CUT_NONE;
	x->off = last->off;
	x->len = last->len;
	if (e->comma) {
		x->cut = CUT_COMMA;
	} else if (e->word_end &&
		   (k = vni_linking_tail(t, b->text, p,
					 &b->ctx->lex.linking_words)) != 0) {
		x->cut = CUT_LINK;
		x->off = t->v[k - 1].off;
		x->len = last->off + last->len - x->off;
		/* Count the words before the linking ones. */
		for (i = k - 1; i < p->end; i++)
			e->last_words -= t->v[i].kind == VNI_TK_WORD &&
					 e->last_words > 0;
	} else if (e->word_end && e->quote_words != (size_t)-1 &&
		   e->quote_words >= CUT_WORDS) {
		x->cut = CUT_QUOTE;
	} else if (e->word_end && e->last_words >= END_WORDS && e->full_stop) {
		x->cut = CUT_END;
	}
}

static int
keep_id(struct vni_trunc *st, size_t id, int own)
{
	void *p = st->ids;
	size_t cap = st->cap;

	if (!vni_grow(&p, &cap, st->n + 1, sizeof(*st->ids)))
		return 0;
	st->ids = p;
	p = st->own;
	if (!vni_grow(&p, &st->cap, st->n + 1, 1))
		return 0;
	st->own = p;
	st->ids[st->n] = id;
	st->own[st->n++] = (unsigned char)own;
	return 1;
}

static void
candidate(struct vni_block *b, const struct vni_para *p, const struct ending *e)
{
	int own = e->e.full_stop;

	struct vni_trunc *st = &b->doc->trunc;
	struct vni_finding *f;
	size_t id = vni_hold(b);

	if (id == 0)
		return;
	switch (e->cut) {
	case CUT_COMMA:
		f = vni_report(b, VNI_R_TRUNCATED_PARAGRAPH, e->off, e->len, NULL,
			       "the paragraph ends with a comma: its text looks "
			       "cut off",
			       "đoạn văn kết thúc bằng dấu phẩy: nội dung có vẻ "
			       "bị cắt");
		break;
	case CUT_LINK:
		f = vni_report(b, VNI_R_TRUNCATED_PARAGRAPH, e->off, e->len, NULL,
			       "the paragraph ends with \"%.*s\", which needs "
			       "more words after it: its text looks cut off",
			       "đoạn văn kết thúc bằng \"%.*s\", từ cần có phần "
			       "tiếp theo: nội dung có vẻ bị cắt",
			       (int)e->len, b->text + e->off);
		break;
	case CUT_QUOTE:
		f = vni_report(b, VNI_R_TRUNCATED_PARAGRAPH, e->off, e->len, NULL,
			       "the paragraph ends inside an open quotation: "
			       "its text looks cut off",
			       "đoạn văn kết thúc khi trích dẫn chưa đóng: nội "
			       "dung có vẻ bị cắt");
		break;
	default:
		f = vni_report(b, VNI_R_TRUNCATED_PARAGRAPH, e->off, e->len, NULL,
			       "the document ends in the middle of a sentence, "
			       "with no final punctuation",
			       "văn bản kết thúc giữa câu, không có dấu kết câu");
		break;
	}
	if (f == NULL || !keep_id(st, id, own)) {
		/* A finding reported but not kept would stand undecided. */
		if (f != NULL)
			b->failed = 1;
		vni_decide(b->doc, id, VNI_DROP);
		return;
	}
	f->hold = id;
	if (e->cut == CUT_END) {
		st->last = id;
	} else {
		st->next = id;
		st->indent = p->indent;
	}
}

/* The paragraph after a candidate, p (NULL: code that markup hid), settles
 * it: the candidate stands only if p starts a new sentence, not if a
 * lower-case word continues it or a list, code or an indented example is
 * what the comma or "là" introduced. An unpunctuated end is no end when
 * anything follows. */
static void
settle(struct vni_block *b, const struct vni_para *p)
{
	struct vni_trunc *st = &b->doc->trunc;

	if (st->next &&
	    (p == NULL || p->indent > st->indent ||
	     vni_lead(b->toks, p->first, p->end) != VNI_LEAD_UPPER))
		vni_decide(b->doc, st->next, VNI_DROP);
	vni_decide(b->doc, st->last, VNI_DROP);
	st->next = st->last = 0;
}

void
vni_check_truncation(struct vni_block *b)
{
	struct vni_trunc *st = &b->doc->trunc;
	const struct vni_para *p;
	struct ending e;
	size_t i;

	if (!vni_rule_on(b, VNI_R_TRUNCATED_PARAGRAPH))
		return;
	if (b->hidden)
		settle(b, NULL);
	for (i = 0; i < b->paras->n; i++) {
		p = &b->paras->v[i];
		settle(b, p);
		if (!vni_para_prose(b->toks, b->text, p)) {
			st->after_colon = 0;
			continue;
		}
		read_ending(b, p, &e);
		if (e.cut == CUT_END ||
		    (e.cut != CUT_NONE && e.e.last_words >= CUT_WORDS &&
		     !st->after_colon))
			candidate(b, p, &e);
		st->after_colon = e.e.colon;
	}
}

void
vni_truncation_finish(struct vni_doc *doc)
{
	struct vni_trunc *st = &doc->trunc;
	size_t k;

	for (k = 0; k < st->n; k++)
		if (vni_verdict_of(doc, st->ids[k]) == VNI_UNDECIDED)
			vni_decide(doc, st->ids[k],
				   vni_habit_prose(&doc->habit, st->own[k])
					   ? VNI_KEEP
					   : VNI_DROP);
}

void
vni_trunc_free(struct vni_trunc *t)
{
	free(t->ids);
	free(t->own);
	memset(t, 0, sizeof(*t));
}
