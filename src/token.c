/* SPDX-License-Identifier: MIT */
/*
 * Tokenizer: split normalised text into words, numbers, punctuation, space,
 * line breaks, URLs, e-mail addresses and paths, with the flags the checks
 * need (case, digits, Vietnamese marks, abbreviations, code-likeness).
 */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "internal.h"

/* Upper- and lower-case Vietnamese letters with a tone mark or a vowel or
 * consonant diacritic (đ ă â ê ô ơ ư), sorted for binary search. */
static const uint16_t vn_marked[] = {
	0x00C0, 0x00C1, 0x00C2, 0x00C3, 0x00C8, 0x00C9, 0x00CA, 0x00CC,
	0x00CD, 0x00D2, 0x00D3, 0x00D4, 0x00D5, 0x00D9, 0x00DA, 0x00DD,
	0x00E0, 0x00E1, 0x00E2, 0x00E3, 0x00E8, 0x00E9, 0x00EA, 0x00EC,
	0x00ED, 0x00F2, 0x00F3, 0x00F4, 0x00F5, 0x00F9, 0x00FA, 0x00FD,
	0x0102, 0x0103, 0x0110, 0x0111, 0x0128, 0x0129, 0x0168, 0x0169,
	0x01A0, 0x01A1, 0x01AF, 0x01B0, 0x1EA0, 0x1EA1, 0x1EA2, 0x1EA3,
	0x1EA4, 0x1EA5, 0x1EA6, 0x1EA7, 0x1EA8, 0x1EA9, 0x1EAA, 0x1EAB,
	0x1EAC, 0x1EAD, 0x1EAE, 0x1EAF, 0x1EB0, 0x1EB1, 0x1EB2, 0x1EB3,
	0x1EB4, 0x1EB5, 0x1EB6, 0x1EB7, 0x1EB8, 0x1EB9, 0x1EBA, 0x1EBB,
	0x1EBC, 0x1EBD, 0x1EBE, 0x1EBF, 0x1EC0, 0x1EC1, 0x1EC2, 0x1EC3,
	0x1EC4, 0x1EC5, 0x1EC6, 0x1EC7, 0x1EC8, 0x1EC9, 0x1ECA, 0x1ECB,
	0x1ECC, 0x1ECD, 0x1ECE, 0x1ECF, 0x1ED0, 0x1ED1, 0x1ED2, 0x1ED3,
	0x1ED4, 0x1ED5, 0x1ED6, 0x1ED7, 0x1ED8, 0x1ED9, 0x1EDA, 0x1EDB,
	0x1EDC, 0x1EDD, 0x1EDE, 0x1EDF, 0x1EE0, 0x1EE1, 0x1EE2, 0x1EE3,
	0x1EE4, 0x1EE5, 0x1EE6, 0x1EE7, 0x1EE8, 0x1EE9, 0x1EEA, 0x1EEB,
	0x1EEC, 0x1EED, 0x1EEE, 0x1EEF, 0x1EF0, 0x1EF1, 0x1EF2, 0x1EF3,
	0x1EF4, 0x1EF5, 0x1EF6, 0x1EF7, 0x1EF8, 0x1EF9,
};

static int
is_vn_marked(int32_t cp)
{
	size_t lo = 0, hi = sizeof(vn_marked) / sizeof(vn_marked[0]), mid;

	if (cp < 0xC0 || cp > 0x1EF9)
		return 0;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (vn_marked[mid] == cp)
			return 1;
		if (vn_marked[mid] < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

enum cclass { C_OTHER, C_LETTER, C_MARK, C_DIGIT, C_SPACE, C_PUNCT };

static enum cclass
classify(int32_t cp)
{
	if (cp < 0x80) {
		if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z')
			return C_LETTER;
		if (cp >= '0' && cp <= '9')
			return C_DIGIT;
		if (cp == ' ' || cp == '\t' || cp == '\f' || cp == '\v' ||
		    cp == '\r' || cp == '\n')
			return C_SPACE;
		if (cp < 0x20 || cp == 0x7F)
			return C_OTHER;
		return C_PUNCT;
	}
	if (cp == 0xFFFD)
		return C_LETTER; /* keeps a damaged word in one token */
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU:
	case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO:
		return C_LETTER;
	case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC:
	case UTF8PROC_CATEGORY_ME:
		return C_MARK;
	case UTF8PROC_CATEGORY_ND:
		return C_DIGIT;
	case UTF8PROC_CATEGORY_ZS:
	case UTF8PROC_CATEGORY_ZL:
	case UTF8PROC_CATEGORY_ZP:
		return C_SPACE;
	case UTF8PROC_CATEGORY_CC:
	case UTF8PROC_CATEGORY_CF:
		return C_OTHER;
	default:
		return C_PUNCT;
	}
}

struct scan {
	const unsigned char *s;
	size_t len;
};

/* Code point at i (0 at or past the end), its length in *k. */
static int32_t
cp_at(const struct scan *sc, size_t i, int *k)
{
	int32_t cp;
	int n;

	if (i >= sc->len) {
		*k = 0;
		return 0;
	}
	n = vni_utf8_decode(sc->s + i, sc->len - i, &cp);
	if (n < 0) { /* cannot happen after decoding; stay safe */
		*k = 1;
		return 0xFFFD;
	}
	*k = n;
	return cp;
}

static enum cclass
class_at(const struct scan *sc, size_t i)
{
	int k;

	if (i >= sc->len)
		return C_SPACE;
	return classify(cp_at(sc, i, &k));
}

static int
is_alnum_class(enum cclass c)
{
	return c == C_LETTER || c == C_MARK || c == C_DIGIT;
}

static int
starts_ci(const struct scan *sc, size_t i, const char *p)
{
	size_t n = strlen(p), j;

	if (i + n > sc->len)
		return 0;
	for (j = 0; j < n; j++) {
		unsigned char c = sc->s[i + j];

		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c + 32);
		if (c != (unsigned char)p[j])
			return 0;
	}
	return 1;
}

/* Characters that may not end a URL, e-mail or path (sentence punctuation
 * and closing brackets belong to the text around it). */
static int
trailing_punct(unsigned char c)
{
	return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' ||
	       c == '?' || c == ')' || c == ']' || c == '}' || c == '\'' ||
	       c == '"';
}

/* End of a URL-like run starting at i: up to whitespace or a quote/angle
 * bracket, minus trailing punctuation. */
static size_t
run_end(const struct scan *sc, size_t i)
{
	size_t j = i;
	int k;
	int32_t cp;

	while (j < sc->len) {
		cp = cp_at(sc, j, &k);
		if (classify(cp) == C_SPACE || cp == '<' || cp == '>' ||
		    cp == '"' || cp == 0x201C || cp == 0x201D || cp == 0xAB ||
		    cp == 0xBB)
			break;
		j += (size_t)k;
	}
	while (j > i && trailing_punct(sc->s[j - 1]))
		j--;
	return j;
}

static size_t
url_at(const struct scan *sc, size_t i)
{
	unsigned char c = sc->s[i] | 0x20;

	if (c != 'h' && c != 'f' && c != 'w')
		return 0;
	if (starts_ci(sc, i, "http://") || starts_ci(sc, i, "https://") ||
	    starts_ci(sc, i, "ftp://") || starts_ci(sc, i, "file://") ||
	    (starts_ci(sc, i, "www.") && is_alnum_class(class_at(sc, i + 4))))
		return run_end(sc, i) - i;
	return 0;
}

static int
email_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '%' ||
	       c == '+' || c == '-';
}

/* local@domain.tld with an ASCII local part and a dotted domain. */
static size_t
email_at(const struct scan *sc, size_t i)
{
	size_t j = i, at, dot;

	while (j < sc->len && email_char(sc->s[j]))
		j++;
	if (j == i || j >= sc->len || sc->s[j] != '@')
		return 0;
	at = j++;
	while (j < sc->len && email_char(sc->s[j]) && sc->s[j] != '_')
		j++;
	while (j > at + 1 && sc->s[j - 1] == '.')
		j--;
	for (dot = j; dot > at + 1 && sc->s[dot - 1] != '.'; dot--)
		;
	/* a dot inside the domain, with labels on both sides */
	if (dot <= at + 2 || dot >= j)
		return 0;
	return j - i;
}

/* /usr/bin, ~/x, ./y, ../z, C:\x at the start of a chunk. */
static size_t
path_at(const struct scan *sc, size_t i, int chunk_start)
{
	size_t n = 0;

	if (!chunk_start)
		return 0;
	if (sc->s[i] != '/' && sc->s[i] != '~' && sc->s[i] != '.' &&
	    !(i + 1 < sc->len && sc->s[i + 1] == ':'))
		return 0;
	if (sc->s[i] == '/' && is_alnum_class(class_at(sc, i + 1)))
		n = 1;
	else if (starts_ci(sc, i, "~/") || starts_ci(sc, i, "./"))
		n = 2;
	else if (starts_ci(sc, i, "../"))
		n = 3;
	else if (i + 2 < sc->len && ((sc->s[i] | 0x20) >= 'a' &&
				     (sc->s[i] | 0x20) <= 'z') &&
		 sc->s[i + 1] == ':' && sc->s[i + 2] == '\\')
		n = 3;
	if (n == 0)
		return 0;
	return run_end(sc, i) - i;
}

static void
push(struct vni_tokens *t, size_t off, size_t len, enum vni_tok_kind kind,
     unsigned flags, int32_t cp)
{
	void *p = t->v;
	struct vni_token *tk;

	if (t->failed)
		return;
	if (!vni_grow(&p, &t->cap, t->n + 1, sizeof(*t->v))) {
		t->failed = 1;
		return;
	}
	t->v = p;
	tk = &t->v[t->n++];
	tk->off = (uint32_t)off;
	tk->len = (uint32_t)len;
	tk->kind = (uint16_t)kind;
	tk->flags = (uint16_t)flags;
	tk->cp = cp;
}

/* Are the code points from i up to the next non-alphanumeric all ASCII? */
static int
cp_ascii_word_follows(const struct scan *sc, size_t i)
{
	while (i < sc->len && sc->s[i] < 0x80 &&
	       is_alnum_class(classify(sc->s[i])))
		i++;
	return i >= sc->len || sc->s[i] < 0x80;
}

/* Letters of one word part, for the joining decisions below. */
struct part {
	size_t letters, upper, lower;
	int ascii;
};

/* Scan a word or number starting at i; returns its end. Parts joined by
 * '-', '_', '.', ',' (numbers) or "'" are one token when the joiner sits
 * between alphanumerics and the join is plausible. */
static size_t
scan_word(const struct scan *sc, size_t i, unsigned *flagsp, int *numberp)
{
	size_t j = i, letters = 0, upper = 0, lower = 0, digits = 0;
	unsigned flags = VNI_TF_ASCII;
	struct part cur = {0, 0, 0, 1};
	int first_letter = 1, k, k2, only_digits = 1;
	int32_t cp, next;
	enum cclass c;

	for (;;) {
		cp = cp_at(sc, j, &k);
		c = k ? classify(cp) : C_SPACE;
		if (is_alnum_class(c)) {
			if (cp >= 0x80)
				flags &= ~VNI_TF_ASCII, cur.ascii = 0;
			if (c == C_DIGIT) {
				digits++;
				flags |= VNI_TF_HAS_DIGIT;
			} else if (c == C_LETTER) {
				only_digits = 0;
				letters++;
				cur.letters++;
				/* ASCII letters are cased without utf8proc */
				if (cp == 0xFFFD) {
					flags |= VNI_TF_BAD_CHAR;
				} else if (cp < 0x80 ? cp <= 'Z'
						     : utf8proc_tolower(cp) != cp) {
					upper++;
					cur.upper++;
					if (first_letter)
						flags |= VNI_TF_UPPER_FIRST;
					/* iPhone, ViệtNam: upper after lower */
					if (cur.lower)
						flags |= VNI_TF_MIXED_CASE;
				} else if (cp < 0x80 || utf8proc_toupper(cp) != cp) {
					lower++;
					cur.lower++;
				}
				if (is_vn_marked(cp))
					flags |= VNI_TF_VN_MARK;
				else if (cp >= 0x80 ||
					 (cp | 0x20) == 'f' || (cp | 0x20) == 'j' ||
					 (cp | 0x20) == 'w' || (cp | 0x20) == 'z')
					flags |= VNI_TF_NOT_VN_LETTER;
				first_letter = 0;
			} else {
				only_digits = 0;
			}
			j += (size_t)k;
			continue;
		}
		if (k == 0 || (cp != '-' && cp != '_' && cp != '.' && cp != ',' &&
			       cp != '\''))
			break;
		next = cp_at(sc, j + (size_t)k, &k2);
		if (k2 == 0 || !is_alnum_class(classify(next)))
			break;
		if (cp == ',' && !(only_digits && classify(next) == C_DIGIT))
			break;
		if (cp == '.') {
			int next_upper = utf8proc_tolower(next) != next;

			/* 1.234 numbers, TP.HCM, v.v, e.g, file.txt join;
			 * "chưa.quyết" (a lost space) does not. */
			if (!(only_digits && classify(next) == C_DIGIT) &&
			    !(cur.ascii && cp_ascii_word_follows(sc, j + 1)) &&
			    !(cur.upper == cur.letters && cur.letters && next_upper) &&
			    !(cur.ascii && cur.letters && cur.letters <= 2))
				break;
			if (!only_digits)
				flags |= VNI_TF_DOTTED;
		} else if (cp == '\'') {
			/* English contractions only: don't, it's */
			if (!cur.ascii || next >= 0x80)
				break;
		} else if (cp == '-') {
			flags |= VNI_TF_HYPHENATED;
		} else if (cp == '_') {
			flags |= VNI_TF_CODE;
		}
		cur.letters = cur.upper = cur.lower = 0;
		cur.ascii = 1;
		j += (size_t)k;
	}
	if (upper >= 2 && lower == 0)
		flags |= VNI_TF_ALL_CAPS;
	*numberp = letters == 0 && digits > 0;
	*flagsp = flags;
	return j;
}

static int
opens_chunk(int32_t cp)
{
	return cp == '(' || cp == '[' || cp == '{' || cp == '"' || cp == '\'' ||
	       cp == 0x201C || cp == 0x2018 || cp == 0xAB || cp == '<';
}

static int
is_punct(const struct vni_token *t, int32_t cp)
{
	return t->kind == VNI_TK_PUNCT && t->cp == cp;
}

/* Is the word i, glued after a period, the start of a sentence whose
 * space was lost ("bạn .Hệ", "đô.Sau") rather than a file name or an
 * extension (".bashrc", "tệp.txt", ".NET")? It is capitalised, and it or
 * the word before the period is Vietnamese. */
static int
sentence_after_period(const struct vni_tokens *t, size_t i)
{
	const struct vni_token *w = &t->v[i], *p = i >= 2 ? &t->v[i - 2] : NULL;

	if (!(w->flags & VNI_TF_UPPER_FIRST) ||
	    (w->flags & (VNI_TF_ALL_CAPS | VNI_TF_MIXED_CASE)))
		return 0;
	return (w->flags & VNI_TF_VN_MARK) ||
	       (p && p->kind == VNI_TK_WORD && (p->flags & VNI_TF_VN_MARK));
}

/* Second pass: flags that depend on neighbours. */
static void
mark_context(struct vni_tokens *t, const char *text,
	     const struct vni_lexicon *lex)
{
	char low[64];
	size_t i, n;
	struct vni_token *w, *nx, *pv;

	for (i = 0; i < t->n; i++) {
		w = &t->v[i];
		if (w->kind != VNI_TK_WORD)
			continue;
		nx = i + 1 < t->n ? &t->v[i + 1] : NULL;
		pv = i > 0 ? &t->v[i - 1] : NULL;
		/* A period glued to an abbreviation or to an initial ("V.")
		 * ends no sentence. */
		if (nx && is_punct(nx, '.')) {
			n = vni_lower(text + w->off, w->len, low, sizeof(low));
			if ((n && vni_wordset_has(&lex->abbreviations, low, n)) ||
			    (w->len == 1 && (w->flags & VNI_TF_UPPER_FIRST)) ||
			    (w->flags & VNI_TF_DOTTED && w->len <= 6)) {
				w->flags |= VNI_TF_ABBREV;
				nx->flags |= VNI_TF_ABBREV_DOT;
			}
		}
		/* Options (-v, --all), calls (printf(), ls(1)) and words glued
		 * to code symbols are code, not prose. */
		if (pv && pv->kind == VNI_TK_PUNCT &&
		    (pv->cp == '-' || pv->cp == '$' || pv->cp == '%' ||
		     pv->cp == '`' || pv->cp == '=' || pv->cp == '\\' ||
		     pv->cp == '@' || pv->cp == '#' || pv->cp == '<' ||
		     pv->cp == '/' ||
		     (pv->cp == '.' && !sentence_after_period(t, i))))
			w->flags |= VNI_TF_CODE;
		/* "cmd | more": a word after a pipe is a command */
		if (pv && pv->kind == VNI_TK_SPACE && i >= 2 &&
		    is_punct(&t->v[i - 2], '|'))
			w->flags |= VNI_TF_CODE;
		if (nx && nx->kind == VNI_TK_PUNCT &&
		    (nx->cp == '(' || nx->cp == '=' || nx->cp == '`' ||
		     nx->cp == '/' || nx->cp == '>' || nx->cp == '[' ||
		     nx->cp == '{' || nx->cp == '\\'))
			w->flags |= VNI_TF_CODE;
	}
}

void
vni_tokenize(struct vni_tokens *t, const char *text, size_t len,
	     const struct vni_lexicon *lex)
{
	struct scan sc = {(const unsigned char *)text, len};
	size_t i = 0, n, j;
	int k, chunk_start = 1, number;
	int32_t cp;
	enum cclass c;
	unsigned flags;

	t->n = 0;
	t->failed = 0;
	while (i < len && !t->failed) {
		cp = cp_at(&sc, i, &k);
		c = classify(cp);
		if (cp == '\n' || cp == '\r') {
			n = cp == '\r' && i + 1 < len && text[i + 1] == '\n' ? 2 : 1;
			push(t, i, n, VNI_TK_NEWLINE, VNI_TF_ASCII, '\n');
			i += n;
			chunk_start = 1;
			continue;
		}
		if (c == C_SPACE) {
			j = i + (size_t)k;
			while (j < len && text[j] != '\n' && text[j] != '\r') {
				cp = cp_at(&sc, j, &k);
				if (classify(cp) != C_SPACE)
					break;
				j += (size_t)k;
			}
			push(t, i, j - i, VNI_TK_SPACE, 0, ' ');
			i = j;
			chunk_start = 1;
			continue;
		}
		if ((n = url_at(&sc, i)) > 0) {
			push(t, i, n, VNI_TK_URL, 0, cp);
		} else if ((n = path_at(&sc, i, chunk_start)) > 0) {
			push(t, i, n, VNI_TK_PATH, 0, cp);
		} else if (is_alnum_class(c) && (n = email_at(&sc, i)) > 0) {
			push(t, i, n, VNI_TK_EMAIL, 0, cp);
		} else if (is_alnum_class(c)) {
			n = scan_word(&sc, i, &flags, &number) - i;
			push(t, i, n, number ? VNI_TK_NUMBER : VNI_TK_WORD, flags,
			     cp);
		} else {
			n = (size_t)k;
			push(t, i, n, c == C_OTHER ? VNI_TK_OTHER : VNI_TK_PUNCT,
			     c == C_OTHER ? VNI_TF_BAD_CHAR : 0, cp);
		}
		chunk_start = c == C_PUNCT && opens_chunk(cp);
		i += n;
	}
	if (!t->failed)
		mark_context(t, text, lex);
}

void
vni_tokens_free(struct vni_tokens *t)
{
	free(t->v);
	memset(t, 0, sizeof(*t));
}

int
vni_sentence_final(const struct vni_token *t)
{
	return t->kind == VNI_TK_PUNCT && !(t->flags & VNI_TF_ABBREV_DOT) &&
	       (t->cp == '.' || t->cp == '?' || t->cp == '!' ||
		t->cp == 0x2026 /* … */);
}

int
vni_at_sentence_start(const struct vni_tokens *t, size_t i)
{
	const struct vni_token *p;

	for (;;) {
		i = vni_prev_nonspace(t, i);
		if (i == (size_t)-1)
			return 1;
		p = &t->v[i];
		if (p->kind == VNI_TK_NEWLINE || vni_sentence_final(p))
			return 1;
		/* Look through openers: ‘. “Ông”’ and ". - Ông" */
		if (p->kind == VNI_TK_PUNCT &&
		    (p->cp == '"' || p->cp == 0x201C || p->cp == '(' ||
		     p->cp == '[' || p->cp == 0xAB || p->cp == '-' ||
		     p->cp == 0x2013 || p->cp == 0x2014 || p->cp == '\'' ||
		     p->cp == 0x2018 || p->cp == '*'))
			continue;
		return 0;
	}
}
