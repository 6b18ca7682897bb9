/* SPDX-License-Identifier: MIT */
/*
 * vnlint.h - the public API of libvnlint, a linter for Vietnamese text
 * damaged by OCR, machine translation and careless editing.
 *
 * The pipeline: create a context (options and dictionaries), lint a UTF-8
 * buffer into a result, read the diagnostics, free. The library keeps no
 * global mutable state and never prints. A context is not thread-safe (it
 * caches dictionary look-ups); use one per thread.
 */
#ifndef VNLINT_H
#define VNLINT_H

#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define VN_VERSION_MAJOR 0
#define VN_VERSION_MINOR 2
#define VN_VERSION_PATCH 0
#define VN_VERSION_STRING "0.2.0"

typedef struct vn_ctx vn_ctx;       /* options, dictionaries, caches */
typedef struct vn_result vn_result; /* the diagnostics of one lint run */
typedef struct vn_diag vn_diag;     /* one diagnostic, owned by its result */

typedef enum {
	VN_OK = 0,      /* success */
	VN_ENOMEM = 1,  /* an allocation failed */
	VN_EIO = 2,     /* a file could not be read */
	VN_EDICT = 3,   /* a dictionary or data file could not be loaded */
	VN_EINVAL = 4,  /* a bad argument, e.g. an unknown rule id */
	VN_EBINARY = 5, /* the input holds NUL bytes: not text, not linted */
	VN_ERULE = 6,   /* a rule pack is broken; see the error message */
	VN_STATUS_LAST
} vn_status;

typedef enum {
	VN_SEV_INFO = 0,
	VN_SEV_WARNING = 1,
	VN_SEV_ERROR = 2
} vn_severity;

typedef enum { VN_LANG_EN = 0, VN_LANG_VI = 1 } vn_lang;

/* Options for vn_ctx_new(). Zero-initialise, then set what you need. */
typedef struct {
	/* Directory holding vnlint's data files (reduplication list, ...).
	 * NULL: the compiled-in default (PREFIX/share/vnlint). */
	const char *data_dir;
	/* Directory holding hunspell's vi_VN and en_US .aff/.dic files.
	 * NULL: the compiled-in default (/usr/share/hunspell). */
	const char *hunspell_dir;
	/* Language of messages. */
	vn_lang lang;
} vn_options;

/** Library version as "MAJOR.MINOR.PATCH". */
const char *vn_version(void);

/** A static English description of a status code. */
const char *vn_strerror(vn_status status);

/**
 * Create a context: loads dictionaries and data files. On failure *out is
 * NULL; for VN_EDICT a detail message is written into errbuf (if not NULL).
 */
vn_status vn_ctx_new(vn_ctx **out, const vn_options *opts, char *errbuf,
		     size_t errbuf_size);

/** Free a context. vn_ctx_free(NULL) does nothing. */
void vn_ctx_free(vn_ctx *ctx);

/**
 * Enable or disable a rule by id ("spelling/invalid-syllable"), by pack
 * prefix ("spelling" or "spelling/") or "all". VN_EINVAL if nothing matches.
 */
vn_status vn_ctx_set_rule_enabled(vn_ctx *ctx, const char *id_or_prefix,
				  int enabled);

/**
 * Load every *.rules pack of dir (in name order) into ctx. On VN_ERULE the
 * message, "file:line:col: what", is in errbuf and ctx must be freed.
 */
vn_status vn_ctx_load_rules(vn_ctx *ctx, const char *dir, char *errbuf,
			    size_t errbuf_size);

/* The rules of a context: the built-in checks, then those of the loaded
 * packs, indexed 0..vn_ctx_rule_count()-1. Strings live as long as ctx. */
size_t vn_ctx_rule_count(const vn_ctx *ctx);
const char *vn_ctx_rule_id(const vn_ctx *ctx, size_t i);
vn_severity vn_ctx_rule_severity(const vn_ctx *ctx, size_t i);
const char *vn_ctx_rule_summary(const vn_ctx *ctx, size_t i, vn_lang lang);
const char *vn_ctx_rule_explanation(const vn_ctx *ctx, size_t i,
				    vn_lang lang);
/** The rule file that defines rule i, or NULL for a built-in check. */
const char *vn_ctx_rule_source(const vn_ctx *ctx, size_t i);
/** Index of a rule id, or (size_t)-1. */
size_t vn_ctx_rule_find(const vn_ctx *ctx, const char *id);
/** Whether rule i is enabled in ctx. */
int vn_ctx_rule_enabled(const vn_ctx *ctx, size_t i);

/** Report a rule, a pack ("confusion") or "all" at another severity.
 * VN_EINVAL if nothing matches. */
vn_status vn_ctx_set_rule_severity(vn_ctx *ctx, const char *id_or_prefix,
				   vn_severity severity);

/**
 * Accept the words of a list file (one per line, '#' comments): names,
 * terms and loans that the spelling check must not report. VN_EDICT with a
 * "file:line: what" message in errbuf if the file cannot be read.
 */
vn_status vn_ctx_add_words(vn_ctx *ctx, const char *path, char *errbuf,
			   size_t errbuf_size);

/**
 * Add the lines of a file to the web-page residue that structure/boilerplate
 * reports ("Tin liên quan", "Theo VnExpress"; format in the data
 * directory's README.md). VN_EDICT with a "file:line: what" message in
 * errbuf if the file cannot be read or a line is malformed.
 */
vn_status vn_ctx_add_boilerplate(vn_ctx *ctx, const char *path, char *errbuf,
				 size_t errbuf_size);

/** Which tone placement a document must use. With a policy other than
 * VN_TONE_ANY, the style/tone-placement rule is enabled and reports each
 * syllable written in the other style. */
typedef enum {
	VN_TONE_ANY = 0,
	VN_TONE_TRADITIONAL = 1, /* hòa, thủy, ủy */
	VN_TONE_REFORMED = 2     /* hoà, thuỷ, uỷ */
} vn_tone_policy;
void vn_ctx_set_tone_policy(vn_ctx *ctx, vn_tone_policy policy);

/* ------------------------------------------------------ context model */

typedef struct vn_model vn_model; /* a syllable bigram model, read-only */

/** Which confusions the context check considers: OCR (tones, vowel marks,
 * d/đ, l/t) or OCR plus typing and regional ones (s/x, ch/tr, d/gi/r, l/n,
 * final n/ng, t/c). */
typedef enum { VN_PROFILE_OCR = 0, VN_PROFILE_TYPING = 1 } vn_profile;

/** Map a model file (see docs/model.md). VN_EIO if unreadable, VN_EDICT if
 * it is not a valid model of this version, VN_ENOMEM if memory (or address
 * space for the mapping) ran out; the reason goes to errbuf. */
vn_status vn_model_load(vn_model **out, const char *path, char *errbuf,
			size_t errbuf_size);
void vn_model_free(vn_model *m);
size_t vn_model_vocabulary(const vn_model *m);
size_t vn_model_bigrams(const vn_model *m);

/** Use model m (borrowed: it must outlive ctx's use of it; NULL: none) for
 * the context/unlikely-syllable check. */
void vn_ctx_set_model(vn_ctx *ctx, const vn_model *m);
/** The check's log-likelihood-ratio threshold (higher: fewer, surer
 * findings; negative: the default) and candidate profile. */
void vn_ctx_set_context(vn_ctx *ctx, double threshold, vn_profile profile);

typedef struct vn_trainer vn_trainer; /* counts for a new model */

/** Start training; ctx supplies the tokenizer's word lists. */
vn_status vn_trainer_new(vn_trainer **out, vn_ctx *ctx);
/** Count the syllables and syllable pairs of a text. */
vn_status vn_trainer_add(vn_trainer *t, const char *text, size_t len);
/** Write the model, keeping the pairs seen at least min_count times. */
vn_status vn_trainer_write(vn_trainer *t, const char *path,
			   unsigned min_count, char *errbuf, size_t errbuf_size);
void vn_trainer_free(vn_trainer *t);

/** Called for each failing rule example: where it is and what went wrong. */
typedef void (*vn_test_failure_fn)(void *userdata, const char *file,
				   size_t line, const char *message);

/**
 * Check the examples of every loaded rule (the bad ones are flagged with the
 * marked span and suggestion, the good ones are not) and every row of every
 * substitution table. Only rules defined in a file under path_prefix are
 * tested (NULL: all). Counts go to *passed and *failed.
 */
vn_status vn_ctx_test_rules(vn_ctx *ctx, const char *path_prefix,
			    vn_test_failure_fn on_failure, void *userdata,
			    size_t *passed, size_t *failed);

/**
 * Lint len bytes of text (UTF-8, with or without BOM, LF or CRLF). Invalid
 * UTF-8 is reported as diagnostics, not as a failure. Input holding NUL
 * bytes is refused with VN_EBINARY. On success *out holds the result, to be
 * freed with vn_result_free(); on failure *out is NULL.
 */
vn_status vn_lint(vn_ctx *ctx, const char *text, size_t len, vn_result **out);

/** What kind of text a buffer holds: plain text, or Markdown whose code,
 * front matter, HTML and link targets are not prose. */
typedef enum { VN_MARKUP_TEXT = 0, VN_MARKUP_MARKDOWN = 1 } vn_markup;

/** The markup a file name implies: Markdown for .md and .markdown. */
vn_markup vn_markup_for_path(const char *path);

/** Options of one lint run. Zero-initialise, then set what you need. */
typedef struct {
	vn_markup markup;
	/* Ignore vnlint-disable / vnlint-enable / vnlint-disable-next-line
	 * comments (<!-- --> in Markdown, a "#" line in plain text). */
	int no_suppressions;
	/* Do not ask hunspell for guesses at misspelt words: the same
	 * findings, with only vnlint's own suggestions. Its search is the
	 * costliest step of a lint and stops on a clock, so its guesses can
	 * differ between machines; a caller that reports no suggestions
	 * (corpus mode) sets this. */
	int no_dictionary_guesses;
} vn_lint_options;

/** vn_lint with options (NULL: the defaults, as vn_lint). */
vn_status vn_lint_ex(vn_ctx *ctx, const char *text, size_t len,
		     const vn_lint_options *opts, vn_result **out);

/** Free a result and all its diagnostics. vn_result_free(NULL) is a no-op.
 * A result refers to its context's rule ids: free it before the context. */
void vn_result_free(vn_result *result);

/** Number of diagnostics; they are sorted by position. */
size_t vn_result_count(const vn_result *result);
/** Diagnostic i, borrowed: valid until the result is freed. */
const vn_diag *vn_result_at(const vn_result *result, size_t i);
/** Number of diagnostics of a given severity. */
size_t vn_result_count_severity(const vn_result *result, vn_severity sev);
/** Number of words linted (markup and code excluded). Vietnamese is
 * written a syllable at a time, so for Vietnamese text this counts
 * syllables; "Mát-xcơ-va" or "TP.HCM" count as one. */
size_t vn_result_words(const vn_result *result);

const char *vn_diag_rule(const vn_diag *d);
vn_severity vn_diag_severity(const vn_diag *d);
const char *vn_diag_message(const vn_diag *d);
/* Positions in the ORIGINAL input: 1-based line; 1-based column counted in
 * characters (a lone invalid byte counts as one); the end is just past the
 * span; 0-based byte offset and length. A BOM is not counted in column 1. */
size_t vn_diag_line(const vn_diag *d);
size_t vn_diag_column(const vn_diag *d);
size_t vn_diag_end_line(const vn_diag *d);
size_t vn_diag_end_column(const vn_diag *d);
size_t vn_diag_byte_offset(const vn_diag *d);
size_t vn_diag_byte_length(const vn_diag *d);
size_t vn_diag_suggestion_count(const vn_diag *d);
/** Suggestion i (replacement text for the span), or NULL past the end. */
const char *vn_diag_suggestion(const vn_diag *d, size_t i);
/** May suggestion 0 be applied without asking? True when the rule is marked
 * safe, there is exactly one suggestion, and it is made of valid, attested
 * syllables (or only normalises to NFC). */
int vn_diag_fix_safe(const vn_diag *d);

/**
 * Apply the safe fixes of result r (linted from text[0..len)) to a copy of
 * the text, back to front; of overlapping fixes the first in position order
 * wins. *out is a malloc'd NUL-terminated buffer of *outlen bytes; *applied
 * counts the fixes made. The same result and text give the same output.
 */
vn_status vn_apply_fixes(const char *text, size_t len, const vn_result *r,
			 char **out, size_t *outlen, size_t *applied);
/** The index of the next fix vn_apply_fixes makes at or after diagnostic
 * from, when the text up to byte pos is already fixed; (size_t)-1 if none.
 * Start with (0, 0); continue with (i + 1, end of diagnostic i). */
size_t vn_result_next_fix(const vn_result *r, size_t from, size_t pos);

const char *vn_severity_name(vn_severity sev); /* "error", ... */

/**
 * Decode the UTF-8 sequence at s (n > 0 bytes available), strictly: no
 * overlong forms, surrogates or code points above U+10FFFF. Returns its
 * length (1..4) and stores the code point in *cp, or returns -k when the
 * first k bytes are the maximal invalid prefix (k >= 1). The linter counts
 * positions by this rule; writers of positions should too.
 */
int vn_utf8_decode(const char *s, size_t n, long *cp);

#ifdef __cplusplus
}
#endif
#endif /* VNLINT_H */
