/* SPDX-License-Identifier: MIT */
/* ocr/split-word: a syllable broken in two by a space ("ng ười", "th ành",
 * "Việ t"). Two words are one syllable only when the evidence is strong:
 * a piece that is no syllable of its own, a join that is a known syllable
 * with Vietnamese marks, and no other way to read the lone piece. */
#include <string.h>

#include "internal.h"

/* Pieces that are not prose: codes, acronyms, abbreviations, CamelCase,
 * foreign letters. */
#define NOT_PROSE                                                             \
	(VNI_TF_HAS_DIGIT | VNI_TF_ALL_CAPS | VNI_TF_BAD_CHAR | VNI_TF_CODE |   \
	 VNI_TF_NOT_VN_LETTER | VNI_TF_HYPHENATED | VNI_TF_DOTTED |             \
	 VNI_TF_ABBREV | VNI_TF_MIXED_CASE)

/* Is token i a word followed, on the same line, by spaces and a word?
 * Returns the index of that word, or 0. */
static size_t
next_word(const struct vni_block *b, size_t i)
{
	const struct vni_tokens *t = b->toks;
	const struct vni_token *sp;
	size_t k;

	if (i + 2 >= t->n || t->v[i + 2].kind != VNI_TK_WORD)
		return 0;
	sp = &t->v[i + 1];
	if (sp->kind != VNI_TK_SPACE)
		return 0;
	for (k = 0; k < sp->len; k++)
		if (b->text[sp->off + k] != ' ')
			return 0;
	return i + 2;
}

/* The word before token i across spaces on the same line, or (size_t)-1. */
static size_t
prev_word(const struct vni_block *b, size_t i)
{
	return i >= 2 && next_word(b, i - 2) == i ? i - 2 : (size_t)-1;
}

/* A written syllable has at most 7 letters ("nghiêng"). */
#define SYLLABLE_MAX_LETTERS 7

static size_t
letters(const struct vni_block *b, const struct vni_token *t)
{
	size_t k, n = 0;

	for (k = 0; k < t->len; k++)
		n += ((unsigned char)b->text[t->off + k] & 0xC0) != 0x80;
	return n;
}

static int
one_letter(const struct vni_block *b, size_t i)
{
	return letters(b, &b->toks->v[i]) == 1;
}

/* How often each short word (one or two ASCII letters, or đ) stands
 * alone in the block, case folded, saturating: a piece the text uses on
 * its own elsewhere is a word there, a symbol or an abbreviation ("ng"
 * for người, "m" an option), not a fragment. */
#define SHORT_WORDS (26 + 26 * 26 + 1)

struct short_words {
	unsigned char n[SHORT_WORDS];
};

static int
lower_ascii(char c)
{
	c = (char)(c | 0x20);
	return c >= 'a' && c <= 'z' ? c - 'a' : -1;
}

/* The slot of word t, or -1 when it is no short word. */
static int
short_index(const struct vni_block *b, const struct vni_token *t)
{
	const char *s = b->text + t->off;
	int x = t->len <= 2 ? lower_ascii(s[0]) : -1;
	int y = t->len == 2 ? lower_ascii(s[1]) : -1;

	if (t->len == 1 && x >= 0)
		return x;
	if (t->len == 2 && x >= 0 && y >= 0)
		return 26 + 26 * x + y;
	if (t->len == 2 && (unsigned char)s[0] == 0xC4 &&
	    ((unsigned char)s[1] == 0x90 || (unsigned char)s[1] == 0x91))
		return SHORT_WORDS - 1; /* Đ đ */
	return -1;
}

static void
count_short(const struct vni_block *b, struct short_words *c)
{
	const struct vni_tokens *t = b->toks;
	size_t i;
	int k;

	memset(c, 0, sizeof(*c));
	for (i = 0; i < t->n; i++)
		if (t->v[i].kind == VNI_TK_WORD &&
		    (k = short_index(b, &t->v[i])) >= 0 && c->n[k] < 255)
			c->n[k]++;
}

/* May word i, no syllable of its own, be a fragment broken off a real
 * syllable beside it? Not when the block uses it alone elsewhere, and not
 * a capital letter alone (an initial, a variable: "P ít"). */
static int
fragment(const struct vni_block *b, size_t i, const struct short_words *c)
{
	const struct vni_token *t = &b->toks->v[i];
	int k = short_index(b, t);

	if (k >= 0 && c->n[k] > 1)
		return 0;
	return !(one_letter(b, i) && (t->flags & VNI_TF_UPPER_FIRST));
}

/* Is the lowercase join of tokens i and j a known syllable? Most pairs of
 * words are too long or no syllable by the rules: those are turned away
 * before the look-up, which would fill the context's cache with them. */
static int
joins(const struct vni_block *b, size_t i, size_t j)
{
	const struct vni_token *x = &b->toks->v[i], *y = &b->toks->v[j];
	char low[64];
	size_t n, m;

	if (letters(b, x) + letters(b, y) > SYLLABLE_MAX_LETTERS)
		return 0;
	n = vni_token_lower(b, x, low, sizeof(low));
	if (n == 0)
		return 0;
	m = vni_token_lower(b, y, low + n, sizeof(low) - n);
	return m != 0 &&
	       vni_syllable_parse(low, n + m, NULL) == VNI_SYL_VALID &&
	       vni_known_syllable(b->ctx, low, n + m);
}

static int
known(const struct vni_block *b, size_t i)
{
	return vni_token_known(b, &b->toks->v[i]);
}

/* Could the lone piece i be part of a word other than the join with its
 * partner: a syllable with its other neighbour o, or a letter in a list? */
static int
other_reading(const struct vni_block *b, size_t i, size_t o, int o_before)
{
	if (o == (size_t)-1)
		return 0;
	if (one_letter(b, i) && one_letter(b, o))
		return 1;
	return o_before ? joins(b, o, i) : joins(b, i, o);
}

static int
opener(int32_t cp)
{
	return cp == '(' || cp == '[' || cp == '"' || cp == '\'' ||
	       cp == 0x201C || cp == 0x2018 || cp == 0xAB;
}

static int
closer(int32_t cp)
{
	return cp == '.' || cp == ',' || cp == ';' || cp == ':' || cp == '!' ||
	       cp == '?' || cp == ')' || cp == ']' || cp == '"' || cp == '\'' ||
	       cp == 0x201D || cp == 0x2019 || cp == 0xBB || cp == 0x2026;
}

/* Do tokens i..j stand apart from symbols, as prose words do? A piece
 * glued to a symbol belongs to a format ("%*s ở"), an option or a path. */
static int
free_standing(const struct vni_block *b, size_t i, size_t j)
{
	const struct vni_tokens *t = b->toks;
	const struct vni_token *p = i > 0 ? &t->v[i - 1] : NULL;
	const struct vni_token *n = j + 1 < t->n ? &t->v[j + 1] : NULL;

	if (p && p->kind != VNI_TK_SPACE && p->kind != VNI_TK_NEWLINE &&
	    !(p->kind == VNI_TK_PUNCT && opener(p->cp)))
		return 0;
	return !n || n->kind == VNI_TK_SPACE || n->kind == VNI_TK_NEWLINE ||
	       (n->kind == VNI_TK_PUNCT && closer(n->cp));
}

void
vni_check_split(struct vni_block *b)
{
	const struct vni_tokens *t = b->toks;
	const struct vni_token *x, *y;
	char fixed[128];
	const char *sugg[2] = {fixed, NULL};
	struct short_words shorts;
	size_t i, j, p, nx;
	int kx, ky;

	if (!vni_rule_on(b, VNI_R_SPLIT_WORD))
		return;
	count_short(b, &shorts);
	for (i = 0; i < t->n; i++) {
		x = &t->v[i];
		if (x->kind != VNI_TK_WORD || (j = next_word(b, i)) == 0)
			continue;
		y = &t->v[j];
		/* A capitalised second piece is a name ("A Đam", "Ê Đê"). */
		if (((x->flags | y->flags) & NOT_PROSE) ||
		    (y->flags & VNI_TF_UPPER_FIRST) ||
		    !((x->flags | y->flags) & VNI_TF_VN_MARK) ||
		    x->len + y->len >= sizeof(fixed))
			continue;
		/* Two syllables are two words; nearly every pair stops here,
		 * on two cached look-ups. */
		kx = known(b, i);
		ky = known(b, j);
		if ((kx && ky) || !joins(b, i, j))
			continue;
		/* Beside a real syllable the other piece must look like a
		 * fragment ("khô ng"); two non-syllables ("Việ t", "Đ ược")
		 * are fragments. */
		if (!free_standing(b, i, j) ||
		    (ky && !fragment(b, i, &shorts)) ||
		    (kx && !fragment(b, j, &shorts)))
			continue;
		p = prev_word(b, i);
		nx = next_word(b, j);
		if ((!kx && other_reading(b, i, p, 1)) ||
		    (!ky && other_reading(b, j, nx == 0 ? (size_t)-1 : nx, 0)))
			continue;
		/* A unit after a number ("5 m", "100 đ") is no fragment. */
		p = vni_prev_nonspace(t, i);
		if (p != (size_t)-1 && t->v[p].kind == VNI_TK_NUMBER)
			continue;
		memcpy(fixed, b->text + x->off, x->len);
		memcpy(fixed + x->len, b->text + y->off, y->len);
		fixed[x->len + y->len] = '\0';
		vni_report(b, VNI_R_SPLIT_WORD, x->off,
			   y->off + y->len - x->off, sugg,
			   "\"%.*s\" is one syllable broken by a space",
			   "\"%.*s\" là một âm tiết bị dấu cách tách ra",
			   (int)(y->off + y->len - x->off), b->text + x->off);
		i = j;
	}
}
