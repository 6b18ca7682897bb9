/* SPDX-License-Identifier: MIT */
/*
 * internal.h - structures and cross-module prototypes of libvnlint.
 * Never installed. Non-static internal names carry the vni_ prefix.
 */
#ifndef VNLINT_INTERNAL_H
#define VNLINT_INTERNAL_H

#include <stdint.h>
#include <stddef.h>

#include "vnlint.h"

/* ------------------------------------------------------------------ buf.c */

/* A growable byte buffer. On allocation failure it sets failed and stops
 * growing, so callers check once at the end instead of after every append. */
struct vni_buf {
	char *ptr;
	size_t len, cap;
	int failed;
};

void vni_buf_append(struct vni_buf *b, const void *data, size_t n);
void vni_buf_putc(struct vni_buf *b, char c);
void vni_buf_free(struct vni_buf *b);
/* Grow a typed array: ensure room for one more element of size elt. Returns
 * 0 on failure (array unchanged). */
int vni_grow(void **arr, size_t *cap, size_t need, size_t elt);
char *vni_strndup(const char *s, size_t n);

/* ----------------------------------------------------------------- utf8.c */

/* Decode one UTF-8 sequence from s (n > 0 bytes available). Returns the
 * sequence length (1..4) and stores the code point in *cp, or returns a
 * negative length -k when the first k bytes form an invalid sequence
 * (k >= 1, the maximal invalid prefix). Rejects overlongs, surrogates and
 * code points above U+10FFFF. */
int vni_utf8_decode_mb(const unsigned char *s, size_t n, int32_t *cp);
/* ASCII, most of any text, is decoded inline. */
static inline int
vni_utf8_decode(const unsigned char *s, size_t n, int32_t *cp)
{
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	return vni_utf8_decode_mb(s, n, cp);
}
/* Encode cp into out (4 bytes room); returns length. */
int vni_utf8_encode(int32_t cp, char *out);

/* --------------------------------------------------------------- legacy.c */

/* The encodings Vietnamese text may have been in before its bytes were
 * shown as Windows-1252 or Latin-1. */
enum vni_encoding {
	VNI_ENC_UTF8,   /* once or twice over */
	VNI_ENC_TCVN3,  /* TCVN 5712:1993, "ABC" */
	VNI_ENC_VNI,    /* VNI-Windows: base letter + mark byte */
	VNI_ENC_VISCII,
	VNI_ENC_CP1258, /* Windows-1258: combining tone marks */
	VNI_ENC_COUNT
};

/* Read s[0..n) (UTF-8) back as the bytes Windows-1252, or Latin-1 for
 * the bytes Windows-1252 leaves undefined, would show it as, and decode
 * them as enc: NFC UTF-8 into out (cap bytes, NUL-terminated). Returns
 * the length, or 0 when a character is no such byte, the bytes are not
 * valid in enc, n is over 256 or the result does not fit. */
size_t vni_legacy_decode(enum vni_encoding enc, const char *s, size_t n,
			 char *out, size_t cap);
/* The byte that Windows-1252, or Latin-1 for the five bytes Windows-1252
 * leaves undefined, shows as cp; -1 if none. */
int vni_legacy_byte(int32_t cp);
/* Is every character of s[0..n) such a byte? */
int vni_legacy_shown(const char *s, size_t n);
/* "UTF-8", "TCVN3 (ABC)", "VNI-Windows", "VISCII", "Windows-1258" */
const char *vni_encoding_name(enum vni_encoding enc);

/* ----------------------------------------------------------- syllable.c */

/* The outcome of parsing one candidate syllable. */
enum vni_syl_status {
	VNI_SYL_VALID = 0,
	VNI_SYL_NOT_VIETNAMESE,  /* a letter outside the Vietnamese alphabet */
	VNI_SYL_BAD_INITIAL,     /* consonant cluster that starts no syllable */
	VNI_SYL_BAD_RIME,        /* vowel/final combination that does not exist */
	VNI_SYL_BAD_SPELLING,    /* c/k/q, g/gh, ng/ngh rules broken ("ke" ok, "ce" not) */
	VNI_SYL_BAD_TONE_FINAL,  /* stop final p/t/c/ch with a tone other than sắc/nặng */
	VNI_SYL_MISPLACED_TONE,  /* mark on the wrong vowel: "hòan", "qúy", "gịa" */
	VNI_SYL_MULTIPLE_TONES   /* more than one tone mark */
};

/* Tone-placement styles a valid syllable is written in (bit set). For most
 * syllables both styles agree and both bits are set. */
#define VNI_STYLE_TRADITIONAL 1u /* hòa, thủy, ủy */
#define VNI_STYLE_REFORMED 2u    /* hoà, thuỷ, uỷ */

enum vni_tone {
	VNI_TONE_NGANG = 0,
	VNI_TONE_HUYEN, /* grave  U+0300 */
	VNI_TONE_SAC,   /* acute  U+0301 */
	VNI_TONE_HOI,   /* hook   U+0309 */
	VNI_TONE_NGA,   /* tilde  U+0303 */
	VNI_TONE_NANG   /* dot    U+0323 */
};

struct vni_syllable {
	enum vni_syl_status status;
	unsigned styles; /* VNI_STYLE_* bits, only when status is VALID */
	enum vni_tone tone;
};

/* Parse s (NFC UTF-8, len bytes, any case) as one written syllable. Returns
 * status (also stored in out->status if out is not NULL). Pure function. */
enum vni_syl_status vni_syllable_parse(const char *s, size_t len,
				       struct vni_syllable *out);

/* Write s re-marked in the given style (VNI_STYLE_TRADITIONAL or
 * VNI_STYLE_REFORMED), case preserved, NUL-terminated, into out (cap bytes).
 * Only meaningful for a VALID syllable; other input is copied unchanged.
 * Returns the length written, or 0 if it does not fit. */
size_t vni_syllable_restyle(const char *s, size_t len, unsigned style,
			    char *out, size_t cap);

/* Write the toneless syllable s with tone added where style
 * (VNI_STYLE_TRADITIONAL or VNI_STYLE_REFORMED) puts it, case preserved,
 * NUL-terminated, into out (cap bytes). Returns the length, or 0 when s is
 * not a valid toneless syllable, already has a tone, does not take this
 * one ("viềt") or does not fit. */
size_t vni_syllable_add_tone(const char *s, size_t len, enum vni_tone tone,
			     unsigned style, char *out, size_t cap);

/* Short English and Vietnamese reasons for a status ("tone mark on the
 * wrong vowel"). Static strings. */
const char *vni_syl_status_reason(enum vni_syl_status st, vn_lang lang);

/* ---------------------------------------------------------------- text.c */

/* One step of the map from normalised-text offsets to original offsets.
 * Between steps[i].norm and steps[i+1].norm the text is either an exact
 * copy (identity: offset differences carry over) or a rewritten piece
 * (norm-side offsets inside it map to its original start). */
struct vni_map_step {
	size_t norm, orig;
	int identity;
};

enum vni_raw_kind { VNI_RAW_INVALID_UTF8, VNI_RAW_NOT_NFC };

/* A finding of the decoding stage, in ORIGINAL offsets. */
struct vni_raw_finding {
	enum vni_raw_kind kind;
	size_t orig, orig_len;
	size_t norm, norm_len; /* the span in the normalised text */
};

/* A block of the input decoded into NFC UTF-8 with an offset map. Invalid
 * bytes become U+FFFD; a leading BOM is dropped; everything else is kept,
 * CR included. Reused across blocks. */
struct vni_text {
	struct vni_buf norm;
	struct vni_map_step *steps;
	size_t nsteps, capsteps;
	struct vni_raw_finding *found;
	size_t nfound, capfound;
	int failed; /* allocation failure */
};

/* Decode orig[0..len) whose first byte is at original offset base. */
void vni_text_decode(struct vni_text *t, const char *orig, size_t len,
		     size_t base);
/* Map a normalised offset to an original offset. */
size_t vni_text_to_orig(const struct vni_text *t, size_t norm_off);
void vni_text_free(struct vni_text *t);
/* The offset of the line break ending the line that holds s[i] ('\n', or
 * a lone '\r': classic Mac text), or len. A CRLF line ends at its '\n'. */
size_t vni_line_end(const char *s, size_t len, size_t i);

/* --------------------------------------------------------------- token.c */

enum vni_tok_kind {
	VNI_TK_WORD,    /* letters (and marks), maybe joined by hyphens/digits */
	VNI_TK_NUMBER,  /* digits, with inner . or , groups: 1.234,5 */
	VNI_TK_PUNCT,   /* one punctuation or symbol character */
	VNI_TK_SPACE,   /* horizontal whitespace run */
	VNI_TK_NEWLINE, /* one line break (\n, \r\n) */
	VNI_TK_URL,     /* http://..., www.... */
	VNI_TK_EMAIL,   /* a@b.c */
	VNI_TK_PATH,    /* /usr/bin, ~/x, ./y, C:\x */
	VNI_TK_OTHER    /* anything else glued together, e.g. U+FFFD runs */
};

/* Token flags */
#define VNI_TF_ASCII (1u << 0)      /* only ASCII bytes */
#define VNI_TF_UPPER_FIRST (1u << 1) /* first letter is upper case */
#define VNI_TF_ALL_CAPS (1u << 2)   /* two or more letters, all upper case */
#define VNI_TF_MIXED_CASE (1u << 3) /* upper case after the first letter, not all caps */
#define VNI_TF_HAS_DIGIT (1u << 4)
#define VNI_TF_HYPHENATED (1u << 5) /* Mát-xcơ-va, COVID-19 */
#define VNI_TF_DOTTED (1u << 6)     /* inner periods: TP.HCM, v.v */
#define VNI_TF_ABBREV (1u << 7)     /* a word followed by its own period (TP., TS.) */
#define VNI_TF_VN_MARK (1u << 8)    /* holds a Vietnamese-only letter or a tone mark */
#define VNI_TF_NOT_VN_LETTER (1u << 9) /* holds a letter outside the Vietnamese alphabet */
#define VNI_TF_BAD_CHAR (1u << 10)  /* holds U+FFFD or a control character */
#define VNI_TF_CODE (1u << 11)      /* looks like code: _ inside, camelCase, option */
#define VNI_TF_ABBREV_DOT (1u << 12) /* PUNCT '.' that ends an abbreviation */

struct vni_token {
	uint32_t off, len; /* in the block's normalised text */
	uint16_t kind;
	uint16_t flags;
	int32_t cp; /* for PUNCT: the code point; otherwise the first one */
};

struct vni_tokens {
	struct vni_token *v;
	size_t n, cap;
	int failed;
};

struct vni_lexicon;
/* Split text[0..len) into tokens (the array is reset first). */
void vni_tokenize(struct vni_tokens *toks, const char *text, size_t len,
		  const struct vni_lexicon *lex);
void vni_tokens_free(struct vni_tokens *toks);
/* Is t a sentence-final mark (. ? ! …) that is not an abbreviation's? */
int vni_sentence_final(const struct vni_token *t);
/* Does token i begin a sentence (after a final mark, a line break or the
 * block start, looking through opening quotes, brackets and dashes)? */
int vni_at_sentence_start(const struct vni_tokens *t, size_t i);

/* ------------------------------------------------------------- lexicon.c */

/* A set of lowercase NFC strings (words or syllable pairs) loaded from a
 * plain list file: one entry per line, '#' comments, blank lines ignored. */
struct vni_wordslot {
	uint32_t off; /* pool offset + 1, 0 = empty */
	uint32_t len; /* key length: the hashed part of the entry */
};

struct vni_wordset {
	struct vni_wordslot *slots; /* open addressing */
	size_t cap, n;   /* cap is a power of two */
	struct vni_buf pool; /* the strings, each NUL-terminated */
};

int vni_wordset_load(struct vni_wordset *ws, const char *path, char *err,
		     size_t errsz);
int vni_wordset_add(struct vni_wordset *ws, const char *s, size_t len);
/* Case-sensitive membership of s[0..len) */
int vni_wordset_has(const struct vni_wordset *ws, const char *s, size_t len);
/* The entry that starts with key[0..len), where key ends in the 0x1F byte
 * that separates a key from its value ("word\x1Fvalue"), or NULL. */
const char *vni_wordset_find_prefix(const struct vni_wordset *ws,
				    const char *key, size_t len);
void vni_wordset_free(struct vni_wordset *ws);

/* The data files of dict/, loaded once per context. */
struct vni_lexicon {
	struct vni_wordset reduplication; /* "ngày ngày" legitimate repeats */
	struct vni_wordset function_words; /* always flagged when doubled */
	struct vni_wordset abbreviations;  /* "tp", "ts", "pgs" (before '.') */
	struct vni_wordset syllables;      /* attested syllables missing from hunspell */
	struct vni_wordset latin_words;    /* brands, loans, tech words never stray */
	struct vni_wordset english_function; /* by, with, which: never borrowed */
	struct vni_wordset loanwords;      /* lôgíc, virút: solid loans */
	/* case/capital-mid-sentence; entries in the reformed placement */
	struct vni_wordset common_words;   /* "nhiệm vụ": never a name alone */
	struct vni_wordset introducers;    /* "tỉnh", "nút": a name or label follows */
	struct vni_wordset name_pairs;     /* "hà nội": names, whatever the model says */
	struct vni_wordset linking_words;  /* và, của, hoặc: never end a paragraph */
};

int vni_lexicon_load(struct vni_lexicon *lex, const char *dir, char *err,
		     size_t errsz);
void vni_lexicon_free(struct vni_lexicon *lex);

/* Lowercase NFC UTF-8 s[0..len) into out (cap bytes, NUL-terminated).
 * Returns the length, or 0 if it does not fit. */
size_t vni_lower(const char *s, size_t len, char *out, size_t cap);

/* --------------------------------------------------------- boilerplate.c */

/* Lines of web-page residue ("Tin liên quan", "Theo VnExpress"), from
 * dict/boilerplate.txt and the files users add. Every key is lowercase NFC
 * with single spaces (format: dict/README.md). */
struct vni_boilerplate {
	struct vni_wordset line;   /* the whole line */
	struct vni_wordset weak;   /* the whole line, but only next to residue */
	struct vni_wordset prefix; /* the line starts with these words */
	struct vni_wordset name;   /* these words, then a capitalised name */
	struct vni_wordset first;  /* the first word of every entry: a line
				    * starting otherwise is never residue */
};

enum vni_bp_match { VNI_BP_NONE, VNI_BP_STRONG, VNI_BP_WEAK };

int vni_boilerplate_load(struct vni_boilerplate *bp, const char *path,
			 char *err, size_t errsz);
void vni_boilerplate_free(struct vni_boilerplate *bp);

/* ---------------------------------------------------------------- dict.c */

struct vni_dict; /* hunspell vi_VN and en_US with a look-up cache */

int vni_dict_open(struct vni_dict **out, const char *dir, char *err,
		  size_t errsz);
void vni_dict_close(struct vni_dict *d);
/* Is the lowercase syllable attested in vi_VN (after restyling to the
 * reformed tone placement that Debian's list uses)? Cached. */
int vni_dict_vi_has(struct vni_dict *d, const char *syl, size_t len);
/* Is the word (as written, ASCII) an English word in en_US? Cached. */
int vni_dict_en_has(struct vni_dict *d, const char *w, size_t len);
/* Up to max suggestions for a misspelt syllable, each a malloc'd string
 * stored in out[]. Returns the count, or (size_t)-1 if memory ran out (then
 * out[] holds nothing to free). */
size_t vni_dict_vi_suggest(struct vni_dict *d, const char *w, size_t len,
			   char **out, size_t max);

/* ------------------------------------------------------------- catalog.c */

/* Built-in rule indices; the catalogue in catalog.c follows this order and
 * they are the first entries of every context's rule table. */
enum vni_rule {
	VNI_R_INVALID_UTF8,
	VNI_R_NOT_NFC,
	VNI_R_INVALID_SYLLABLE,
	VNI_R_DUPLICATE_SYLLABLE,
	VNI_R_OVERLAPPING_WORDS,
	VNI_R_STRAY_ENGLISH,
	VNI_R_LOWERCASE_AFTER_PERIOD,
	VNI_R_THOUSANDS_SEPARATOR,
	VNI_R_MIXED_QUOTES,
	VNI_R_UNBALANCED_QUOTE,
	VNI_R_REGEX_LIMIT,
	VNI_R_TONE_PLACEMENT,
	VNI_R_UNLIKELY_SYLLABLE,
	VNI_R_INVISIBLE_CHAR,
	VNI_R_REPLACEMENT_CHAR,
	VNI_R_CONFUSABLE,
	VNI_R_MIXED_TONE,
	VNI_R_DIGIT_IN_WORD,
	VNI_R_REPEATED_PUNCTUATION,
	VNI_R_MOJIBAKE,
	VNI_R_SPACE_BEFORE,
	VNI_R_MISSING_SPACE_AFTER,
	VNI_R_REPEATED_SPACE,
	VNI_R_ELLIPSIS_STYLE,
	VNI_R_CAPITAL_MID_SENTENCE,
	VNI_R_LOWERCASE_SENTENCE_START,
	VNI_R_SPLIT_WORD,
	VNI_R_JOINED_WORDS,
	VNI_R_LETTER_CONFUSION,
	VNI_R_IME_RESIDUE,
	VNI_R_TRUNCATED_PARAGRAPH,
	VNI_R_DUPLICATE_PARAGRAPH,
	VNI_R_BOILERPLATE,
	VNI_R_NO_DIACRITICS,
	VNI_R_COUNT
};

struct vni_rule_info {
	const char *id;
	vn_severity severity;
	const char *summary[2];     /* [VN_LANG_EN], [VN_LANG_VI] */
	const char *explanation[2];
	int safe; /* its single suggestion may be applied by --fix */
};

extern const struct vni_rule_info vni_rules[VNI_R_COUNT];

/* ------------------------------------------------------------- multimap.c */

/* A string -> list of uint32 values map: trigger words to rules, first
 * syllables to table rows. Values of a key come back newest first. */
struct vni_mmslot {
	uint32_t off, len, head; /* key in pool (off + 1; 0 = empty) */
};

struct vni_multimap {
	struct vni_mmslot *slots;
	size_t cap, n;
	struct vni_buf pool;
	uint32_t *val, *next; /* value lists, linked through next */
	size_t nval, capval;
};

#define VNI_MM_END UINT32_MAX
int vni_mm_add(struct vni_multimap *m, const char *key, size_t len,
	       uint32_t value);
/* The first list position of key, or VNI_MM_END; walk with m->next[]. */
uint32_t vni_mm_first(const struct vni_multimap *m, const char *key,
		      size_t len);
void vni_mm_free(struct vni_multimap *m);

/* ---------------------------------------------------------------- regex.c */

struct vni_regex; /* a compiled PCRE2 pattern with limits and match data */

/* Compile pattern (UTF-8, NFC) with UTF, UCP and, if caseless, CASELESS.
 * On failure returns NULL and writes the message and the offset of the
 * error in the pattern. */
struct vni_regex *vni_regex_compile(const char *pattern, int caseless,
				    char *err, size_t errsz, size_t *erroff);
/* Match from byte start of subject. Returns the number of captured pairs
 * (ovec[2k], ovec[2k+1] for group k, (size_t)-1 when unset), 0 for no
 * match, -1 when a match or depth limit stopped the search. */
int vni_regex_match(struct vni_regex *re, const char *subject, size_t len,
		    size_t start, size_t *ovec, int maxpairs);
int vni_regex_groups(const struct vni_regex *re); /* capture groups */
void vni_regex_free(struct vni_regex *re);

/* ------------------------------------------------------------ rulefile.c */

enum vni_rule_kind {
	VNI_KIND_BUILTIN,
	VNI_KIND_SUBSTITUTION,
	VNI_KIND_PATTERN,
	VNI_KIND_CONSISTENCY
};

/* One example of a rule: a text it must flag (bad) or must not (good). */
struct vni_example {
	char *text;           /* the text, span markers removed */
	size_t off, len;      /* bad: the expected span in text */
	char *suggestion;     /* bad: the expected first suggestion, or NULL */
	int bad;
	const char *file;
	size_t line;
};

enum vni_cond_kind { VNI_COND_SYL, VNI_COND_NOT_SYL, VNI_COND_LIST,
		     VNI_COND_NOT_LIST };

/* A condition on a capture group of a pattern rule. */
struct vni_cond {
	int group;
	enum vni_cond_kind kind;
	size_t list; /* index into ctx->lists */
};

struct vni_ruledef {
	const char *id;
	vn_severity severity;
	enum vni_rule_kind kind;
	const char *summary[2];
	const char *explanation[2];
	const char *message[2];  /* loaded rules: templates with {match}... */
	struct vni_example *ex;
	size_t nex, capex;
	/* pattern */
	struct vni_regex *re;
	int span;
	char **sugg;
	size_t nsugg;
	struct vni_cond *conds;
	size_t nconds;
	struct vni_regex **anti;
	size_t nanti;
	int always;              /* trigger = * */
	int safe;                /* fix = safe */
	const char *file;        /* where it was defined (NULL: built in) */
	size_t line;
};

enum vni_ctx_kind { VNI_CTX_BEFORE, VNI_CTX_AFTER, VNI_CTX_NOT_BEFORE,
		    VNI_CTX_NOT_AFTER };

/* A context condition of a table row: the words before or after. */
struct vni_ctxcond {
	enum vni_ctx_kind kind;
	char **alt;   /* alternatives, each lowercase reformed syllables */
	size_t nalt;
};

enum vni_phrase_kind { VNI_PHRASE_ENTRY, VNI_PHRASE_FORM };

/* A syllable sequence matched on words: a substitution row (wrong form)
 * or one spelling of a consistency group. */
struct vni_phrase {
	enum vni_phrase_kind kind;
	size_t rule;
	char *syl;       /* lowercase, single spaces; reformed tone placement
			  * for entries, as written for forms */
	size_t nsyl;
	const char *text; /* as written in the rule file */
	char **fix;      /* entry: corrections, as written in the table */
	size_t nfix;
	const char *note;
	struct vni_ctxcond *conds;
	size_t nconds;
	size_t group, form; /* form: its group and index in it */
	const char *file;
	size_t line;
};

/* A consistency group: forms are consecutive phrases. */
struct vni_group {
	size_t rule, first, nforms;
};

struct vni_list {
	char *name; /* "pack:name" */
	struct vni_wordset words;
};

/* The loaded packs of a context. */
struct vni_packs {
	struct vni_phrase *phrase;
	size_t nphrase, capphrase;
	struct vni_group *group;
	size_t ngroup, capgroup;
	struct vni_list *list;
	size_t nlist, caplist;
	struct vni_multimap by_syllable; /* first syllable -> phrase */
	struct vni_multimap by_trigger;  /* trigger word -> rule */
	size_t *always;                  /* pattern rules run everywhere */
	size_t nalways, capalways;
	char **owned;                    /* strings to free with the context */
	size_t nowned, capowned;
	size_t maxgroups;                /* largest capture count of a pattern */
};

/* Load every *.rules file of dir (sorted). On error writes
 * "file:line:col: message" and returns 0; the context must then be freed. */
int vni_packs_load_dir(vn_ctx *ctx, const char *dir, char *err, size_t errsz);
void vni_packs_free(vn_ctx *ctx);
/* Lowercase, single-spaced form of the syllables of s, in the reformed
 * tone placement unless exact; 0 if it does not fit. */
size_t vni_phrase_key(const char *s, size_t len, int exact, char *out,
		      size_t cap);

/* -------------------------------------------------------------- markup.c */

/* A copy of text (NUL-terminated) where what is not prose is blanked with
 * spaces, keeping every byte offset and line break. NULL on failure. */
char *vni_mask(const char *text, size_t len, vn_markup markup);

/* ------------------------------------------------------------ suppress.c */

struct vni_suppression {
	size_t from, to; /* lines, 1-based, inclusive */
	char *rules;     /* space/comma separated ids or packs; empty: all */
};

struct vni_suppress {
	struct vni_suppression *r;
	size_t n, cap;
};

int vni_suppress_parse(struct vni_suppress *sp, const char *text, size_t len,
		       vn_markup markup);
int vni_suppressed(const struct vni_suppress *sp, size_t line,
		   const char *rule);
void vni_suppress_free(struct vni_suppress *sp);

/* --------------------------------------------------------------- model.c */

#define VNI_MODEL_VERSION 1
/* The context check's default threshold, chosen on held-out text (see
 * docs/context-eval.md). */
#define VNI_DEFAULT_THRESHOLD 6.0
#define VNI_SENTENCE "<s>"
#define VNI_UNKNOWN "<unk>"
#define VNI_NO_WORD UINT32_MAX

uint32_t vni_model_checksum(const unsigned char *p, size_t n);
/* The id of a lowercase, reformed word, or VNI_NO_WORD. */
uint32_t vni_model_id(const vn_model *m, const char *w, size_t n);
const char *vni_model_word(const vn_model *m, uint32_t id);
uint32_t vni_model_count(const vn_model *m, uint32_t id);
uint32_t vni_model_bigram(const vn_model *m, uint32_t v, uint32_t w);
/* ln P(w | v); unseen ids (VNI_NO_WORD) are allowed on either side. */
double vni_model_logprob(const vn_model *m, uint32_t v, uint32_t w);
uint32_t vni_model_sentence(const vn_model *m);
uint32_t vni_model_unknown(const vn_model *m);

/* ------------------------------------------------------------- confuse.c */

#define VNI_CAND_LEN 32
/* Confusion candidates of the lowercase NFC syllable w (valid syllables in
 * the reformed placement, w itself excluded); returns how many. */
size_t vni_confusions(const char *w, size_t len, vn_profile profile,
		      char (*out)[VNI_CAND_LEN], size_t max);

/* ----------------------------------------------------------------- ime.c */

enum vni_ime_method { VNI_IME_TELEX, VNI_IME_VNI, VNI_IME_VIQR };

/* What the keys of a reading did (bits of vni_ime_reading.how). */
#define VNI_IME_HAT 1u   /* a hat or đ: dd aa ee oo w, VNI 6 7 8 9 */
#define VNI_IME_TONE 2u  /* a tone key: s f r x j, VNI 1-5 */
#define VNI_IME_BARE_W 4u /* w typed for the letter ư ("nhwng", "tw") */

struct vni_ime_reading {
	char syl[VNI_CAND_LEN]; /* lowercase NFC, a well-formed syllable */
	unsigned how;           /* VNI_IME_* */
};

/* The syllables the ASCII word s[0..n) gives when its keys are replayed
 * by a Telex or VNI engine, or its VIQR marks ("Vie^.t") read, tone marks
 * placed in style; up to max distinct
 * readings into out, at least one key applied in each. Returns how many.
 * Pure; attestation is the caller's business. */
size_t vni_ime_decode(enum vni_ime_method method, const char *s, size_t n,
		      unsigned style, struct vni_ime_reading *out, size_t max);

/* ---------------------------------------------------------------- diag.c */

struct vn_diag {
	const char *rule; /* id, owned by the context */
	vn_severity severity;
	char *message;
	size_t off, len; /* original bytes */
	size_t line, col, end_line, end_col;
	char **sugg;
	size_t nsugg;
	int safe; /* one suggestion, from a safe rule, into valid syllables */
};

struct vn_result {
	struct vn_diag *v;
	size_t n, cap;
	size_t count[3];
	size_t words; /* word tokens linted: one per Vietnamese syllable */
};

/* Append a diagnostic (its strings are taken over); 0 on failure. */
int vni_result_push(vn_result *r, const struct vn_diag *d);

/* ------------------------------------------------------------- context */

struct vn_ctx {
	vn_lang lang;
	vn_tone_policy tone_policy;
	const vn_model *model;         /* borrowed; NULL: no context check */
	double threshold;              /* context log-likelihood ratio */
	vn_profile profile;
	struct vni_multimap cand_cache; /* word -> candidate ids */
	struct vni_multimap id_cache;   /* lowercase word -> model id */
	struct vni_ruledef *rules; /* built-ins first, then loaded rules */
	unsigned char *enabled;
	size_t nrules, caprules;
	struct vni_packs packs;
	struct vni_lexicon lex;
	struct vni_boilerplate boiler;
	struct vni_dict *dict;
	/* Answers of vni_known_syllable(): a text has a few thousand distinct
	 * syllables, so nearly every token is one hash probe. */
	struct vni_wordset known, unknown;
	/* What input/ime-residue read each word as: "word\x1Freadings". */
	struct vni_wordset typed;
};

/* ---------------------------------------------------------------- lint.c */

/* A finding from a check, in normalised offsets of the current block.
 * message is malloc'd; sugg[] entries are malloc'd. */
struct vni_finding {
	size_t rule;        /* index into ctx->rules */
	size_t group, form; /* consistency occurrences: which spelling */
	int pending;        /* a consistency occurrence, decided at the end */
	int safe;           /* the suggestion passed the fix checks */
	size_t hold;        /* a held finding's id (vni_hold), or 0 */
	size_t norm, norm_len;
	char *message;
	char *sugg[4];
	size_t nsugg;
};

/* Built-in pairs of styles count as extra consistency forms after the
 * packs' phrases, two by two: a finding of one form is reported when its
 * partner (the form ^ 1 of the pair) is used more. The tone placements
 * are forms vni_tone_form(ctx, VNI_STYLE_...), the ellipsis as "..." or
 * as "…" vni_ellipsis_form(ctx, 0 or 1). */
#define VNI_STYLE_FORMS 4
#define vni_tone_form(ctx, style) \
	((ctx)->packs.nphrase + ((style) == VNI_STYLE_TRADITIONAL ? 0 : 1))
#define vni_ellipsis_form(ctx, unicode) \
	((ctx)->packs.nphrase + 2 + ((unicode) ? 1 : 0))

/* ----------------------------------------------------------- paragraph.c */

/* A paragraph: the lines of a block up to one that closes a sentence
 * (. ? ! … : ;), or a single line when the block is written one paragraph
 * per line (most of its lines close a sentence). */
struct vni_para {
	size_t first, end;  /* its non-space tokens: [first, end) */
	size_t line;        /* document line of its first token, from 1 */
	size_t nlines;
	size_t words;       /* WORD and NUMBER tokens */
	size_t indent;      /* columns before its first token (tab: to 8) */
};

struct vni_line_span {
	size_t first, end; /* non-space tokens of the line; first == end: empty */
	size_t words;
	size_t indent;
	int closes;        /* ends with . ? ! … : ; (and closing quotes) */
	int heading;       /* stands alone: a few words in capitals, or a
			    * short line after a closed one, no closing mark */
};

struct vni_paras {
	struct vni_para *v;
	size_t n, cap;
	struct vni_line_span *lines; /* the block's lines, scratch */
	size_t nlines, caplines;
	int failed;
};

/* Split a block (text and its tokens) into paragraphs; line0 is the
 * block's first document line. A heading line in capitals, or a short
 * unclosed line after a closed one (a title, a byline), is a paragraph of
 * its own. */
void vni_paragraphs(struct vni_paras *out, const struct vni_tokens *t,
		    const char *text, size_t line0);
void vni_paras_free(struct vni_paras *p);

/* How a paragraph or line begins, looking through opening quotes,
 * brackets, dashes and '>' quote markers. */
enum vni_lead {
	VNI_LEAD_UPPER, /* a capitalised word: a sentence starts */
	VNI_LEAD_LOWER, /* a lower-case word: text continues */
	VNI_LEAD_OTHER  /* a list marker, number, heading mark, symbol, code */
};
enum vni_lead vni_lead(const struct vni_tokens *t, size_t first, size_t end);
/* Is the paragraph running prose: it starts a sentence, is no heading,
 * list item, table row, all-capital title or message template ("%s",
 * "{name}", "$VAR")? */
int vni_para_prose(const struct vni_tokens *t, const char *text,
		   const struct vni_para *p);
/* Does word token w hold a lower-case letter? */
int vni_has_lower(const char *text, const struct vni_token *w);
/* A document's habit: how many of its long prose paragraphs end with a
 * mark (. ? ! … : ;) rather than a bare word. Running text does; message
 * catalogues, option lists and UI strings mostly do not. */
struct vni_habit {
	size_t long_paras, punctuated;
};
/* Count the block's long prose paragraphs: those that end with a mark,
 * and those that end with a bare word after a single sentence. */
void vni_habit_add(struct vni_habit *h, const struct vni_tokens *t,
		   const char *text, const struct vni_paras *ps,
		   const struct vni_wordset *linking);
/* Is the document running prose: at least 3 long paragraphs, 4 in 5 of
 * them punctuated? With fewer, all of them punctuated, or the paragraph's
 * own evidence (own: it holds a full stop) decides. */
int vni_habit_prose(const struct vni_habit *h, int own);
/* Does a printf or message placeholder occur in tokens [first, end)? */
int vni_templated(const struct vni_tokens *t, size_t first, size_t end);
/* How a paragraph ends. */
struct vni_ending {
	size_t words;       /* WORD and NUMBER tokens */
	size_t last_words;  /* words after the last mark closing a sentence or
			     * clause (. ? ! … : ; before a space), or after a
			     * spaced " / " that separates labels */
	size_t quote_words; /* words after a “ still open at the end, or -1 */
	int full_stop;      /* an earlier sentence of 4+ words ends . ? ! … */
	int closes;         /* it ends with . ? ! … : ; (maybe in quotes) */
	int colon, comma;   /* it ends with ':' (maybe in quotes), with ',' */
	int word_end;       /* its last token is a word */
};
void vni_para_ending(const struct vni_tokens *t, const struct vni_para *p,
		     struct vni_ending *e);
/* If the paragraph ends with one to three words of the linking list
 * (dict/linking-words.txt), separated by single spaces: the index + 1 of
 * the first of them; else 0. */
size_t vni_linking_tail(const struct vni_tokens *t, const char *text,
			const struct vni_para *p,
			const struct vni_wordset *linking);
/* Is token t a mark that closes a sentence or a clause (. ? ! … : ;)? */
int vni_closing_mark(const struct vni_token *t);

/* --------------------------------------------------- structure checks' state */

struct vni_doc;

/* check_truncation.c: what later paragraphs and the end decide. */
struct vni_trunc {
	size_t next;      /* candidate that the next paragraph confirms */
	size_t indent;    /* the candidate's indentation */
	size_t last;      /* unpunctuated end: any later paragraph cancels it */
	size_t *ids;      /* candidates that wait for the document's habit */
	unsigned char *own; /* per candidate: its paragraph has a full stop */
	size_t n, cap;
	int after_colon;  /* the previous paragraph ended with ':' */
};

/* check_duplicate.c: word 3-gram hashes of the document so far. */
struct vni_shingle {
	uint64_t hash;  /* 0: empty slot */
	uint32_t para;  /* the first paragraph holding it */
};

struct vni_dup_para {
	size_t line;
	uint32_t shingles, words;
};

struct vni_dups {
	struct vni_shingle *slot;
	size_t cap, n;
	struct vni_dup_para *para;
	size_t npara, cappara;
	uint64_t *hash;   /* scratch: the current paragraph's shingles */
	uint32_t *hit;    /* scratch: the paragraphs they were first seen in */
	size_t caphash, caphit;
};

/* check_boilerplate.c */
struct vni_bpstate {
	uint64_t prev;     /* hash of the previous line if it was residue, or 0 */
	size_t pending;    /* a weak line waiting for residue on the next line */
	uint64_t pending_key;
};

void vni_trunc_free(struct vni_trunc *t);
void vni_dups_free(struct vni_dups *d);
/* At the end of a document: decide the truncation candidates by the
 * document's habit of ending paragraphs with a full stop. */
void vni_truncation_finish(struct vni_doc *doc);

enum vni_verdict { VNI_UNDECIDED, VNI_KEEP, VNI_DROP };

/* A consistency occurrence waiting for the end of the document, kept small
 * (a long document holds one per use of every compared spelling): its
 * message and positions are written only if it is reported. */
struct vni_occurrence {
	size_t off, len; /* original bytes */
	size_t form;     /* a phrase, or a built-in style form */
	size_t rule;     /* index into ctx->rules */
	int safe;
	char *sugg;      /* the check's replacement, or NULL */
};

struct vni_doc {
	size_t *uses;     /* per consistency form: occurrences so far */
	size_t *first;    /* per form: order of first use (for ties) */
	size_t nuses;
	size_t *stamp;    /* per rule: the last block a pattern ran in */
	size_t serial;    /* the current block's number, from 1 */
	size_t *ovec;     /* capture offsets, 2 per group */
	struct vni_occurrence *occ; /* consistency occurrences, decided at the end */
	size_t nocc, capocc;
	/* case/: did the last block with words end inside a sentence (no
	 * final mark)? Then a lower-case paragraph may continue it. */
	int prev_open;
	/* case/: how often each common word was capitalised inside a
	 * sentence so far (the value): twice is a term or a label. */
	struct vni_multimap case_terms;
	/* Findings held until a later paragraph or the end of the document
	 * decides them: a verdict per id, the diagnostics in text order. */
	unsigned char *verdict;  /* enum vni_verdict, indexed by id */
	size_t nverdict, capverdict;
	struct vn_diag *held;
	size_t *held_id;
	size_t nheld, capheld;
	struct vni_habit habit;
	struct vni_trunc trunc;
	struct vni_dups dups;
	struct vni_bpstate bp;
	size_t mojibake[VNI_ENC_COUNT]; /* per encoding: damaged lines so far */
};

/* A new id for a finding to hold (set it in the finding's hold), or 0 when
 * the document already holds too many (then do not report) or memory ran
 * out (then b->failed is set). */
struct vni_block;
size_t vni_hold(struct vni_block *b);
void vni_decide(struct vni_doc *doc, size_t id, enum vni_verdict v);
enum vni_verdict vni_verdict_of(const struct vni_doc *doc, size_t id);

/* What checks ask of each word of the current block, again and again:
 * found out the first time (vni_token_lower, vni_token_known,
 * vni_token_reformed). */
struct vni_lowtok {
	uint32_t off, len;   /* lowercase form in buf; off LOW_UNSET: not yet */
	uint32_t roff, rlen; /* reformed key in buf; roff LOW_UNSET: not yet */
	int8_t known;        /* a known syllable; -1: not asked yet */
};

struct vni_lowcache {
	struct vni_lowtok *tok; /* one per token of the block */
	size_t ntok, cap;
	struct vni_buf buf;
};

/* The state handed to each check for one block. */
struct vni_block {
	vn_ctx *ctx;
	const char *text; /* normalised block text */
	size_t len;
	const struct vni_tokens *toks;
	const struct vni_paras *paras;
	size_t line;      /* document line of the block's first byte, from 1 */
	int hidden;       /* text that markup hides (code): no prose here */
	int no_guesses;   /* vn_lint_options.no_dictionary_guesses */
	struct vni_doc *doc;
	struct vni_lowcache *low; /* NULL: lowercase each time */
	struct vni_finding *f;
	size_t nf, capf;
	int failed;
};

/* Report a finding: the message is printf-formatted in the context's
 * language; sugg is NULL or a NULL-terminated list of replacement texts.
 * Returns the finding, or NULL (rule off, allocation failure). */
struct vni_finding *vni_report(struct vni_block *b, size_t rule, size_t norm,
			       size_t norm_len, const char *const *sugg,
			       const char *fmt_en, const char *fmt_vi, ...);
/* The same with a finished message; returns the finding or NULL. */
struct vni_finding *vni_report_msg(struct vni_block *b, size_t rule,
				   size_t norm, size_t norm_len,
				   const char *const *sugg, const char *msg);
int vni_rule_on(const struct vni_block *b, size_t rule);

/* Is the lowercase syllable attested (hunspell vi_VN or
 * dict/syllables-extra.txt), in either tone placement? */
int vni_attested(vn_ctx *ctx, const char *low, size_t n);
/* Is the lowercase word a valid written syllable that is attested? The
 * question every check asks; cached in the context. */
int vni_known_syllable(vn_ctx *ctx, const char *low, size_t n);
/* The token's text lowercased into out; 0 if it does not fit. */
size_t vni_token_lower(const struct vni_block *b, const struct vni_token *t,
		       char *out, size_t cap);
/* Is the token, lowercased, a known syllable (vni_known_syllable)? */
int vni_token_known(const struct vni_block *b, const struct vni_token *t);
/* The token lowercased (at most 63 bytes) and restyled to the reformed
 * tone placement, into out; 0 if either does not fit. */
size_t vni_token_reformed(const struct vni_block *b,
			  const struct vni_token *t, char *out, size_t cap);

/* Helpers for checks: the index of the next/previous token that is not a
 * space (newlines count as tokens), or (size_t)-1. */
size_t vni_next_nonspace(const struct vni_tokens *t, size_t i);
size_t vni_prev_nonspace(const struct vni_tokens *t, size_t i);

/* The checks. Each walks the block's tokens once. */
void vni_check_spelling(struct vni_block *b);
void vni_check_repetition(struct vni_block *b);
void vni_check_english(struct vni_block *b);
void vni_check_sentence(struct vni_block *b);
void vni_check_numbers(struct vni_block *b);
void vni_check_unicode(struct vni_block *b);
void vni_check_glyphs(struct vni_block *b);
void vni_check_punctuation(struct vni_block *b);
void vni_check_mojibake(struct vni_block *b);
void vni_check_spacing(struct vni_block *b);    /* around punctuation */
void vni_check_whitespace(struct vni_block *b); /* runs of spaces */
void vni_check_ellipsis(struct vni_block *b);
void vni_check_case(struct vni_block *b);
void vni_check_split(struct vni_block *b);   /* ocr/split-word */
void vni_check_joined(struct vni_block *b);  /* ocr/joined-words */
void vni_check_letters(struct vni_block *b); /* ocr/letter-confusion */

/* check_joined.c: syllables run together. A split is written with single
 * spaces into a buffer of VNI_SPLIT_CAP bytes. */
#define VNI_SPLIT_CAP 256
/* Split s[0..n) (as written) into the fewest known syllables, at least
 * two; a capital may only start a part. Returns 0 (no split), 1 (out[0])
 * or 2 (out[0] and out[1]: two different splits with as few parts). */
size_t vni_split_syllables(vn_ctx *ctx, const char *s, size_t n,
			   char out[2][VNI_SPLIT_CAP]);
/* The same for word i of a block when ocr/joined-words owns it: a prose
 * word with Vietnamese marks, neither a known syllable nor a solid loan,
 * lowercase, or CamelCase beside a lowercase word. spelling/invalid-
 * syllable leaves these to it. */
struct vni_block;
size_t vni_joined_split(const struct vni_block *b, size_t i,
			char out[2][VNI_SPLIT_CAP]);
void vni_check_ime(struct vni_block *b);
void vni_check_quotes(struct vni_block *b);
void vni_check_packs(struct vni_block *b); /* check_packs.c: loaded rules */
void vni_check_tone(struct vni_block *b);
/* The messages of occurrences of the less used style, written when the
 * end of the document decides them: a syllable in the tone placement of
 * form (vni_tone_form), fixed in the other; an ellipsis written as the
 * character (unicode) or as three periods. */
void vni_mixed_tone_message(const vn_ctx *ctx, size_t form, const char *word,
			    size_t n, const char *fixed, char *out, size_t cap);
void vni_ellipsis_message(const vn_ctx *ctx, int unicode, char *out,
			  size_t cap);  /* check_tone.c: placement policy */
void vni_check_context(struct vni_block *b); /* check_context.c: the model */
void vni_check_truncation(struct vni_block *b);
void vni_check_duplicate(struct vni_block *b);
void vni_check_boilerplate(struct vni_block *b);
void vni_check_diacritics(struct vni_block *b);
/* Where the block starting at start ends (a paragraph, at most 256 KiB). */
size_t vni_block_end(const char *s, size_t len, size_t start);

/* Message templates of loaded rules: {match}, {suggestion}, {note}, {N}. */
struct vni_fill {
	const char *match;
	size_t match_len;
	const char *suggestion;
	const char *note;
	const char *text;    /* pattern rules: the block text and groups */
	const size_t *ovec;
	int npairs;
};
void vni_fill_template(const char *tmpl, const struct vni_fill *f, char *out,
		       size_t cap);
/* repl in the case of orig (ALL CAPS, Capitalised or as written). */
void vni_apply_case(const char *orig, size_t olen, const char *repl, char *out,
		    size_t cap);

#endif /* VNLINT_INTERNAL_H */
