/* SPDX-License-Identifier: MIT */
/*
 * corpus.h - vnlint as a stage of a data pipeline: JSON Lines in (or plain
 * lines), one JSON record out per input line, in order (docs/corpus-mode.md).
 */
#ifndef VN_CORPUS_H
#define VN_CORPUS_H

#include <stddef.h>

#include "vnlint.h"

enum corpus_emit {
	EMIT_ATTRIBUTES, /* {"id":…,"vnlint":{…}} per line */
	EMIT_ANNOTATE,   /* the input object with a "vnlint" member added */
	EMIT_FILTER      /* the input lines whose score is high enough */
};

/* Exit statuses of a corpus run. */
enum { CORPUS_DONE = 0, CORPUS_USAGE = 2, CORPUS_IO = 3 };

struct corpus_opts {
	enum corpus_emit emit;
	int input_lines;       /* --input lines: each line is a document */
	const char *text_key;  /* default "text" */
	const char *id_key;    /* default "id" */
	double min_score;      /* for EMIT_FILTER */
	int no_spans;          /* --spans none */
	int byte_offsets;      /* --offsets byte */
	size_t max_doc_bytes;  /* longer lines get an error record */
	const char *stats_path; /* --stats FILE, or NULL */
	int jobs;              /* worker threads, >= 1 */
	const char **weights;  /* "rule=w" as given, nweights of them */
	int nweights;
};

/* Builds one more context like the first, for another worker thread;
 * NULL with a message in err on failure. */
typedef vn_ctx *(*corpus_ctx_fn)(void *ud, char *err, size_t errsz);

/*
 * Lint the documents of paths[0..npaths) (none, or "-": standard input)
 * and write the records to standard output. ctx is the first worker's
 * context (borrowed); more() makes the others. Returns CORPUS_DONE when
 * the run completed (whatever was found), CORPUS_USAGE for a bad option
 * value, CORPUS_IO when input could not be read or output written.
 */
int corpus_run(const struct corpus_opts *o, vn_ctx *ctx, corpus_ctx_fn more,
	       void *ud, char **paths, int npaths);

#endif /* VN_CORPUS_H */
