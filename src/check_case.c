/* SPDX-License-Identifier: MIT */
/*
 * Casing of sentences.
 *
 * case/capital-mid-sentence: "trách nhiệm Nhiệm vụ của", "hơn nữa Mục
 * đích": a common two-syllable word capitalised inside a sentence, the mark
 * of a heading run into the text or of a capital kept by machine
 * translation. Names capitalise every syllable ("Nhiệm Vụ" would be one),
 * so only a capital followed by a lower-case syllable is looked at, and
 * only between lower-case words with nothing but spaces around: labels,
 * names and titles come after an introducing word ("nút Lưu", "tỉnh Cà
 * Mau") or among other capitals ("Giấy phép Công cộng GNU").
 *
 * case/lowercase-sentence-start: a lower-case word where a sentence
 * starts, in the places punctuation/lowercase-after-period does not look
 * at: the start of a paragraph, the start of a line after a line that
 * ended a sentence, and after a closing quote or bracket that follows a
 * period. That rule keeps "mark, space, lower-case word" on one line.
 * Lists, option descriptions and UI strings start in lower case by
 * design, so a start is reported only in prose whose other sentences
 * start with a capital.
 */
#include <string.h>

#include <utf8proc.h>

#include "internal.h"

/* Words and pairs fit in this; longer tokens are no syllables. */
#define KEY_MAX 160
/* Past this many terms per document stop remembering: memory stays
 * bounded, and a document with that many is not prose anyway. */
#define TERMS_MAX 20000

#define NOT_PROSE                                                             \
	(VNI_TF_CODE | VNI_TF_HAS_DIGIT | VNI_TF_DOTTED | VNI_TF_HYPHENATED |     \
	 VNI_TF_BAD_CHAR | VNI_TF_NOT_VN_LETTER | VNI_TF_ABBREV)

static int
is_space(const struct vni_token *t)
{
	return t->kind == VNI_TK_SPACE;
}

static int
is_capital(const struct vni_token *t)
{
	return t->kind == VNI_TK_WORD && (t->flags & VNI_TF_UPPER_FIRST) &&
	       !(t->flags & (VNI_TF_ALL_CAPS | VNI_TF_MIXED_CASE));
}

static int
has_capital(const struct vni_token *t)
{
	return t->kind == VNI_TK_WORD &&
	       (t->flags &
		(VNI_TF_UPPER_FIRST | VNI_TF_ALL_CAPS | VNI_TF_MIXED_CASE));
}

/* Is t a Vietnamese syllable written as prose (no code, digits, joiners)?
 * Its lowercase form goes to low. */
static int
prose_syllable(const struct vni_block *b, const struct vni_token *t,
	       char *low, size_t cap)
{
	size_t n;

	if (t->kind != VNI_TK_WORD || (t->flags & NOT_PROSE))
		return 0;
	n = vni_token_lower(b, t, low, cap);
	return n && vni_known_syllable(b->ctx, low, n);
}

/* A lower-case Vietnamese word: not one ASCII letter, which in technical
 * text is a variable, a unit or an option ("-v", "%-8u"). */
static int
lower_word(const struct vni_block *b, const struct vni_token *t)
{
	char low[KEY_MAX];

	return prose_syllable(b, t, low, sizeof(low)) && !has_capital(t) &&
	       !(t->len == 1 && (t->flags & VNI_TF_ASCII));
}

/* The key of the words at a..z (reformed placement, single spaces). */
static size_t
key_of(const struct vni_block *b, const struct vni_token *a,
       const struct vni_token *z, char *out, size_t cap)
{
	return vni_phrase_key(b->text + a->off, z->off + z->len - a->off, 0, out,
			      cap);
}

/* ------------------------------------------------ capital-mid-sentence */

/* A pair this tightly bound is one word (P(nhiệm | vụ) = 0.5 in the
 * shipped model, P(hệ | của) = 0.06). */
#define BOUND 0.25

/* How tightly v and w are bound in the model: the larger of P(w | v) and
 * P(v | w) from the counts, 0 when the pair was seen fewer than 5 times. */
static double
bond(const vn_model *m, const char *v, size_t nv, const char *w, size_t nw)
{
	uint32_t a = vni_model_id(m, v, nv), z = vni_model_id(m, w, nw), c;
	double ca, cz;

	if (a == VNI_NO_WORD || z == VNI_NO_WORD)
		return 0;
	c = vni_model_bigram(m, a, z);
	if (c < 5)
		return 0;
	ca = vni_model_count(m, a);
	cz = vni_model_count(m, z);
	return c / (ca > cz ? cz : ca);
}

/* Is the capitalised word at i and the lower-case one at i + 2 a common
 * two-syllable word: listed in dict/common-words.txt, or bound in the
 * context model, and not the start of a name? With a model, a second
 * syllable more tightly bound to the word after it ("Khóa cá nhân",
 * "Kho lưu trữ") makes the capitalised syllable a word of its own. The
 * key of the pair goes to key. */
static size_t
common_pair(const struct vni_block *b, size_t i, char *key, size_t cap)
{
	const struct vni_tokens *t = b->toks;
	const struct vni_lexicon *lex = &b->ctx->lex;
	const vn_model *m = b->ctx->model;
	char v[KEY_MAX], z[KEY_MAX], x[KEY_MAX];
	size_t n, nv, nz, nx;
	double inner, outer;

	n = key_of(b, &t->v[i], &t->v[i + 2], key, cap);
	if (n == 0 || vni_wordset_has(&lex->name_pairs, key, n))
		return 0;
	if (m == NULL)
		return vni_wordset_has(&lex->common_words, key, n) ? n : 0;
	nv = key_of(b, &t->v[i], &t->v[i], v, sizeof(v));
	nz = key_of(b, &t->v[i + 2], &t->v[i + 2], z, sizeof(z));
	if (!nv || !nz)
		return 0;
	inner = bond(m, v, nv, z, nz);
	if (!vni_wordset_has(&lex->common_words, key, n) && inner < BOUND)
		return 0;
	if (i + 4 < t->n && is_space(&t->v[i + 3]) &&
	    t->v[i + 4].kind == VNI_TK_WORD &&
	    (nx = key_of(b, &t->v[i + 4], &t->v[i + 4], x, sizeof(x)))) {
		outer = bond(m, z, nz, x, nx);
		if (outer >= BOUND && outer > inner)
			return 0;
	}
	return n;
}

/* Is the word before i (and the one before it) an introducer of names and
 * labels: "tỉnh", "nút", "hộp thoại"? p is the index of that word. */
static int
introduced(const struct vni_block *b, size_t p)
{
	const struct vni_tokens *t = b->toks;
	char key[KEY_MAX];
	size_t n;

	n = key_of(b, &t->v[p], &t->v[p], key, sizeof(key));
	if (n && vni_wordset_has(&b->ctx->lex.introducers, key, n))
		return 1;
	if (p < 2 || !is_space(&t->v[p - 1]) || t->v[p - 2].kind != VNI_TK_WORD)
		return 0;
	n = key_of(b, &t->v[p - 2], &t->v[p], key, sizeof(key));
	return n && vni_wordset_has(&b->ctx->lex.introducers, key, n);
}

/* A capitalised Vietnamese syllable: the stuff of title-case names, unlike
 * acronyms and foreign brands ("SSL", "Thunderbird") that prose mentions
 * anywhere. */
static int
title_word(const struct vni_block *b, const struct vni_token *w)
{
	char low[KEY_MAX];

	return is_capital(w) && prose_syllable(b, w, low, sizeof(low));
}

/* Is a capitalised syllable among the few words around the pair, in the
 * same clause, or a capital of any kind right after it, or a colon ("Công
 * khai: 1")? Then the pair is part of a title-case name or a label ("Giấy
 * phép Công cộng GNU", "Tổ chức Phần mềm Tự do"). The capital that starts
 * the sentence does not count. */
#define NEAR_WORDS 3

static int
among_capitals(const struct vni_block *b, size_t first, size_t last)
{
	const struct vni_tokens *t = b->toks;
	const struct vni_token *w;
	size_t i, words;

	for (i = first, words = 0; i-- > 0 && words < NEAR_WORDS;) {
		w = &t->v[i];
		if (w->kind == VNI_TK_SPACE)
			continue;
		if (w->kind != VNI_TK_WORD)
			break;
		words++;
		if (title_word(b, w) && !vni_at_sentence_start(t, i))
			return 1;
	}
	for (i = last + 1, words = 0; i < t->n && words < NEAR_WORDS; i++) {
		w = &t->v[i];
		if (w->kind == VNI_TK_SPACE)
			continue;
		if (w->kind == VNI_TK_PUNCT && w->cp == ':')
			return 1;
		if (w->kind != VNI_TK_WORD)
			break;
		words++;
		if (words == 1 ? has_capital(w) : title_word(b, w))
			return 1;
	}
	return 0;
}

/* The end of the sentence at i: a final mark, a line break or the end of
 * the block, whichever comes first. */
static size_t
boundary(const struct vni_tokens *t, size_t i)
{
	while (i < t->n && t->v[i].kind != VNI_TK_NEWLINE &&
	       !vni_sentence_final(&t->v[i]))
		i++;
	return i;
}

/* Does the sentence end with a period, question or exclamation mark, not
 * an ellipsis ("Quản lí Giao diện…" is a menu item)? */
static int
prose_sentence(const struct vni_tokens *t, size_t end)
{
	const struct vni_token *m = &t->v[end];

	return end < t->n && m->kind == VNI_TK_PUNCT && m->cp != 0x2026 &&
	       !(end + 1 < t->n && t->v[end + 1].kind == VNI_TK_PUNCT &&
		 t->v[end + 1].cp == '.');
}

/* Count a use of the term key in the document; returns the new count. */
static uint32_t
count_term(struct vni_block *b, const char *key, size_t n)
{
	struct vni_multimap *m = &b->doc->case_terms;
	uint32_t pos = vni_mm_first(m, key, n);

	if (pos != VNI_MM_END)
		return ++m->val[pos];
	if (m->n >= TERMS_MAX)
		return 1;
	if (!vni_mm_add(m, key, n, 1))
		b->failed = 1;
	return 1;
}

static uint32_t
term_count(const struct vni_block *b, const char *key, size_t n)
{
	const struct vni_multimap *m = &b->doc->case_terms;
	uint32_t pos = vni_mm_first(m, key, n);

	return pos == VNI_MM_END ? 0 : m->val[pos];
}

/* Function words that continue a clause and begin no name, title or
 * label: conjunctions, modal and degree words, the possessive. Left out:
 * determiners and classifiers (titles begin with "Những", "Các"),
 * prepositions ("Đến" and "Từ" label mail headers), tense markers
 * ("Đã đọc", "Chưa đọc" are message states) and the answers "Có",
 * "Không". */
static const char *const clause_words[] = {
	"và", "hoặc", "nhưng", "mà", "thì", "nên", "vì", "nếu", "tuy",
	"dù", "chứ", "lẫn", "vẫn", "cũng", "hãy", "đừng", "rất", "quá",
	"lắm", "của", "bởi"};

static int
in_list(const char *const *list, size_t n, const char *low)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(low, list[i]) == 0)
			return 1;
	return 0;
}

/* The three shapes of a capital that belongs to no name. */
enum shape {
	SHAPE_NONE,
	SHAPE_FIRST,    /* "Nhiệm vụ": the first syllable of a common word */
	SHAPE_SECOND,   /* "vị Trí": the second syllable of a common word */
	SHAPE_FUNCTION  /* "Hoặc": a function word, which starts no name */
};

/* A capitalised Vietnamese syllable at i, with a space and a word before
 * it: which shape is it, and which tokens does it span? The key (the
 * common word, or the function word) goes to key. */
static enum shape
shape_at(const struct vni_block *b, size_t i, size_t *first, size_t *last,
	 char *key, size_t cap, size_t *nkey)
{
	const struct vni_tokens *t = b->toks;
	int next_lower, prev_lower;

	if (!is_capital(&t->v[i]) || !prose_syllable(b, &t->v[i], key, cap))
		return SHAPE_NONE;
	next_lower = i + 2 < t->n && is_space(&t->v[i + 1]) &&
		     lower_word(b, &t->v[i + 2]);
	prev_lower = i >= 2 && is_space(&t->v[i - 1]) &&
		     lower_word(b, &t->v[i - 2]);
	if (next_lower && (*nkey = common_pair(b, i, key, cap))) {
		*first = i;
		*last = i + 2;
		return SHAPE_FIRST;
	}
	if (prev_lower && (*nkey = common_pair(b, i - 2, key, cap))) {
		*first = i - 2;
		*last = i;
		return SHAPE_SECOND;
	}
	if (next_lower && (*nkey = key_of(b, &t->v[i], &t->v[i], key, cap)) &&
	    in_list(clause_words, sizeof(clause_words) / sizeof(*clause_words),
		    key)) {
		*first = *last = i;
		return SHAPE_FUNCTION;
	}
	return SHAPE_NONE;
}

static void
capital_mid_sentence(struct vni_block *b)
{
	const struct vni_tokens *t = b->toks;
	const struct vni_token *a, *z;
	char key[KEY_MAX], fix[KEY_MAX];
	const char *sugg[2] = {fix, NULL};
	size_t i, n, first, last, end = 0;
	enum shape sh;

	/* First every capitalised use that does not start a sentence: a
	 * document that capitalises a word more than once means it
	 * ("Chương trình" in a licence, a menu name). */
	for (i = 0; i < t->n && !b->failed; i++)
		if (is_capital(&t->v[i]) && !vni_at_sentence_start(t, i) &&
		    shape_at(b, i, &first, &last, key, sizeof(key), &n))
			count_term(b, key, n);
	for (i = 2; i < t->n && !b->failed; i++) {
		/* Between lower-case words of one clause, nothing but spaces
		 * around: after a colon, a quote, a bracket or a list marker
		 * a capital is in its place. */
		if (!is_capital(&t->v[i]) || !is_space(&t->v[i - 1]) ||
		    !lower_word(b, &t->v[i - 2]))
			continue;
		sh = shape_at(b, i, &first, &last, key, sizeof(key), &n);
		if (sh == SHAPE_NONE || first < 2 || !is_space(&t->v[first - 1]) ||
		    !lower_word(b, &t->v[first - 2]))
			continue;
		/* Only in a sentence of prose, one that ends with a final
		 * mark: headings, labels and titles ("Đính kèm Tập tin",
		 * "Chương 2. Hệ thống Yêu cầu") capitalise as they like. */
		if (end < i)
			end = boundary(t, i);
		if (!prose_sentence(t, end) || term_count(b, key, n) > 1 ||
		    introduced(b, i - 2) ||
		    among_capitals(b, first - 2, last))
			continue;
		a = &t->v[first];
		z = &t->v[last];
		if (vni_lower(b->text + a->off, z->off + z->len - a->off, fix,
			      sizeof(fix)) == 0)
			continue;
		switch (sh) {
		case SHAPE_SECOND:
			vni_report(b, VNI_R_CAPITAL_MID_SENTENCE, a->off,
				   z->off + z->len - a->off, sugg,
				   "\"%.*s\" has a capital inside the word "
				   "\"%s\"",
				   "\"%.*s\" có chữ hoa giữa từ \"%s\"",
				   (int)(z->off + z->len - a->off),
				   b->text + a->off, fix);
			break;
		case SHAPE_FUNCTION:
			vni_report(b, VNI_R_CAPITAL_MID_SENTENCE, a->off, a->len,
				   sugg,
				   "\"%.*s\" is a function word with a capital "
				   "inside a sentence: a sentence run into the "
				   "text, or a stray capital",
				   "\"%.*s\" là hư từ viết hoa giữa câu: câu khác "
				   "bị nối vào, hoặc chữ hoa thừa",
				   (int)a->len, b->text + a->off);
			break;
		default:
			vni_report(b, VNI_R_CAPITAL_MID_SENTENCE, a->off,
				   z->off + z->len - a->off, sugg,
				   "\"%.*s\" is a common word with a capital "
				   "inside a sentence: a heading or sentence run "
				   "into the text, or a stray capital",
				   "\"%.*s\" là từ thông thường viết hoa giữa "
				   "câu: tiêu đề hoặc câu khác bị nối vào, hoặc "
				   "chữ hoa thừa",
				   (int)(z->off + z->len - a->off),
				   b->text + a->off);
		}
	}
}

/* --------------------------------------------- lowercase-sentence-start */

static int
is_opener(const struct vni_token *t)
{
	return t->kind == VNI_TK_PUNCT &&
	       (t->cp == '"' || t->cp == 0x201C || t->cp == '(' ||
		t->cp == '[' || t->cp == 0xAB || t->cp == '\'' ||
		t->cp == 0x2018);
}

static int
is_closer(const struct vni_token *t)
{
	return t->kind == VNI_TK_PUNCT &&
	       (t->cp == '"' || t->cp == 0x201D || t->cp == ')' ||
		t->cp == ']' || t->cp == 0xBB || t->cp == '\'' ||
		t->cp == 0x2019);
}

/* Is token i a period, question or exclamation mark that ends a sentence
 * of prose: glued to a word of two or more letters ("chưa.", not "-R." or
 * "?" alone), not part of an ellipsis ("...", "?!")? */
static int
prose_end(const struct vni_tokens *t, size_t i)
{
	const struct vni_token *m = &t->v[i], *p;

	if (!vni_sentence_final(m) || m->cp == 0x2026 || i == 0)
		return 0;
	p = &t->v[i - 1];
	if (p->kind == VNI_TK_PUNCT && p->off + p->len == m->off &&
	    (vni_sentence_final(p) || p->cp == '.'))
		return 0;
	if (i + 1 < t->n && t->v[i + 1].kind == VNI_TK_PUNCT &&
	    t->v[i + 1].off == m->off + m->len &&
	    (vni_sentence_final(&t->v[i + 1]) || t->v[i + 1].cp == '.'))
		return 0;
	/* Through closing quotes and brackets: "lệnh “git am”." */
	while (i > 1 && is_closer(p) &&
	       t->v[i - 2].off + t->v[i - 2].len == p->off) {
		i--;
		p = &t->v[i - 1];
	}
	return p->kind == VNI_TK_WORD && p->off + p->len == t->v[i].off &&
	       !(p->flags & (VNI_TF_HAS_DIGIT | VNI_TF_CODE)) && p->len > 1;
}

/* Where a sentence starts, and who owns the start. */
enum start_kind {
	START_NONE,
	START_PARAGRAPH,   /* the first word of the block */
	START_LINE,        /* first word of a line after a finished sentence */
	START_AFTER_QUOTE, /* ". word" with a closing quote or bracket between */
	START_AFTER_MARK   /* ". word": punctuation/lowercase-after-period */
};

/* What kind of sentence start is the word at i? Looks back over opening
 * quotes and brackets, spaces, closing quotes after a final mark. */
static enum start_kind
start_kind(const struct vni_tokens *t, size_t i)
{
	size_t j = i, closers = 0;
	int newline = 0;

	while (j > 0 && is_opener(&t->v[j - 1]))
		j--;
	if (j == 0)
		return START_PARAGRAPH;
	while (j > 0 && (t->v[j - 1].kind == VNI_TK_SPACE ||
			 t->v[j - 1].kind == VNI_TK_NEWLINE)) {
		newline |= t->v[j - 1].kind == VNI_TK_NEWLINE;
		j--;
	}
	if (j == 0)
		return START_PARAGRAPH;
	if (j == i)
		return START_NONE; /* glued to what precedes */
	while (j > 0 && is_closer(&t->v[j - 1]) &&
	       t->v[j - 1].off + t->v[j - 1].len == t->v[j].off) {
		closers++;
		j--;
	}
	if (j == 0 || !prose_end(t, j - 1))
		return START_NONE;
	/* "“Anh đi đâu?” chị hỏi": a quoted question or exclamation is
	 * followed by the rest of its sentence. */
	if (closers && !newline && t->v[j - 1].cp != '.')
		return START_NONE;
	if (newline)
		return START_LINE;
	return closers ? START_AFTER_QUOTE : START_AFTER_MARK;
}

/* Does the block end a sentence (1), leave one open (0), or hold no text
 * (-1)? A final mark ends a sentence, and so does a heading: a block of
 * one short line, capitalised, without punctuation ("Giới thiệu"). A
 * block that ends in a comma, a colon or a bare word leaves its sentence
 * open for the next paragraph. */
static int
block_closes(const struct vni_tokens *t)
{
	size_t i = t->n, words = 0;

	while (i > 0 && (t->v[i - 1].kind == VNI_TK_SPACE ||
			 t->v[i - 1].kind == VNI_TK_NEWLINE))
		i--;
	if (i == 0)
		return -1;
	while (i > 0 && is_closer(&t->v[i - 1]))
		i--;
	if (i > 0 && prose_end(t, i - 1))
		return 1;
	for (; i > 0; i--) {
		if (t->v[i - 1].kind == VNI_TK_NEWLINE ||
		    t->v[i - 1].kind == VNI_TK_PUNCT)
			return 0;
		if (t->v[i - 1].kind == VNI_TK_WORD)
			words++;
	}
	/* One line of words and spaces only: its first word decides. */
	return words && words <= 8 && is_capital(&t->v[is_space(&t->v[0])]);
}

/* Conjunctions that continue an enumeration or a help text across a
 * line or paragraph break ("…, dự kiến.\nvà tất cả các đặc tả…"). */
static const char *const continuing[] = {"và", "hoặc", "hay", "cùng", "mà"};

/* s with its first letter in upper case, into out; 0 if it does not fit. */
static int
capitalise(const char *s, size_t len, char *out, size_t cap)
{
	int32_t cp;
	int k = vni_utf8_decode((const unsigned char *)s, len, &cp), n;

	if (k <= 0 || len - (size_t)k + 5 > cap)
		return 0;
	n = vni_utf8_encode(utf8proc_toupper(cp), out);
	memcpy(out + n, s + k, len - (size_t)k);
	out[(size_t)n + len - (size_t)k] = '\0';
	return 1;
}

static void
lowercase_start(struct vni_block *b, int prev_open)
{
	const struct vni_tokens *t = b->toks;
	const struct vni_token *w;
	enum start_kind k;
	size_t i, capital = 0, lower = 0, first_lower = (size_t)-1;
	char fix[KEY_MAX], low[KEY_MAX];
	const char *sugg[2] = {fix, NULL};

	/* Count the starts: the writer's convention in this paragraph. */
	for (i = 0; i < t->n; i++) {
		w = &t->v[i];
		if (w->kind != VNI_TK_WORD)
			continue;
		if ((k = start_kind(t, i)) == START_NONE)
			continue;
		if ((w->flags & VNI_TF_UPPER_FIRST) &&
		    prose_syllable(b, w, low, sizeof(low))) {
			capital++;
		} else if (lower_word(b, w)) {
			lower++;
			if (k != START_AFTER_MARK && first_lower == (size_t)-1)
				first_lower = i;
		}
	}
	if (first_lower == (size_t)-1)
		return;
	/* One lower-case start among capitalised ones, in a paragraph that
	 * ends its sentences: anything else is a list, help text or a
	 * string that starts in lower case on purpose. */
	if (lower != 1 || capital == 0 || block_closes(t) != 1)
		return;
	k = start_kind(t, first_lower);
	if (k == START_PARAGRAPH && prev_open)
		return; /* continues the sentence of the paragraph before */
	w = &t->v[first_lower];
	/* Vietnamese prose: the start and the word after it are syllables
	 * ("đây là"), not a term and its definition ("ne     Boolean"). */
	if (first_lower + 2 >= t->n || !is_space(&t->v[first_lower + 1]) ||
	    t->v[first_lower + 1].len != 1 ||
	    !lower_word(b, &t->v[first_lower + 2]))
		return;
	if (!vni_token_lower(b, w, low, sizeof(low)) ||
	    in_list(continuing, sizeof(continuing) / sizeof(*continuing), low))
		return;
	if (!capitalise(b->text + w->off, w->len, fix, sizeof(fix)))
		return;
	vni_report(b, VNI_R_LOWERCASE_SENTENCE_START, w->off, w->len, sugg,
		   k == START_PARAGRAPH
			   ? "the paragraph starts with the lower-case word "
			     "\"%.*s\", while its other sentences start with a "
			     "capital"
			   : "the sentence starts with the lower-case word "
			     "\"%.*s\", while the others start with a capital",
		   k == START_PARAGRAPH
			   ? "đoạn văn bắt đầu bằng chữ thường \"%.*s\", trong "
			     "khi các câu khác viết hoa chữ đầu"
			   : "câu bắt đầu bằng chữ thường \"%.*s\", trong khi "
			     "các câu khác viết hoa chữ đầu",
		   (int)w->len, b->text + w->off);
}

void
vni_check_case(struct vni_block *b)
{
	int closes;

	if (vni_rule_on(b, VNI_R_CAPITAL_MID_SENTENCE))
		capital_mid_sentence(b);
	if (vni_rule_on(b, VNI_R_LOWERCASE_SENTENCE_START))
		lowercase_start(b, b->doc->prev_open);
	closes = block_closes(b->toks);
	if (closes >= 0)
		b->doc->prev_open = !closes;
}
