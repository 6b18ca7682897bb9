/* SPDX-License-Identifier: MIT */
/* input/ime-residue: a word typed with the Vietnamese input method off, so
 * that its Telex or VNI keys stayed letters and digits ("Vieejt" for
 * "Việt", "dduwowcj" for "được", "Vie65t" for "Việt"), or written in VIQR
 * ("Vie^.t"), whose marks the tokenizer splits off as punctuation: such a
 * word is a run of glued tokens, a "unit" here.
 *
 * Many ASCII words are valid Telex of something ("as" á, "mix" mĩ, "chown"
 * chơn, "eof" èo), so reading the keys back to a known syllable is only
 * the start. The word must not be English (en_US), a listed loan, brand or
 * abbreviation, code, an acronym or a quoted mention; it must stand in
 * Vietnamese prose, with no Latin-script word next to it. A reading whose
 * only key is one tone key ("tranhs") is weaker evidence than one with
 * hat keys ("Vieejt", "dduwowcj", "Vie65t"): it needs Vietnamese on both
 * sides and no Latin word nearby, and --fix applies it only amid other
 * residue. docs/precision.md has the measurements behind each rule. */
#include <string.h>

#include "internal.h"

/* Acronyms, codes, identifiers, options, file names, abbreviations. */
#define SKIP_FLAGS                                                            \
	(VNI_TF_ALL_CAPS | VNI_TF_MIXED_CASE | VNI_TF_CODE | VNI_TF_DOTTED |   \
	 VNI_TF_HYPHENATED | VNI_TF_ABBREV | VNI_TF_BAD_CHAR)

#define MAX_READINGS 4
#define MAX_KEYS 16       /* longer words are not one syllable */
#define TYPED_MAX 100000  /* spellings remembered per context */
/* How far a weak reading looks for Latin-script words on each side. */
#define WINDOW 3

/* One word: a token, or a VIQR run of glued tokens. */
struct unit {
	size_t first, last; /* tokens */
	size_t off, len;    /* bytes of the block text */
	int viqr;
};

/* What the reading of one word found. */
struct residue {
	enum vni_ime_method method;
	char sugg[2][64]; /* the known readings, in the word's case */
	size_t n;         /* how many (0: not residue) */
	unsigned how;     /* VNI_IME_* of the first reading */
};

/* What a word says about the language around it: nothing (W_NONE), a
 * Vietnamese word with marks, an unmarked syllable, typing residue (with
 * hat keys: W_TYPED) or a Latin-script word. */
enum word_kind { W_NONE, W_VIET, W_SYLLABLE, W_RESIDUE, W_TYPED, W_LATIN };

static int
ascii_vowel(char c)
{
	c = (char)(c | 0x20);
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' ||
	       c == 'y';
}

/* Typing is in lower case with maybe a capital first letter, doubled with
 * shift held ("DDaij", "OOng"); "PACs", "KEr" are not typing. */
static int
case_typed(const char *s, size_t n)
{
	size_t i;

	for (i = 1; i < n; i++)
		if (s[i] >= 'A' && s[i] <= 'Z' && !(i == 1 && s[0] == s[1]))
			return 0;
	return 1;
}

/* The cheap first look: could the ASCII word s[0..n) hold Telex keys (a
 * tone letter after a vowel, w, or a doubled a e o d) or VNI digits (a
 * digit 1-9 after a letter; after a lone letter only in lower case, "o73"
 * but not "A4")? */
static int
keys_in(const char *s, size_t n, enum vni_ime_method *m)
{
	size_t i, letters = 0;
	int vowel = 0, digit = 0, telex = 0;
	char c, prev = 0;

	if (!case_typed(s, n))
		return 0;
	for (i = 0; i < n; i++) {
		c = (char)(s[i] | 0x20);
		if (s[i] >= '0' && s[i] <= '9') {
			if (i == 0 || s[i] == '0')
				return 0;
			digit = 1;
		} else {
			letters++;
		}
		if (c == 'w' || (vowel && c && strchr("sfrxj", c)) ||
		    (c == prev && c && strchr("aeod", c)))
			telex = 1;
		vowel |= ascii_vowel(c);
		prev = c;
	}
	*m = digit ? VNI_IME_VNI : VNI_IME_TELEX;
	return digit ? letters >= 2 || (s[0] >= 'a' && s[0] <= 'z') : telex;
}

static unsigned
tone_style(const vn_ctx *ctx)
{
	/* Unikey's default and the corpus majority: hòa, thủy */
	return ctx->tone_policy == VN_TONE_REFORMED ? VNI_STYLE_REFORMED
						    : VNI_STYLE_TRADITIONAL;
}

/* The context remembers what each spelling read as, so that a word is
 * decoded once however often it occurs: "word\x1F" when it is no typing,
 * else "word\x1F" method how reading ["\x1F" reading]. */
static int
recall(vn_ctx *ctx, const char *s, size_t n, struct residue *res)
{
	char key[MAX_KEYS + 2];
	const char *e, *sep;
	size_t k;

	memcpy(key, s, n);
	key[n] = '\x1F';
	if ((e = vni_wordset_find_prefix(&ctx->typed, key, n + 1)) == NULL)
		return 0;
	e += n + 1;
	res->n = 0;
	if (*e == '\0')
		return 1;
	res->method = e[0] == 'v'   ? VNI_IME_VNI
		      : e[0] == 'q' ? VNI_IME_VIQR
				    : VNI_IME_TELEX;
	res->how = (unsigned)(e[1] - 'A');
	for (e += 2; res->n < 2; e = sep + 1) {
		sep = strchr(e, '\x1F');
		k = sep ? (size_t)(sep - e) : strlen(e);
		memcpy(res->sugg[res->n], e, k);
		res->sugg[res->n++][k] = '\0';
		if (sep == NULL)
			break;
	}
	return 1;
}

static void
remember(vn_ctx *ctx, const char *s, size_t n, const struct residue *res)
{
	char e[MAX_KEYS + 4 + 2 * 64];
	size_t k = n, i;

	if (ctx->typed.n >= TYPED_MAX)
		return; /* memory stays bounded */
	memcpy(e, s, n);
	e[k++] = '\x1F';
	if (res->n) {
		e[k++] = res->method == VNI_IME_VNI	 ? 'v'
			 : res->method == VNI_IME_VIQR ? 'q'
							: 't';
		e[k++] = (char)('A' + res->how);
	}
	for (i = 0; i < res->n; i++) {
		if (i)
			e[k++] = '\x1F';
		memcpy(e + k, res->sugg[i], strlen(res->sugg[i]));
		k += strlen(res->sugg[i]);
	}
	(void)vni_wordset_add(&ctx->typed, e, k);
}

static int
blank(const struct vni_tokens *t, size_t i)
{
	return i >= t->n || t->v[i].kind == VNI_TK_SPACE ||
	       t->v[i].kind == VNI_TK_NEWLINE;
}

static int
punct_in(const struct vni_token *tk, const char *set)
{
	return tk->kind == VNI_TK_PUNCT && tk->cp > 0 && tk->cp < 0x80 &&
	       strchr(set, (int)tk->cp) != NULL;
}

static int
ascii_word(const struct vni_token *tk)
{
	return tk->kind == VNI_TK_WORD && (tk->flags & VNI_TF_ASCII) &&
	       !(tk->flags & VNI_TF_HAS_DIGIT);
}

/* Is t->v[i] part of a glued run of ASCII words and VIQR marks? */
static int
viqr_piece(const struct vni_tokens *t, size_t i)
{
	const struct vni_token *tk = &t->v[i];

	if (tk->kind != VNI_TK_PUNCT)
		return ascii_word(tk);
	switch (tk->cp) {
	case '^': case '(': case '+': case '`': case '~': case '\'':
	case '.': case '?':
		return 1;
	default:
		return 0;
	}
}

/* The word token i belongs to. A VIQR word is a glued run of ASCII words
 * and marks that starts and ends with letters, with marks inside:
 * "Vie^.t", "Tie^'ng", "ddu+o+.c", "ba.n". A mark after the last letter
 * ("co'", "la`", "se~", "dde^?") is not read: the same characters close
 * quotes, sentences and code, and "dde^?" could be "đê" asking. Runs
 * longer than a syllable's keys are no word. */
static void
unit_at(const struct vni_block *b, size_t i, struct unit *u)
{
	const struct vni_tokens *t = b->toks;
	const struct vni_token *v = t->v;
	size_t f = i, l = i;
	int mark;

	u->first = u->last = i;
	u->off = v[i].off;
	u->len = v[i].len;
	u->viqr = 0;
	if (!viqr_piece(t, i))
		return;
	for (; f > 0 && viqr_piece(t, f - 1); f--)
		if (v[i].off + v[i].len - v[f - 1].off > MAX_KEYS)
			return; /* longer than any syllable */
	for (; l + 1 < t->n && viqr_piece(t, l + 1); l++)
		if (v[l + 1].off + v[l + 1].len - v[f].off > MAX_KEYS)
			return;
	while (f < l && !ascii_word(&v[f]))
		f++; /* an opening quote */
	while (l > f && !ascii_word(&v[l]))
		l--; /* sentence punctuation, a closing quote */
	if (i < f || i > l || !ascii_word(&v[f]))
		return;
	/* A mark inside: a glued one, or the ' and . a word holds */
	mark = f < l || (v[f].flags & VNI_TF_DOTTED) ||
	       memchr(b->text + v[f].off, '\'', v[f].len);
	if (!mark)
		return;
	u->first = f;
	u->last = l;
	u->off = v[f].off;
	u->len = v[l].off + v[l].len - v[f].off;
	u->viqr = 1;
}

/* Read word u back as input-method keys: res->n known readings. The
 * English question is left to english(), asked only when the rest agrees
 * (loading en_US costs more than the whole check on a page). */
static size_t
typed(struct vni_block *b, const struct unit *u, struct residue *res)
{
	struct vni_ime_reading r[MAX_READINGS];
	const struct vni_token *tk = &b->toks->v[u->first];
	const char *s = b->text + u->off;
	char low[64];
	size_t j, k, nr;

	res->n = 0;
	if (u->viqr) {
		if (u->len > MAX_KEYS || !case_typed(s, u->len))
			return 0;
		res->method = VNI_IME_VIQR;
	} else if (tk->kind != VNI_TK_WORD || !(tk->flags & VNI_TF_ASCII) ||
		   (tk->flags & SKIP_FLAGS) || tk->len < 2 ||
		   tk->len > MAX_KEYS || !keys_in(s, tk->len, &res->method)) {
		return 0;
	}
	if (recall(b->ctx, s, u->len, res))
		return res->n;
	k = vni_lower(s, u->len, low, sizeof(low));
	if (k == 0 || vni_known_syllable(b->ctx, low, k) ||
	    vni_wordset_has(&b->ctx->lex.latin_words, low, k) ||
	    vni_wordset_has(&b->ctx->lex.abbreviations, low, k))
		goto done;
	nr = vni_ime_decode(res->method, s, u->len, tone_style(b->ctx), r,
			    MAX_READINGS);
	for (j = 0; j < nr && res->n < 2; j++) {
		/* A letter and a tone digit is a code ("a1", "e2"); with a
		 * hat digit it is a word ("o73" ở). */
		if (res->method == VNI_IME_VNI && !(r[j].how & VNI_IME_HAT) &&
		    (s[1] < 'a' || s[1] > 'z'))
			continue;
		if (!vni_known_syllable(b->ctx, r[j].syl, strlen(r[j].syl)))
			continue;
		if (res->n == 0)
			res->how = r[j].how;
		vni_apply_case(s, u->len, r[j].syl, res->sugg[res->n],
			       sizeof(res->sugg[0]));
		res->n++;
	}
done:
	remember(b->ctx, s, u->len, res);
	return res->n;
}

/* Is the word English ("as", "mix", "boss", "don't")? Then it is no
 * residue. */
static int
english(struct vni_block *b, const struct unit *u)
{
	return vni_dict_en_has(b->ctx->dict, b->text + u->off, u->len);
}

static size_t
read_back(struct vni_block *b, const struct unit *u, struct residue *res)
{
	return typed(b, u, res) && !english(b, u) ? res->n : 0;
}

/* A format placeholder or variable: "%s", "%1$u", "$HOME". */
static int
placeholder(const struct vni_block *b, size_t i)
{
	return i > 0 && punct_in(&b->toks->v[i - 1], "%$");
}

/* The kind of the word at token i. Numbers, placeholders, acronyms
 * ("URL", "GPL"), the loans of dict/latin-words.txt ("file", "byte") and
 * English words that are also Telex ("as", "cos") are at home in
 * Vietnamese and English alike: no evidence. */
static enum word_kind
word_kind(struct vni_block *b, size_t i)
{
	const struct vni_token *tk = &b->toks->v[i];
	struct residue res;
	struct unit u;
	char low[64];
	size_t n;

	if (tk->kind == VNI_TK_NUMBER || tk->kind == VNI_TK_NEWLINE)
		return W_NONE;
	unit_at(b, i, &u);
	if (tk->kind == VNI_TK_PUNCT && !u.viqr)
		return W_NONE;
	if (tk->kind != VNI_TK_WORD && !u.viqr)
		return W_LATIN; /* URL, path, e-mail, damaged text */
	if ((tk->flags & VNI_TF_VN_MARK) &&
	    !(tk->flags & (VNI_TF_CODE | VNI_TF_NOT_VN_LETTER)))
		return W_VIET;
	if (!u.viqr && (placeholder(b, i) || ((tk->flags & VNI_TF_ALL_CAPS) &&
					      (tk->flags & VNI_TF_ASCII))))
		return W_NONE;
	if (typed(b, &u, &res))
		/* "cos" is English and Telex for "có": either way */
		return english(b, &u)		  ? W_NONE
		       : res.how & VNI_IME_HAT ? W_TYPED
					       : W_RESIDUE;
	if (u.viqr)
		return W_LATIN;
	n = vni_token_lower(b, tk, low, sizeof(low));
	if (n && !(tk->flags & VNI_TF_CODE) &&
	    vni_known_syllable(b->ctx, low, n))
		return W_SYLLABLE;
	if (n && vni_wordset_has(&b->ctx->lex.latin_words, low, n))
		return W_NONE;
	return W_LATIN;
}

static int
opener(const struct vni_token *p)
{
	return p->kind == VNI_TK_PUNCT &&
	       (p->cp == '"' || p->cp == '\'' || p->cp == '(' || p->cp == '[' ||
		p->cp == 0x201C || p->cp == 0x2018 || p->cp == 0xAB);
}

static int
closer(const struct vni_token *p)
{
	return p->kind == VNI_TK_PUNCT &&
	       (p->cp == '"' || p->cp == '\'' || p->cp == ')' || p->cp == ']' ||
		p->cp == 0x201D || p->cp == 0x2019 || p->cp == 0xBB);
}

static int
clause_mark(const struct vni_token *p)
{
	return p->kind == VNI_TK_PUNCT &&
	       (p->cp == '.' || p->cp == ',' || p->cp == ';' || p->cp == ':' ||
		p->cp == '!' || p->cp == '?' || p->cp == 0x2026);
}

/* Does word u stand in running text: spaces around it, or an opening
 * quote before, punctuation and closing quotes after? Glued to other
 * symbols ("u+rw", "${gir}", "Franc,ois") it is code or a broken name;
 * quoted or bracketed alone ("(Esc)", "“sof:”") it is mentioned; followed
 * by a bracket ("chown (thay đổi ...)") it is a term being glossed. */
static int
in_prose(const struct vni_tokens *t, const struct unit *u)
{
	size_t i = u->first, j = u->last + 1;
	int opened = 0, closed = 0;

	if (i > 0 && !blank(t, i - 1)) {
		if (!opener(&t->v[i - 1]) || (i > 1 && !blank(t, i - 2)))
			return 0;
		opened = 1;
	}
	while (j < t->n && (clause_mark(&t->v[j]) || closer(&t->v[j]))) {
		closed |= closer(&t->v[j]);
		j++;
	}
	if (!blank(t, j) || (opened && closed))
		return 0;
	j = vni_next_nonspace(t, u->last);
	return j == (size_t)-1 || !(t->v[j].kind == VNI_TK_PUNCT &&
				    (t->v[j].cp == '(' || t->v[j].cp == '['));
}

/* The next token on one side (step +1 or -1) that is neither a space nor
 * a line break, or (size_t)-1: a paragraph's lines are wrapped text. */
static size_t
beside(const struct vni_tokens *t, size_t i, int step)
{
	do
		i = step > 0 ? vni_next_nonspace(t, i) : vni_prev_nonspace(t, i);
	while (i != (size_t)-1 && t->v[i].kind == VNI_TK_NEWLINE);
	return i;
}

/* The kind of the word next to u on one side: W_NONE at punctuation or
 * the block's edge. */
static enum word_kind
neighbour(struct vni_block *b, const struct unit *u, int step)
{
	size_t j = beside(b->toks, step > 0 ? u->last : u->first, step);

	return j == (size_t)-1 ? W_NONE : word_kind(b, j);
}

/* Is there a Latin-script word within WINDOW words on one side of u, in
 * the same sentence? */
static int
latin_near(struct vni_block *b, const struct unit *u, int step)
{
	const struct vni_tokens *t = b->toks;
	const struct vni_token *tk;
	struct unit w;
	size_t j = step > 0 ? u->last : u->first, seen = 0;

	while (seen < WINDOW) {
		j = beside(t, j, step);
		if (j == (size_t)-1)
			break;
		tk = &t->v[j];
		unit_at(b, j, &w);
		if (!w.viqr && vni_sentence_final(tk))
			break;
		if (tk->kind == VNI_TK_PUNCT && !w.viqr)
			continue;
		if (word_kind(b, j) == W_LATIN)
			return 1;
		j = step > 0 ? w.last : w.first;
		seen++;
	}
	return 0;
}

/* Does the block hold Vietnamese: two syllables with Vietnamese marks
 * ("José", "café" are none), or, for text typed with the input method off
 * throughout, residues in at least a quarter of its words, one with a hat
 * key (an English paragraph that says "oom" twice, or "this is as if", is
 * not such a text)? */
static int
vietnamese_block(struct vni_block *b)
{
	const struct vni_tokens *t = b->toks;
	struct residue res;
	struct unit u;
	char low[64];
	size_t i, n, marked = 0, residues = 0, words = 0;
	unsigned hats = 0;

	for (i = 0; i < t->n && marked < 2; i++)
		if (t->v[i].kind == VNI_TK_WORD &&
		    (t->v[i].flags & VNI_TF_VN_MARK) &&
		    (n = vni_token_lower(b, &t->v[i], low, sizeof(low))) &&
		    vni_known_syllable(b->ctx, low, n))
			marked++;
	if (marked >= 2)
		return 1;
	for (i = 0; i < t->n; i = u.last + 1) {
		unit_at(b, i, &u);
		if (t->v[i].kind != VNI_TK_WORD && !u.viqr)
			continue;
		words++;
		if (typed(b, &u, &res)) {
			residues++;
			hats |= res.how & VNI_IME_HAT;
		}
	}
	if (residues < 2 || residues * 4 < words || !hats)
		return 0;
	/* Only now, as it is rare, take the English words out. */
	for (i = residues = 0; i < t->n; i = u.last + 1) {
		unit_at(b, i, &u);
		residues += read_back(b, &u, &res) != 0;
	}
	return residues >= 2 && residues * 4 >= words;
}

/* Do the neighbours, left and right, let a reading of this strength
 * stand? A hat key needs one Vietnamese word beside it (an unmarked
 * syllable will do: "Vieejt Nam"); one tone letter needs Vietnamese or
 * the sentence's edge on both sides, with a marked or typed word among
 * them. */
static int
context_agrees(enum word_kind left, enum word_kind right, int strong)
{
	int lv = left == W_VIET || left == W_RESIDUE || left == W_TYPED;
	int rv = right == W_VIET || right == W_RESIDUE || right == W_TYPED;

	if (strong)
		return lv || rv || left == W_SYLLABLE || right == W_SYLLABLE;
	return (lv || rv) && (lv || left == W_SYLLABLE || left == W_NONE) &&
	       (rv || right == W_SYLLABLE || right == W_NONE);
}

static const char *
method_name(enum vni_ime_method m)
{
	return m == VNI_IME_TELEX ? "Telex" : m == VNI_IME_VNI ? "VNI" : "VIQR";
}

void
vni_check_ime(struct vni_block *b)
{
	const struct vni_tokens *t = b->toks;
	const struct vni_token *tk;
	struct residue res;
	struct vni_finding *f;
	struct unit u;
	const char *sugg[3];
	enum word_kind left, right;
	size_t i;
	int block_vn = -1, strong;

	if (!vni_rule_on(b, VNI_R_IME_RESIDUE))
		return;
	for (i = 0; i < t->n; i++) {
		/* Vietnamese words, spaces, most punctuation: not typing */
		if (!viqr_piece(t, i) && !(t->v[i].kind == VNI_TK_WORD &&
					   (t->v[i].flags & VNI_TF_ASCII)))
			continue;
		unit_at(b, i, &u);
		i = u.last;
		tk = &t->v[u.first];
		if (!typed(b, &u, &res) || !in_prose(t, &u))
			continue;
		if (block_vn < 0)
			block_vn = vietnamese_block(b);
		if (!block_vn)
			break;
		left = neighbour(b, &u, -1);
		right = neighbour(b, &u, +1);
		if (left == W_LATIN || right == W_LATIN)
			continue; /* a run of Latin-script words */
		strong = (res.how & VNI_IME_HAT) != 0;
		if (!context_agrees(left, right, strong))
			continue;
		/* A weak reading also gives way to a name (a capital inside
		 * a sentence: "phím Esc") and to Latin words nearby. */
		if (!strong && (((tk->flags & VNI_TF_UPPER_FIRST) &&
				 !vni_at_sentence_start(t, u.first)) ||
				latin_near(b, &u, -1) || latin_near(b, &u, +1)))
			continue;
		if (english(b, &u))
			continue;
		sugg[0] = res.sugg[0];
		sugg[1] = res.n > 1 ? res.sugg[1] : NULL;
		sugg[2] = NULL;
		f = vni_report(b, VNI_R_IME_RESIDUE, u.off, u.len, sugg,
			       "\"%.*s\" is %s typing left unconverted: \"%s\"",
			       "\"%.*s\" là chữ gõ %s chưa được chuyển: \"%s\"",
			       (int)u.len, b->text + u.off,
			       method_name(res.method), sugg[0]);
		/* One tone letter could also be a foreign word's own, unless
		 * the words beside it were typed with the input method off
		 * too ("Tooi laf nguwowfi"). */
		if (f && !strong && left != W_TYPED && right != W_TYPED)
			f->safe = 0;
	}
}
