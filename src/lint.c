/* SPDX-License-Identifier: MIT */
/*
 * The engine: split the input into blocks (paragraphs), decode each to NFC,
 * tokenize, run every enabled check once over the tokens, map findings back
 * to the original bytes and compute line and column in one forward sweep.
 * Memory stays bounded by the largest block, not the input.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#ifndef VN_DATADIR
#define VN_DATADIR "/usr/local/share/vnlint"
#endif
#ifndef VN_HUNSPELL_DIR
#define VN_HUNSPELL_DIR "/usr/share/hunspell"
#endif

/* A block longer than this is cut at a line break or space, so a 50 MB
 * line does not become a 50 MB token array. */
#define BLOCK_MAX (256u * 1024u)

const char *
vn_version(void)
{
	return VN_VERSION_STRING;
}

const char *
vn_strerror(vn_status st)
{
	switch (st) {
	case VN_OK:
		return "success";
	case VN_ENOMEM:
		return "out of memory";
	case VN_EIO:
		return "input/output error";
	case VN_EDICT:
		return "cannot load a dictionary or data file";
	case VN_EINVAL:
		return "invalid argument";
	case VN_EBINARY:
		return "binary input (NUL bytes), not linted";
	case VN_ERULE:
		return "broken rule pack";
	default:
		return "unknown status";
	}
}

const char *
vn_severity_name(vn_severity sev)
{
	switch (sev) {
	case VN_SEV_ERROR:
		return "error";
	case VN_SEV_WARNING:
		return "warning";
	default:
		return "info";
	}
}

/* ------------------------------------------------------------ catalogue */

size_t
vn_ctx_rule_count(const vn_ctx *ctx)
{
	return ctx->nrules;
}

const char *
vn_ctx_rule_id(const vn_ctx *ctx, size_t i)
{
	return i < ctx->nrules ? ctx->rules[i].id : NULL;
}

vn_severity
vn_ctx_rule_severity(const vn_ctx *ctx, size_t i)
{
	return i < ctx->nrules ? ctx->rules[i].severity : VN_SEV_INFO;
}

const char *
vn_ctx_rule_summary(const vn_ctx *ctx, size_t i, vn_lang lang)
{
	return i < ctx->nrules ? ctx->rules[i].summary[lang == VN_LANG_VI] : NULL;
}

const char *
vn_ctx_rule_explanation(const vn_ctx *ctx, size_t i, vn_lang lang)
{
	return i < ctx->nrules ? ctx->rules[i].explanation[lang == VN_LANG_VI]
			       : NULL;
}

const char *
vn_ctx_rule_source(const vn_ctx *ctx, size_t i)
{
	return i < ctx->nrules ? ctx->rules[i].file : NULL;
}

size_t
vn_ctx_rule_find(const vn_ctx *ctx, const char *id)
{
	size_t i;

	for (i = 0; i < ctx->nrules; i++)
		if (strcmp(ctx->rules[i].id, id) == 0)
			return i;
	return (size_t)-1;
}

/* -------------------------------------------------------------- context */

/* The built-in checks are the first entries of the rule table. */
static int
add_builtins(vn_ctx *ctx)
{
	size_t i;

	ctx->rules = calloc(VNI_R_COUNT, sizeof(*ctx->rules));
	ctx->enabled = malloc(VNI_R_COUNT);
	if (ctx->rules == NULL || ctx->enabled == NULL)
		return 0;
	for (i = 0; i < VNI_R_COUNT; i++) {
		ctx->rules[i].id = vni_rules[i].id;
		ctx->rules[i].severity = vni_rules[i].severity;
		ctx->rules[i].kind = VNI_KIND_BUILTIN;
		ctx->rules[i].summary[0] = vni_rules[i].summary[0];
		ctx->rules[i].summary[1] = vni_rules[i].summary[1];
		ctx->rules[i].explanation[0] = vni_rules[i].explanation[0];
		ctx->rules[i].explanation[1] = vni_rules[i].explanation[1];
		ctx->rules[i].safe = vni_rules[i].safe;
		ctx->enabled[i] = 1;
	}
	/* Only a configured policy turns the placement check on. */
	ctx->enabled[VNI_R_TONE_PLACEMENT] = 0;
	ctx->nrules = ctx->caprules = VNI_R_COUNT;
	return 1;
}

/* The shipped residue lines, dict/boilerplate.txt. */
static int
load_boilerplate(vn_ctx *ctx, const char *data, char *errbuf, size_t errsz)
{
	char path[4096];

	snprintf(path, sizeof(path), "%s/boilerplate.txt", data);
	return vni_boilerplate_load(&ctx->boiler, path, errbuf, errsz);
}

vn_status
vn_ctx_new(vn_ctx **out, const vn_options *opts, char *errbuf, size_t errsz)
{
	vn_ctx *ctx;
	char dummy[1];
	const char *data, *hun;

	*out = NULL;
	if (errbuf == NULL) {
		errbuf = dummy;
		errsz = sizeof(dummy);
	}
	if (errsz)
		errbuf[0] = '\0';
	ctx = calloc(1, sizeof(*ctx));
	if (ctx == NULL)
		return VN_ENOMEM;
	data = opts && opts->data_dir ? opts->data_dir : VN_DATADIR;
	hun = opts && opts->hunspell_dir ? opts->hunspell_dir : VN_HUNSPELL_DIR;
	ctx->lang = opts ? opts->lang : VN_LANG_EN;
	ctx->threshold = VNI_DEFAULT_THRESHOLD;
	if (!add_builtins(ctx)) {
		vn_ctx_free(ctx);
		return VN_ENOMEM;
	}
	if (!vni_lexicon_load(&ctx->lex, data, errbuf, errsz)) {
		vn_ctx_free(ctx);
		return VN_EDICT;
	}
	if (!load_boilerplate(ctx, data, errbuf, errsz)) {
		vn_ctx_free(ctx);
		return VN_EDICT;
	}
	if (!vni_dict_open(&ctx->dict, hun, errbuf, errsz)) {
		vn_ctx_free(ctx);
		return VN_EDICT;
	}
	*out = ctx;
	return VN_OK;
}

vn_status
vn_ctx_load_rules(vn_ctx *ctx, const char *dir, char *errbuf, size_t errsz)
{
	char dummy[1];

	if (errbuf == NULL) {
		errbuf = dummy;
		errsz = sizeof(dummy);
	}
	return vni_packs_load_dir(ctx, dir, errbuf, errsz) ? VN_OK : VN_ERULE;
}

void
vn_ctx_free(vn_ctx *ctx)
{
	if (ctx == NULL)
		return;
	if (ctx->rules != NULL)
		vni_packs_free(ctx);
	free(ctx->rules);
	free(ctx->enabled);
	vni_lexicon_free(&ctx->lex);
	vni_boilerplate_free(&ctx->boiler);
	vni_dict_close(ctx->dict);
	vni_wordset_free(&ctx->known);
	vni_wordset_free(&ctx->unknown);
	vni_wordset_free(&ctx->typed);
	vni_mm_free(&ctx->cand_cache);
	vni_mm_free(&ctx->id_cache);
	free(ctx);
}

/* Does a rule id match "all", itself, or a pack prefix ("spelling",
 * "spelling/")? */
static int
rule_matches(const char *rule, const char *id)
{
	size_t n = strlen(id);

	if (n && id[n - 1] == '/')
		n--;
	return strcmp(id, "all") == 0 || strcmp(rule, id) == 0 ||
	       (strncmp(rule, id, n) == 0 && rule[n] == '/');
}

vn_status
vn_ctx_set_rule_enabled(vn_ctx *ctx, const char *id, int enabled)
{
	size_t i, hits = 0;

	for (i = 0; i < ctx->nrules; i++)
		if (rule_matches(ctx->rules[i].id, id)) {
			ctx->enabled[i] = (unsigned char)(enabled != 0);
			hits++;
		}
	return hits ? VN_OK : VN_EINVAL;
}

int
vn_ctx_rule_enabled(const vn_ctx *ctx, size_t i)
{
	return i < ctx->nrules && ctx->enabled[i];
}

vn_status
vn_ctx_set_rule_severity(vn_ctx *ctx, const char *id, vn_severity sev)
{
	size_t i, hits = 0;

	for (i = 0; i < ctx->nrules; i++)
		if (rule_matches(ctx->rules[i].id, id)) {
			ctx->rules[i].severity = sev;
			hits++;
		}
	return hits ? VN_OK : VN_EINVAL;
}

vn_status
vn_ctx_add_words(vn_ctx *ctx, const char *path, char *errbuf, size_t errsz)
{
	char dummy[1];

	if (errbuf == NULL) {
		errbuf = dummy;
		errsz = sizeof(dummy);
	}
	/* Accepted words are what the spelling check skips, like loans. */
	return vni_wordset_load(&ctx->lex.loanwords, path, errbuf, errsz)
		       ? VN_OK
		       : VN_EDICT;
}

vn_status
vn_ctx_add_boilerplate(vn_ctx *ctx, const char *path, char *errbuf,
		       size_t errsz)
{
	char dummy[1];

	if (errbuf == NULL) {
		errbuf = dummy;
		errsz = sizeof(dummy);
	}
	return vni_boilerplate_load(&ctx->boiler, path, errbuf, errsz)
		       ? VN_OK
		       : VN_EDICT;
}

void
vn_ctx_set_model(vn_ctx *ctx, const vn_model *m)
{
	ctx->model = m;
	/* Candidates and ids depend on the model's vocabulary. */
	vni_mm_free(&ctx->cand_cache);
	vni_mm_free(&ctx->id_cache);
}

void
vn_ctx_set_context(vn_ctx *ctx, double threshold, vn_profile profile)
{
	ctx->threshold = threshold < 0 ? VNI_DEFAULT_THRESHOLD : threshold;
	if (profile != ctx->profile)
		vni_mm_free(&ctx->cand_cache);
	ctx->profile = profile;
}

void
vn_ctx_set_tone_policy(vn_ctx *ctx, vn_tone_policy policy)
{
	ctx->tone_policy = policy;
	ctx->enabled[VNI_R_TONE_PLACEMENT] = policy != VN_TONE_ANY;
}

/* --------------------------------------------------------------- result */

void
vn_result_free(vn_result *r)
{
	size_t i, j;

	if (r == NULL)
		return;
	for (i = 0; i < r->n; i++) {
		free(r->v[i].message);
		for (j = 0; j < r->v[i].nsugg; j++)
			free(r->v[i].sugg[j]);
		free(r->v[i].sugg);
	}
	free(r->v);
	free(r);
}

size_t
vn_result_count(const vn_result *r)
{
	return r->n;
}

const vn_diag *
vn_result_at(const vn_result *r, size_t i)
{
	return i < r->n ? &r->v[i] : NULL;
}

size_t
vn_result_count_severity(const vn_result *r, vn_severity sev)
{
	return (unsigned)sev < 3 ? r->count[sev] : 0;
}

size_t
vn_result_words(const vn_result *r)
{
	return r->words;
}

const char *vn_diag_rule(const vn_diag *d) { return d->rule; }
vn_severity vn_diag_severity(const vn_diag *d) { return d->severity; }
const char *vn_diag_message(const vn_diag *d) { return d->message; }
size_t vn_diag_line(const vn_diag *d) { return d->line; }
size_t vn_diag_column(const vn_diag *d) { return d->col; }
size_t vn_diag_end_line(const vn_diag *d) { return d->end_line; }
size_t vn_diag_end_column(const vn_diag *d) { return d->end_col; }
size_t vn_diag_byte_offset(const vn_diag *d) { return d->off; }
size_t vn_diag_byte_length(const vn_diag *d) { return d->len; }
size_t vn_diag_suggestion_count(const vn_diag *d) { return d->nsugg; }
int vn_diag_fix_safe(const vn_diag *d) { return d->safe; }

const char *
vn_diag_suggestion(const vn_diag *d, size_t i)
{
	return i < d->nsugg ? d->sugg[i] : NULL;
}

/* ------------------------------------------------------- check support */

int
vni_rule_on(const struct vni_block *b, size_t rule)
{
	return b->ctx->enabled[rule];
}

/* Is every word of s a valid, attested syllable? A fix must never write
 * a non-word. */
static int
all_known(vn_ctx *ctx, const char *s)
{
	char low[64];
	size_t n, k;
	const char *e;

	while (*s) {
		while (*s == ' ')
			s++;
		if (*s == '\0')
			break;
		for (e = s; *e && *e != ' '; e++)
			;
		k = (size_t)(e - s);
		n = vni_lower(s, k, low, sizeof(low));
		if (n == 0 || !vni_known_syllable(ctx, low, n))
			return 0;
		s = e;
	}
	return 1;
}

struct vni_finding *
vni_report_msg(struct vni_block *b, size_t rule, size_t norm, size_t norm_len,
	       const char *const *sugg, const char *msg)
{
	struct vni_finding *f;
	void *p = b->f;
	size_t i;

	if (!b->ctx->enabled[rule] || b->failed)
		return NULL;
	if (!vni_grow(&p, &b->capf, b->nf + 1, sizeof(*b->f))) {
		b->failed = 1;
		return NULL;
	}
	b->f = p;
	f = &b->f[b->nf];
	memset(f, 0, sizeof(*f));
	f->rule = rule;
	f->norm = norm;
	f->norm_len = norm_len;
	f->message = vni_strndup(msg, strlen(msg));
	if (f->message == NULL) {
		b->failed = 1;
		return NULL;
	}
	b->nf++;
	for (i = 0; sugg && sugg[i] && i < 4; i++) {
		f->sugg[i] = vni_strndup(sugg[i], strlen(sugg[i]));
		if (f->sugg[i] == NULL) {
			b->failed = 1;
			return NULL;
		}
		f->nsugg++;
	}
	/* Normalising to NFC changes no letter; any other fix must give
	 * real syllables. */
	f->safe = b->ctx->rules[rule].safe && f->nsugg == 1 &&
		  (rule == VNI_R_NOT_NFC || all_known(b->ctx, f->sugg[0]));
	return f;
}

struct vni_finding *
vni_report(struct vni_block *b, size_t rule, size_t norm, size_t norm_len,
	   const char *const *sugg, const char *fmt_en, const char *fmt_vi, ...)
{
	va_list ap;
	char msg[512];

	if (!b->ctx->enabled[rule] || b->failed)
		return NULL;
	va_start(ap, fmt_vi);
	vsnprintf(msg, sizeof(msg), b->ctx->lang == VN_LANG_VI ? fmt_vi : fmt_en,
		  ap);
	va_end(ap);
	return vni_report_msg(b, rule, norm, norm_len, sugg, msg);
}

size_t
vni_next_nonspace(const struct vni_tokens *t, size_t i)
{
	for (i++; i < t->n; i++)
		if (t->v[i].kind != VNI_TK_SPACE)
			return i;
	return (size_t)-1;
}

size_t
vni_prev_nonspace(const struct vni_tokens *t, size_t i)
{
	while (i-- > 0)
		if (t->v[i].kind != VNI_TK_SPACE)
			return i;
	return (size_t)-1;
}

int
vni_attested(vn_ctx *ctx, const char *low, size_t n)
{
	return vni_wordset_has(&ctx->lex.syllables, low, n) ||
	       vni_dict_vi_has(ctx->dict, low, n);
}

/* Past this many cached answers stop caching: memory stays bounded. */
#define KNOWN_MAX 100000

int
vni_known_syllable(vn_ctx *ctx, const char *low, size_t n)
{
	int ok;

	if (vni_wordset_has(&ctx->known, low, n))
		return 1;
	if (vni_wordset_has(&ctx->unknown, low, n))
		return 0;
	ok = vni_syllable_parse(low, n, NULL) == VNI_SYL_VALID &&
	     vni_attested(ctx, low, n);
	if (ctx->known.n + ctx->unknown.n < KNOWN_MAX)
		(void)vni_wordset_add(ok ? &ctx->known : &ctx->unknown, low, n);
	return ok;
}

#define LOW_UNSET UINT32_MAX
#define LOW_FAILED (UINT32_MAX - 1) /* len: the text cannot be lowercased */

/* Forget the lowercase forms of the previous block; 0 without memory
 * (then every request lowercases anew). */
static int
low_reset(struct vni_lowcache *lc, size_t ntok)
{
	void *p = lc->tok;

	lc->ntok = 0;
	lc->buf.len = 0;
	if (ntok > lc->cap) {
		p = realloc(lc->tok, ntok * sizeof(*lc->tok));
		if (p == NULL)
			return 0;
		lc->tok = p;
		lc->cap = ntok;
	}
	if (ntok > 0) /* a block of no tokens (a lone BOM) has no array yet */
		memset(lc->tok, 0xFF, ntok * sizeof(*lc->tok)); /* LOW_UNSET */
	lc->ntok = ntok;
	return 1;
}

static void
low_free(struct vni_lowcache *lc)
{
	free(lc->tok);
	vni_buf_free(&lc->buf);
	memset(lc, 0, sizeof(*lc));
}

/* Room for n more bytes in the cache's buffer; 0 without memory. */
static int
low_room(struct vni_lowcache *lc, size_t n)
{
	struct vni_buf *buf = &lc->buf;
	void *p = buf->ptr;

	if (buf->len > UINT32_MAX - 2 - n ||
	    !vni_grow(&p, &buf->cap, buf->len + n, 1))
		return 0;
	buf->ptr = p;
	return 1;
}

/* Make the lowercase form of token i; 0 without memory. */
static int
low_make(struct vni_lowcache *lc, const char *text,
	 const struct vni_token *t, size_t i)
{
	struct vni_buf *buf = &lc->buf;
	/* Lowercasing makes a character at most 1.5 times longer. */
	size_t room = 2 * (size_t)t->len + 1, n;

	if (!low_room(lc, room))
		return 0;
	n = vni_lower(text + t->off, t->len, buf->ptr + buf->len, room);
	lc->tok[i].off = (uint32_t)buf->len;
	if (n == 0 && t->len > 0) {
		lc->tok[i].len = LOW_FAILED;
		return 1;
	}
	lc->tok[i].len = (uint32_t)n;
	buf->len += n;
	return 1;
}

/* The cache entry of token t, its lowercase form made; NULL if t is not
 * of the block or there is no memory. */
static struct vni_lowtok *
low_entry(const struct vni_block *b, const struct vni_token *t)
{
	struct vni_lowcache *lc = b->low;
	uintptr_t at = (uintptr_t)t, v = (uintptr_t)b->toks->v;
	size_t i;

	if (lc == NULL || at < v || (at - v) % sizeof(*t) != 0 ||
	    (i = (at - v) / sizeof(*t)) >= lc->ntok)
		return NULL;
	if (lc->tok[i].off == LOW_UNSET && !low_make(lc, b->text, t, i))
		return NULL;
	return &lc->tok[i];
}

size_t
vni_token_lower(const struct vni_block *b, const struct vni_token *t,
		char *out, size_t cap)
{
	const struct vni_lowtok *e = low_entry(b, t);
	size_t n;

	if (e == NULL)
		return vni_lower(b->text + t->off, t->len, out, cap);
	n = e->len;
	/* As vni_lower: the text and its NUL must fit. */
	if (n == LOW_FAILED || n >= cap)
		return 0;
	memcpy(out, b->low->buf.ptr + e->off, n);
	out[n] = '\0';
	return n;
}

int
vni_token_known(const struct vni_block *b, const struct vni_token *t)
{
	struct vni_lowtok *e = low_entry(b, t);
	char low[64];
	size_t n;

	if (e == NULL) {
		n = vni_lower(b->text + t->off, t->len, low, sizeof(low));
		return n && vni_known_syllable(b->ctx, low, n);
	}
	if (e->known < 0)
		/* No syllable is anywhere near 64 bytes long: the answer
		 * is the one for the form cut short at 64 bytes. */
		e->known = (int8_t)(e->len != LOW_FAILED && e->len > 0 &&
				    vni_known_syllable(b->ctx,
						       b->low->buf.ptr + e->off,
						       e->len));
	return e->known;
}

size_t
vni_token_reformed(const struct vni_block *b, const struct vni_token *t,
		   char *out, size_t cap)
{
	struct vni_lowtok *e = low_entry(b, t);
	struct vni_lowcache *lc = b->low;
	char low[64], key[256];
	size_t n;

	if (e == NULL) {
		n = vni_lower(b->text + t->off, t->len, low, sizeof(low));
		return n ? vni_syllable_restyle(low, n, VNI_STYLE_REFORMED, out,
						cap)
			 : 0;
	}
	if (e->roff == LOW_UNSET) {
		n = 0;
		if (e->len != LOW_FAILED && e->len > 0 && e->len < sizeof(low)) {
			memcpy(low, lc->buf.ptr + e->off, e->len);
			n = vni_syllable_restyle(low, e->len, VNI_STYLE_REFORMED,
						 key, sizeof(key));
		}
		if (n > 0 && !low_room(lc, n)) /* no memory: not kept */
			return n < cap ? (memcpy(out, key, n + 1), n) : 0;
		e->roff = (uint32_t)lc->buf.len;
		e->rlen = n ? (uint32_t)n : LOW_FAILED;
		memcpy(lc->buf.ptr + lc->buf.len, key, n);
		lc->buf.len += n;
	}
	n = e->rlen;
	/* As vni_syllable_restyle: the key and its NUL must fit. */
	if (n == LOW_FAILED || n >= cap)
		return 0;
	memcpy(out, lc->buf.ptr + e->roff, n);
	out[n] = '\0';
	return n;
}

/* ----------------------------------------------------------------- lint */

/* Where the current block should end: after the first blank line, or at
 * a line break or space before BLOCK_MAX, or at a character boundary. */
size_t
vni_block_end(const char *s, size_t len, size_t start)
{
	size_t i = start, limit = len - start > BLOCK_MAX ? start + BLOCK_MAX
							  : len;
	size_t cut;

	while (i < limit) {
		if ((i = vni_line_end(s, limit, i)) == limit)
			break;
		i++;
		/* Blank line: only horizontal space up to the next break. */
		cut = i;
		while (cut < len && (s[cut] == ' ' || s[cut] == '\t'))
			cut++;
		if (cut < len && (s[cut] == '\n' || s[cut] == '\r')) {
			cut = vni_line_end(s, len, cut);
			return cut < len ? cut + 1 : len;
		}
	}
	if (limit == len)
		return len;
	for (cut = limit; cut > start + BLOCK_MAX / 2; cut--)
		if (s[cut - 1] == '\n' || s[cut - 1] == '\r')
			return cut;
	for (cut = limit; cut > start + BLOCK_MAX / 2; cut--)
		if (s[cut - 1] == ' ')
			return cut;
	/* No space at all: cut before a UTF-8 lead byte. */
	for (cut = limit; cut > start + 1; cut--)
		if (((unsigned char)s[cut] & 0xC0) != 0x80)
			return cut;
	return limit;
}

/* Forward cursor over the original text for line/column computation. */
struct cursor {
	const char *s;
	size_t len, off, line, col;
};

/* Move c to byte to, a character at a time. */
static void
walk(struct cursor *c, size_t to)
{
	int32_t cp;
	int k;

	while (c->off < to) {
		unsigned char ch = (unsigned char)c->s[c->off];

		if (ch == '\n' ||
		    (ch == '\r' && (c->off + 1 == c->len || c->s[c->off + 1] != '\n'))) {
			c->line++;
			c->col = 1;
			c->off++;
			continue;
		}
		if (ch == '\r' && c->off + 1 < c->len && c->s[c->off + 1] == '\n') {
			c->off++; /* part of the line ending, not a column */
			continue;
		}
		if (ch < 0x80) {
			c->off++;
			c->col++;
			continue;
		}
		k = vni_utf8_decode((const unsigned char *)c->s + c->off,
				    c->len - c->off, &cp);
		c->off += k > 0 ? (size_t)k : 1;
		c->col++;
	}
}

/* Move c to byte to: whole lines with memchr, the last one walked. */
static void
advance(struct cursor *c, size_t to)
{
	const char *nl, *cr;

	while (c->off < to) {
		nl = memchr(c->s + c->off, '\n', to - c->off);
		if (nl == NULL)
			break;
		cr = memchr(c->s + c->off, '\r', (size_t)(nl - c->s) - c->off);
		if (cr != NULL && cr + 1 != nl) {
			/* a lone '\r' ends a line too */
			walk(c, (size_t)(cr - c->s) + 1);
			continue;
		}
		c->line++; /* '\n' or "\r\n" */
		c->col = 1;
		c->off = (size_t)(nl - c->s) + 1;
	}
	walk(c, to);
}

static int
cmp_finding(const void *a, const void *b)
{
	const struct vni_finding *x = a, *y = b;

	if (x->norm != y->norm)
		return x->norm < y->norm ? -1 : 1;
	if (x->norm_len != y->norm_len)
		return x->norm_len < y->norm_len ? -1 : 1;
	return (int)x->rule - (int)y->rule;
}

/* Findings of the decoding stage become findings of the block: invalid
 * bytes as they are, non-NFC text widened to the words it touches. */
static void
report_decoding(struct vni_block *b, const struct vni_text *t)
{
	size_t i, j = 0, k, s, e;
	const struct vni_raw_finding *r;
	const struct vni_token *tk;
	const char *sugg[2] = {NULL, NULL};
	char *word;

	for (i = 0; i < t->nfound; i++) {
		r = &t->found[i];
		if (r->kind == VNI_RAW_INVALID_UTF8) {
			vni_report(b, VNI_R_INVALID_UTF8, r->norm, r->norm_len,
				   NULL, "invalid UTF-8 (%zu byte%s)",
				   "UTF-8 không hợp lệ (%zu byte%s)",
				   r->orig_len, r->orig_len == 1 ? "" : "s",
				   r->orig_len == 1 ? "" : "");
			continue;
		}
		s = r->norm;
		e = r->norm + r->norm_len;
		/* Findings and tokens are both in text order: one pass. */
		while (j < b->toks->n &&
		       b->toks->v[j].off + b->toks->v[j].len <= r->norm)
			j++;
		for (k = j; k < b->toks->n; k++) {
			tk = &b->toks->v[k];
			if (tk->off >= r->norm + r->norm_len)
				break;
			if (tk->kind == VNI_TK_SPACE || tk->kind == VNI_TK_NEWLINE)
				continue;
			if (tk->off < s)
				s = tk->off;
			if (tk->off + tk->len > e)
				e = tk->off + tk->len;
		}
		word = vni_strndup(b->text + s, e - s);
		sugg[0] = word;
		vni_report(b, VNI_R_NOT_NFC, s, e - s, word ? sugg : NULL,
			   "text is not in NFC: decomposed marks",
			   "văn bản không ở dạng NFC: dấu tổ hợp rời");
		free(word);
	}
}

typedef void (*check_fn)(struct vni_block *);

/* One row per check; each walks the tokens of a block once. */
static const check_fn checks[] = {
	vni_check_spelling, vni_check_repetition, vni_check_english,
	vni_check_sentence, vni_check_numbers,	  vni_check_quotes,
	vni_check_packs,    vni_check_tone,	  vni_check_context,
	vni_check_unicode,  vni_check_glyphs,	  vni_check_punctuation,
	vni_check_mojibake, vni_check_spacing,	  vni_check_whitespace,
	vni_check_ellipsis, vni_check_case,	  vni_check_split,
	vni_check_joined,   vni_check_letters,	  vni_check_ime,
	vni_check_truncation, vni_check_duplicate, vni_check_boilerplate,
	vni_check_diacritics,
};

static void
diag_free(struct vn_diag *d)
{
	size_t j;

	free(d->message);
	for (j = 0; j < d->nsugg; j++)
		free(d->sugg[j]);
	free(d->sugg);
}

int
vni_result_push(vn_result *r, const struct vn_diag *d)
{
	void *p = r->v;

	if (!vni_grow(&p, &r->cap, r->n + 1, sizeof(*r->v)))
		return 0;
	r->v = p;
	r->v[r->n++] = *d;
	r->count[d->severity]++;
	return 1;
}

/* Keep a consistency occurrence until the end of the document: where it
 * is and the check's replacement, nothing more. */
static int
hold(struct vni_doc *doc, struct vni_finding *f, size_t off, size_t len)
{
	void *p = doc->occ;
	struct vni_occurrence *o;

	if (!vni_grow(&p, &doc->capocc, doc->nocc + 1, sizeof(*doc->occ)))
		return 0;
	doc->occ = p;
	o = &doc->occ[doc->nocc++];
	o->off = off;
	o->len = len;
	o->form = f->form;
	o->rule = f->rule;
	o->safe = f->safe;
	o->sugg = NULL;
	if (f->nsugg) {
		o->sugg = f->sugg[0]; /* taken over */
		f->sugg[0] = NULL;
	}
	if (doc->uses[f->form]++ == 0)
		doc->first[f->form] = doc->serial * 1000000 + doc->nocc;
	return 1;
}

/* How much a rule explains about a damaged word. A finding is dropped
 * when a finding of a higher rank covers part of it: a spelling finding
 * (rank 0) only repeats the symptom of a cause (rank 1: "tr0ng" is a
 * digit misread, not just an invalid syllable), and inside text decoded
 * with the wrong table (rank 2) every word-level reading is noise ("naêm"
 * is VNI mojibake for "năm", not "na êm" run together). Other rules (-1)
 * are never dropped. */
static int
rank(size_t rule)
{
	switch (rule) {
	case VNI_R_MOJIBAKE:
		return 2;
	case VNI_R_INVISIBLE_CHAR:
	case VNI_R_REPLACEMENT_CHAR:
	case VNI_R_CONFUSABLE:
	case VNI_R_DIGIT_IN_WORD:
	case VNI_R_SPLIT_WORD:
	case VNI_R_JOINED_WORDS:
	case VNI_R_LETTER_CONFUSION:
	case VNI_R_IME_RESIDUE:
		return 1;
	case VNI_R_INVALID_SYLLABLE:
	case VNI_R_UNLIKELY_SYLLABLE:
		return 0;
	default:
		return -1;
	}
}

static void
free_finding(struct vni_finding *f)
{
	size_t j;

	free(f->message);
	for (j = 0; j < f->nsugg; j++)
		free(f->sugg[j]);
}

/* The spans of the findings of at least rank min, merged into disjoint
 * runs in position order (the findings are sorted by start); the count. */
static size_t
cause_runs(const struct vni_block *b, int min, size_t (*run)[2])
{
	size_t i, n = 0, s, e;

	for (i = 0; i < b->nf; i++) {
		if (rank(b->f[i].rule) < min)
			continue;
		s = b->f[i].norm;
		e = s + (b->f[i].norm_len ? b->f[i].norm_len : 1);
		if (n > 0 && s <= run[n - 1][1]) {
			if (e > run[n - 1][1])
				run[n - 1][1] = e;
		} else {
			run[n][0] = s;
			run[n++][1] = e;
		}
	}
	return n;
}

/* Does [s, e) overlap one of the n runs? Binary search: n log n for a
 * line of ten thousand damaged words. */
static int
overlaps(size_t (*run)[2], size_t n, size_t s, size_t e)
{
	size_t lo = 0, hi = n, mid;

	while (lo < hi) { /* the first run starting at or after e */
		mid = lo + (hi - lo) / 2;
		if (run[mid][0] < e)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo > 0 && run[lo - 1][1] > s;
}

/* Drop the findings that a finding of a higher rank explains. */
static void
drop_symptoms(struct vni_block *b)
{
	size_t i, k, n1, n2, s, e, ncause = 0;
	size_t (*cause)[2], (*decode)[2];
	int r;

	for (i = 0; i < b->nf; i++)
		if (rank(b->f[i].rule) >= 1)
			ncause++;
	if (ncause == 0)
		return;
	/* Without memory the run fails: the symptoms must not stay. */
	if ((cause = malloc(2 * ncause * sizeof(*cause))) == NULL) {
		b->failed = 1;
		return;
	}
	decode = cause + ncause;
	n1 = cause_runs(b, 1, cause);
	n2 = cause_runs(b, 2, decode);
	for (i = k = 0; i < b->nf; i++) {
		s = b->f[i].norm;
		e = s + (b->f[i].norm_len ? b->f[i].norm_len : 1);
		r = rank(b->f[i].rule);
		if ((r == 0 && overlaps(cause, n1, s, e)) ||
		    ((r == 0 || r == 1) && overlaps(decode, n2, s, e))) {
			free_finding(&b->f[i]);
			continue;
		}
		b->f[k++] = b->f[i];
	}
	b->nf = k;
	free(cause);
}

/* At most this many findings wait for a verdict in one document. */
#define HOLD_MAX 4096

size_t
vni_hold(struct vni_block *b)
{
	struct vni_doc *doc = b->doc;
	void *p = doc->verdict;

	if (doc->nverdict >= HOLD_MAX)
		return 0;
	if (!vni_grow(&p, &doc->capverdict, doc->nverdict + 1, 1)) {
		b->failed = 1;
		return 0;
	}
	doc->verdict = p;
	doc->verdict[doc->nverdict++] = VNI_UNDECIDED;
	return doc->nverdict; /* ids start at 1 */
}

void
vni_decide(struct vni_doc *doc, size_t id, enum vni_verdict v)
{
	if (id && id <= doc->nverdict)
		doc->verdict[id - 1] = (unsigned char)v;
}

enum vni_verdict
vni_verdict_of(const struct vni_doc *doc, size_t id)
{
	return id && id <= doc->nverdict ? (enum vni_verdict)doc->verdict[id - 1]
					 : VNI_DROP;
}

/* Keep a held finding's diagnostic until its verdict is known. */
static int
keep_held(struct vni_doc *doc, const struct vn_diag *d, size_t id)
{
	void *p = doc->held;
	size_t cap = doc->capheld;

	if (!vni_grow(&p, &cap, doc->nheld + 1, sizeof(*doc->held)))
		return 0;
	doc->held = p;
	p = doc->held_id;
	if (!vni_grow(&p, &doc->capheld, doc->nheld + 1, sizeof(size_t)))
		return 0;
	doc->held_id = p;
	doc->held[doc->nheld] = *d;
	doc->held_id[doc->nheld++] = id;
	return 1;
}

static int
append_block(vn_result *r, struct vni_block *b, const struct vni_text *t,
	     struct cursor *cur)
{
	size_t i, j, end;
	struct vni_finding *f;
	struct vn_diag d;
	struct cursor c2;
	int ok;

	if (b->nf > 1)
		qsort(b->f, b->nf, sizeof(*b->f), cmp_finding);
	drop_symptoms(b);
	if (b->failed)
		return 0;
	for (i = 0; i < b->nf; i++) {
		f = &b->f[i];
		if (f->pending) {
			d.off = vni_text_to_orig(t, f->norm);
			end = vni_text_to_orig(t, f->norm + f->norm_len);
			if (!hold(b->doc, f, d.off, end > d.off ? end - d.off : 0))
				return 0;
			continue;
		}
		memset(&d, 0, sizeof(d));
		d.rule = b->ctx->rules[f->rule].id;
		d.severity = b->ctx->rules[f->rule].severity;
		d.off = vni_text_to_orig(t, f->norm);
		end = vni_text_to_orig(t, f->norm + f->norm_len);
		d.len = end > d.off ? end - d.off : 0;
		advance(cur, d.off);
		d.line = cur->line;
		d.col = cur->col;
		c2 = *cur;
		advance(&c2, end);
		d.end_line = c2.line;
		d.end_col = c2.col;
		d.message = f->message;
		d.safe = f->safe;
		f->message = NULL;
		if (f->nsugg) {
			d.sugg = calloc(f->nsugg, sizeof(*d.sugg));
			if (d.sugg == NULL) {
				diag_free(&d);
				return 0;
			}
			for (j = 0; j < f->nsugg; j++) {
				d.sugg[j] = f->sugg[j];
				f->sugg[j] = NULL;
			}
			d.nsugg = f->nsugg;
		}
		ok = f->hold ? keep_held(b->doc, &d, f->hold)
			     : vni_result_push(r, &d);
		if (!ok) {
			diag_free(&d);
			return 0;
		}
	}
	return 1;
}

static void
clear_findings(struct vni_block *b)
{
	size_t i;

	for (i = 0; i < b->nf; i++)
		free_finding(&b->f[i]);
	b->nf = 0;
}

/* r->v[0, n0) and r->v[n0, n) are each in position order: merge them. */
static int
merge_runs(vn_result *r, size_t n0)
{
	struct vn_diag *m;
	size_t a = 0, b = n0, o = 0;

	if (r->n == n0 || n0 == 0)
		return 1;
	m = malloc(r->n * sizeof(*m));
	if (m == NULL)
		return 0;
	while (a < n0 || b < r->n)
		m[o++] = (b >= r->n || (a < n0 && r->v[a].off <= r->v[b].off))
				 ? r->v[a++]
				 : r->v[b++];
	free(r->v);
	r->v = m;
	r->cap = r->n;
	return 1;
}

/* Is occurrence o of a less used spelling? Then *best is the spelling the
 * document prefers. */
static int
minority(const vn_ctx *ctx, const struct vni_doc *doc,
	 const struct vni_occurrence *o, size_t *best)
{
	const struct vni_packs *pk = &ctx->packs;
	size_t g, form, used = 0;

	if (o->form >= pk->nphrase) {
		/* A built-in pair of styles: the partner is form ^ 1. */
		*best = pk->nphrase + ((o->form - pk->nphrase) ^ 1);
		return doc->uses[*best] > doc->uses[o->form] ||
		       (doc->uses[*best] == doc->uses[o->form] &&
			doc->first[*best] < doc->first[o->form]);
	}
	g = pk->phrase[o->form].group;
	*best = pk->group[g].first;
	for (form = pk->group[g].first;
	     form < pk->group[g].first + pk->group[g].nforms; form++) {
		if (doc->uses[form] == 0)
			continue;
		used++;
		if (doc->uses[form] > doc->uses[*best] || doc->uses[*best] == 0 ||
		    (doc->uses[form] == doc->uses[*best] &&
		     doc->first[form] < doc->first[*best]))
			*best = form;
	}
	return used >= 2 && o->form != *best;
}

/* The diagnostic of a reported occurrence: message, suggestion and
 * positions (c sweeps the text once, the occurrences being in order). */
static int
report_occurrence(vn_ctx *ctx, struct vni_occurrence *o, size_t best,
		  const char *text, struct cursor *c, vn_result *r)
{
	const struct vni_packs *pk = &ctx->packs;
	char sugg[256], msg[1024];
	struct vni_fill fill;
	struct vn_diag d;
	struct cursor c2;
	size_t pair;

	memset(&d, 0, sizeof(d));
	d.rule = ctx->rules[o->rule].id;
	d.severity = ctx->rules[o->rule].severity;
	d.off = o->off;
	d.len = o->len;
	d.safe = o->safe;
	advance(c, o->off);
	d.line = c->line;
	d.col = c->col;
	c2 = *c;
	advance(&c2, o->off + o->len);
	d.end_line = c2.line;
	d.end_col = c2.col;
	if (o->form >= pk->nphrase) {
		pair = o->form - pk->nphrase;
		if (pair < 2)
			vni_mixed_tone_message(ctx, o->form, text + o->off, o->len,
					       o->sugg, msg, sizeof(msg));
		else
			vni_ellipsis_message(ctx, pair == 3, msg, sizeof(msg));
		snprintf(sugg, sizeof(sugg), "%s", o->sugg ? o->sugg : "");
	} else {
		vni_apply_case(text + o->off, o->len, pk->phrase[best].text,
			       sugg, sizeof(sugg));
		memset(&fill, 0, sizeof(fill));
		fill.match = text + o->off;
		fill.match_len = o->len;
		fill.suggestion = sugg;
		vni_fill_template(
			ctx->rules[pk->phrase[o->form].rule]
				.message[ctx->lang == VN_LANG_VI],
			&fill, msg, sizeof(msg));
	}
	d.message = vni_strndup(msg, strlen(msg));
	d.sugg = calloc(1, sizeof(*d.sugg));
	if (d.message == NULL || d.sugg == NULL ||
	    (d.sugg[0] = vni_strndup(sugg, strlen(sugg))) == NULL ||
	    (d.nsugg = 1, !vni_result_push(r, &d))) {
		diag_free(&d);
		return 0;
	}
	return 1;
}

/* Consistency: in each group used in more than one spelling (and each
 * built-in pair of styles), report the occurrences of the minority. */
static int
resolve_groups(vn_ctx *ctx, struct vni_doc *doc, vn_result *r,
	       const char *text, size_t len)
{
	struct cursor c = {text, len, 0, 1, 1};
	size_t k, best, n0 = r->n;
	int ok = 1;

	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		c.off = 3; /* the BOM takes no column */
	for (k = 0; k < doc->nocc; k++) {
		if (ok && minority(ctx, doc, &doc->occ[k], &best))
			ok = report_occurrence(ctx, &doc->occ[k], best, text, &c,
					       r);
		free(doc->occ[k].sugg);
	}
	doc->nocc = 0;
	return ok && merge_runs(r, n0);
}

/* The held findings whose verdict is keep join the result. */
static int
resolve_held(struct vni_doc *doc, vn_result *r)
{
	size_t k, n0 = r->n;
	int ok = 1;

	for (k = 0; k < doc->nheld; k++) {
		if (vni_verdict_of(doc, doc->held_id[k]) != VNI_KEEP) {
			diag_free(&doc->held[k]);
		} else if (!ok || !vni_result_push(r, &doc->held[k])) {
			ok = 0;
			diag_free(&doc->held[k]);
		}
	}
	doc->nheld = 0;
	return ok && merge_runs(r, n0);
}

static int
doc_init(struct vni_doc *doc, const vn_ctx *ctx)
{
	size_t np = ctx->packs.nphrase + VNI_STYLE_FORMS;
	size_t ng = ctx->packs.maxgroups ? ctx->packs.maxgroups : 1;

	memset(doc, 0, sizeof(*doc));
	doc->uses = calloc(np, sizeof(size_t));
	doc->first = calloc(np, sizeof(size_t));
	doc->stamp = calloc(ctx->nrules, sizeof(size_t));
	doc->ovec = calloc(2 * ng, sizeof(size_t));
	return doc->uses && doc->first && doc->stamp && doc->ovec;
}

static void
doc_free(struct vni_doc *doc)
{
	size_t k;

	for (k = 0; k < doc->nocc; k++)
		free(doc->occ[k].sugg);
	free(doc->occ);
	free(doc->uses);
	free(doc->first);
	free(doc->stamp);
	free(doc->ovec);
	vni_mm_free(&doc->case_terms);
	for (k = 0; k < doc->nheld; k++)
		diag_free(&doc->held[k]);
	free(doc->held);
	free(doc->held_id);
	free(doc->verdict);
	vni_trunc_free(&doc->trunc);
	vni_dups_free(&doc->dups);
}

vn_markup
vn_markup_for_path(const char *path)
{
	size_t n = path ? strlen(path) : 0;

	if ((n > 3 && strcmp(path + n - 3, ".md") == 0) ||
	    (n > 9 && strcmp(path + n - 9, ".markdown") == 0))
		return VN_MARKUP_MARKDOWN;
	return VN_MARKUP_TEXT;
}

/* Drop the diagnostics that a vnlint-disable comment covers. */
static int
apply_suppressions(vn_result *r, const char *text, size_t len, vn_markup m)
{
	struct vni_suppress sp;
	size_t i, o = 0;

	if (!vni_suppress_parse(&sp, text, len, m)) {
		vni_suppress_free(&sp);
		return 0;
	}
	for (i = 0; i < r->n; i++) {
		if (sp.n && vni_suppressed(&sp, r->v[i].line, r->v[i].rule)) {
			r->count[r->v[i].severity]--;
			diag_free(&r->v[i]);
			continue;
		}
		r->v[o++] = r->v[i];
	}
	r->n = o;
	vni_suppress_free(&sp);
	return 1;
}

static size_t
count_lines(const char *s, size_t n)
{
	const char *e = s + n, *nl;
	size_t lines = 0;

	while (s < e && (nl = memchr(s, '\n', (size_t)(e - s))) != NULL) {
		lines++;
		s = nl + 1;
	}
	return lines;
}

/* Only spaces and line breaks? */
static int
blank(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
			return 0;
	return 1;
}

vn_status
vn_lint(vn_ctx *ctx, const char *text, size_t len, vn_result **out)
{
	return vn_lint_ex(ctx, text, len, NULL, out);
}

vn_status
vn_lint_ex(vn_ctx *ctx, const char *text, size_t len,
	   const vn_lint_options *opts, vn_result **out)
{
	vn_result *r;
	struct vni_text t;
	struct vni_tokens toks;
	struct vni_paras paras;
	struct vni_block b;
	struct vni_doc doc;
	struct vni_lowcache low;
	/* Columns are counted on the original text, never on the mask. */
	struct cursor cur = {text, len, 0, 1, 1};
	vn_markup markup = opts ? opts->markup : VN_MARKUP_TEXT;
	size_t start = 0, end, i;
	vn_status st = VN_OK;
	char *masked;
	const char *src;

	*out = NULL;
	if (len && memchr(text, '\0', len) != NULL)
		return VN_EBINARY;
	/* What is not prose is blanked: same bytes, same lines. */
	masked = vni_mask(text, len, markup);
	if (masked == NULL)
		return VN_ENOMEM;
	src = masked;
	r = calloc(1, sizeof(*r));
	if (r == NULL) {
		free(masked);
		return VN_ENOMEM;
	}
	memset(&t, 0, sizeof(t));
	memset(&toks, 0, sizeof(toks));
	memset(&paras, 0, sizeof(paras));
	memset(&b, 0, sizeof(b));
	memset(&low, 0, sizeof(low));
	if (!doc_init(&doc, ctx)) {
		doc_free(&doc);
		free(r);
		free(masked);
		return VN_ENOMEM;
	}
	b.ctx = ctx;
	b.no_guesses = opts && opts->no_dictionary_guesses;
	b.toks = &toks;
	b.paras = &paras;
	b.doc = &doc;
	b.line = 1;
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		cur.off = 3; /* the BOM takes no column */
	while (start < len) {
		end = vni_block_end(src, len, start);
		doc.serial++;
		vni_text_decode(&t, src + start, end - start, start);
		if (t.failed) {
			st = VN_ENOMEM;
			break;
		}
		vni_tokenize(&toks, t.norm.ptr, t.norm.len, &ctx->lex);
		vni_paragraphs(&paras, &toks, t.norm.ptr, b.line);
		if (toks.failed || paras.failed) {
			st = VN_ENOMEM;
			break;
		}
		for (i = 0; i < toks.n; i++)
			r->words += toks.v[i].kind == VNI_TK_WORD;
		b.text = t.norm.ptr;
		b.len = t.norm.len;
		b.low = low_reset(&low, toks.n) ? &low : NULL;
		/* Nothing to read, yet the original has text: code or
		 * markup that the mask blanked. */
		b.hidden = paras.n == 0 && !blank(text + start, end - start);
		report_decoding(&b, &t);
		vni_habit_add(&doc.habit, &toks, t.norm.ptr, &paras,
			      &ctx->lex.linking_words);
		for (i = 0; i < sizeof(checks) / sizeof(checks[0]); i++)
			checks[i](&b);
		if (b.failed || !append_block(r, &b, &t, &cur)) {
			st = VN_ENOMEM;
			break;
		}
		clear_findings(&b);
		b.line += count_lines(src + start, end - start);
		start = end;
	}
	if (st == VN_OK)
		vni_truncation_finish(&doc);
	if (st == VN_OK && !resolve_groups(ctx, &doc, r, text, len))
		st = VN_ENOMEM;
	if (st == VN_OK && !resolve_held(&doc, r))
		st = VN_ENOMEM;
	if (st == VN_OK && !(opts && opts->no_suppressions) &&
	    !apply_suppressions(r, text, len, markup))
		st = VN_ENOMEM;
	clear_findings(&b);
	free(b.f);
	doc_free(&doc);
	vni_text_free(&t);
	vni_tokens_free(&toks);
	vni_paras_free(&paras);
	low_free(&low);
	free(masked);
	if (st != VN_OK) {
		vn_result_free(r);
		return st;
	}
	*out = r;
	return VN_OK;
}
