/* SPDX-License-Identifier: MIT */
/*
 * Allocation-failure injection (docs/robustness.md). Linked with the
 * library's objects and the report writers, with every allocation they make
 * routed through the wrappers below (-Wl,--wrap=...): malloc, calloc,
 * realloc, strdup, and the calls into other libraries that allocate and can
 * report failure (utf8proc_map, utf8proc_NFC, pcre2_compile, pcre2_match, the PCRE2 match
 * data and context, fopen, scandir, realpath, mmap, open_memstream).
 *
 * Each sweep makes the n-th such call fail, for n = 1, 2, 3, ... until a
 * run makes fewer than n calls. Every API call must then either succeed
 * with exactly the output of the run without failure (the same findings,
 * messages, suggestions, fixed text and reports) or fail with VN_ENOMEM,
 * never crash, and free everything it allocated: the wrappers keep the set
 * of live blocks, which must be the same after the run as before it.
 *
 *   ctx  sweep: vn_ctx_new, vn_ctx_load_rules (shipped packs), vn_model_load
 *   lint sweep: vn_lint_ex on each fixture, vn_apply_fixes, every report
 *               writer (text, gnu, json, jsonl, sarif, diff), with a context
 *               created without failures; the context is reused, so a
 *               failure must leave its caches consistent for later runs
 *   cold sweep: the same as the lint sweep, each n in a child process
 *               forked from a context that has linted nothing yet, so the
 *               allocations that fill the caches fail too
 *
 * Usage: alloc_fail [-q] [-s SWEEPS] [-e STEP] [-t N] [-n N] DATA_DIR RULES_DIR
 *                   FIXTURE...
 *   SWEEPS is a comma-separated list of ctx, lint, cold (default: all);
 *   STEP > 1 tries only every STEP-th n (for slow builds such as valgrind);
 *   -t N prints a backtrace where the N-th call fails (addr2line -e reads
 *   it), to find the call behind a problem reported at n=N; -n N tries
 *   that n alone.
 * The model is DATA_DIR/vi.model. Exit status 0 if every run was clean.
 */
#define _GNU_SOURCE /* open_memstream, strdup under -std=c11 */
#include <dirent.h>
#include <errno.h>
#include <execinfo.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <utf8proc.h>

#include "internal.h" /* vni_dict_en_has */
#include "output.h"
#include "vnlint.h"

/* ------------------------------------------------------------ injection */

static long counter;   /* calls counted since arm() */
static long fail_at;   /* the call to fail (0: none) */
static int armed;      /* counting? */
static int hit;        /* has the failure been injected? */
static long trace_at;  /* -t N: print a backtrace where call N fails */
static long only;      /* -n N: try this n alone */

static void
arm(long n)
{
	counter = 0;
	fail_at = n;
	hit = 0;
	armed = 1;
}

static void
disarm(void)
{
	armed = 0;
}

/* Is this call the one to fail? */
static int
inject(void)
{
	if (!armed)
		return 0;
	if (++counter == fail_at) {
		hit = 1;
		if (trace_at == fail_at) {
			void *bt[32];
			int k = backtrace(bt, 32);

			fprintf(stderr, "alloc_fail: call %ld fails here:\n",
				fail_at);
			backtrace_symbols_fd(bt, k, 2);
		}
		return 1;
	}
	return 0;
}

/* The live blocks that the wrappers handed out: an open-addressing set of
 * pointers (linear probing, backward-shift deletion), in memory of its own
 * so it does not count itself. */
static uintptr_t *set;
static size_t set_cap, set_n;

void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t k);
void *__real_realloc(void *p, size_t n);
void __real_free(void *p);
char *__real_strdup(const char *s);

static size_t
slot_of(uintptr_t p)
{
	p ^= p >> 17;
	p *= (uintptr_t)0x9E3779B97F4A7C15u;
	return (size_t)(p >> 7) & (set_cap - 1);
}

static void set_add(void *p);

static void
set_grow(void)
{
	uintptr_t *old = set;
	size_t i, ocap = set_cap;

	set_cap = set_cap ? 2 * set_cap : 1 << 16;
	set = __real_calloc(set_cap, sizeof(*set));
	if (set == NULL) {
		fputs("alloc_fail: out of memory for the block set\n", stderr);
		_exit(3);
	}
	set_n = 0;
	for (i = 0; i < ocap; i++)
		if (old[i])
			set_add((void *)old[i]);
	__real_free(old);
}

static void
set_add(void *p)
{
	size_t i;

	if (p == NULL)
		return;
	if (2 * (set_n + 1) > set_cap)
		set_grow();
	for (i = slot_of((uintptr_t)p); set[i]; i = (i + 1) & (set_cap - 1))
		if (set[i] == (uintptr_t)p)
			return;
	set[i] = (uintptr_t)p;
	set_n++;
}

/* Remove p; 0 if it was not there (a block from another library). */
static int
set_del(void *p)
{
	size_t i, j, k;

	if (p == NULL || set_cap == 0)
		return 0;
	for (i = slot_of((uintptr_t)p); set[i] != (uintptr_t)p;
	     i = (i + 1) & (set_cap - 1))
		if (set[i] == 0)
			return 0;
	set[i] = 0;
	set_n--;
	/* Shift back the rest of the cluster. */
	for (j = (i + 1) & (set_cap - 1); set[j]; j = (j + 1) & (set_cap - 1)) {
		k = slot_of(set[j]);
		if ((j > i && (k <= i || k > j)) || (j < i && (k <= i && k > j))) {
			set[i] = set[j];
			set[j] = 0;
			i = j;
		}
	}
	return 1;
}

void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t n, size_t k);
void *__wrap_realloc(void *p, size_t n);
void __wrap_free(void *p);
char *__wrap_strdup(const char *s);

void *
__wrap_malloc(size_t n)
{
	void *p;

	if (inject())
		return NULL;
	p = __real_malloc(n);
	set_add(p);
	return p;
}

void *
__wrap_calloc(size_t n, size_t k)
{
	void *p;

	if (inject())
		return NULL;
	p = __real_calloc(n, k);
	set_add(p);
	return p;
}

void *
__wrap_realloc(void *p, size_t n)
{
	void *q;

	if (inject())
		return NULL; /* p stays valid and owned by the caller */
	q = __real_realloc(p, n);
	if (q != NULL || n == 0) {
		set_del(p);
		set_add(q);
	}
	return q;
}

void
__wrap_free(void *p)
{
	set_del(p);
	__real_free(p);
}

char *
__wrap_strdup(const char *s)
{
	char *p;

	if (inject())
		return NULL;
	p = __real_strdup(s);
	set_add(p);
	return p;
}

/* Other libraries' calls that allocate: fail as they do when out of
 * memory. Their blocks are not in the set (the library frees them with
 * free(), which the set ignores). */
utf8proc_ssize_t __real_utf8proc_map(const utf8proc_uint8_t *s,
				     utf8proc_ssize_t n,
				     utf8proc_uint8_t **dst,
				     utf8proc_option_t opt);
utf8proc_ssize_t __wrap_utf8proc_map(const utf8proc_uint8_t *s,
				     utf8proc_ssize_t n,
				     utf8proc_uint8_t **dst,
				     utf8proc_option_t opt);
utf8proc_ssize_t
__wrap_utf8proc_map(const utf8proc_uint8_t *s, utf8proc_ssize_t n,
		    utf8proc_uint8_t **dst, utf8proc_option_t opt)
{
	if (inject()) {
		*dst = NULL;
		return UTF8PROC_ERROR_NOMEM;
	}
	return __real_utf8proc_map(s, n, dst, opt);
}

utf8proc_uint8_t *__real_utf8proc_NFC(const utf8proc_uint8_t *s);
utf8proc_uint8_t *__wrap_utf8proc_NFC(const utf8proc_uint8_t *s);
utf8proc_uint8_t *
__wrap_utf8proc_NFC(const utf8proc_uint8_t *s)
{
	if (inject())
		return NULL;
	return __real_utf8proc_NFC(s);
}

pcre2_code *__real_pcre2_compile_8(PCRE2_SPTR p, PCRE2_SIZE n, uint32_t o,
				   int *ec, PCRE2_SIZE *eo,
				   pcre2_compile_context *c);
pcre2_code *__wrap_pcre2_compile_8(PCRE2_SPTR p, PCRE2_SIZE n, uint32_t o,
				   int *ec, PCRE2_SIZE *eo,
				   pcre2_compile_context *c);
pcre2_code *
__wrap_pcre2_compile_8(PCRE2_SPTR p, PCRE2_SIZE n, uint32_t o, int *ec,
		       PCRE2_SIZE *eo, pcre2_compile_context *c)
{
	if (inject()) {
		*ec = PCRE2_ERROR_HEAP_FAILED;
		*eo = 0;
		return NULL;
	}
	return __real_pcre2_compile_8(p, n, o, ec, eo, c);
}

int __real_pcre2_match_8(const pcre2_code *c, PCRE2_SPTR s, PCRE2_SIZE n,
			 PCRE2_SIZE start, uint32_t o, pcre2_match_data *md,
			 pcre2_match_context *mc);
int __wrap_pcre2_match_8(const pcre2_code *c, PCRE2_SPTR s, PCRE2_SIZE n,
			 PCRE2_SIZE start, uint32_t o, pcre2_match_data *md,
			 pcre2_match_context *mc);
int
__wrap_pcre2_match_8(const pcre2_code *c, PCRE2_SPTR s, PCRE2_SIZE n,
		     PCRE2_SIZE start, uint32_t o, pcre2_match_data *md,
		     pcre2_match_context *mc)
{
	if (inject())
		return PCRE2_ERROR_NOMEMORY;
	return __real_pcre2_match_8(c, s, n, start, o, md, mc);
}

pcre2_match_data *__real_pcre2_match_data_create_from_pattern_8(
	const pcre2_code *c, pcre2_general_context *g);
pcre2_match_data *__wrap_pcre2_match_data_create_from_pattern_8(
	const pcre2_code *c, pcre2_general_context *g);
pcre2_match_data *
__wrap_pcre2_match_data_create_from_pattern_8(const pcre2_code *c,
					      pcre2_general_context *g)
{
	if (inject())
		return NULL;
	return __real_pcre2_match_data_create_from_pattern_8(c, g);
}

pcre2_match_context *__real_pcre2_match_context_create_8(
	pcre2_general_context *g);
pcre2_match_context *__wrap_pcre2_match_context_create_8(
	pcre2_general_context *g);
pcre2_match_context *
__wrap_pcre2_match_context_create_8(pcre2_general_context *g)
{
	if (inject())
		return NULL;
	return __real_pcre2_match_context_create_8(g);
}

FILE *__real_fopen(const char *path, const char *mode);
FILE *__wrap_fopen(const char *path, const char *mode);
FILE *
__wrap_fopen(const char *path, const char *mode)
{
	if (inject()) {
		errno = ENOMEM;
		return NULL;
	}
	return __real_fopen(path, mode);
}

FILE *__real_open_memstream(char **p, size_t *n);
FILE *__wrap_open_memstream(char **p, size_t *n);
FILE *
__wrap_open_memstream(char **p, size_t *n)
{
	if (inject()) {
		errno = ENOMEM;
		return NULL;
	}
	return __real_open_memstream(p, n);
}

typedef int (*scan_filter)(const struct dirent *);
typedef int (*scan_compar)(const struct dirent **, const struct dirent **);
int __real_scandir(const char *d, struct dirent ***l, scan_filter f,
		   scan_compar c);
int __wrap_scandir(const char *d, struct dirent ***l, scan_filter f,
		   scan_compar c);
int
__wrap_scandir(const char *d, struct dirent ***l, scan_filter f, scan_compar c)
{
	if (inject()) {
		errno = ENOMEM;
		return -1;
	}
	return __real_scandir(d, l, f, c);
}

char *__real_realpath(const char *p, char *buf);
char *__wrap_realpath(const char *p, char *buf);
char *
__wrap_realpath(const char *p, char *buf)
{
	if (inject()) {
		errno = ENOMEM;
		return NULL;
	}
	return __real_realpath(p, buf);
}

void *__real_mmap(void *a, size_t n, int prot, int fl, int fd, off_t off);
void *__wrap_mmap(void *a, size_t n, int prot, int fl, int fd, off_t off);
void *
__wrap_mmap(void *a, size_t n, int prot, int fl, int fd, off_t off)
{
	if (inject()) {
		errno = ENOMEM;
		return MAP_FAILED;
	}
	return __real_mmap(a, n, prot, fl, fd, off);
}

/* A child of the cold sweep frees its context to account for every block,
 * but not hunspell's dictionaries: freeing them would write to (and so
 * copy) every page of them that the child shares with its parent, for
 * nothing, as their memory is not in the set. */
struct Hunhandle;
static int keep_hunspell;
void __real_Hunspell_destroy(struct Hunhandle *h);
void __wrap_Hunspell_destroy(struct Hunhandle *h);
void
__wrap_Hunspell_destroy(struct Hunhandle *h)
{
	if (!keep_hunspell)
		__real_Hunspell_destroy(h);
}

/* Hunspell's suggestions take tens of milliseconds a word. The harness
 * remembers them (for the vi_VN dictionary, the only one asked), so the
 * children of the cold sweep, whose contexts have not cached them yet, get
 * them at once. The lists are handed out as hunspell makes them, in memory
 * that is not in the set, which Hunspell_free_list() frees. */
struct memo {
	char *word;
	char **list;
	int n;
};
static struct memo *memo;
static size_t nmemo;

int __real_Hunspell_suggest(struct Hunhandle *h, char ***list,
			    const char *word);
int __wrap_Hunspell_suggest(struct Hunhandle *h, char ***list,
			    const char *word);
int
__wrap_Hunspell_suggest(struct Hunhandle *h, char ***list, const char *word)
{
	struct memo *m = NULL;
	size_t i;
	int k;

	for (i = 0; i < nmemo && m == NULL; i++)
		if (strcmp(memo[i].word, word) == 0)
			m = &memo[i];
	if (m == NULL) {
		void *p = __real_realloc(memo, (nmemo + 1) * sizeof(*memo));

		if (p == NULL)
			return __real_Hunspell_suggest(h, list, word);
		memo = p;
		m = &memo[nmemo];
		m->word = __real_strdup(word);
		m->list = NULL;
		m->n = __real_Hunspell_suggest(h, &m->list, word);
		if (m->word == NULL)
			return m->n;
		nmemo++;
		/* A copy of hunspell's list stays here. */
		*list = m->list;
		m->list = __real_malloc((size_t)(m->n > 0 ? m->n : 1) *
					sizeof(char *));
		for (k = 0; k < m->n; k++)
			m->list[k] = __real_strdup((*list)[k]);
		return m->n;
	}
	*list = NULL;
	if (m->n <= 0)
		return m->n;
	*list = __real_malloc((size_t)m->n * sizeof(char *));
	for (k = 0; k < m->n; k++)
		(*list)[k] = __real_strdup(m->list[k]);
	return m->n;
}

/* ------------------------------------------------------------- the runs */

static const char *data_dir, *rules_dir;
static char model_path[4096];
static int quiet;
static long problems;

struct fixture {
	const char *path;
	char *text;
	size_t len;
	char *expect; /* what a run without failure writes */
	size_t expect_len;
};

static struct fixture *fx;
static size_t nfx;

static void
problem(long n, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "alloc_fail: n=%ld: ", n);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	problems++;
}

static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *p = NULL;
	long n;

	if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 ||
	    fseek(f, 0, SEEK_SET) != 0 || (p = malloc((size_t)n + 1)) == NULL ||
	    fread(p, 1, (size_t)n, f) != (size_t)n) {
		fprintf(stderr, "alloc_fail: %s: cannot read\n", path);
		exit(2);
	}
	fclose(f);
	p[n] = '\0';
	*len = (size_t)n;
	return p;
}

/* Everything a run makes of one fixture, as text: each finding with its
 * position, message and suggestions, the fixed text, and the reports of
 * every format. Allocation failures inside the report writers that have
 * no way to say so show up here as a difference. Returns 0 if a call
 * failed with VN_ENOMEM (nothing written), 1 if it succeeded, -1 if it
 * failed otherwise (a problem is reported). */
static int
run_fixture(long n, vn_ctx *ctx, const struct fixture *f, FILE *o)
{
	vn_lint_options lo;
	vn_result *r = NULL;
	vn_status st;
	char *fixed = NULL;
	size_t flen = 0, applied = 0, i, j;
	struct report_totals tot;
	struct sarif_log sl;

	memset(&lo, 0, sizeof(lo));
	lo.markup = vn_markup_for_path(f->path);
	st = vn_lint_ex(ctx, f->text, f->len, &lo, &r);
	if (st != VN_OK) {
		if (r != NULL)
			problem(n, "%s: vn_lint_ex failed yet set a result",
				f->path);
		if (st != VN_ENOMEM) {
			problem(n, "%s: vn_lint_ex: %s", f->path,
				vn_strerror(st));
			return -1;
		}
		return 0;
	}
	fprintf(o, "== %s: %zu findings\n", f->path, vn_result_count(r));
	for (i = 0; i < vn_result_count(r); i++) {
		const vn_diag *d = vn_result_at(r, i);

		fprintf(o, "%zu:%zu-%zu:%zu @%zu+%zu %s %s %d: %s", vn_diag_line(d),
			vn_diag_column(d), vn_diag_end_line(d),
			vn_diag_end_column(d), vn_diag_byte_offset(d),
			vn_diag_byte_length(d), vn_severity_name(vn_diag_severity(d)),
			vn_diag_rule(d), vn_diag_fix_safe(d), vn_diag_message(d));
		for (j = 0; j < vn_diag_suggestion_count(d); j++)
			fprintf(o, " | %s", vn_diag_suggestion(d, j));
		fputc('\n', o);
	}
	st = vn_apply_fixes(f->text, f->len, r, &fixed, &flen, &applied);
	if (st == VN_OK) {
		fprintf(o, "-- fixed (%zu fixes, %zu bytes)\n", applied, flen);
		fwrite(fixed, 1, flen, o);
		free(fixed);
	} else {
		if (fixed != NULL)
			problem(n, "%s: vn_apply_fixes failed yet set *out",
				f->path);
		if (st != VN_ENOMEM)
			problem(n, "%s: vn_apply_fixes: %s", f->path,
				vn_strerror(st));
		vn_result_free(r);
		return st == VN_ENOMEM ? 0 : -1;
	}
	memset(&tot, 0, sizeof(tot));
	tot.files = 1;
	tot.errors = vn_result_count_severity(r, VN_SEV_ERROR);
	tot.warnings = vn_result_count_severity(r, VN_SEV_WARNING);
	tot.infos = vn_result_count_severity(r, VN_SEV_INFO);
	fputs("-- text\n", o);
	out_text_file(o, f->path, f->text, f->len, r, 1, VN_LANG_EN);
	out_text_summary(o, &tot, 0, VN_LANG_EN);
	fputs("-- gnu\n", o);
	out_gnu_file(o, f->path, r);
	fputs("-- json\n", o);
	out_json_begin(o);
	out_json_file(o, 1, f->path, f->text, f->len, r);
	out_json_end(o, &tot);
	fputs("-- jsonl\n", o);
	out_jsonl_file(o, f->path, f->text, f->len, r);
	fputs("-- sarif\n", o);
	out_sarif_begin(&sl, o, ctx, VN_LANG_VI);
	out_sarif_file(&sl, f->path, f->text, f->len, r);
	out_sarif_end(&sl, 1);
	fputs("-- diff\n", o);
	if (out_diff_file(o, f->path, f->text, f->len, r) < 0) {
		/* Its documented failure: the command reports it. */
		vn_result_free(r);
		return 0;
	}
	vn_result_free(r);
	return 1;
}

/* The length of the line at s (without its newline). */
static int
line_len(const char *s, const char *end)
{
	const char *nl = memchr(s, '\n', (size_t)(end - s));

	return (int)((nl ? nl : end) - s);
}

/* Report the first line where got differs from want. */
static void
differs(long n, const char *path, const char *got, size_t glen,
	const char *want, size_t wlen)
{
	size_t d = 0, ls = 0;

	while (d < glen && d < wlen && got[d] == want[d]) {
		if (got[d] == '\n')
			ls = d + 1;
		d++;
	}
	problem(n,
		"%s: succeeded with a different output:\n  got:  %.*s\n  want: "
		"%.*s",
		path, line_len(got + ls, got + glen), got + ls,
		line_len(want + ls, want + wlen), want + ls);
}

/* Run every fixture with the n-th call failing (0: none) and compare with
 * what a run without failure writes. Returns whether the failure was hit. */
static int
run_all(long n, vn_ctx *ctx, int record)
{
	char *buf = NULL;
	size_t len = 0, k;
	int rc;
	FILE *o;

	for (k = 0; k < nfx; k++) {
		disarm();
		o = open_memstream(&buf, &len);
		if (o == NULL) {
			perror("alloc_fail: open_memstream");
			exit(2);
		}
		if (n)
			armed = 1;
		rc = run_fixture(n, ctx, &fx[k], o);
		disarm();
		fclose(o);
		if (record) {
			if (rc != 1) {
				fprintf(stderr, "alloc_fail: %s: fails without "
						"an injected failure\n",
					fx[k].path);
				exit(2);
			}
			fx[k].expect = buf;
			fx[k].expect_len = len;
			buf = NULL;
			continue;
		}
		if (rc == 1 && (len != fx[k].expect_len ||
				memcmp(buf, fx[k].expect, len) != 0))
			differs(n, fx[k].path, buf, len, fx[k].expect,
				fx[k].expect_len);
		free(buf);
		buf = NULL;
	}
	return hit;
}

static vn_status
make_ctx(vn_ctx **ctx, vn_model **model, char *err, size_t errsz)
{
	vn_options o;
	vn_status st;

	memset(&o, 0, sizeof(o));
	o.data_dir = data_dir;
	*model = NULL;
	st = vn_ctx_new(ctx, &o, err, errsz);
	if (st == VN_OK)
		st = vn_ctx_load_rules(*ctx, rules_dir, err, errsz);
	if (st == VN_OK)
		st = vn_model_load(model, model_path, err, errsz);
	if (st == VN_OK)
		vn_ctx_set_model(*ctx, *model);
	return st;
}

static long step = 1;

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void
report(const char *sweep, long last, long calls, double t0)
{
	fprintf(stderr,
		"alloc_fail: %s sweep: n = 1..%ld%s of %ld calls, %.1f s\n",
		sweep, last, step > 1 ? " (a stride)" : "", calls, now() - t0);
}

/* Does an error message say that memory ran out? */
static int
says_nomem(const char *err)
{
	return strstr(err, "out of memory") != NULL ||
	       strstr(err, strerror(ENOMEM)) != NULL;
}

/* Context creation: vn_ctx_new, the shipped packs and the model. */
static void
sweep_ctx(void)
{
	vn_ctx *ctx;
	vn_model *model;
	vn_status st;
	char err[1024];
	size_t live0 = set_n;
	long n, calls = 0;
	double t0 = now();

	for (n = only ? only : 1;; n += step) {
		err[0] = '\0';
		arm(n);
		st = make_ctx(&ctx, &model, err, sizeof(err));
		disarm();
		if (!hit)
			calls = counter;
		/* Loading reports running out of memory as a data or rule
		 * error whose message says so (vn_ctx_new's VN_EDICT,
		 * vn_ctx_load_rules' VN_ERULE). */
		if (st != VN_OK && st != VN_ENOMEM &&
		    !((st == VN_EDICT || st == VN_ERULE) && says_nomem(err)))
			problem(n, "context: %s (%s)", vn_strerror(st), err);
		else if (st != VN_OK && !hit)
			problem(n, "context: %s with no failure (%s)",
				vn_strerror(st), err);
		else if (st == VN_OK && hit)
			/* Absorbed: the context must work as well. */
			run_all(n, ctx, 0);
		vn_ctx_free(ctx);
		vn_model_free(model);
		if (set_n != live0) {
			problem(n, "context: %zu blocks leaked", set_n - live0);
			live0 = set_n;
		}
		if (!hit || only)
			break;
	}
	report("ctx", n - 1, calls, t0);
}

/* Lint, fixes and reports with a context that is reused. */
static void
sweep_lint(vn_ctx *ctx)
{
	size_t live0;
	long n, calls = 0;
	double t0 = now();

	/* Caches filled: a run without failure allocates nothing that
	 * outlives it. */
	run_all(0, ctx, 0);
	live0 = set_n;
	for (n = only ? only : 1;; n += step) {
		arm(n);
		disarm();
		run_all(n, ctx, 0);
		if (!hit)
			calls = counter;
		if (set_n != live0) {
			problem(n, "lint: %zu blocks leaked", set_n - live0);
			live0 = set_n;
		}
		if (!hit || only)
			break;
		if (!quiet && n % 1000 == 0)
			fprintf(stderr, "alloc_fail: lint n=%ld\n", n);
	}
	report("lint", n - 1, calls, t0);
}

/* The lint sweep in children forked from a context that linted nothing:
 * each n starts with empty caches. The child checks its own leaks (with
 * the context freed) and exits 0, 1 (a problem) or dies. */
static void
sweep_cold(void)
{
	vn_ctx *ctx;
	vn_model *model;
	char err[1024];
	long n, calls = 0;
	double t0 = now();
	size_t live0;
	int status;
	pid_t pid;

	live0 = set_n;
	if (make_ctx(&ctx, &model, err, sizeof(err)) != VN_OK) {
		fprintf(stderr, "alloc_fail: %s\n", err);
		exit(2);
	}
	/* en_US is loaded at the first English look-up (100 ms): once,
	 * here, which caches the one word "the". */
	vni_dict_en_has(ctx->dict, "the", 3);
	for (n = only ? only : 1;; n += step) {
		fflush(stderr);
		pid = fork();
		if (pid < 0) {
			perror("alloc_fail: fork");
			exit(2);
		}
		if (pid == 0) {
			int h;

			arm(n);
			disarm();
			h = run_all(n, ctx, 0);
			keep_hunspell = 1;
			vn_ctx_free(ctx);
			vn_model_free(model);
			if (set_n != live0)
				problem(n, "cold: %zu blocks leaked", set_n - live0);
			/* 0 clean and hit, 1 problem, 2 clean and not hit */
			_exit(problems ? 1 : h ? 0 : 2);
		}
		if (waitpid(pid, &status, 0) != pid) {
			perror("alloc_fail: waitpid");
			exit(2);
		}
		if (WIFSIGNALED(status))
			problem(n, "cold: killed by signal %d", WTERMSIG(status));
		else if (WEXITSTATUS(status) == 1)
			problems++;
		else if (WEXITSTATUS(status) == 2)
			break;
		if (only)
			break;
		if (!quiet && n % 1000 == 0)
			fprintf(stderr, "alloc_fail: cold n=%ld\n", n);
	}
	/* How many calls a cold run makes. */
	arm(-1);
	run_all(-1, ctx, 0);
	disarm();
	calls = counter;
	vn_ctx_free(ctx);
	vn_model_free(model);
	report("cold", n - 1, calls, t0);
}

int
main(int argc, char **argv)
{
	const char *sweeps = "ctx,lint,cold";
	vn_ctx *ctx;
	vn_model *model;
	char err[1024];
	size_t k, live0;
	int opt;

	while ((opt = getopt(argc, argv, "qs:e:t:n:")) != -1) {
		if (opt == 'q')
			quiet = 1;
		else if (opt == 's')
			sweeps = optarg;
		else if (opt == 't')
			trace_at = atol(optarg);
		else if (opt == 'n')
			only = atol(optarg);
		else if (opt == 'e')
			step = atol(optarg) > 0 ? atol(optarg) : 1;
		else
			return 2;
	}
	if (argc - optind < 3) {
		fprintf(stderr, "usage: alloc_fail [-q] [-s ctx,lint,cold] "
				"[-e STEP] DATA_DIR RULES_DIR FIXTURE...\n");
		return 2;
	}
	live0 = set_n;
	data_dir = argv[optind];
	rules_dir = argv[optind + 1];
	snprintf(model_path, sizeof(model_path), "%s/vi.model", data_dir);
	nfx = (size_t)(argc - optind - 2);
	fx = calloc(nfx, sizeof(*fx));
	if (fx == NULL)
		return 2;
	for (k = 0; k < nfx; k++) {
		fx[k].path = argv[optind + 2 + (int)k];
		fx[k].text = slurp(fx[k].path, &fx[k].len);
	}
	/* What a run without failure writes. */
	if (make_ctx(&ctx, &model, err, sizeof(err)) != VN_OK) {
		fprintf(stderr, "alloc_fail: %s\n", err);
		return 2;
	}
	run_all(0, ctx, 1);
	if (strstr(sweeps, "ctx"))
		sweep_ctx();
	if (strstr(sweeps, "lint"))
		sweep_lint(ctx);
	vn_ctx_free(ctx);
	vn_model_free(model);
	if (strstr(sweeps, "cold"))
		sweep_cold();
	for (k = 0; k < nfx; k++) {
		free(fx[k].text);
		free(fx[k].expect);
	}
	free(fx);
	if (set_n != live0)
		problem(0, "%zu blocks still live at the end", set_n - live0);
	fprintf(stderr, "alloc_fail: %s\n",
		problems ? "PROBLEMS FOUND" : "every run clean");
	return problems ? 1 : 0;
}
