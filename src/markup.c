/* SPDX-License-Identifier: MIT */
/*
 * Markup awareness: blank out what is not prose (Markdown code, front
 * matter, HTML, link targets; suppression comments) with spaces of the same
 * byte length. Line breaks stay, so every byte offset and line of the
 * original holds, and the checks never see code as Vietnamese.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* Blank s[from, to) except line breaks. */
static void
blank(char *s, size_t from, size_t to)
{
	size_t i;

	for (i = from; i < to; i++)
		if (s[i] != '\n' && s[i] != '\r')
			s[i] = ' ';
}

/* A fence line: up to 3 spaces, then 3+ backticks or tildes. Returns the
 * fence character and its run length in *n, or 0. */
static char
fence(const char *s, size_t i, size_t end, size_t *n)
{
	size_t sp = 0, k;

	while (i < end && s[i] == ' ' && sp < 4)
		i++, sp++;
	if (sp > 3 || i >= end || (s[i] != '`' && s[i] != '~'))
		return 0;
	for (k = i; k < end && s[k] == s[i]; k++)
		;
	if (k - i < 3)
		return 0;
	*n = k - i;
	return s[i];
}

static int
blank_line(const char *s, size_t i, size_t end)
{
	for (; i < end; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return 0;
	return 1;
}

/* Where "-->" starts in s[i, end), or end. */
static size_t
comment_close(const char *s, size_t i, size_t end)
{
	for (; i + 3 <= end; i++)
		if (memcmp(s + i, "-->", 3) == 0)
			return i;
	return end;
}

/* A code span opened by the backtick run at i closes with a run of the
 * same length on the line; returns the end of the span, or 0. */
static size_t
code_span_end(const char *s, size_t i, size_t end)
{
	size_t run, j, k;

	for (run = 0; i + run < end && s[i + run] == '`'; run++)
		;
	for (j = i + run; j < end; j = k) {
		if (s[j] != '`') {
			k = j + 1;
			continue;
		}
		for (k = j; k < end && s[k] == '`'; k++)
			;
		if (k - j == run)
			return k;
	}
	return 0;
}

static int
is_ascii_letter(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Inline constructs of one line: code spans, HTML tags and comments (a
 * comment may run over lines: *in_comment carries it), link targets. */
static void
mask_inline(char *m, const char *s, size_t i, size_t end, int *in_comment)
{
	size_t j, depth;

	while (i < end) {
		if (*in_comment) {
			j = comment_close(s, i, end);
			if (j == end) {
				blank(m, i, end);
				return;
			}
			blank(m, i, j + 3);
			i = j + 3;
			*in_comment = 0;
			continue;
		}
		if (s[i] == '`') {
			j = code_span_end(s, i, end);
			if (j) {
				blank(m, i, j);
				i = j;
			} else {
				while (i < end && s[i] == '`')
					i++; /* literal backticks */
			}
			continue;
		}
		if (s[i] == '<' && i + 4 <= end && memcmp(s + i, "<!--", 4) == 0) {
			*in_comment = 1;
			continue;
		}
		if (s[i] == '<' && i + 1 < end &&
		    (is_ascii_letter(s[i + 1]) || s[i + 1] == '/')) {
			/* An HTML tag or an autolink <https://...>. */
			for (j = i + 1; j < end && s[j] != '>' && s[j] != '<'; j++)
				;
			if (j < end && s[j] == '>') {
				blank(m, i, j + 1);
				i = j + 1;
				continue;
			}
		}
		if (s[i] == ']' && i + 1 < end && s[i + 1] == '(') {
			/* [text](target "title"): the text is prose, the target
			 * is not. Nested parentheses in URLs are balanced. */
			for (depth = 0, j = i + 1; j < end; j++) {
				if (s[j] == '(')
					depth++;
				else if (s[j] == ')' && --depth == 0)
					break;
			}
			if (j < end) {
				blank(m, i + 1, j + 1);
				i = j + 1;
				continue;
			}
		}
		i++;
	}
}

/* Markdown: front matter, fenced and indented code, link reference
 * definitions, then inline code, HTML and link targets. */
static void
mask_markdown(char *m, const char *s, size_t len)
{
	size_t i = 0, end, n, fence_len = 0;
	char fence_ch = 0, c;
	int in_comment = 0, prev_blank = 1, in_code = 0;

	/* Front matter: "---" on the first line up to "---" or "...". */
	if (len >= 4 && memcmp(s, "---", 3) == 0 && blank_line(s, 3, vni_line_end(s, len, 0))) {
		size_t j, e, close = 0;

		for (j = vni_line_end(s, len, 0) + 1; j < len; j = e + 1) {
			e = vni_line_end(s, len, j);
			if (e - j >= 3 && (memcmp(s + j, "---", 3) == 0 ||
					   memcmp(s + j, "...", 3) == 0) &&
			    blank_line(s, j + 3, e)) {
				close = e;
				break;
			}
		}
		if (close) {
			blank(m, 0, close);
			i = close + 1;
		}
	}
	for (; i < len; i = end + 1) {
		end = vni_line_end(s, len, i);
		if (fence_ch) {
			blank(m, i, end);
			if (fence(s, i, end, &n) == fence_ch && n >= fence_len)
				fence_ch = 0;
			continue;
		}
		if (!in_comment && (c = fence(s, i, end, &n)) != 0) {
			fence_ch = c;
			fence_len = n;
			blank(m, i, end);
			continue;
		}
		/* Indented code: 4 spaces or a tab after a blank line. */
		if (!in_comment && (in_code || prev_blank) && !blank_line(s, i, end) &&
		    (s[i] == '\t' || (end - i >= 4 && memcmp(s + i, "    ", 4) == 0))) {
			blank(m, i, end);
			in_code = 1;
			prev_blank = 0;
			continue;
		}
		in_code = 0;
		/* [label]: target "title" */
		if (!in_comment && s[i] == '[') {
			const char *close = memchr(s + i, ']', end - i);

			if (close && (size_t)(close - s) + 1 < end && close[1] == ':') {
				blank(m, i, end);
				prev_blank = 0;
				continue;
			}
		}
		mask_inline(m, s, i, end, &in_comment);
		prev_blank = blank_line(s, i, end);
	}
}

/* Plain text: only the suppression comment lines ("# vnlint-..."). */
static void
mask_directives(char *m, const char *s, size_t len)
{
	size_t i, end, k;

	for (i = 0; i < len; i = end + 1) {
		end = vni_line_end(s, len, i);
		for (k = i; k < end && (s[k] == ' ' || s[k] == '\t'); k++)
			;
		if (k < end && s[k] == '#') {
			for (k++; k < end && s[k] == ' '; k++)
				;
			if (end - k >= 7 && memcmp(s + k, "vnlint-", 7) == 0)
				blank(m, i, end);
		}
	}
}

char *
vni_mask(const char *text, size_t len, vn_markup markup)
{
	char *m = malloc(len + 1);

	if (m == NULL)
		return NULL;
	memcpy(m, text, len);
	m[len] = '\0';
	if (markup == VN_MARKUP_MARKDOWN)
		mask_markdown(m, text, len);
	else
		mask_directives(m, text, len);
	return m;
}
