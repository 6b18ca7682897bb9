/* SPDX-License-Identifier: MIT */
/* The human report: a gcc-style location line, the source line, a caret
 * underline under the span, and the suggestions; and the gnu format, the
 * location line alone. */
#include <string.h>

#include <utf8proc.h>

#include "output.h"

#define CONTEXT_BEFORE 60 /* characters shown before the span */
#define CONTEXT_AFTER 40  /* and after it, on very long lines */

struct style {
	const char *bold, *err, *warn, *info, *caret, *sugg, *off;
};

static const struct style plain = {"", "", "", "", "", "", ""};
static const struct style ansi = {"\033[1m",  "\033[1;31m", "\033[1;35m",
				  "\033[1;36m", "\033[1;32m", "\033[32m",
				  "\033[0m"};

/* Decode at s; invalid bytes are one character of width 1. */
static size_t
next_char(const char *s, size_t n, int32_t *cp)
{
	utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s,
					      (utf8proc_ssize_t)n, cp);

	if (k <= 0) {
		*cp = 0xFFFD;
		return 1;
	}
	return (size_t)k;
}

static int
width(int32_t cp)
{
	int w;

	if (cp == '\t' || cp < 0x20)
		return 1; /* printed as a space */
	w = utf8proc_charwidth(cp);
	return w < 0 ? 1 : w;
}

static void
put_char(FILE *o, const char *s, size_t k, int32_t cp)
{
	if (cp == '\t' || cp < 0x20 || cp == 0x7F)
		fputc(' ', o);
	else if (cp == 0xFFFD && k == 1)
		fputs("\xEF\xBF\xBD", o);
	else if (utf8proc_charwidth(cp) == 0 &&
		 utf8proc_category(cp) == UTF8PROC_CATEGORY_CF)
		fputc(' ', o); /* invisible format characters */
	else
		fwrite(s, 1, k, o);
}

/* Print the line holding the span and a caret line under it. */
static void
show_span(FILE *o, const char *src, size_t len, size_t off, size_t slen,
	  const struct style *st)
{
	size_t ls = off, le = off, i, k, nchars, start, end;
	int32_t cp;
	int pad = 0, under = 0;

	while (ls > 0 && src[ls - 1] != '\n' && src[ls - 1] != '\r')
		ls--;
	while (le < len && src[le] != '\n' && src[le] != '\r')
		le++;
	/* On a long line, show a window around the span. */
	start = ls;
	for (nchars = 0, i = off; i > ls && nchars < CONTEXT_BEFORE; nchars++) {
		i--;
		while (i > ls && ((unsigned char)src[i] & 0xC0) == 0x80)
			i--;
	}
	start = i;
	end = off + slen > le ? le : off + slen;
	for (nchars = 0, i = end; i < le && nchars < CONTEXT_AFTER; nchars++)
		i += next_char(src + i, le - i, &cp);
	end = i;
	fputs("  ", o);
	if (start > ls)
		fputs("…", o);
	for (i = start; i < end; i += k) {
		k = next_char(src + i, end - i, &cp);
		put_char(o, src + i, k, cp);
		if (i < off)
			pad += width(cp);
		else if (i < off + slen)
			under += width(cp);
	}
	if (end < le)
		fputs("…", o);
	fputs("\n  ", o);
	if (start > ls)
		pad++;
	for (; pad > 0; pad--)
		fputc(' ', o);
	fputs(st->caret, o);
	fputc('^', o);
	for (; under > 1; under--)
		fputc('~', o);
	fputs(st->off, o);
	fputc('\n', o);
}

void
out_text_file(FILE *o, const char *path, const char *src, size_t len,
	      const vn_result *r, int color, vn_lang lang)
{
	const struct style *st = color ? &ansi : &plain;
	size_t i, j, n = vn_result_count(r);
	const vn_diag *d;
	const char *sev_color;

	for (i = 0; i < n; i++) {
		d = vn_result_at(r, i);
		switch (vn_diag_severity(d)) {
		case VN_SEV_ERROR:
			sev_color = st->err;
			break;
		case VN_SEV_WARNING:
			sev_color = st->warn;
			break;
		default:
			sev_color = st->info;
		}
		fprintf(o, "%s%s:%zu:%zu:%s %s%s:%s %s [%s]\n", st->bold, path,
			vn_diag_line(d), vn_diag_column(d), st->off, sev_color,
			vn_severity_name(vn_diag_severity(d)), st->off,
			vn_diag_message(d), vn_diag_rule(d));
		show_span(o, src, len, vn_diag_byte_offset(d),
			  vn_diag_byte_length(d), st);
		for (j = 0; j < vn_diag_suggestion_count(d); j++)
			fprintf(o, "  %s%s%s %s%s%s\n", st->bold,
				j ? (lang == VN_LANG_VI ? "      " : "    ") : (lang == VN_LANG_VI ? "gợi ý:" : "fix:"),
				st->off, st->sugg,
				*vn_diag_suggestion(d, j) ? vn_diag_suggestion(d, j)
				: (lang == VN_LANG_VI ? "(xoá)" : "(delete)"),
				st->off);
	}
}

void
out_text_summary(FILE *o, const struct report_totals *t, int color,
		 vn_lang lang)
{
	const struct style *st = color ? &ansi : &plain;

	if (lang == VN_LANG_VI)
		fprintf(o, "%s%zu lỗi, %zu cảnh báo, %zu thông tin trong %zu tệp%s\n",
			st->bold, t->errors, t->warnings, t->infos, t->files,
			st->off);
	else
		fprintf(o, "%s%zu error%s, %zu warning%s, %zu info%s in %zu file%s%s\n",
			st->bold, t->errors, t->errors == 1 ? "" : "s",
			t->warnings, t->warnings == 1 ? "" : "s", t->infos,
			t->infos == 1 ? "" : "s", t->files,
			t->files == 1 ? "" : "s", st->off);
}

/* A control character (a newline in a file name) would split the record
 * that line-oriented readers expect; show it as '?'. */
static void
put_one_line(FILE *o, const char *s)
{
	for (; *s; s++)
		fputc((unsigned char)*s < 0x20 || *s == 0x7F ? '?' : *s, o);
}

void
out_gnu_file(FILE *o, const char *path, const vn_result *r)
{
	size_t i, n = vn_result_count(r);
	const vn_diag *d;

	for (i = 0; i < n; i++) {
		d = vn_result_at(r, i);
		put_one_line(o, path);
		fprintf(o, ":%zu:%zu: %s: ", vn_diag_line(d), vn_diag_column(d),
			vn_severity_name(vn_diag_severity(d)));
		put_one_line(o, vn_diag_message(d));
		fprintf(o, " [%s]\n", vn_diag_rule(d));
	}
}
