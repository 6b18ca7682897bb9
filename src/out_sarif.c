/* SPDX-License-Identifier: MIT */
/* The SARIF 2.1.0 log: code scanning services and SARIF viewers read it. */
#include <string.h>

#include "output.h"

static void
put_str(FILE *o, const char *s)
{
	out_json_string(o, s, strlen(s));
}

static const char *
level(vn_severity sev)
{
	/* SARIF calls info "note"; error and warning are the same words. */
	return sev == VN_SEV_INFO ? "note" : vn_severity_name(sev);
}

/* The path as a URI reference: unreserved characters and '/' as they are,
 * every other byte (space, '%', '#', '?', ':', UTF-8 of a Vietnamese name)
 * percent-encoded, so any file name gives a valid reference that decodes
 * back to it. An absolute path becomes a file: URI; a relative one stays
 * relative to the working directory, as given. The result is plain ASCII
 * without quotes or backslashes: it needs no JSON escaping. */
static void
put_uri(FILE *o, const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *p = (const unsigned char *)path;

	fputc('"', o);
	if (*p == '/')
		fputs("file://", o);
	for (; *p; p++) {
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~/", *p) != NULL)
			fputc(*p, o);
		else
			fprintf(o, "%%%c%c", hex[*p >> 4], hex[*p & 15]);
	}
	fputc('"', o);
}

static void
put_base64(FILE *o, const char *s)
{
	static const char b64[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	const unsigned char *u = (const unsigned char *)s;
	size_t n = strlen(s), i;
	unsigned long v;

	fputc('"', o);
	for (i = 0; i < n; i += 3) {
		v = (unsigned long)u[i] << 16;
		if (i + 1 < n)
			v |= (unsigned long)u[i + 1] << 8;
		if (i + 2 < n)
			v |= u[i + 2];
		fputc(b64[v >> 18 & 63], o);
		fputc(b64[v >> 12 & 63], o);
		fputc(i + 1 < n ? b64[v >> 6 & 63] : '=', o);
		fputc(i + 2 < n ? b64[v & 63] : '=', o);
	}
	fputc('"', o);
}

/* Both a text region (lines and code-point columns, the BOM not counted)
 * and a binary one (bytes of the file): the same span, for consumers that
 * know either. */
static void
put_region(FILE *o, const vn_diag *d)
{
	fprintf(o,
		"{\"startLine\":%zu,\"startColumn\":%zu,\"endLine\":%zu,"
		"\"endColumn\":%zu,\"byteOffset\":%zu,\"byteLength\":%zu}",
		vn_diag_line(d), vn_diag_column(d), vn_diag_end_line(d),
		vn_diag_end_column(d), vn_diag_byte_offset(d),
		vn_diag_byte_length(d));
}

static void
put_fix_description(FILE *o, const char *sugg, vn_lang lang)
{
	if (*sugg == '\0') {
		put_str(o, lang == VN_LANG_VI ? "Xoá đoạn này" : "Delete the span");
		return;
	}
	/* Written in pieces: no allocation that could fail. */
	fputs(lang == VN_LANG_VI ? "\"Thay bằng \\\"" : "\"Replace with \\\"", o);
	out_json_chars(o, sugg, strlen(sugg));
	fputs("\\\"\"", o);
}

/* One fix per suggestion. The deleted region is text and binary at once;
 * SARIF 2.1.0 (replacement object, constraints) requires "binary" inserted
 * content with a binary region, and text consumers want "text". */
static void
put_fixes(FILE *o, const char *path, const vn_diag *d, vn_lang lang)
{
	size_t j, n = vn_diag_suggestion_count(d);
	const char *s;

	fputs(",\"fixes\":[", o);
	for (j = 0; j < n; j++) {
		s = vn_diag_suggestion(d, j);
		if (j)
			fputc(',', o);
		fputs("{\"description\":{\"text\":", o);
		put_fix_description(o, s, lang);
		fputs("},\"artifactChanges\":[{\"artifactLocation\":{\"uri\":", o);
		put_uri(o, path);
		fputs("},\"replacements\":[{\"deletedRegion\":", o);
		put_region(o, d);
		fputs(",\"insertedContent\":{\"text\":", o);
		put_str(o, s);
		fputs(",\"binary\":", o);
		put_base64(o, s);
		fputs("}}]}]}", o);
	}
	fputc(']', o);
}

static const char *
language(vn_lang lang)
{
	return lang == VN_LANG_VI ? "vi-VN" : "en-US";
}

void
out_sarif_begin(struct sarif_log *s, FILE *o, const vn_ctx *ctx,
		vn_lang lang)
{
	size_t i, n = vn_ctx_rule_count(ctx);
	const char *id, *sum, *expl;

	s->o = o;
	s->ctx = ctx;
	s->lang = lang;
	s->results = 0;
	fputs("{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\","
	      "\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{"
	      "\"name\":\"vnlint\",\"version\":",
	      o);
	put_str(o, vn_version());
	fputs(",\"semanticVersion\":", o);
	put_str(o, vn_version());
	fprintf(o, ",\"language\":\"%s\",\"rules\":[", language(lang));
	/* Every rule, enabled or not: ruleIndex is the context's index. The
	 * configuration is the one this run used (--disable, policies): the
	 * library does not keep the defaults apart, and a consumer needs it to
	 * tell "no findings" from "not checked". */
	for (i = 0; i < n; i++) {
		id = vn_ctx_rule_id(ctx, i);
		sum = vn_ctx_rule_summary(ctx, i, lang);
		expl = vn_ctx_rule_explanation(ctx, i, lang);
		if (sum == NULL)
			sum = id;
		if (expl == NULL)
			expl = sum;
		fputs(i ? ",\n{\"id\":" : "\n{\"id\":", o);
		put_str(o, id);
		fputs(",\"shortDescription\":{\"text\":", o);
		put_str(o, sum);
		fputs("},\"fullDescription\":{\"text\":", o);
		put_str(o, expl);
		fputs("},\"help\":{\"text\":", o);
		put_str(o, expl);
		fprintf(o, "},\"defaultConfiguration\":{\"level\":\"%s\"%s}}",
			level(vn_ctx_rule_severity(ctx, i)),
			vn_ctx_rule_enabled(ctx, i) ? "" : ",\"enabled\":false");
	}
	fprintf(o,
		"]}},\"language\":\"%s\",\"columnKind\":\"unicodeCodePoints\","
		"\"results\":[",
		language(lang));
}

void
out_sarif_file(struct sarif_log *s, const char *path, const char *src,
	       size_t len, const vn_result *r)
{
	FILE *o = s->o;
	size_t i, idx, n = r ? vn_result_count(r) : 0;
	const vn_diag *d;

	(void)src; /* regions point into the file: no snippet needed */
	(void)len;
	if (o == NULL)
		return; /* no log was begun (an unframed run): nowhere to add */
	for (i = 0; i < n; i++, s->results++) {
		d = vn_result_at(r, i);
		/* A line per result: diffs of two logs stay readable. */
		fputs(s->results ? ",\n{\"ruleId\":" : "\n{\"ruleId\":", o);
		put_str(o, vn_diag_rule(d));
		idx = vn_ctx_rule_find(s->ctx, vn_diag_rule(d));
		if (idx != (size_t)-1)
			fprintf(o, ",\"ruleIndex\":%zu", idx);
		fprintf(o, ",\"level\":\"%s\",\"message\":{\"text\":",
			level(vn_diag_severity(d)));
		put_str(o, vn_diag_message(d));
		fputs("},\"locations\":[{\"physicalLocation\":{"
		      "\"artifactLocation\":{\"uri\":",
		      o);
		put_uri(o, path);
		fputs("},\"region\":", o);
		put_region(o, d);
		fputs("}}]", o);
		if (vn_diag_suggestion_count(d))
			put_fixes(o, path, d, s->lang);
		fputc('}', o);
	}
}

void
out_sarif_end(struct sarif_log *s, int successful)
{
	fprintf(s->o, "\n],\"invocations\":[{\"executionSuccessful\":%s}]}]}\n",
		successful ? "true" : "false");
}
