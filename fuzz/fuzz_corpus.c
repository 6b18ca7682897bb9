/* SPDX-License-Identifier: MIT */
/* Corpus mode end to end: the input is one file of JSON Lines (or plain
 * lines, gzip or zstd: the first bytes decide) read by corpus_run, with
 * options picked by the first byte; then every line straight through the
 * JSON scanner, checking that a decoded text is valid UTF-8 and never
 * longer than its escaped form. Records go to /dev/null. */
#define _POSIX_C_SOURCE 200809L
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../src/corpus.h"
#include "../src/json_scan.h"
#include "common.h"
#include "tmpfile.h"

static vn_ctx *
no_more(void *ud, char *err, size_t errsz)
{
	(void)ud;
	snprintf(err, errsz, "one context only");
	return NULL;
}

static void
scan_lines(const uint8_t *data, size_t size)
{
	static const char *const keys[] = {"id", "text", "vnlint"};
	struct json_member m[3];
	size_t start = 0, end, close, where, n, i;
	char *out;
	long cp;
	int k;

	while (start < size) {
		const uint8_t *nl = memchr(data + start, '\n', size - start);

		end = nl ? (size_t)(nl - data) : size;
		for (i = start; i < end; i += (size_t)k)
			if ((k = vn_utf8_decode((const char *)data + i, end - i, &cp)) < 0)
				break;
		if (i == end &&
		    json_scan_object((const char *)data + start, end - start, keys, 3,
				     m, &close, &where) == JSON_OK &&
		    m[1].found && m[1].is_string) {
			out = malloc(m[1].val_len);
			n = json_string_decode((const char *)data + start + m[1].val,
					       m[1].val_len, out);
			if (n > m[1].val_len)
				abort();
			for (i = 0; i < n; i += (size_t)k)
				if ((k = vn_utf8_decode(out + i, n - i, &cp)) < 0)
					abort();
			free(out);
		}
		start = end + 1;
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int quiet;
	struct corpus_opts o;
	const char *w[1] = {"all=2"};
	char *paths[1];
	unsigned f = size ? data[0] : 0;

	if (!quiet) {
		if (freopen("/dev/null", "w", stdout) == NULL)
			abort();
		quiet = 1;
	}
	memset(&o, 0, sizeof(o));
	o.emit = (enum corpus_emit)(f % 3);
	o.input_lines = (f >> 2) & 1;
	o.no_spans = (f >> 3) & 1;
	o.byte_offsets = (f >> 4) & 1;
	o.text_key = "text";
	o.id_key = "id";
	o.min_score = 0.5;
	o.max_doc_bytes = (f >> 5) & 1 ? 64 : 1 << 20;
	o.jobs = 1;
	o.weights = w;
	o.nweights = (f >> 6) & 1;
	paths[0] = (char *)fuzz_write("docs.jsonl", data, size);
	(void)corpus_run(&o, fuzz_ctx(), no_more, NULL, paths, 1);
	scan_lines(data, size);
	return 0;
}
