/* SPDX-License-Identifier: MIT */
/* encoding/mojibake: Vietnamese text damaged by a wrong decoding. Its
 * bytes, UTF-8 or a legacy encoding (TCVN3, VNI-Windows, VISCII,
 * Windows-1258), were shown as Windows-1252 or Latin-1: "Viá»‡t",
 * "ViÖt", "Vieät", "Vi®t", "Viêòt" for "Việt".
 *
 * Decided by decoding and validating, never by one odd character. Each
 * word of a line is read back in every encoding (legacy.c). A word that is
 * no Vietnamese syllable as it stands and becomes a known one is evidence;
 * a word with letters that reads as no known syllable, or a plain word of
 * another language, counts against. The line is taken in its most
 * plausible reading when that reading convinces (see convincing()): so
 * "Müller", "café", "São Paulo", French "où" (VNI "ó") or Swedish "så"
 * (TCVN3 "sồ") never make a line. A line with one damaged word is also
 * taken when its paragraph, or two lines earlier in the document, were in
 * the same encoding.
 *
 * When no word of the line contradicts (none changed into a non-word,
 * none that cannot be the encoding's bytes) the damaged run of the line
 * is reported once, its whole repair as the fix; otherwise each damaged
 * word on its own. Plain words inside the run ("Nam", "ban", "Windows")
 * read the same either way and are kept as they are.
 *
 * Cost: every word gets a byte scan; a word is looked up only when all its
 * characters can be shown bytes, and lines are read in the five encodings
 * only when such a word is no syllable. Nothing is quadratic: each line
 * is walked a fixed number of times, words longer than WORD_MAX are not
 * decoded. */
#include <stdint.h>
#include <string.h>
#include <utf8proc.h>

#include "internal.h"

/* Words longer than this are not decoded (no syllable is that long). */
#define WORD_MAX 200
/* Room for one decoded word: three UTF-8 bytes per input byte at most. */
#define OUT_MAX (WORD_MAX * 3 + 1)
/* Quoted text in messages is cut to about this many bytes. */
#define QUOTE_MAX 60

/* What a reading makes of one word. */
enum verdict {
	V_NONE,     /* nothing to say: no letters, a code, an English word */
	V_KEPT,     /* unchanged, known syllables */
	V_FOREIGN,  /* unchanged, letters that are no known syllable */
	V_REPAIRED, /* no syllable as it stands, known syllables read */
	V_READ,     /* known syllables read, but too short to be evidence:
		     * one letter ("ë" for "ở") or none ("®·" for "đã") */
	V_RESPELT,  /* known syllables read from known ones ("tá" for "tỏ") */
	V_BROKEN    /* read as no syllable, or not the encoding's bytes */
};

/* The evidence for one reading of a line or a paragraph. */
struct tally {
	size_t ev;      /* V_REPAIRED */
	size_t valid;   /* V_KEPT, V_REPAIRED, V_READ, V_RESPELT */
	size_t invalid; /* V_FOREIGN, V_BROKEN */
	size_t contra;  /* V_BROKEN */
	size_t anew;    /* V_REPAIRED, V_READ, V_RESPELT */
	size_t respelt; /* V_RESPELT */
	size_t common;  /* words read as function words */
	size_t odd;     /* V_REPAIRED words odd as they stand */
	uint32_t bytes[4]; /* bytes 0x80-0xFF of the words read anew */
};

/* One word (a run without blanks) and what it is as it stands. */
struct word {
	size_t off, len;
	int plain;   /* printable ASCII only: the same in every reading */
	int shown;   /* every character can be a byte shown by Windows-1252 */
	int caps;    /* two or more ASCII letters, all capitals */
	int letters; /* how many letters it has */
	int known;   /* its pieces with letters are all known syllables */
	int common;  /* it is one function word */
	int odd;     /* a capital or a symbol after a small letter ("triÓn",
		      * "ph¸t"), or two marked letters in a row ("tãìt"): no
		      * language is written so */
	int marked;  /* has a letter outside ASCII */
};

static int
is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static int
is_alnum(char c)
{
	return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ||
	       (c >= '0' && c <= '9');
}

/* ASCII punctuation reads the same in every encoding. Around a word it is
 * no part of the damage; inside, it cuts the word into pieces read one by
 * one ("--context[=Sá»‘]", "lêi_gäi"). Not the apostrophe, which belongs
 * to foreign words ("d'où"). */
static int
edge_punct(char c)
{
	return (unsigned char)c >= 0x20 && (unsigned char)c < 0x7F &&
	       !is_blank(c) && !is_alnum(c);
}

static int
splits(char c)
{
	return edge_punct(c) && c != '\'';
}

static int
is_letter(int32_t cp)
{
	utf8proc_category_t c;

	if (cp < 0x80)
		return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
	if (cp < 0x100)
		return (cp >= 0xC0 && cp != 0xD7 && cp != 0xF7) || cp == 0xAA ||
		       cp == 0xB5 || cp == 0xBA;
	c = utf8proc_category(cp);
	return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_ME;
}

/* 1 for a capital, -1 for a small letter, else 0. */
static int
letter_case(int32_t cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z' ? 1 : cp >= 'a' && cp <= 'z' ? -1 : 0;
	if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)
		return 1;
	if (cp >= 0xE0 && cp <= 0xFF && cp != 0xF7)
		return -1;
	if (cp < 0x100)
		return cp == 0xB5 ? -1 : 0;
	return utf8proc_tolower(cp) != cp ? 1 : utf8proc_toupper(cp) != cp ? -1 : 0;
}

/* Is the case of a syllable one a writer uses: small, Capitalised or all
 * capitals? "giẰng" (VISCII "gi¯ng" read as TCVN3) is not. */
static int
plausible_case(const char *s, size_t n)
{
	size_t i = 0;
	int32_t cp;
	int k, c, first = 0, upper = 0, lower = 0;

	while (i < n) {
		if ((k = vni_utf8_decode((const unsigned char *)s + i, n - i,
					 &cp)) <= 0)
			return 0;
		c = letter_case(cp);
		if (i == 0)
			first = c;
		else if (c > 0)
			upper = 1;
		else if (c < 0)
			lower = 1;
		i += (size_t)k;
	}
	return !upper || (first > 0 && !lower);
}

/* The length of the curly quotation mark that s[0..n) starts with, or 0.
 * Not « and », which UTF-8 read as Windows-1252 makes of its bytes 0xAB
 * and 0xBB ("trá»«" for "trừ"). */
static int
quote_mark(const char *s, size_t n)
{
	int32_t cp;
	int k = vni_utf8_decode((const unsigned char *)s, n, &cp);

	return k > 1 && cp >= 0x2018 && cp <= 0x201E ? k : 0;
}

/* Is the piece s[0..n) (no ASCII punctuation in it), inside the
 * quotation marks around it, a known syllable? *letters counts its
 * letters, *common tells whether it is a function word ("của", "bị"), the
 * commonest words of any Vietnamese text. */
static int
known_piece(vn_ctx *ctx, const char *s, size_t n, int *letters, int *common)
{
	char low[64];
	size_t i, j, m;
	int32_t cp;
	int k, only = 1;

	*letters = *common = 0;
	while (n > 0 && (k = quote_mark(s, n)) > 0) {
		s += k;
		n -= (size_t)k;
	}
	for (;;) {
		/* s[j - 1] starts the last character */
		for (j = n; j > 0 && ((unsigned char)s[j - 1] & 0xC0) == 0x80;
		     j--)
			;
		if (j == 0 || quote_mark(s + j - 1, n - j + 1) != (int)(n - j + 1))
			break;
		n = j - 1;
	}
	i = 0;
	while (i < n) {
		if ((k = vni_utf8_decode((const unsigned char *)s + i, n - i,
					 &cp)) <= 0)
			return 0;
		if (is_letter(cp))
			(*letters)++;
		else
			only = 0;
		i += (size_t)k;
	}
	if (!only || n == 0 || (m = vni_lower(s, n, low, sizeof(low))) == 0 ||
	    !vni_known_syllable(ctx, low, m) || !plausible_case(s, n))
		return 0;
	*common = vni_wordset_has(&ctx->lex.function_words, low, m);
	return 1;
}

/* The end of the piece of s[0..n) that starts at i. */
static size_t
piece_end(const char *s, size_t i, size_t n)
{
	while (i < n && !splits(s[i]))
		i++;
	return i;
}

/* Is the word s[0..n) known: are its pieces with letters known
 * syllables, only those not plain ASCII when it has any ("--timeout=GIÂY")?
 * *letters counts its letters; *common tells whether it is one piece that
 * is a function word. */
static int
known_word(vn_ctx *ctx, const char *s, size_t n, int plain, int *letters,
	   int *common)
{
	size_t i = 0, e, j;
	int l, c, ok = 1, pieces = 0, ascii;

	*letters = *common = 0;
	while (i < n) {
		e = piece_end(s, i, n);
		for (ascii = 1, j = i; j < e; j++)
			ascii &= (unsigned char)s[j] < 0x80;
		if (e > i && !known_piece(ctx, s + i, e - i, &l, &c) && l > 0 &&
		    (plain || !ascii))
			ok = 0;
		if (e > i && l > 0) {
			pieces++;
			*common = c;
		}
		*letters += e > i ? l : 0;
		i = e + 1;
	}
	if (pieces != 1)
		*common = 0;
	return ok && pieces > 0;
}

/* Does s[0..n) have a symbol outside ASCII between two letters ("ph¸t",
 * "T£N"), a capital right after a small letter ("triÓn"), or a letter
 * outside ASCII right after a small one (Vietnamese never puts two marked
 * vowels of Latin-1 side by side: "tãìt", "ngöôøi")? *marked tells
 * whether a letter outside ASCII comes before the answer. */
static int
odd_inside(const char *s, size_t n, int *marked)
{
	size_t i = 0;
	int32_t cp;
	int k, c, letter = 0, small = 0, small_marked = 0, symbol = 0;

	*marked = 0;
	while (i < n) {
		if ((k = vni_utf8_decode((const unsigned char *)s + i, n - i,
					 &cp)) <= 0)
			return 0;
		if (is_letter(cp)) {
			c = letter_case(cp);
			*marked |= cp >= 0x80;
			if (symbol || (small && c > 0) ||
			    (small_marked && cp >= 0x80))
				return 1;
			letter = 1;
			small = c < 0;
			small_marked = small && cp >= 0x80;
		} else if (letter && cp >= 0x80) {
			symbol = 1;
			small = small_marked = 0;
		} else {
			letter = small = small_marked = symbol = 0;
		}
		i += (size_t)k;
	}
	return 0;
}

/* The word starting at or after *i on the line [.., end); 0 at its end.
 * It is looked up only when full is set or it may be shown bytes. */
static int
next_word(const struct vni_block *b, size_t *i, size_t end, struct word *w,
	  int full)
{
	const char *s = b->text;
	size_t j, upper = 0, lower = 0;

	while (*i < end && is_blank(s[*i]))
		(*i)++;
	if (*i >= end)
		return 0;
	w->plain = 1;
	for (j = *i; j < end && !is_blank(s[j]); j++) {
		if ((unsigned char)s[j] < 0x20 || (unsigned char)s[j] >= 0x7F)
			w->plain = 0;
		upper += s[j] >= 'A' && s[j] <= 'Z';
		lower += s[j] >= 'a' && s[j] <= 'z';
	}
	w->off = *i;
	w->len = j - *i;
	*i = j;
	w->caps = upper >= 2 && lower == 0;
	w->shown = !w->plain && w->len <= WORD_MAX &&
		   vni_legacy_shown(s + w->off, w->len);
	w->known = w->letters = w->common = w->odd = w->marked = 0;
	if (full || w->shown)
		w->known = known_word(b->ctx, s + w->off, w->len, w->plain,
				      &w->letters, &w->common);
	if (w->shown)
		w->odd = odd_inside(s + w->off, w->len, &w->marked);
	return 1;
}

/* What an unchanged word says: a known syllable is for the reading; a
 * word of two or more letters that is neither Vietnamese nor English
 * ("est", "gör") is against it, since Vietnamese text holds English loans
 * but seldom other languages. Codes, numbers and single letters say
 * nothing. */
static enum verdict
as_it_stands(const struct vni_block *b, const struct word *w, int english)
{
	const char *s = b->text + w->off;
	size_t i = 0, n = w->len, k;

	if (w->known)
		return V_KEPT;
	if (!w->plain)
		return w->letters ? V_FOREIGN : V_NONE;
	while (i < n && edge_punct(s[i]))
		i++;
	while (n > i && edge_punct(s[n - 1]))
		n--;
	if (n - i < 2)
		return V_NONE;
	for (k = i; k < n; k++)
		if (!((s[k] | 0x20) >= 'a' && (s[k] | 0x20) <= 'z'))
			return V_NONE;
	if (!english)
		return V_NONE; /* not asked: see vni_check_mojibake */
	return vni_dict_en_has(b->ctx->dict, s + i, n - i) ? V_NONE
							    : V_FOREIGN;
}

/* All capitals typed in a TCVN3 "H" font keep the small-letter codes of
 * the letters ASCII lacks ("VIÖT" shows as VIỆT): raise those letters, in
 * place. Vietnamese capitals are as long as their small letters. */
static void
raise_case(char *s, size_t n)
{
	char enc[4];
	size_t i = 0;
	int32_t cp;
	int k;

	while (i < n) {
		if ((k = vni_utf8_decode((const unsigned char *)s + i, n - i,
					 &cp)) <= 0)
			return;
		if (vni_utf8_encode(utf8proc_toupper(cp), enc) == k)
			memcpy(s + i, enc, (size_t)k);
		i += (size_t)k;
	}
}

/* What reading enc makes of w; the text read goes to out. Piece by piece,
 * as the ASCII punctuation between pieces reads the same: a changed piece
 * must be a known syllable; it is evidence when it was none and has two
 * letters or more. "•" or "«" read as a letter, or "ë" read as "ở", are
 * repaired inside a damaged run but prove nothing on their own. */
static enum verdict
judge(const struct vni_block *b, enum vni_encoding enc, const struct word *w,
      char *out, size_t *outlen, int *common, int english)
{
	const char *raw = b->text + w->off;
	size_t n, rs = 0, re, os = 0, oe;
	int l, c, rl, rc, changed = 0, evidence = 0, unknown = 0;

	*common = w->common;
	if (w->plain)
		return as_it_stands(b, w, english);
	if (!w->shown)
		return w->letters ? V_BROKEN : V_NONE;
	n = vni_legacy_decode(enc, raw, w->len, out, OUT_MAX);
	if (n == 0)
		return w->letters ? V_BROKEN : V_NONE;
	*outlen = n;
	if (n == w->len && memcmp(out, raw, n) == 0)
		return as_it_stands(b, w, english);
	if (w->caps)
		raise_case(out, n);
	*common = 0;
	for (;;) {
		re = piece_end(raw, rs, w->len);
		oe = piece_end(out, os, n);
		if (re - rs != oe - os || memcmp(raw + rs, out + os, re - rs)) {
			if (!known_piece(b->ctx, out + os, oe - os, &l, &c))
				return w->letters ? V_BROKEN : V_NONE;
			changed = 1;
			*common = c;
			if (!known_piece(b->ctx, raw + rs, re - rs, &rl, &rc)) {
				unknown = 1;
				evidence |= rl >= 2;
			}
		}
		if (re >= w->len || oe >= n || raw[re] != out[oe])
			break;
		rs = re + 1;
		os = oe + 1;
	}
	if (!changed)
		return as_it_stands(b, w, english);
	return evidence ? V_REPAIRED : unknown ? V_READ : V_RESPELT;
}

/* Note the bytes of a word read anew. */
static void
note_bytes(struct tally *t, const char *s, size_t n)
{
	size_t i = 0;
	int32_t cp;
	int k, byte;

	while (i < n) {
		if ((k = vni_utf8_decode((const unsigned char *)s + i, n - i,
					 &cp)) <= 0)
			return;
		if ((byte = vni_legacy_byte(cp)) >= 0x80)
			t->bytes[(byte - 0x80) / 32] |= 1u << ((byte - 0x80) % 32);
		i += (size_t)k;
	}
}

/* How many different bytes 0x80-0xFF the words read anew were made of. */
static int
distinct(const struct tally *t)
{
	uint32_t x;
	int i, n = 0;

	for (i = 0; i < 4; i++)
		for (x = t->bytes[i]; x; x &= x - 1)
			n++;
	return n;
}

static void
count(struct tally *t, enum verdict v, int common, const struct word *w,
      const char *s)
{
	t->ev += v == V_REPAIRED;
	t->valid += v == V_KEPT || v == V_REPAIRED || v == V_READ ||
		    v == V_RESPELT;
	t->anew += v == V_REPAIRED || v == V_READ || v == V_RESPELT;
	t->invalid += v == V_FOREIGN || v == V_BROKEN;
	t->contra += v == V_BROKEN;
	t->respelt += v == V_RESPELT;
	t->common += common != 0;
	t->odd += v == V_REPAIRED && w->odd;
	if (v == V_REPAIRED || v == V_READ || v == V_RESPELT)
		note_bytes(t, s + w->off, w->len);
}

static void
add(struct tally *sum, const struct tally *t)
{
	int k;

	sum->ev += t->ev;
	sum->valid += t->valid;
	sum->invalid += t->invalid;
	sum->contra += t->contra;
	sum->anew += t->anew;
	sum->respelt += t->respelt;
	sum->common += t->common;
	sum->odd += t->odd;
	for (k = 0; k < 4; k++)
		sum->bytes[k] |= t->bytes[k];
}

/* Could the line hold damage at all: a word that may be shown bytes, is
 * no syllable as it stands, and has a letter outside ASCII or is odd (not
 * only curly quotes around "index.html")? The cheap test every line
 * gets. */
static int
suspect_line(const struct vni_block *b, size_t i, size_t end)
{
	struct word w;

	while (next_word(b, &i, end, &w, 0))
		if (w.shown && !w.known && (w.marked || w.odd))
			return 1;
	return 0;
}

static void
tally_line(const struct vni_block *b, size_t i, size_t end,
	   struct tally t[VNI_ENC_COUNT], int english)
{
	char out[OUT_MAX];
	struct word w;
	enum verdict v;
	size_t n;
	int e, common;

	memset(t, 0, sizeof(*t) * VNI_ENC_COUNT);
	while (next_word(b, &i, end, &w, 1))
		for (e = 0; e < VNI_ENC_COUNT; e++) {
			v = judge(b, (enum vni_encoding)e, &w, out, &n, &common,
				  english);
			count(&t[e], v, common, &w, b->text);
		}
}

/* Does the tally show enc on its own? UTF-8 byte patterns do not happen
 * by chance. The single-byte encodings need two words of evidence that
 * outweigh the words against them; or, with no word against, one word of
 * evidence beside another word read anew; either way made of two
 * different bytes at least. Or one word odd as it stands, with no word
 * against. A foreign word that happens to read as a syllable ("så",
 * "où") is not odd, and a foreign line whose words all read as syllables
 * owes it to one letter of its language ("Så gå"). */
static int
convincing(enum vni_encoding enc, const struct tally *t)
{
	if (enc == VNI_ENC_UTF8)
		return t->ev >= 1;
	if (t->ev >= 2 && t->ev > t->invalid && distinct(t) >= 2)
		return 1;
	return t->ev >= 1 && t->invalid == 0 &&
	       ((t->anew >= 2 && distinct(t) >= 2) || t->odd >= 1);
}

/* Is reading e more plausible than reading f of the line t? More
 * evidence, then fewer words against, then more words read as syllables,
 * then more function words (TCVN3 "thøc bÞ háng" is "thức bị hỏng",
 * VISCII would make it "thục bỡ háng"), then fewer known words respelt,
 * then the evidence of the paragraph, then of the document so far. */
static int
better(const struct tally *t, int e, int f, const struct tally *para,
       const size_t *doc)
{
	if (t[e].ev != t[f].ev)
		return t[e].ev > t[f].ev;
	if (t[e].invalid != t[f].invalid)
		return t[e].invalid < t[f].invalid;
	if (t[e].valid != t[f].valid)
		return t[e].valid > t[f].valid;
	if (t[e].common != t[f].common)
		return t[e].common > t[f].common;
	if (t[e].respelt != t[f].respelt)
		return t[e].respelt < t[f].respelt;
	if (para && para[e].ev != para[f].ev)
		return para[e].ev > para[f].ev;
	return doc[e] > doc[f];
}

/* The most plausible reading of t with evidence, or -1. UTF-8 first: its
 * evidence is no chance. */
static int
best_encoding(const struct tally t[VNI_ENC_COUNT], const struct tally *para,
	      const size_t *doc)
{
	int e, best = -1;

	if (t[VNI_ENC_UTF8].ev > 0)
		return VNI_ENC_UTF8;
	for (e = 0; e < VNI_ENC_COUNT; e++)
		if (t[e].ev > 0 && (best < 0 || better(t, e, best, para, doc)))
			best = e;
	return best;
}

/* s[0..n) for a message, cut at a character boundary near QUOTE_MAX. */
static void
quote(const char *s, size_t n, char *out)
{
	size_t m = n;

	if (m > QUOTE_MAX) {
		m = QUOTE_MAX;
		while (m > 0 && ((unsigned char)s[m] & 0xC0) == 0x80)
			m--;
	}
	memcpy(out, s, m);
	strcpy(out + m, m < n ? "…" : "");
}

static void
report(struct vni_block *b, enum vni_encoding enc, size_t off, size_t len,
       const char *fix, int whole_run)
{
	const char *sugg[2] = {fix, NULL};
	char was[QUOTE_MAX + 4], now[QUOTE_MAX + 4];
	struct vni_finding *f;

	quote(b->text + off, len, was);
	quote(fix, strlen(fix), now);
	f = vni_report(b, VNI_R_MOJIBAKE, off, len, sugg,
		       "\"%s\" is %s text read as Windows-1252 (mojibake) for "
		       "\"%s\"",
		       "\"%s\" là văn bản %s bị đọc theo Windows-1252 (lỗi mã "
		       "hoá), đúng là \"%s\"",
		       was, vni_encoding_name(enc), now);
	/* A repaired run keeps foreign words, codes and punctuation as they
	 * were, and every word it changes was checked to be a known
	 * syllable. */
	if (f && whole_run)
		f->safe = b->ctx->rules[VNI_R_MOJIBAKE].safe;
}

/* Trim the same ASCII punctuation from both ends of raw and fix. */
static void
trim(const char *raw, size_t *off, size_t *len, const char **fix,
     size_t *flen)
{
	while (*len > 0 && *flen > 0 && edge_punct(raw[*off]) &&
	       raw[*off] == (*fix)[0]) {
		(*off)++;
		(*len)--;
		(*fix)++;
		(*flen)--;
	}
	while (*len > 0 && *flen > 0 && edge_punct(raw[*off + *len - 1]) &&
	       raw[*off + *len - 1] == (*fix)[*flen - 1]) {
		(*len)--;
		(*flen)--;
	}
}

/* Each damaged word of the line on its own: not the known words the
 * reading would respell, as the line also holds words it does not
 * explain. */
static void
report_words(struct vni_block *b, enum vni_encoding enc, size_t i,
	     size_t end)
{
	char out[OUT_MAX];
	const char *fix;
	struct word w;
	enum verdict v;
	size_t n = 0, off, len;
	int common;

	while (next_word(b, &i, end, &w, 1)) {
		v = judge(b, enc, &w, out, &n, &common, 1);
		if (v != V_REPAIRED && v != V_READ)
			continue;
		off = w.off;
		len = w.len;
		fix = out;
		trim(b->text, &off, &len, &fix, &n);
		out[fix - out + n] = '\0';
		report(b, enc, off, len, fix, 0);
	}
}

/* The damaged run of the line, from its first word read anew to its last,
 * repaired as one. */
static void
report_run(struct vni_block *b, enum vni_encoding enc, size_t i, size_t end)
{
	struct vni_buf fix = {0};
	char out[OUT_MAX];
	struct word w;
	enum verdict v;
	size_t n = 0, first = 0, last = 0, done = 0, flen;
	const char *p;
	int any = 0, common;

	while (next_word(b, &i, end, &w, 1)) {
		v = judge(b, enc, &w, out, &n, &common, 1);
		if (v != V_REPAIRED && v != V_READ && v != V_RESPELT)
			continue;
		if (!any)
			first = done = w.off;
		any = 1;
		/* The words kept since the last one read anew, then this. */
		vni_buf_append(&fix, b->text + done, w.off - done);
		vni_buf_append(&fix, out, n);
		done = last = w.off + w.len;
	}
	vni_buf_putc(&fix, '\0');
	if (any && !fix.failed) {
		n = last - first;
		p = fix.ptr;
		flen = fix.len - 1;
		trim(b->text, &first, &n, &p, &flen);
		fix.ptr[p - fix.ptr + flen] = '\0';
		report(b, enc, first, n, p, 1);
	}
	if (fix.failed)
		b->failed = 1;
	vni_buf_free(&fix);
}

static size_t
line_end(const struct vni_block *b, size_t i)
{
	const char *nl = memchr(b->text + i, '\n', b->len - i);

	return nl ? (size_t)(nl - b->text) : b->len;
}

void
vni_check_mojibake(struct vni_block *b)
{
	struct tally line[VNI_ENC_COUNT], para[VNI_ENC_COUNT];
	size_t i, end, suspects = 0, *doc = b->doc->mojibake;
	int e, best, alt, around, english;

	if (!vni_rule_on(b, VNI_R_MOJIBAKE))
		return;
	/* The paragraph's evidence, from the lines that may hold damage.
	 * First without asking en_US about plain words: they only count
	 * against a reading, and with no evidence for any reading in the
	 * whole paragraph no line is reported, whatever they are. So the
	 * English dictionary is loaded only for text that may be damaged. */
	for (english = 0; english < 2; english++) {
		memset(para, 0, sizeof(para));
		suspects = 0;
		for (i = 0; i < b->len; i = end + 1) {
			end = line_end(b, i);
			if (!suspect_line(b, i, end))
				continue;
			suspects++;
			tally_line(b, i, end, line, english);
			for (e = 0; e < VNI_ENC_COUNT; e++)
				add(&para[e], &line[e]);
		}
		for (e = 0; e < VNI_ENC_COUNT && para[e].ev == 0; e++)
			;
		if (suspects == 0 || e == VNI_ENC_COUNT)
			return;
	}
	/* The paragraph's reading, if it convinces. */
	around = best_encoding(para, NULL, doc);
	if (around >= 0 && !convincing((enum vni_encoding)around, &para[around]))
		around = -1;
	for (i = 0; i < b->len && !b->failed; i = end + 1) {
		end = line_end(b, i);
		if (!suspect_line(b, i, end))
			continue;
		tally_line(b, i, end, line, 1);
		best = best_encoding(line, para, doc);
		if (best >= 0 &&
		    !convincing((enum vni_encoding)best, &line[best]))
			best = -1;
		/* One damaged word ("Vieät Nam") is enough in damaged
		 * surroundings: the paragraph's reading, or one two damaged
		 * lines of the document were in, when nothing on the line is
		 * against it. */
		for (e = 0, alt = -1; best < 0 && e < VNI_ENC_COUNT; e++)
			if ((e == around || doc[e] >= 2) && line[e].ev >= 1 &&
			    line[e].contra == 0 &&
			    (alt < 0 || better(line, e, alt, para, doc)))
				alt = e;
		if (best < 0)
			best = alt;
		if (best < 0)
			continue;
		doc[best]++;
		if (line[best].contra == 0)
			report_run(b, (enum vni_encoding)best, i, end);
		else
			report_words(b, (enum vni_encoding)best, i, end);
	}
}
