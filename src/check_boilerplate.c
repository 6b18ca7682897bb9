/* SPDX-License-Identifier: MIT */
/*
 * structure/boilerplate: a line of web-page residue standing alone ("Tin
 * liên quan", "Xem thêm", "Theo VnExpress", "Bản quyền thuộc về …", a
 * cookie notice), left behind when an article is copied or scraped. The
 * whole line must match an entry of the list (boilerplate.c), never a
 * phrase inside prose. Labels that are also ordinary interface strings
 * ("Chia sẻ", "Quay lại") are weak: reported only when the line before or
 * after is residue too, as the sharing and navigation widgets of a page
 * come in runs while a message catalogue has them alone.
 */
#include <string.h>

#include "internal.h"

/* Longer lines are text, not residue (a cookie notice fits). */
#define LINE_MAX_BYTES 400
/* A source credit names at most this many words ("Theo Báo Lao Động"). */
#define NAME_WORDS 6
/* Token boundaries remembered in one line. */
#define MAX_CUTS 256

static int
decoration(const struct vni_token *t, int leading)
{
	if (t->kind != VNI_TK_PUNCT)
		return 0;
	switch (t->cp) {
	case '-': case '*': case '+': case '|': case '>': case 0x2022:
	case 0xBB: case 0x203A: case 0x2190: case 0x2191: case 0x2192:
	case 0x25B2: case 0x25BA: case 0x25B6: case 0x2039: case 0xAB:
		return 1;
	case '[': case '(':
		return leading;
	case ']': case ')': case '.': case 0x2026: case '<':
		return !leading;
	default:
		return 0;
	}
}

/* The line's key for the list: tokens [s, e) lowercased, each run of
 * spaces one space. Records where each token starts (its index, the key's
 * length before it): a prefix entry ends at one. */
struct key {
	char text[LINE_MAX_BYTES + 8];
	size_t len;
	size_t cut_tok[MAX_CUTS], cut_off[MAX_CUTS];
	size_t ncut;
};

static int
build_key(const struct vni_block *b, size_t s, size_t e, struct key *k)
{
	const struct vni_tokens *t = b->toks;
	size_t i, n;

	k->len = k->ncut = 0;
	for (i = s; i < e; i++) {
		if (i > s && k->ncut < MAX_CUTS) {
			k->cut_tok[k->ncut] = i;
			k->cut_off[k->ncut++] = k->len;
		}
		if (t->v[i].kind == VNI_TK_SPACE) {
			k->text[k->len++] = ' ';
			continue;
		}
		n = vni_token_lower(b, &t->v[i], k->text + k->len,
				    sizeof(k->text) - k->len);
		if (n == 0)
			return 0;
		k->len += n;
	}
	k->text[k->len] = '\0';
	return 1;
}

/* "theo" + a name: one to NAME_WORDS words, the first capitalised, no
 * clause or sentence inside. */
static int
is_name(const struct vni_tokens *t, size_t i, size_t e)
{
	size_t words = 0;

	if (i >= e || t->v[i].kind != VNI_TK_WORD ||
	    !(t->v[i].flags & (VNI_TF_UPPER_FIRST | VNI_TF_ALL_CAPS)))
		return 0;
	for (; i < e; i++) {
		if (t->v[i].kind == VNI_TK_WORD || t->v[i].kind == VNI_TK_NUMBER)
			words++;
		else if (t->v[i].kind == VNI_TK_PUNCT &&
			 t->v[i].cp != '-' && t->v[i].cp != '&' &&
			 t->v[i].cp != '.' && t->v[i].cp != '\'')
			return 0;
		else if (t->v[i].kind != VNI_TK_SPACE &&
			 t->v[i].kind != VNI_TK_PUNCT)
			return 0;
	}
	return words <= NAME_WORDS;
}

static uint64_t
key_hash(const struct key *k)
{
	uint64_t h = 14695981039346656037u; /* FNV-1a, never 0 below */
	size_t i;

	for (i = 0; i < k->len; i++) {
		h ^= (unsigned char)k->text[i];
		h *= 1099511628211u;
	}
	return h ? h : 1;
}

/* Match the line of tokens [s, e); *hash gets its key's hash. */
static enum vni_bp_match
match(const struct vni_block *b, size_t s, size_t e, uint64_t *hash)
{
	const struct vni_boilerplate *bp = &b->ctx->boiler;
	const struct vni_tokens *t = b->toks;
	struct key k;
	size_t c, n;

	while (s < e && decoration(&t->v[s], 1))
		s++;
	while (s < e && t->v[s].kind == VNI_TK_SPACE)
		s++;
	/* "(12)" after "Bình luận": a counter. */
	if (e - s > 3 && t->v[e - 1].kind == VNI_TK_PUNCT && t->v[e - 1].cp == ')' &&
	    t->v[e - 2].kind == VNI_TK_NUMBER && t->v[e - 3].kind == VNI_TK_PUNCT &&
	    t->v[e - 3].cp == '(')
		e -= 3;
	while (e > s && (decoration(&t->v[e - 1], 0) ||
			 t->v[e - 1].kind == VNI_TK_SPACE))
		e--;
	if (s >= e || t->v[e - 1].off + t->v[e - 1].len - t->v[s].off >
			      LINE_MAX_BYTES)
		return VNI_BP_NONE;
	/* Most lines start with a word no entry starts with. */
	n = vni_token_lower(b, &t->v[s], k.text, sizeof(k.text));
	if (n == 0 || !vni_wordset_has(&bp->first, k.text, n) ||
	    !build_key(b, s, e, &k))
		return VNI_BP_NONE;
	*hash = key_hash(&k);
	if (vni_wordset_has(&bp->line, k.text, k.len))
		return VNI_BP_STRONG;
	if (vni_wordset_has(&bp->weak, k.text, k.len))
		return VNI_BP_WEAK;
	for (c = 0; c < k.ncut; c++) {
		if (k.text[k.cut_off[c] - 1] == ' ')
			continue; /* entries have no trailing space */
		if (vni_wordset_has(&bp->prefix, k.text, k.cut_off[c]))
			return VNI_BP_STRONG;
		/* "theo" + space + a name */
		if (t->v[k.cut_tok[c]].kind == VNI_TK_SPACE &&
		    vni_wordset_has(&bp->name, k.text, k.cut_off[c]) &&
		    is_name(t, k.cut_tok[c] + 1, e))
			return VNI_BP_STRONG;
	}
	return VNI_BP_NONE;
}

static void
report(struct vni_block *b, const struct vni_line_span *l, size_t hold)
{
	const struct vni_tokens *t = b->toks;
	size_t from = t->v[l->first].off;
	size_t len = t->v[l->end - 1].off + t->v[l->end - 1].len - from;
	size_t shown = len;
	struct vni_finding *f;

	/* Quote at most about 60 bytes, cut at a character boundary. */
	if (shown > 60)
		for (shown = 60; shown > 0 &&
				 ((unsigned char)b->text[from + shown] & 0xC0) == 0x80;
		     shown--)
			;
	f = vni_report(b, VNI_R_BOILERPLATE, from, len, NULL,
		       "\"%.*s%s\" is web-page residue (navigation, sharing, "
		       "source or notice), not part of the text",
		       "\"%.*s%s\" là phần thừa của trang web (điều hướng, chia "
		       "sẻ, nguồn tin, thông báo), không thuộc nội dung",
		       (int)shown, b->text + from, shown < len ? "…" : "");
	if (f && hold)
		f->hold = hold;
	else if (hold)
		vni_decide(b->doc, hold, VNI_DROP);
}

/* A line that continues a sentence (hard-wrapped text) does not stand
 * alone; neither does one the next line continues. */
static int
alone(const struct vni_block *b, size_t k)
{
	const struct vni_paras *ps = b->paras;
	const struct vni_line_span *l = &ps->lines[k];
	size_t j;

	if (vni_lead(b->toks, l->first, l->end) == VNI_LEAD_LOWER)
		return 0;
	for (j = k + 1; j < ps->nlines; j++)
		if (ps->lines[j].first < ps->lines[j].end)
			return vni_lead(b->toks, ps->lines[j].first,
					ps->lines[j].end) != VNI_LEAD_LOWER;
	return 1;
}

/* A line that is not residue ends a run: a weak line before it stays
 * unconfirmed. */
static void
end_run(struct vni_doc *doc, struct vni_bpstate *st)
{
	vni_decide(doc, st->pending, VNI_DROP);
	st->pending = 0;
	st->prev = 0;
}

void
vni_check_boilerplate(struct vni_block *b)
{
	struct vni_bpstate *st = &b->doc->bp;
	const struct vni_line_span *l;
	enum vni_bp_match m;
	uint64_t key = 0;
	size_t k, id;
	int lines = 0;

	if (!vni_rule_on(b, VNI_R_BOILERPLATE))
		return;
	for (k = 0; k < b->paras->nlines; k++)
		lines += b->paras->lines[k].first < b->paras->lines[k].end;
	if (b->hidden)
		end_run(b->doc, st);
	for (k = 0; k < b->paras->nlines; k++) {
		l = &b->paras->lines[k];
		if (l->first == l->end)
			continue;
		m = lines > 1 && !alone(b, k) ? VNI_BP_NONE
					       : match(b, l->first, l->end, &key);
		if (m == VNI_BP_NONE) {
			end_run(b->doc, st);
			continue;
		}
		/* Other residue next to a weak line confirms it; the same
		 * label again ("Quay lại" for two buttons) does not. */
		vni_decide(b->doc, st->pending,
			   key != st->pending_key ? VNI_KEEP : VNI_DROP);
		st->pending = 0;
		if (m == VNI_BP_WEAK && (st->prev == 0 || st->prev == key)) {
			id = vni_hold(b);
			if (id) {
				report(b, l, id);
				st->pending = id;
				st->pending_key = key;
			}
		} else {
			report(b, l, 0);
		}
		st->prev = key;
	}
}
