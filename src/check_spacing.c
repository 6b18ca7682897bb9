/* SPDX-License-Identifier: MIT */
/*
 * Spaces around punctuation in prose. Vietnamese writes a mark glued to the
 * word before it and one space after it, like English.
 *   punctuation/space-before       "chào ,bạn", "nhé !", "(xem mục 3 )"
 *   punctuation/missing-space-after "Hà Nội,Việt Nam", "bạn.Hệ thống"
 * Numbers (1.000, 3,5, 10:30), URLs, paths, e-mail addresses, dotted
 * abbreviations and file names (TP.HCM, v.v, README.txt) are single tokens
 * of the tokenizer and never reach these checks; code words carry a flag.
 */
#include <string.h>

#include "internal.h"

/* Words that are not prose: identifiers, options, metavariables with an
 * underscore (TẬP_TIN), words with digits. Capitals are prose ("KHÔNG CÓ
 * BẢO HÀNH, với"), except around the marks of a syntax. */
#define NOT_PROSE (VNI_TF_CODE | VNI_TF_HAS_DIGIT | VNI_TF_BAD_CHAR)

/* Deepest nesting of parentheses followed in one paragraph. */
#define PAREN_DEPTH 16
/* How many tokens around a mark are looked at for Vietnamese words. */
#define NEAR 12

static int
prose_word(const struct vni_token *t)
{
	return t->kind == VNI_TK_WORD && !(t->flags & NOT_PROSE) && t->len > 1;
}

/* Is token j the end of a printf conversion (%s, %ld, %.250s, %-10s,
 * %1$S)? In a message it stands for a word. */
static int
printf_arg(const struct vni_block *b, size_t j)
{
	const struct vni_tokens *t = b->toks;
	const struct vni_token *p;
	const char *s = b->text + t->v[j].off;
	size_t n = t->v[j].len, k;

	if (t->v[j].kind != VNI_TK_WORD || n > 6)
		return 0;
	for (k = 0; k < n && s[k] >= '0' && s[k] <= '9'; k++)
		;
	if (k == n || n - k > 3)
		return 0;
	for (; k < n; k++)
		if ((s[k] | 0x20) < 'a' || (s[k] | 0x20) > 'z')
			return 0;
	for (k = j; k-- > 0 && j - k <= 4;) {
		p = &t->v[k];
		if (p->kind == VNI_TK_PUNCT && p->cp == '%')
			return 1;
		if (p->kind != VNI_TK_NUMBER &&
		    !(p->kind == VNI_TK_PUNCT && (p->cp == '.' || p->cp == '$' ||
						  p->cp == '-' || p->cp == '*')))
			return 0;
	}
	return 0;
}

/* What may open the inside of brackets around prose. */
static int
prose_item(const struct vni_token *t)
{
	return prose_word(t) || t->kind == VNI_TK_NUMBER;
}

/* A word that reads as Vietnamese: a Vietnamese letter or mark, or an
 * attested syllable. */
static int
vn_word(const struct vni_block *b, const struct vni_token *t)
{
	char low[64];
	size_t n;

	if (t->kind != VNI_TK_WORD || (t->flags & NOT_PROSE))
		return 0;
	if (t->flags & VNI_TF_VN_MARK)
		return 1;
	n = vni_token_lower(b, t, low, sizeof(low));
	return n && vni_known_syllable(b->ctx, low, n);
}

/* Is the mark at i inside Vietnamese prose: does a word with Vietnamese
 * marks stand among the few words around it on its line? English and
 * code name marks ("the , operator", "such as ; or |", "mkdir build ;
 * cd build"); Vietnamese prose rarely goes three words without a mark.
 * The look is bounded in tokens too, so a run of marks costs no more. */
static int
in_vietnamese(const struct vni_tokens *t, size_t i)
{
	size_t j, words = 0, lo = i > NEAR ? i - NEAR : 0;

	for (j = i; j-- > lo && words < 3;) {
		if (t->v[j].kind == VNI_TK_NEWLINE)
			break;
		if (t->v[j].kind != VNI_TK_WORD)
			continue;
		if (t->v[j].flags & VNI_TF_VN_MARK)
			return 1;
		words++;
	}
	for (j = i + 1; j < t->n && j <= i + NEAR; j++) {
		if (t->v[j].kind == VNI_TK_NEWLINE)
			break;
		if (t->v[j].kind == VNI_TK_WORD)
			return (t->v[j].flags & VNI_TF_VN_MARK) != 0;
	}
	return 0;
}

/* One space character: a run of several, or a tab, aligns a column
 * ("Object Name   : %s") rather than slipping before a mark. */
static int
single_space(const struct vni_block *b, const struct vni_token *t)
{
	long cp;
	int k;

	if (t->kind != VNI_TK_SPACE)
		return 0;
	k = vn_utf8_decode(b->text + t->off, t->len, &cp);
	return k == (int)t->len && cp != '\t';
}

/* What may follow a mark that ends a phrase: nothing, a space, a line
 * break, or a closing quote or bracket. */
static int
ends_phrase(const struct vni_tokens *t, size_t i)
{
	const struct vni_token *n;

	if (i >= t->n)
		return 1;
	n = &t->v[i];
	if (n->kind == VNI_TK_SPACE || n->kind == VNI_TK_NEWLINE)
		return 1;
	return n->kind == VNI_TK_PUNCT &&
	       (n->cp == '"' || n->cp == 0x201D || n->cp == 0x2019 ||
		n->cp == 0xBB || n->cp == ')' || n->cp == ']');
}

/* The fix only moves a space: it writes no new word, so it is safe
 * whenever the rule is (vni_report asks for known syllables, which a mark
 * is not). */
static void
spacing_fix(struct vni_block *b, struct vni_finding *f)
{
	if (f)
		f->safe = b->ctx->rules[f->rule].safe && f->nsugg == 1;
}

/* ------------------------------------------------- punctuation/space-before */

/* A word that continues a sentence: it starts with a lower-case letter. */
static int
lower_word(const struct vni_token *t)
{
	return t->kind == VNI_TK_WORD && !(t->flags & VNI_TF_UPPER_FIRST) &&
	       !(t->cp >= '0' && t->cp <= '9');
}

/* The mark at i has a space before it and a prose word before that:
 * "đi !", "chào ,bạn", "bạn .Hệ". Whether the mark is punctuation at all
 * is read from what follows it. */
static void
space_before_mark(struct vni_block *b, size_t i)
{
	const struct vni_tokens *t = b->toks;
	const struct vni_token *m = &t->v[i], *sp, *w, *n, *after;
	char fix[3] = {0, 0, 0};
	const char *sugg[2] = {fix, NULL};
	int32_t cp = m->cp;

	if (i < 2)
		return;
	sp = &t->v[i - 1];
	w = &t->v[i - 2];
	if (!single_space(b, sp) || !in_vietnamese(t, i))
		return;
	if (printf_arg(b, i - 2)) {
		if (cp != ',' && cp != '.')
			return; /* "%s : %s" lays out a table */
	} else if (!prose_word(w) || (cp == '.' && !vn_word(b, w))) {
		/* "git add .", "find . -name": a period after a command is
		 * a directory; after a Vietnamese word it ends a sentence. */
		return;
	}
	/* "BTHỨC ? BTHỨC : BTHỨC", "{ CÁC;CÂU;LỆNH ; }": metavariables
	 * around other marks are the syntax of a command. */
	if (cp != ',' && cp != '.' && (w->flags & VNI_TF_ALL_CAPS))
		return;
	n = i + 1 < t->n ? &t->v[i + 1] : NULL;
	after = i + 2 < t->n ? &t->v[i + 2] : NULL;
	fix[0] = (char)cp;
	if (n && n->kind == VNI_TK_WORD) {
		/* The space slipped across the mark: "chào ,bạn", "bạn .Hệ".
		 * ".zip", ".NET" and ",x" in code are no such slip. */
		if (!(cp == ',' || cp == ';' || cp == '.') || !vn_word(b, n) ||
		    (cp == '.' && !(n->flags & VNI_TF_UPPER_FIRST)))
			return;
		fix[1] = ' ';
	} else if (n && n->kind == VNI_TK_SPACE && after) {
		/* A mark named in the text is followed by the rest of the
		 * sentence: "Gõ ? để xem", "đặt một . (dấu chấm)". A label's
		 * colon before a value ("Tên : %s", "sắp hàng : 2**%u") lays
		 * out a table; one before prose is a sentence's. */
		if ((cp == '.' || cp == '!' || cp == '?') && lower_word(after))
			return;
		if (cp == ':' && !prose_word(after))
			return;
		if (cp == '.' && after->kind == VNI_TK_PUNCT && after->cp == '.')
			return; /* ". . ." */
	} else if (cp == ':' || !ends_phrase(t, i + 1) ||
		   (cp == ';' && n && n->kind == VNI_TK_PUNCT)) {
		/* " ...", " !=", " ::", " :)", " ;)", " ?:" and a colon that
		 * ends a label ("Tài liệu :") are other things. */
		return;
	}
	spacing_fix(b, vni_report(b, VNI_R_SPACE_BEFORE, sp->off,
				  m->off + m->len - sp->off, sugg,
				  "space before \"%c\"", "dấu cách trước \"%c\"",
				  (char)cp));
}

/* A parenthesis padded on one side only: "(xem mục 3 )", "( xem mục 3)".
 * Padding on both sides is a style of its own ("( BIỂU_THỨC )"), and so
 * is "( 1..31)" that shows a padded number. */
static void
lopsided_paren(struct vni_block *b, size_t open, size_t close)
{
	const struct vni_tokens *t = b->toks;
	const char *del[2] = {"", NULL};
	const struct vni_token *sp;
	int pad_open, pad_close;

	if (close < open + 3)
		return; /* "()", "( )" */
	pad_open = single_space(b, &t->v[open + 1]);
	pad_close = single_space(b, &t->v[close - 1]);
	if (pad_open == pad_close || !in_vietnamese(t, pad_open ? open : close))
		return;
	/* "printf( x)" is a call: the word glued to "(" is code. */
	if (open > 0 && t->v[open - 1].kind == VNI_TK_WORD)
		return;
	/* Prose inside: a word after the padded "(", a word or number
	 * after the bare one and a word before the padded ")" ("(?R" in a
	 * regex manual is no prose). */
	if (pad_open) {
		if (!prose_word(&t->v[open + 2]))
			return;
		sp = &t->v[open + 1];
		spacing_fix(b, vni_report(b, VNI_R_SPACE_BEFORE, sp->off,
					  sp->len, del, "space after \"(\"",
					  "dấu cách sau \"(\""));
	} else {
		if (!prose_item(&t->v[open + 1]) || !prose_word(&t->v[close - 2]))
			return;
		sp = &t->v[close - 1];
		spacing_fix(b, vni_report(b, VNI_R_SPACE_BEFORE, sp->off,
					  sp->len, del, "space before \")\"",
					  "dấu cách trước \")\""));
	}
}

static void
check_space_before(struct vni_block *b)
{
	const struct vni_tokens *t = b->toks;
	const struct vni_token *m;
	size_t open[PAREN_DEPTH], depth = 0, lost = 0, i;

	for (i = 0; i < t->n; i++) {
		m = &t->v[i];
		if (m->kind != VNI_TK_PUNCT)
			continue;
		switch (m->cp) {
		case ',': case '.': case ';': case ':': case '!': case '?':
			space_before_mark(b, i);
			break;
		case '(':
			if (depth < PAREN_DEPTH)
				open[depth++] = i;
			else
				lost++;
			break;
		case ')':
			if (lost)
				lost--;
			else if (depth)
				lopsided_paren(b, open[--depth], i);
			break;
		default:
			break;
		}
	}
}

/* ------------------------------------------ punctuation/missing-space-after */

static int
closes_word(const struct vni_token *t)
{
	return t->kind == VNI_TK_PUNCT &&
	       (t->cp == ')' || t->cp == ']' || t->cp == 0x201D ||
		t->cp == 0x2019 || t->cp == 0xBB);
}

/* How one line uses a separator mark: glued to the next word or spaced. */
struct mark_use {
	size_t glued[2], spaced[2]; /* [0] comma, [1] semicolon */
};

static int
list_mark(int32_t cp)
{
	return cp == ',' ? 0 : cp == ';' ? 1 : -1;
}

/* Count the commas and semicolons of the line from token first. */
static struct mark_use
scan_marks(const struct vni_tokens *t, size_t first)
{
	struct mark_use u = {{0, 0}, {0, 0}};
	size_t i;
	int k;

	for (i = first; i + 1 < t->n && t->v[i].kind != VNI_TK_NEWLINE; i++) {
		if (t->v[i].kind != VNI_TK_PUNCT ||
		    (k = list_mark(t->v[i].cp)) < 0)
			continue;
		if (t->v[i + 1].kind == VNI_TK_WORD ||
		    t->v[i + 1].kind == VNI_TK_NUMBER)
			u.glued[k]++;
		else if (t->v[i + 1].kind == VNI_TK_SPACE)
			u.spaced[k]++;
	}
	return u;
}

static int
same_mark(const struct vni_token *a, const struct vni_token *m)
{
	return a->kind == VNI_TK_PUNCT && a->cp == m->cp;
}

/* The mark at i touches a word on each side. */
static void
glued_mark(struct vni_block *b, size_t i, const struct mark_use *u)
{
	const struct vni_tokens *t = b->toks;
	const struct vni_token *m = &t->v[i], *w = &t->v[i - 1];
	const struct vni_token *n = &t->v[i + 1];
	char fix[3] = {(char)m->cp, ' ', '\0'};
	const char *sugg[2] = {fix, NULL};
	int k = list_mark(m->cp);

	if (!vn_word(b, n))
		return;
	/* The word before may be closed by a bracket or quote: "(xem
	 * trên),bạn". */
	if (closes_word(w) && i >= 2)
		w = &t->v[i - 2];
	if (!prose_word(w) && !printf_arg(b, (size_t)(w - t->v)))
		return;
	/* One side at least must be marked Vietnamese: "a,b" and
	 * "Debian:Ubuntu" are lists and keys in technical text; so are
	 * metavariables ("BẢNG,có", "DÃY-PHÍM:LỆNH"). */
	if (!((w->flags | n->flags) & VNI_TF_VN_MARK) ||
	    ((w->flags | n->flags) & VNI_TF_ALL_CAPS))
		return;
	/* "Lễ,Sinh nhật,Kinh doanh": a line that never spaces the mark is
	 * a list for a program to split, not prose; so is a chain of words
	 * joined by it ("màu,trường,sắp xếp", "mô-đun,mô-đun,..."). */
	if (k >= 0 && ((u->glued[k] >= 2 && u->spaced[k] == 0) ||
		       (i >= 2 && same_mark(&t->v[i - 2], m)) ||
		       (i + 3 < t->n && same_mark(&t->v[i + 2], m) &&
			t->v[i + 3].kind != VNI_TK_SPACE &&
			t->v[i + 3].kind != VNI_TK_NEWLINE)))
		return;
	/* A semicolon continues a sentence in lower case; "đọc;Đánh dấu"
	 * separates forms. A colon between lower-case words is notation
	 * ("từ:đến", "đường dẫn:nội dung"). */
	if ((m->cp == ';' && (n->flags & VNI_TF_UPPER_FIRST)) ||
	    (m->cp == ':' && !(n->flags & VNI_TF_UPPER_FIRST)))
		return;
	spacing_fix(b, vni_report(b, VNI_R_MISSING_SPACE_AFTER, m->off, m->len,
				  sugg, "no space after \"%c\"",
				  "thiếu dấu cách sau \"%c\"", (char)m->cp));
}

/* Is s[0..n) a known syllable, capitalised as asked ("khi" or "Khi")? */
static int
syllable_part(const struct vni_block *b, const char *s, size_t n, int capital)
{
	char low[64];
	size_t k = vni_lower(s, n, low, sizeof(low));

	if (k < 2 || (s[0] != low[0]) != capital ||
	    memcmp(s + 1, low + 1, k - 1) != 0)
		return 0;
	return vni_known_syllable(b->ctx, low, k);
}

/* Two unmarked syllables around a lost space are one dotted token for
 * the tokenizer, like a file name: "nhau.Khi". A lower-case syllable,
 * the period, a capitalised syllable is a sentence's end, not a name. */
static void
dotted_sentence(struct vni_block *b, size_t i)
{
	const struct vni_token *w = &b->toks->v[i];
	const char *s = b->text + w->off, *dot = memchr(s, '.', w->len);
	const char *fix[2] = {". ", NULL};
	size_t a;

	if (w->flags & (NOT_PROSE | VNI_TF_ALL_CAPS | VNI_TF_ABBREV) ||
	    dot == NULL || memchr(dot + 1, '.', w->len - (size_t)(dot + 1 - s)))
		return;
	a = (size_t)(dot - s);
	if (!syllable_part(b, s, a, 0) ||
	    !syllable_part(b, dot + 1, w->len - a - 1, 1) ||
	    !in_vietnamese(b->toks, i))
		return;
	spacing_fix(b, vni_report(b, VNI_R_MISSING_SPACE_AFTER, w->off + a, 1,
				  fix, "no space after \".\"",
				  "thiếu dấu cách sau \".\""));
}

static void
check_missing_space_after(struct vni_block *b)
{
	const struct vni_tokens *t = b->toks;
	const struct vni_token *m;
	struct mark_use u = scan_marks(t, 0);
	size_t i, square = 0;

	for (i = 0; i < t->n; i++) {
		m = &t->v[i];
		if (m->kind == VNI_TK_NEWLINE) {
			u = scan_marks(t, i + 1);
			square = 0;
			continue;
		}
		if (m->kind == VNI_TK_WORD && (m->flags & VNI_TF_DOTTED) &&
		    square == 0)
			dotted_sentence(b, i);
		if (m->kind != VNI_TK_PUNCT)
			continue;
		/* "[đã cài,tự động]": square brackets hold notation. */
		if (m->cp == '[')
			square++;
		else if (m->cp == ']' && square)
			square--;
		else if ((m->cp == ',' || m->cp == ';' || m->cp == ':' ||
			  m->cp == '.' || m->cp == '!' || m->cp == '?') &&
			 !(m->flags & VNI_TF_ABBREV_DOT) && square == 0 &&
			 i > 0 && i + 1 < t->n)
			glued_mark(b, i, &u);
	}
}

void
vni_check_spacing(struct vni_block *b)
{
	if (vni_rule_on(b, VNI_R_SPACE_BEFORE))
		check_space_before(b);
	if (vni_rule_on(b, VNI_R_MISSING_SPACE_AFTER))
		check_missing_space_after(b);
}
