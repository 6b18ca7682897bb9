/* SPDX-License-Identifier: MIT */
/*
 * vnlint(1): the command line. Parses options, walks paths, reads files and
 * hands them to the library; all linting happens in libvnlint.
 */
#define _XOPEN_SOURCE 700
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "corpus.h"
#include "lsp.h"
#include "output.h"
#include "vnlint.h"

#ifndef VN_RULESDIR
#define VN_RULESDIR "/usr/local/share/vnlint/rules"
#endif

/* Exit statuses, documented in --help, README and vnlint(1). */
enum { EXIT_CLEAN = 0, EXIT_FOUND = 1, EXIT_TROUBLE = 2 };

enum format { FMT_TEXT, FMT_JSON, FMT_JSONL, FMT_GNU, FMT_SARIF };

struct opts {
	enum format format;
	vn_severity fail_on;
	int quiet, color;
	vn_lang lang;
	const char *stdin_name; /* --stdin-filename: name and type of "-" */
	enum { FIX_NONE, FIX_WRITE, FIX_DIFF } fix;
};

/* What every context gets from the command line. */
struct recipe {
	vn_options vo;
	const char *shipped; /* the shipped rule packs, or NULL */
	const char **rule_dirs;
	int nrule_dirs;
	const char **boilerplate; /* --boilerplate files */
	int nboilerplate;
	const char **toggles;
	const int *toggle_on;
	int ntoggles;
	const vn_model *model; /* NULL: no context check */
	double threshold;      /* < 0: the library's default */
	vn_profile profile;
};

/* A .vnlint.ini and the context (and model) built for it. */
struct configured {
	struct vn_config cfg;
	vn_ctx *ctx;
	vn_model *model; /* the configuration's own model, if it names one */
};

struct run {
	const struct opts *o;
	const struct recipe *recipe;
	vn_ctx *ctx; /* for files no configuration governs */
	struct configured *conf;
	size_t nconf;
	const char *config_file; /* --config FILE: for every file */
	int no_config, fail_on_given, model_given;
	struct report_totals totals;
	int trouble, found, json_first;
	struct sarif_log sarif;
};

/* Build a context: data, shipped packs and --rules, then the
 * configuration (if any), then --enable/--disable, which win. */
static vn_status
build_ctx(const struct recipe *rc, const struct vn_config *cfg, vn_ctx **out,
	  char *err, size_t errsz)
{
	vn_status st = vn_ctx_new(out, &rc->vo, err, errsz);
	int i;

	if (st == VN_OK && rc->shipped)
		st = vn_ctx_load_rules(*out, rc->shipped, err, errsz);
	for (i = 0; st == VN_OK && i < rc->nrule_dirs; i++)
		st = vn_ctx_load_rules(*out, rc->rule_dirs[i], err, errsz);
	for (i = 0; st == VN_OK && i < rc->nboilerplate; i++)
		st = vn_ctx_add_boilerplate(*out, rc->boilerplate[i], err, errsz);
	if (st == VN_OK && cfg)
		st = config_apply(cfg, *out, err, errsz);
	if (st == VN_OK) {
		vn_ctx_set_model(*out, rc->model);
		vn_ctx_set_context(*out, rc->threshold, rc->profile);
	}
	for (i = 0; st == VN_OK && i < rc->ntoggles; i++)
		if (vn_ctx_set_rule_enabled(*out, rc->toggles[i], rc->toggle_on[i]) !=
		    VN_OK) {
			snprintf(err, errsz, "unknown rule '%s' (see --list-rules)",
				 rc->toggles[i]);
			st = VN_EINVAL;
		}
	if (st != VN_OK) {
		vn_ctx_free(*out);
		*out = NULL;
	}
	return st;
}

/* The configuration governing file (NULL: none) and its context. */
static vn_ctx *
context_for(struct run *r, const char *file, const struct vn_config **cfg)
{
	char path[PATH_MAX], err[1024];
	struct configured *c;
	size_t i;
	void *p;

	*cfg = NULL;
	if (r->no_config)
		return r->ctx;
	if (r->config_file)
		snprintf(path, sizeof(path), "%s", r->config_file);
	else if (!config_find(strcmp(file, "-") == 0 ? "." : file, path,
			      sizeof(path)))
		return r->ctx;
	for (i = 0; i < r->nconf; i++)
		if (strcmp(r->conf[i].cfg.path, path) == 0) {
			*cfg = r->conf[i].ctx ? &r->conf[i].cfg : NULL;
			return r->conf[i].ctx;
		}
	p = realloc(r->conf, (r->nconf + 1) * sizeof(*r->conf));
	if (p == NULL) {
		fprintf(stderr, "vnlint: out of memory\n");
		r->trouble = 1;
		return NULL;
	}
	r->conf = p;
	c = &r->conf[r->nconf++];
	memset(c, 0, sizeof(*c));
	/* A broken configuration is remembered too: reported once. */
	if (!config_load(&c->cfg, path, err, sizeof(err)) ||
	    build_ctx(r->recipe, &c->cfg, &c->ctx, err, sizeof(err)) != VN_OK ||
	    (c->cfg.model &&
	     vn_model_load(&c->model, c->cfg.model, err, sizeof(err)) != VN_OK)) {
		vn_ctx_free(c->ctx);
		c->ctx = NULL;
		fprintf(stderr, "vnlint: %s\n", err);
		r->trouble = 1;
		if (c->cfg.path == NULL)
			c->cfg.path = strdup(path);
		return NULL;
	}
	/* --model and --no-model on the command line win. */
	if (c->model && !r->model_given)
		vn_ctx_set_model(c->ctx, c->model);
	*cfg = &c->cfg;
	return c->ctx;
}

static const char usage[] =
	"Usage: vnlint [OPTIONS] PATH...\n"
	"Lint Vietnamese text for OCR, machine-translation and typing damage.\n"
	"\n"
	"PATH is a file, a directory (searched recursively for *.txt and *.md)\n"
	"or - for standard input.\n"
	"\n"
	"Options:\n"
	"  -f, --format FMT     output format: text (default), json, jsonl (a JSON\n"
	"                       object per line), gnu (file:line:col: lines) or\n"
	"                       sarif (SARIF 2.1.0)\n"
	"      --fail-on LEVEL  exit 1 on findings at or above LEVEL:\n"
	"                       error (default), warning or info\n"
	"      --disable RULE   turn off a rule, a pack (\"spelling\") or \"all\"\n"
	"      --enable RULE    turn a rule or pack back on\n"
	"      --list-rules     list the rules with their default severity\n"
	"      --lsp            run a Language Server Protocol server on stdio\n"
	"      --explain RULE   explain what a rule reports and why\n"
	"      --rules DIR      also load the rule packs (*.rules) in DIR\n"
	"      --boilerplate FILE  also report the web-page residue lines listed\n"
	"                       in FILE (format: dict/README.md); repeatable\n"
	"      --no-default-rules  do not load the shipped rule packs\n"
	"      --config FILE    use this configuration for every file (default:\n"
	"                       the nearest .vnlint.ini above each file)\n"
	"      --no-config      use no configuration file\n"
	"      --model FILE     syllable model for context/unlikely-syllable\n"
	"                       (default: the shipped vi.model); --no-model: none\n"
	"      --context-threshold X  how sure the context check must be (a\n"
	"                       log-likelihood ratio; higher: fewer findings)\n"
	"      --profile P      confusions the context check tries: ocr (default)\n"
	"                       or typing (adds s/x, ch/tr, d/gi/r, l/n, n/ng, t/c)\n"
	"  vnlint train [-o MODEL] PATH...  build a model from clean text\n"
	"      --corpus         corpus mode: read JSON Lines documents (PATH...\n"
	"                       or standard input, plain, gzip or zstd) and write\n"
	"                       one record per input line (docs/corpus-mode.md):\n"
	"        --emit MODE    attributes (default), annotate or filter\n"
	"        --input KIND   jsonl (default) or lines (a document per line)\n"
	"        --text-key K, --id-key K  member names (text, id)\n"
	"        --min-score X  with --emit filter: keep documents scoring >= X\n"
	"        --spans WHICH  all (default) or none\n"
	"        --offsets UNIT codepoint (default) or byte\n"
	"        --max-doc-bytes N  longer lines get an error record (16 MiB)\n"
	"        --weights RULE=W  weigh a rule or pack in the score; repeatable\n"
	"        --stats FILE   write the run's totals to FILE as JSON\n"
	"  -j, --jobs N         lint with N threads (output order unchanged)\n"
	"      --test-rules [DIR...]  check the examples of every rule (of the\n"
	"                       packs in DIR only, if given) and exit\n"
	"      --lang LANG      language of messages: vi or en (default from LANG)\n"
	"      --color WHEN     colour text output: auto (default), always, never\n"
	"      --fix            apply the safe fixes to the files (standard input:\n"
	"                       print the fixed text) and report what is left\n"
	"      --diff, --fix-dry-run  print the safe fixes as a unified diff\n"
	"  -q, --quiet          print no report; only the exit status tells\n"
	"      --stdin-filename NAME  report standard input as NAME (and lint it\n"
	"                       as Markdown if NAME ends in .md)\n"
	"      --data-dir DIR   vnlint data files (default: found automatically)\n"
	"      --hunspell-dir DIR  hunspell dictionaries (default /usr/share/hunspell)\n"
	"  -V, --version        print the version\n"
	"  -h, --help           print this help\n"
	"\n"
	"Exit status: 0 no finding at or above the --fail-on level (--test-rules:\n"
	"every example passed); 1 at least one (a failing example); 2 usage\n"
	"error, unreadable path, broken rule pack or internal failure.\n"
	"--corpus: 0 the run completed, whatever was found; 2 usage error;\n"
	"3 input unreadable or output unwritable.\n";

static int
die_usage(const char *fmt, const char *arg)
{
	fputs("vnlint: ", stderr);
	fprintf(stderr, fmt, arg);
	fputs("\nTry 'vnlint --help'.\n", stderr);
	return EXIT_TROUBLE;
}

static int
is_dir(const char *p)
{
	struct stat st;

	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* A data directory: $env, else next to the executable (in a checkout
 * build/vnlint finds ../checkout_dir; a relocated install finds
 * ../share/vnlint/installed_dir), else NULL: the compiled-in default. */
static const char *
find_dir(const char *env_name, const char *checkout_dir,
	 const char *installed_dir, char *buf, size_t sz)
{
	const char *env = getenv(env_name);
	char exe[PATH_MAX], *slash;
	ssize_t n;

	if (env && *env)
		return env;
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0) {
		exe[n] = '\0';
		slash = strrchr(exe, '/');
		if (slash) {
			*slash = '\0';
			if ((size_t)snprintf(buf, sz, "%s/../%s", exe, checkout_dir) <
				    sz &&
			    is_dir(buf))
				return buf;
			if ((size_t)snprintf(buf, sz, "%s/../share/vnlint%s", exe,
					     installed_dir) < sz &&
			    is_dir(buf))
				return buf;
		}
	}
	return NULL;
}

/* "build/../rules" as "rules": resolved, and relative to the working
 * directory when inside it, so messages name files as a user would. */
static const char *
tidy_path(const char *path, char *buf, size_t sz)
{
	char real[PATH_MAX], cwd[PATH_MAX];
	size_t n;

	if (realpath(path, real) == NULL || getcwd(cwd, sizeof(cwd)) == NULL)
		return path;
	n = strlen(cwd);
	if (strncmp(real, cwd, n) == 0 && real[n] == '/')
		snprintf(buf, sz, "%s", real + n + 1);
	else
		snprintf(buf, sz, "%s", real);
	return buf;
}

static vn_lang
lang_from_env(void)
{
	const char *vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
	const char *v;
	size_t i;

	for (i = 0; i < 3; i++) {
		v = getenv(vars[i]);
		if (v && *v)
			return strncmp(v, "vi", 2) == 0 ? VN_LANG_VI : VN_LANG_EN;
	}
	return VN_LANG_EN;
}

/* Read a whole stream; returns NULL (errno set) on failure. */
static char *
slurp(FILE *f, size_t *len)
{
	size_t cap = 1 << 16, n = 0, got;
	char *buf = malloc(cap), *p;

	if (buf == NULL)
		return NULL;
	while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n == cap) {
			if (cap > SIZE_MAX / 2) {
				free(buf);
				errno = EFBIG;
				return NULL;
			}
			p = realloc(buf, cap * 2);
			if (p == NULL) {
				free(buf);
				return NULL;
			}
			buf = p;
			cap *= 2;
		}
	}
	if (ferror(f)) {
		free(buf);
		return NULL;
	}
	*len = n;
	return buf;
}

/* --fix and --diff. Returns 1 when the report should go on with *res (the
 * re-linted fixed text in *fixed), 0 when the file is done. */
static int
fix(struct run *r, vn_ctx *ctx, const char *path, int from_stdin,
    const char *buf, size_t len, vn_result **res, char **fixed,
    size_t *fixed_len)
{
	vn_lint_options lo;
	size_t applied = 0;
	int rc;

	if (r->o->fix == FIX_DIFF) {
		rc = out_diff_file(stdout, path, buf, len, *res);
		if (rc < 0) {
			fprintf(stderr, "vnlint: %s: out of memory\n", path);
			r->trouble = 1;
		}
		r->found |= rc > 0; /* like diff(1): 1 means there are changes */
		return 0;
	}
	if (vn_apply_fixes(buf, len, *res, fixed, fixed_len, &applied) != VN_OK) {
		fprintf(stderr, "vnlint: %s: out of memory\n", path);
		r->trouble = 1;
		return 0;
	}
	if (from_stdin) {
		/* A filter: the fixed text, and nothing else, on stdout. */
		fwrite(*fixed, 1, *fixed_len, stdout);
		return 0;
	}
	if (applied == 0)
		return 1;
	if (fix_write_file(path, buf, len, *fixed, *fixed_len) != 0) {
		r->trouble = 1;
		return 0;
	}
	if (!r->o->quiet)
		fprintf(stderr, "vnlint: %s: %zu fix%s applied\n", path, applied,
			applied == 1 ? "" : "es");
	/* Report what is left in the fixed file. */
	vn_result_free(*res);
	*res = NULL;
	memset(&lo, 0, sizeof(lo));
	lo.markup = vn_markup_for_path(path);
	if (vn_lint_ex(ctx, *fixed, *fixed_len, &lo, res) != VN_OK) {
		fprintf(stderr, "vnlint: %s: cannot lint the fixed text\n", path);
		r->trouble = 1;
		return 0;
	}
	return 2;
}

/* Report the lint of one file (fixing it first with --fix or --diff).
 * ctx is the file's context; st and res what vn_lint_ex gave. */
static void
report_buffer(struct run *r, const char *path, int from_stdin, vn_ctx *ctx,
	      const struct vn_config *cfg, const char *buf, size_t len,
	      vn_status st, vn_result *res)
{
	char *fixed = NULL;
	size_t fixed_len = 0;
	int go_on;
	vn_severity fail_on = r->o->fail_on;

	if (!r->fail_on_given && cfg && cfg->fail_on >= 0)
		fail_on = (vn_severity)cfg->fail_on;
	if (st == VN_OK && r->o->fix != FIX_NONE) {
		go_on = fix(r, ctx, path, from_stdin, buf, len, &res, &fixed,
			    &fixed_len);
		if (!go_on) {
			vn_result_free(res);
			free(fixed);
			return;
		}
		if (go_on == 2) {
			buf = fixed;
			len = fixed_len;
		}
	}

	if (st == VN_EBINARY) {
		if (!r->o->quiet)
			fprintf(stderr, "vnlint: %s: binary file (NUL bytes), skipped\n",
				path);
		return;
	}
	if (st != VN_OK) {
		fprintf(stderr, "vnlint: %s: %s\n", path, vn_strerror(st));
		r->trouble = 1;
		return;
	}
	r->totals.files++;
	r->totals.errors += vn_result_count_severity(res, VN_SEV_ERROR);
	r->totals.warnings += vn_result_count_severity(res, VN_SEV_WARNING);
	r->totals.infos += vn_result_count_severity(res, VN_SEV_INFO);
	for (size_t s = fail_on; s <= VN_SEV_ERROR; s++)
		if (vn_result_count_severity(res, (vn_severity)s))
			r->found = 1;
	if (!r->o->quiet) {
		if (r->o->format == FMT_JSON) {
			out_json_file(stdout, r->json_first, path, buf, len, res);
			r->json_first = 0;
		} else if (r->o->format == FMT_JSONL) {
			out_jsonl_file(stdout, path, buf, len, res);
		} else if (r->o->format == FMT_GNU) {
			out_gnu_file(stdout, path, res);
		} else if (r->o->format == FMT_SARIF) {
			out_sarif_file(&r->sarif, path, buf, len, res);
		} else {
			out_text_file(stdout, path, buf, len, res, r->o->color,
				      r->o->lang);
		}
	}
	vn_result_free(res);
	free(fixed);
}

static vn_status
lint_with(vn_ctx *ctx, const char *path, const char *buf, size_t len,
	  vn_result **res)
{
	vn_lint_options lo;

	memset(&lo, 0, sizeof(lo));
	lo.markup = vn_markup_for_path(path);
	return vn_lint_ex(ctx, buf, len, &lo, res);
}

static void
lint_buffer(struct run *r, const char *path, int from_stdin, const char *buf,
	    size_t len)
{
	vn_result *res = NULL;
	vn_status st;
	const struct vn_config *cfg;
	vn_ctx *ctx = context_for(r, path, &cfg);

	if (ctx == NULL)
		return; /* a broken configuration, already reported */
	st = lint_with(ctx, path, buf, len, &res);
	report_buffer(r, path, from_stdin, ctx, cfg, buf, len, st, res);
}

static void
lint_file(struct run *r, const char *path)
{
	FILE *f;
	char *buf;
	size_t len = 0;
	int from_stdin = strcmp(path, "-") == 0;

	if (from_stdin) {
		buf = slurp(stdin, &len);
		path = r->o->stdin_name ? r->o->stdin_name : "<stdin>";
	} else {
		f = fopen(path, "rb");
		if (f == NULL) {
			fprintf(stderr, "vnlint: %s: %s\n", path, strerror(errno));
			r->trouble = 1;
			return;
		}
		buf = slurp(f, &len);
		fclose(f);
	}
	if (buf == NULL) {
		fprintf(stderr, "vnlint: %s: %s\n", path, strerror(errno));
		r->trouble = 1;
		return;
	}
	lint_buffer(r, path, from_stdin, buf, len);
	free(buf);
}

/* Does the file's configuration ignore it (in a directory walk)? */
static int
ignored(struct run *r, const char *path)
{
	const struct vn_config *cfg;

	return context_for(r, path, &cfg) != NULL && cfg != NULL &&
	       config_ignores(cfg, path);
}

static int
wanted(const char *name)
{
	size_t n = strlen(name);

	return (n > 4 && strcmp(name + n - 4, ".txt") == 0) ||
	       (n > 3 && strcmp(name + n - 3, ".md") == 0);
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Walk a directory in sorted order, so output is deterministic, calling
 * visit for each *.txt and *.md file. Symbolic links to directories are
 * not followed: no loops. Returns 0 if some entry could not be read. */
static void
walk_fail(void (*fail)(void *, const char *, int), void *ud, const char *path,
	  int err)
{
	if (fail)
		fail(ud, path, err);
	else
		fprintf(stderr, "vnlint: %s: %s\n", path, strerror(err));
}

static int
walk_dir(const char *dir, void (*visit)(void *, const char *),
	 void (*fail)(void *, const char *, int), void *ud)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL, **p, path[PATH_MAX];
	size_t n = 0, cap = 0, i;
	struct stat st;
	int ok = 1;

	if (d == NULL) {
		walk_fail(fail, ud, dir, errno);
		return 0;
	}
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue; /* ., .. and hidden files such as .git */
		if (n == cap) {
			cap = cap ? cap * 2 : 32;
			p = realloc(names, cap * sizeof(*names));
			if (p == NULL)
				break;
			names = p;
		}
		names[n] = strdup(e->d_name);
		if (names[n] != NULL)
			n++;
	}
	closedir(d);
	qsort(names, n, sizeof(*names), cmp_str);
	for (i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "%s%s%s", dir,
			 dir[strlen(dir) - 1] == '/' ? "" : "/", names[i]);
		if (lstat(path, &st) != 0) {
			walk_fail(fail, ud, path, errno);
			ok = 0;
		} else if (S_ISDIR(st.st_mode)) {
			ok &= walk_dir(path, visit, fail, ud);
		} else if (wanted(names[i]) &&
			   (S_ISREG(st.st_mode) ||
			    (S_ISLNK(st.st_mode) && !is_dir(path)))) {
			visit(ud, path);
		}
		free(names[i]);
	}
	free(names);
	return ok;
}

static void
lint_visit(void *ud, const char *path)
{
	struct run *r = ud;

	if (!ignored(r, path))
		lint_file(r, path);
}

static void
lint_dir(struct run *r, const char *dir)
{
	if (!walk_dir(dir, lint_visit, NULL, r))
		r->trouble = 1;
}

/* ------------------------------------------------ contexts per thread */

/* Which of the run's contexts ctx is: -1 the run's own, i for
 * r->conf[i], -2 none (NULL: a broken configuration). */
static int
conf_index(const struct run *r, const vn_ctx *ctx)
{
	size_t i;

	for (i = 0; ctx && ctx != r->ctx && i < r->nconf; i++)
		if (r->conf[i].ctx == ctx)
			return (int)i;
	return ctx == NULL ? -2 : -1;
}

/* A new context like the run's context k (conf_index), for another
 * thread: the same recipe, configuration and model. NULL on failure,
 * with the reason in err. */
static vn_ctx *
ctx_like(const struct run *r, int k, char *err, size_t errsz)
{
	vn_ctx *ctx = NULL;

	if (build_ctx(r->recipe, k < 0 ? NULL : &r->conf[k].cfg, &ctx, err,
		      errsz) != VN_OK)
		return NULL;
	if (k >= 0 && r->conf[k].model && !r->model_given)
		vn_ctx_set_model(ctx, r->conf[k].model);
	return ctx;
}

/* ------------------------------------------------------------ --jobs */

/* A file of a parallel run, linted by a worker and reported in order by
 * the main thread, which alone writes output and touches the run. */
struct job {
	char *path;    /* as reported; a walk error when err != 0 */
	int err;       /* a walk error's errno */
	int from_stdin;
	int conf;      /* context: -1 the run's own, -2 none (a broken
			* configuration), else r->conf[conf] */
	char *buf;
	size_t len;
	int read_err;  /* errno when the file could not be read */
	vn_status st;
	vn_result *res;
	int done;
};

struct pool {
	struct run *r;
	struct job *v;
	size_t n, cap, next, written, window;
	int failed;
	pthread_mutex_t lock;
	pthread_cond_t cond;
};

struct pool_worker {
	struct pool *p;
	vn_ctx **ctx; /* per context index + 1, built when first needed */
	pthread_t thread;
	int started;
};

static struct job *
pool_add(struct pool *p, const char *path)
{
	struct job *j;

	if (p->n == p->cap) {
		size_t cap = p->cap ? 2 * p->cap : 64;
		struct job *v = realloc(p->v, cap * sizeof(*v));

		if (v == NULL) {
			p->failed = 1;
			return NULL;
		}
		p->v = v;
		p->cap = cap;
	}
	j = &p->v[p->n];
	memset(j, 0, sizeof(*j));
	j->path = strdup(path);
	if (j->path == NULL) {
		p->failed = 1;
		return NULL;
	}
	p->n++;
	return j;
}

static void
pool_file(struct pool *p, const char *path, int from_stdin)
{
	const struct vn_config *cfg;
	struct run *r = p->r;
	struct job *j;

	if (from_stdin)
		path = r->o->stdin_name ? r->o->stdin_name : "<stdin>";
	if ((j = pool_add(p, path)) == NULL)
		return;
	j->from_stdin = from_stdin;
	j->conf = conf_index(r, context_for(r, path, &cfg));
}

static void
pool_visit(void *ud, const char *path)
{
	struct pool *p = ud;

	if (!ignored(p->r, path))
		pool_file(p, path, 0);
}

static void
pool_fail(void *ud, const char *path, int err)
{
	struct job *j = pool_add(ud, path);

	if (j)
		j->err = err;
}

/* The worker's context for index k: like the run's, built once. */
static vn_ctx *
worker_ctx(struct pool_worker *w, int k)
{
	char err[1024];

	if (w->ctx[k + 1] == NULL)
		w->ctx[k + 1] = ctx_like(w->p->r, k, err, sizeof(err));
	return w->ctx[k + 1];
}

static void *
pool_work(void *arg)
{
	struct pool_worker *w = arg;
	struct pool *p = w->p;
	struct job *j;
	FILE *f;
	vn_ctx *ctx;

	for (;;) {
		pthread_mutex_lock(&p->lock);
		while (p->next < p->n && p->next >= p->written + p->window)
			pthread_cond_wait(&p->cond, &p->lock);
		j = p->next < p->n ? &p->v[p->next++] : NULL;
		pthread_mutex_unlock(&p->lock);
		if (j == NULL)
			break;
		if (j->err == 0 && j->conf != -2) {
			f = j->from_stdin ? stdin : fopen(j->path, "rb");
			j->buf = f ? slurp(f, &j->len) : NULL;
			if (j->buf == NULL)
				j->read_err = errno ? errno : EIO;
			if (f && f != stdin)
				fclose(f);
		}
		if (j->buf) {
			ctx = worker_ctx(w, j->conf);
			j->st = ctx ? lint_with(ctx, j->path, j->buf, j->len, &j->res)
				    : VN_ENOMEM;
		}
		pthread_mutex_lock(&p->lock);
		j->done = 1;
		pthread_cond_broadcast(&p->cond);
		pthread_mutex_unlock(&p->lock);
	}
	return NULL;
}

/* Lint the paths with njobs threads; the reports come out in the order
 * and the form of a run with one. */
static void
lint_parallel(struct run *r, char **paths, int npaths, int njobs)
{
	struct pool p;
	struct pool_worker *w = calloc((size_t)njobs, sizeof(*w));
	const struct vn_config *cfg;
	struct job *j;
	size_t i;
	int k, started = 0;

	memset(&p, 0, sizeof(p));
	p.r = r;
	p.window = 4 * (size_t)njobs;
	for (k = 0; k < npaths; k++) {
		if (strcmp(paths[k], "-") != 0 && is_dir(paths[k])) {
			if (!walk_dir(paths[k], pool_visit, pool_fail, &p))
				r->trouble = 1;
		} else {
			pool_file(&p, paths[k], strcmp(paths[k], "-") == 0);
		}
	}
	if (w == NULL || p.failed) {
		fputs("vnlint: out of memory\n", stderr);
		r->trouble = 1;
		goto out;
	}
	pthread_mutex_init(&p.lock, NULL);
	pthread_cond_init(&p.cond, NULL);
	for (k = 0; k < njobs; k++) {
		w[k].p = &p;
		w[k].ctx = calloc(r->nconf + 1, sizeof(*w[k].ctx));
		w[k].started = w[k].ctx &&
			       pthread_create(&w[k].thread, NULL, pool_work, &w[k]) == 0;
		started += w[k].started;
	}
	for (i = 0; i < p.n; i++) {
		j = &p.v[i];
		pthread_mutex_lock(&p.lock);
		while (!j->done && started)
			pthread_cond_wait(&p.cond, &p.lock);
		pthread_mutex_unlock(&p.lock);
		if (!j->done) {
			fputs("vnlint: cannot start a thread\n", stderr);
			r->trouble = 1;
			break;
		}
		if (j->err) {
			fprintf(stderr, "vnlint: %s: %s\n", j->path, strerror(j->err));
		} else if (j->read_err) {
			fprintf(stderr, "vnlint: %s: %s\n", j->path,
				strerror(j->read_err));
			r->trouble = 1;
		} else if (j->conf != -2) {
			vn_ctx *ctx = context_for(r, j->path, &cfg);

			report_buffer(r, j->path, j->from_stdin, ctx, cfg, j->buf,
				      j->len, j->st, j->res);
			j->res = NULL;
		}
		free(j->buf);
		j->buf = NULL;
		pthread_mutex_lock(&p.lock);
		p.written++;
		pthread_cond_broadcast(&p.cond);
		pthread_mutex_unlock(&p.lock);
	}
	for (k = 0; k < njobs; k++) {
		if (w[k].started)
			pthread_join(w[k].thread, NULL);
		for (i = 0; w[k].ctx && i <= r->nconf; i++)
			vn_ctx_free(w[k].ctx[i]);
		free(w[k].ctx);
	}
	pthread_mutex_destroy(&p.lock);
	pthread_cond_destroy(&p.cond);
out:
	for (i = 0; i < p.n; i++) {
		vn_result_free(p.v[i].res);
		free(p.v[i].buf);
		free(p.v[i].path);
	}
	free(p.v);
	free(w);
}

static int
list_rules(vn_ctx *ctx, vn_lang lang)
{
	size_t i;

	for (i = 0; i < vn_ctx_rule_count(ctx); i++)
		printf("%-40s %-8s %s%s\n", vn_ctx_rule_id(ctx, i),
		       vn_severity_name(vn_ctx_rule_severity(ctx, i)),
		       vn_ctx_rule_summary(ctx, i, lang),
		       !vn_ctx_rule_enabled(ctx, i) ? " (disabled)" : "");
	return EXIT_CLEAN;
}

static int
explain(vn_ctx *ctx, const char *id, vn_lang lang)
{
	size_t i = vn_ctx_rule_find(ctx, id);

	if (i == (size_t)-1)
		return die_usage("unknown rule '%s' (see --list-rules)", id);
	printf("%s (%s%s%s)\n%s\n\n%s\n", vn_ctx_rule_id(ctx, i),
	       vn_severity_name(vn_ctx_rule_severity(ctx, i)),
	       vn_ctx_rule_source(ctx, i) ? ", " : "",
	       vn_ctx_rule_source(ctx, i) ? vn_ctx_rule_source(ctx, i) : "",
	       vn_ctx_rule_summary(ctx, i, lang),
	       vn_ctx_rule_explanation(ctx, i, lang));
	return EXIT_CLEAN;
}

static void
print_failure(void *ud, const char *file, size_t line, const char *msg)
{
	(void)ud;
	printf("%s:%zu: %s\n", file, line, msg);
}

/* --test-rules: every example of the rules (of the packs in dirs, if any). */
static int
test_rules(vn_ctx *ctx, char **dirs, int ndirs)
{
	size_t passed = 0, failed = 0, p, f;
	vn_status st;
	int i;

	for (i = 0; i < (ndirs ? ndirs : 1); i++) {
		st = vn_ctx_test_rules(ctx, ndirs ? dirs[i] : NULL, print_failure,
				       NULL, &p, &f);
		if (st != VN_OK) {
			fprintf(stderr, "vnlint: testing rules: %s\n", vn_strerror(st));
			return EXIT_TROUBLE;
		}
		passed += p;
		failed += f;
	}
	printf("rules: %zu passed, %zu failed\n", passed, failed);
	return failed ? EXIT_FOUND : EXIT_CLEAN;
}

static const char *opt_value(int argc, char **argv, int *i, const char *name,
			     int *err);

struct training {
	vn_trainer *t;
	size_t files;
	int trouble;
};

static void
train_visit(void *ud, const char *path)
{
	struct training *tr = ud;
	FILE *f = fopen(path, "rb");
	size_t len = 0;
	char *buf = f ? slurp(f, &len) : NULL;

	if (f)
		fclose(f);
	if (buf == NULL) {
		fprintf(stderr, "vnlint: %s: %s\n", path, strerror(errno));
		tr->trouble = 1;
		return;
	}
	if (memchr(buf, '\0', len) == NULL) {
		if (vn_trainer_add(tr->t, buf, len) != VN_OK)
			tr->trouble = 1;
		tr->files++;
	}
	free(buf);
}

/* vnlint train [-o MODEL] [--min-count N] PATH... */
static int
train_main(int argc, char **argv)
{
	const char *out = "vnlint.model", *v;
	char databuf[PATH_MAX], err[1024];
	unsigned min_count = 2;
	struct training tr;
	vn_options vo;
	vn_model *m;
	vn_ctx *ctx;
	int i, npaths = 0, bad = 0;

	memset(&tr, 0, sizeof(tr));
	memset(&vo, 0, sizeof(vo));
	for (i = 1; i < argc; i++) {
		if ((v = opt_value(argc, argv, &i, "-o", &bad)) ||
		    (v = opt_value(argc, argv, &i, "--output", &bad))) {
			out = v;
		} else if ((v = opt_value(argc, argv, &i, "--min-count", &bad))) {
			min_count = (unsigned)strtoul(v, NULL, 10);
			if (min_count < 1)
				return die_usage("--min-count needs a number >= 1: %s", v);
		} else if ((v = opt_value(argc, argv, &i, "--order", &bad))) {
			if (strcmp(v, "2") != 0)
				return die_usage("only --order 2 is supported, not %s", v);
		} else if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
			fputs("Usage: vnlint train [-o MODEL] [--min-count N] "
			      "[--order 2] PATH...\n"
			      "Count syllable pairs in clean Vietnamese text (files, or "
			      "directories\nsearched for *.txt and *.md) and write a "
			      "model for --model.\n",
			      stdout);
			return EXIT_CLEAN;
		} else if (bad || argv[i][0] == '-') {
			return die_usage(bad ? "option '%s' needs a value"
					     : "unknown option '%s'",
					 argv[i]);
		} else {
			npaths++;
		}
	}
	if (npaths == 0)
		return die_usage("%s", "train: no input: give files or directories");
	vo.data_dir = find_dir("VNLINT_DATA_DIR", "dict", "", databuf,
			       sizeof(databuf));
	if (vn_ctx_new(&ctx, &vo, err, sizeof(err)) != VN_OK) {
		fprintf(stderr, "vnlint: %s\n", err);
		return EXIT_TROUBLE;
	}
	if (vn_trainer_new(&tr.t, ctx) != VN_OK) {
		vn_ctx_free(ctx);
		fputs("vnlint: out of memory\n", stderr);
		return EXIT_TROUBLE;
	}
	for (i = 1; i < argc; i++) {
		if (argv[i][0] == '-') {
			if (strcmp(argv[i], "-o") == 0 || strcmp(argv[i], "--output") == 0 ||
			    strcmp(argv[i], "--min-count") == 0 ||
			    strcmp(argv[i], "--order") == 0)
				i++; /* its value */
			continue;
		}
		if (is_dir(argv[i])) {
			if (!walk_dir(argv[i], train_visit, NULL, &tr))
				tr.trouble = 1;
		} else {
			train_visit(&tr, argv[i]);
		}
	}
	if (!tr.trouble &&
	    vn_trainer_write(tr.t, out, min_count, err, sizeof(err)) != VN_OK) {
		fprintf(stderr, "vnlint: %s\n", err);
		tr.trouble = 1;
	}
	vn_trainer_free(tr.t);
	vn_ctx_free(ctx);
	if (tr.trouble)
		return EXIT_TROUBLE;
	if (vn_model_load(&m, out, err, sizeof(err)) != VN_OK) {
		fprintf(stderr, "vnlint: %s\n", err);
		return EXIT_TROUBLE;
	}
	printf("%s: %zu files, %zu syllables, %zu pairs\n", out, tr.files,
	       vn_model_vocabulary(m), vn_model_bigrams(m));
	vn_model_free(m);
	return EXIT_CLEAN;
}

/* Return the value of an option written "--name VALUE" or "--name=VALUE". */
static const char *
opt_value(int argc, char **argv, int *i, const char *name, int *err)
{
	size_t n = strlen(name);

	if (strncmp(argv[*i], name, n) == 0 && argv[*i][n] == '=')
		return argv[*i] + n + 1;
	if (strcmp(argv[*i], name) != 0)
		return NULL;
	if (*i + 1 >= argc) {
		*err = 1;
		return NULL;
	}
	return argv[++*i];
}

/* More contexts like the one a corpus run starts with, one per thread. */
struct corpus_maker {
	const struct run *r;
	int k; /* conf_index of the first context */
};

static vn_ctx *
corpus_more(void *ud, char *err, size_t errsz)
{
	const struct corpus_maker *m = ud;

	return ctx_like(m->r, m->k, err, errsz);
}

static int
corpus_main(struct run *r, struct corpus_opts *co, char **paths, int npaths)
{
	const struct vn_config *cfg;
	vn_ctx *ctx = context_for(r, "-", &cfg);
	struct corpus_maker m = {r, conf_index(r, ctx)};

	if (ctx == NULL)
		return EXIT_TROUBLE; /* a broken configuration, reported */
	return corpus_run(co, ctx, corpus_more, &m, paths, npaths);
}

/* A whole number in [lo, hi], or -1. */
static long long
count_arg(const char *v, long long lo, long long hi)
{
	char *end;
	long long n;

	errno = 0;
	n = strtoll(v, &end, 10);
	if (errno || end == v || *end || n < lo || n > hi)
		return -1;
	return n;
}

int
main(int argc, char **argv)
{
	struct opts o = {.format = FMT_TEXT, .fail_on = VN_SEV_ERROR, .color = -1,
			 .lang = VN_LANG_EN};
	struct run r;
	vn_options vo;
	char databuf[PATH_MAX], rulesbuf[PATH_MAX], shippedbuf[PATH_MAX];
	char err[1024];
	const char *v, *explain_id = NULL, *color = "auto", *shipped;
	const char **toggles = calloc((size_t)argc + 1, sizeof(*toggles));
	int *toggle_on = calloc((size_t)argc + 1, sizeof(*toggle_on));
	char **paths = calloc((size_t)argc + 1, sizeof(*paths));
	const char **rule_dirs = calloc((size_t)argc + 1, sizeof(*rule_dirs));
	const char **boiler = calloc((size_t)argc + 1, sizeof(*boiler));
	const char **weights = calloc((size_t)argc + 1, sizeof(*weights));
	struct corpus_opts co = {.text_key = "text", .id_key = "id",
				 .max_doc_bytes = 16u << 20, .jobs = 1};
	int corpus = 0;
	const char *corpus_only = NULL; /* a corpus option, given */
	long long n;
	int i, npaths = 0, ntoggles = 0, nrule_dirs = 0, list = 0, bad = 0;
	int nboiler = 0;
	int only_paths = 0, testing = 0, default_rules = 1, rc, lsp = 0, frame;
	int no_config = 0, fail_on_given = 0, no_model = 0;
	const char *config_file = NULL, *model_path = NULL;
	double threshold = -1;
	vn_profile profile = VN_PROFILE_OCR;
	vn_model *model = NULL;
	char modelbuf[PATH_MAX];
	struct recipe recipe;
	vn_status st;

	memset(&vo, 0, sizeof(vo));
	if (argc > 1 && strcmp(argv[1], "train") == 0) {
		rc = train_main(argc - 1, argv + 1);
		goto out_early;
	}
	if (toggles == NULL || toggle_on == NULL || paths == NULL ||
	    rule_dirs == NULL || boiler == NULL || weights == NULL) {
		fputs("vnlint: out of memory\n", stderr);
		return EXIT_TROUBLE;
	}
	o.lang = lang_from_env();
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (only_paths || a[0] != '-' || strcmp(a, "-") == 0) {
			paths[npaths++] = argv[i];
		} else if (strcmp(a, "--") == 0) {
			only_paths = 1;
		} else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			fputs(usage, stdout);
			rc = EXIT_CLEAN;
			goto out_early;
		} else if (strcmp(a, "-V") == 0 || strcmp(a, "--version") == 0) {
			printf("vnlint %s\n", vn_version());
			rc = EXIT_CLEAN;
			goto out_early;
		} else if (strcmp(a, "--fix") == 0) {
			o.fix = FIX_WRITE;
		} else if (strcmp(a, "--diff") == 0 ||
			   strcmp(a, "--fix-dry-run") == 0) {
			o.fix = FIX_DIFF;
		} else if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0) {
			o.quiet = 1;
		} else if (strcmp(a, "--list-rules") == 0) {
			list = 1;
		} else if (strcmp(a, "--lsp") == 0) {
			lsp = 1;
		} else if (strcmp(a, "--test-rules") == 0) {
			testing = 1;
		} else if (strcmp(a, "--no-default-rules") == 0) {
			default_rules = 0;
		} else if (strcmp(a, "--no-config") == 0) {
			no_config = 1;
		} else if (strcmp(a, "--no-model") == 0) {
			no_model = 1;
		} else if ((v = opt_value(argc, argv, &i, "--model", &bad))) {
			model_path = v;
		} else if ((v = opt_value(argc, argv, &i, "--context-threshold",
					   &bad))) {
			char *end;

			threshold = strtod(v, &end);
			if (*end || threshold < 0) {
				rc = die_usage("--context-threshold needs a number >= 0, "
					       "not '%s'", v);
				goto out_early;
			}
		} else if ((v = opt_value(argc, argv, &i, "--profile", &bad))) {
			if (strcmp(v, "ocr") == 0)
				profile = VN_PROFILE_OCR;
			else if (strcmp(v, "typing") == 0)
				profile = VN_PROFILE_TYPING;
			else {
				rc = die_usage("unknown profile '%s' (ocr, typing)", v);
				goto out_early;
			}
		} else if (strcmp(a, "--corpus") == 0) {
			corpus = 1;
		} else if ((v = opt_value(argc, argv, &i, "--emit", &bad))) {
			corpus_only = a;
			if (strcmp(v, "attributes") == 0)
				co.emit = EMIT_ATTRIBUTES;
			else if (strcmp(v, "annotate") == 0)
				co.emit = EMIT_ANNOTATE;
			else if (strcmp(v, "filter") == 0)
				co.emit = EMIT_FILTER;
			else {
				rc = die_usage("unknown --emit mode '%s' "
					       "(attributes, annotate, filter)", v);
				goto out_early;
			}
		} else if ((v = opt_value(argc, argv, &i, "--input", &bad))) {
			corpus_only = a;
			if (strcmp(v, "jsonl") == 0 || strcmp(v, "lines") == 0)
				co.input_lines = strcmp(v, "lines") == 0;
			else {
				rc = die_usage("unknown --input kind '%s' (jsonl, lines)",
					       v);
				goto out_early;
			}
		} else if ((v = opt_value(argc, argv, &i, "--text-key", &bad))) {
			corpus_only = a;
			co.text_key = v;
		} else if ((v = opt_value(argc, argv, &i, "--id-key", &bad))) {
			corpus_only = a;
			co.id_key = v;
		} else if ((v = opt_value(argc, argv, &i, "--min-score", &bad))) {
			char *end;

			corpus_only = a;
			co.min_score = strtod(v, &end);
			if (*end || end == v || !(co.min_score >= 0) ||
			    co.min_score > 1) {
				rc = die_usage("--min-score needs a number from 0 to 1, "
					       "not '%s'", v);
				goto out_early;
			}
		} else if ((v = opt_value(argc, argv, &i, "--spans", &bad))) {
			corpus_only = a;
			if (strcmp(v, "all") == 0 || strcmp(v, "none") == 0)
				co.no_spans = strcmp(v, "none") == 0;
			else {
				rc = die_usage("unknown --spans value '%s' (all, none)", v);
				goto out_early;
			}
		} else if ((v = opt_value(argc, argv, &i, "--offsets", &bad))) {
			corpus_only = a;
			if (strcmp(v, "codepoint") == 0 || strcmp(v, "byte") == 0)
				co.byte_offsets = strcmp(v, "byte") == 0;
			else {
				rc = die_usage("unknown --offsets unit '%s' "
					       "(codepoint, byte)", v);
				goto out_early;
			}
		} else if ((v = opt_value(argc, argv, &i, "--max-doc-bytes", &bad))) {
			corpus_only = a;
			if ((n = count_arg(v, 1, (long long)1 << 40)) < 0) {
				rc = die_usage("--max-doc-bytes needs a positive number "
					       "of bytes, not '%s'", v);
				goto out_early;
			}
			co.max_doc_bytes = (size_t)n;
		} else if ((v = opt_value(argc, argv, &i, "--weights", &bad))) {
			corpus_only = a;
			weights[co.nweights++] = v;
		} else if ((v = opt_value(argc, argv, &i, "--stats", &bad))) {
			corpus_only = a;
			co.stats_path = v;
		} else if ((v = opt_value(argc, argv, &i, "--jobs", &bad)) ||
			   (v = opt_value(argc, argv, &i, "-j", &bad))) {
			if ((n = count_arg(v, 1, 256)) < 0) {
				rc = die_usage("--jobs needs a number from 1 to 256, "
					       "not '%s'", v);
				goto out_early;
			}
			co.jobs = (int)n;
		} else if ((v = opt_value(argc, argv, &i, "--config", &bad))) {
			config_file = v;
		} else if ((v = opt_value(argc, argv, &i, "--rules", &bad))) {
			rule_dirs[nrule_dirs++] = v;
		} else if ((v = opt_value(argc, argv, &i, "--boilerplate", &bad))) {
			boiler[nboiler++] = v;
		} else if ((v = opt_value(argc, argv, &i, "--format", &bad)) ||
			   (v = opt_value(argc, argv, &i, "-f", &bad))) {
			if (strcmp(v, "text") == 0)
				o.format = FMT_TEXT;
			else if (strcmp(v, "json") == 0)
				o.format = FMT_JSON;
			else if (strcmp(v, "jsonl") == 0)
				o.format = FMT_JSONL;
			else if (strcmp(v, "gnu") == 0)
				o.format = FMT_GNU;
			else if (strcmp(v, "sarif") == 0)
				o.format = FMT_SARIF;
			else {
				rc = die_usage("unknown format '%s' "
					       "(text, json, jsonl, gnu, sarif)", v);
				goto out_early;
			}
		} else if ((v = opt_value(argc, argv, &i, "--fail-on", &bad))) {
			fail_on_given = 1;
			if (strcmp(v, "error") == 0)
				o.fail_on = VN_SEV_ERROR;
			else if (strcmp(v, "warning") == 0)
				o.fail_on = VN_SEV_WARNING;
			else if (strcmp(v, "info") == 0)
				o.fail_on = VN_SEV_INFO;
			else {
				rc = die_usage("unknown level '%s' (error, warning, info)",
					       v);
				goto out_early;
			}
		} else if ((v = opt_value(argc, argv, &i, "--disable", &bad))) {
			toggles[ntoggles] = v;
			toggle_on[ntoggles++] = 0;
		} else if ((v = opt_value(argc, argv, &i, "--enable", &bad))) {
			toggles[ntoggles] = v;
			toggle_on[ntoggles++] = 1;
		} else if ((v = opt_value(argc, argv, &i, "--explain", &bad))) {
			explain_id = v;
		} else if ((v = opt_value(argc, argv, &i, "--lang", &bad))) {
			if (strcmp(v, "vi") == 0)
				o.lang = VN_LANG_VI;
			else if (strcmp(v, "en") == 0)
				o.lang = VN_LANG_EN;
			else {
				rc = die_usage("unknown language '%s' (vi, en)", v);
				goto out_early;
			}
		} else if ((v = opt_value(argc, argv, &i, "--color", &bad))) {
			color = v;
			if (strcmp(v, "auto") && strcmp(v, "always") &&
			    strcmp(v, "never")) {
				rc = die_usage("unknown colour mode '%s' "
					       "(auto, always, never)", v);
				goto out_early;
			}
		} else if ((v = opt_value(argc, argv, &i, "--stdin-filename", &bad))) {
			o.stdin_name = v;
		} else if ((v = opt_value(argc, argv, &i, "--data-dir", &bad))) {
			vo.data_dir = v;
		} else if ((v = opt_value(argc, argv, &i, "--hunspell-dir", &bad))) {
			vo.hunspell_dir = v;
		} else {
			rc = die_usage(bad ? "option '%s' needs a value"
					   : "unknown option '%s'", a);
			goto out_early;
		}
		if (bad) {
			rc = die_usage("option '%s' needs a value", a);
			goto out_early;
		}
	}
	for (i = 0; o.fix == FIX_WRITE && npaths > 1 && i < npaths; i++)
		if (strcmp(paths[i], "-") == 0) {
			rc = die_usage("%s", "--fix - filters standard input and "
					     "takes no other path");
			goto out_early;
		}
	if (corpus_only && !corpus) {
		rc = die_usage("%s works with --corpus only", corpus_only);
		goto out_early;
	}
	if (corpus && (o.fix != FIX_NONE || lsp || list || testing || explain_id)) {
		rc = die_usage("%s", "--corpus cannot be combined with --fix, --diff, "
				     "--lsp, --list-rules, --test-rules or --explain");
		goto out_early;
	}
	co.weights = weights;
	if (!list && !testing && !explain_id && !lsp && !corpus && npaths == 0) {
		rc = die_usage("%s", "no input: give a file, a directory or -");
		goto out_early;
	}
	if (strcmp(color, "always") == 0)
		o.color = 1;
	else if (strcmp(color, "never") == 0)
		o.color = 0;
	else
		o.color = isatty(STDOUT_FILENO) && getenv("NO_COLOR") == NULL;
	if (getenv("NO_COLOR") && *getenv("NO_COLOR") && strcmp(color, "always"))
		o.color = 0;

	if (vo.data_dir == NULL)
		vo.data_dir = find_dir("VNLINT_DATA_DIR", "dict", "", databuf,
				       sizeof(databuf));
	vo.lang = o.lang;
	memset(&r, 0, sizeof(r));
	r.o = &o;
	r.json_first = 1;
	r.config_file = config_file;
	r.no_config = no_config;
	r.fail_on_given = fail_on_given;
	r.model_given = no_model || model_path != NULL;
	shipped = find_dir("VNLINT_RULES_DIR", "rules", "/rules", rulesbuf,
			   sizeof(rulesbuf));
	if (shipped == NULL)
		shipped = VN_RULESDIR;
	shipped = tidy_path(shipped, shippedbuf, sizeof(shippedbuf));
	memset(&recipe, 0, sizeof(recipe));
	recipe.vo = vo;
	recipe.shipped = default_rules && is_dir(shipped) ? shipped : NULL;
	recipe.rule_dirs = rule_dirs;
	recipe.nrule_dirs = nrule_dirs;
	recipe.boilerplate = boiler;
	recipe.nboilerplate = nboiler;
	recipe.toggles = toggles;
	recipe.toggle_on = toggle_on;
	recipe.ntoggles = ntoggles;
	recipe.threshold = threshold;
	recipe.profile = profile;
	/* The shipped model sits with the data; --model replaces it. */
	if (!no_model) {
		if (model_path == NULL &&
		    (size_t)snprintf(modelbuf, sizeof(modelbuf), "%s/vi.model",
				     vo.data_dir ? vo.data_dir : VN_DATADIR) <
			    sizeof(modelbuf) &&
		    access(modelbuf, R_OK) == 0)
			model_path = modelbuf;
		if (model_path &&
		    vn_model_load(&model, model_path, err, sizeof(err)) != VN_OK) {
			fprintf(stderr, "vnlint: %s\n", err);
			rc = EXIT_TROUBLE;
			goto out_early;
		}
	}
	recipe.model = model;
	r.recipe = &recipe;
	st = build_ctx(&recipe, NULL, &r.ctx, err, sizeof(err));
	if (st == VN_EINVAL) {
		rc = die_usage("%s", err);
		goto out_early;
	}
	if (st != VN_OK) {
		/* A rule pack's message already names file:line:col. */
		if (st == VN_ERULE)
			fprintf(stderr, "vnlint: %s\n", err);
		else
			fprintf(stderr, "vnlint: %s%s%s\n", vn_strerror(st),
				*err ? ": " : "", err);
		rc = EXIT_TROUBLE;
		goto out_early;
	}
	if (lsp) {
		rc = vn_lsp_serve(r.ctx, stdin, stdout);
		vn_ctx_free(r.ctx);
		goto out_early;
	}
	if (explain_id || list || testing) {
		rc = explain_id ? explain(r.ctx, explain_id, o.lang)
		     : list	 ? list_rules(r.ctx, o.lang)
				 : test_rules(r.ctx, paths, npaths);
		vn_ctx_free(r.ctx);
		goto out_early;
	}
	if (corpus) {
		rc = corpus_main(&r, &co, paths, npaths);
		goto out_run;
	}
	/* --diff prints diffs and --fix on standard input the fixed text:
	 * neither is framed by a report. */
	frame = !o.quiet && o.fix != FIX_DIFF;
	for (i = 0; i < npaths; i++)
		if (o.fix == FIX_WRITE && strcmp(paths[i], "-") == 0)
			frame = 0;
	if (o.format == FMT_JSON && frame)
		out_json_begin(stdout);
	if (o.format == FMT_SARIF && frame)
		out_sarif_begin(&r.sarif, stdout, r.ctx, o.lang);
	if (co.jobs > 1)
		lint_parallel(&r, paths, npaths, co.jobs);
	for (i = 0; co.jobs == 1 && i < npaths; i++) {
		if (strcmp(paths[i], "-") != 0 && is_dir(paths[i]))
			lint_dir(&r, paths[i]);
		else
			lint_file(&r, paths[i]);
	}
	if (frame) {
		if (o.format == FMT_JSON)
			out_json_end(stdout, &r.totals);
		else if (o.format == FMT_SARIF)
			out_sarif_end(&r.sarif, !r.trouble);
		else if (o.format == FMT_TEXT)
			out_text_summary(stdout, &r.totals, o.color, o.lang);
	}
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "vnlint: cannot write output: %s\n", strerror(errno));
		r.trouble = 1;
	}
	rc = r.trouble ? EXIT_TROUBLE : r.found ? EXIT_FOUND : EXIT_CLEAN;
out_run:
	vn_ctx_free(r.ctx);
	for (i = 0; i < (int)r.nconf; i++) {
		vn_ctx_free(r.conf[i].ctx);
		vn_model_free(r.conf[i].model);
		config_free(&r.conf[i].cfg);
	}
	free(r.conf);
out_early:
	vn_model_free(model);
	free(rule_dirs);
	free(boiler);
	free(weights);
	free(toggles);
	free(toggle_on);
	free(paths);
	return rc;
}
