/* SPDX-License-Identifier: MIT */
/*
 * .vnlint.ini: per-project settings, found by searching upward from each
 * file, parsed with libinih. Each configuration file gets its own context,
 * built once and reused for every file it governs.
 */
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <fnmatch.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <ini.h>

#include "config.h"

#define CONFIG_NAME ".vnlint.ini"

static int
push(char ***v, size_t *n, const char *s)
{
	char **p = realloc(*v, (*n + 1) * sizeof(**v));

	if (p == NULL)
		return 0;
	*v = p;
	p[*n] = strdup(s);
	if (p[*n] == NULL)
		return 0;
	(*n)++;
	return 1;
}

/* Append the space-separated words of value to a list. */
static int
push_words(char ***v, size_t *n, const char *value)
{
	char *copy = strdup(value), *w, *save = NULL;
	int ok = copy != NULL;

	for (w = ok ? strtok_r(copy, " \t,", &save) : NULL; w && ok;
	     w = strtok_r(NULL, " \t,", &save))
		ok = push(v, n, w);
	free(copy);
	return ok;
}

static int
severity(const char *s, vn_severity *out)
{
	if (strcmp(s, "error") == 0)
		*out = VN_SEV_ERROR;
	else if (strcmp(s, "warning") == 0)
		*out = VN_SEV_WARNING;
	else if (strcmp(s, "info") == 0)
		*out = VN_SEV_INFO;
	else
		return 0;
	return 1;
}

/* A path from the configuration is relative to the file's directory. */
static int
push_path(struct vn_config *c, char ***v, size_t *n, const char *value)
{
	char *copy = strdup(value), *w, *save = NULL, buf[PATH_MAX];
	int ok = copy != NULL;

	for (w = ok ? strtok_r(copy, " \t,", &save) : NULL; w && ok;
	     w = strtok_r(NULL, " \t,", &save)) {
		if (w[0] == '/')
			ok = push(v, n, w);
		else if ((size_t)snprintf(buf, sizeof(buf), "%s/%s", c->dir, w) <
			 sizeof(buf))
			ok = push(v, n, buf);
		else
			ok = 0;
	}
	free(copy);
	return ok;
}

static int
handler(void *user, const char *section, const char *name, const char *value)
{
	struct vn_config *c = user;
	vn_severity sev;

	if (strcmp(section, "vnlint") == 0) {
		if (strcmp(name, "fail-on") == 0) {
			if (!severity(value, &sev))
				return snprintf(c->err, sizeof(c->err),
						"fail-on is error, warning or info"),
				       0;
			c->fail_on = (int)sev;
			return 1;
		}
		if (strcmp(name, "tone-placement") == 0) {
			if (strcmp(value, "any") == 0)
				c->tone = VN_TONE_ANY;
			else if (strcmp(value, "traditional") == 0)
				c->tone = VN_TONE_TRADITIONAL;
			else if (strcmp(value, "reformed") == 0)
				c->tone = VN_TONE_REFORMED;
			else
				return snprintf(c->err, sizeof(c->err),
						"tone-placement is any, traditional "
						"or reformed"),
				       0;
			return 1;
		}
		if (strcmp(name, "rules") == 0)
			return push_path(c, &c->rule_dirs, &c->nrule_dirs, value);
		if (strcmp(name, "words") == 0)
			return push_path(c, &c->word_lists, &c->nword_lists, value);
		if (strcmp(name, "boilerplate") == 0)
			return push_path(c, &c->boilerplate, &c->nboilerplate,
					 value);
		if (strcmp(name, "ignore") == 0)
			return push_words(&c->ignore, &c->nignore, value);
		if (strcmp(name, "model") == 0) {
			char buf[PATH_MAX];

			free(c->model);
			if (value[0] == '/')
				c->model = strdup(value);
			else if ((size_t)snprintf(buf, sizeof(buf), "%s/%s", c->dir,
						  value) < sizeof(buf))
				c->model = strdup(buf);
			else
				c->model = NULL;
			return c->model != NULL;
		}
		if (strcmp(name, "context-threshold") == 0) {
			char *end;

			c->threshold = strtod(value, &end);
			if (*end || c->threshold < 0)
				return snprintf(c->err, sizeof(c->err),
						"context-threshold is a number >= 0"),
				       0;
			return 1;
		}
		if (strcmp(name, "profile") == 0) {
			if (strcmp(value, "ocr") == 0)
				c->profile = VN_PROFILE_OCR;
			else if (strcmp(value, "typing") == 0)
				c->profile = VN_PROFILE_TYPING;
			else
				return snprintf(c->err, sizeof(c->err),
						"profile is ocr or typing"),
				       0;
			return 1;
		}
	} else if (strcmp(section, "rules") == 0) {
		if (strcmp(name, "disable") == 0)
			return push_words(&c->disable, &c->ndisable, value);
		if (strcmp(name, "enable") == 0)
			return push_words(&c->enable, &c->nenable, value);
		/* severity.RULE = level: one override per line */
		if (strncmp(name, "severity.", 9) == 0 && name[9] != '\0') {
			if (!severity(value, &sev))
				return snprintf(c->err, sizeof(c->err),
						"a severity is error, warning or "
						"info"),
				       0;
			if (!push(&c->sev_rule, &c->nsev, name + 9))
				return 0;
			c->sev_level = realloc(c->sev_level,
					       c->nsev * sizeof(*c->sev_level));
			if (c->sev_level == NULL)
				return 0;
			c->sev_level[c->nsev - 1] = sev;
			return 1;
		}
	} else {
		snprintf(c->err, sizeof(c->err),
			 "unknown section [%s] (vnlint, rules)", section);
		return 0;
	}
	snprintf(c->err, sizeof(c->err), "unknown key '%s' in [%s]", name,
		 section);
	return 0;
}

int
config_load(struct vn_config *c, const char *path, char *err, size_t errsz)
{
	const char *slash;
	int line;

	memset(c, 0, sizeof(*c));
	c->fail_on = -1;
	c->threshold = -1;
	c->profile = -1;
	c->path = strdup(path);
	slash = strrchr(path, '/');
	c->dir = slash ? strndup(path, (size_t)(slash - path)) : strdup(".");
	if (c->path == NULL || c->dir == NULL) {
		snprintf(err, errsz, "out of memory");
		return 0;
	}
	line = ini_parse(path, handler, c);
	if (line < 0) {
		snprintf(err, errsz, "%s: %s", path,
			 line == -1 ? strerror(errno) : "out of memory");
		return 0;
	}
	if (line > 0) {
		snprintf(err, errsz, "%s:%d: %s", path, line,
			 c->err[0] ? c->err : "syntax error");
		return 0;
	}
	return 1;
}

void
config_free(struct vn_config *c)
{
	size_t i;

	for (i = 0; i < c->nenable; i++)
		free(c->enable[i]);
	for (i = 0; i < c->ndisable; i++)
		free(c->disable[i]);
	for (i = 0; i < c->nsev; i++)
		free(c->sev_rule[i]);
	for (i = 0; i < c->nrule_dirs; i++)
		free(c->rule_dirs[i]);
	for (i = 0; i < c->nword_lists; i++)
		free(c->word_lists[i]);
	for (i = 0; i < c->nboilerplate; i++)
		free(c->boilerplate[i]);
	for (i = 0; i < c->nignore; i++)
		free(c->ignore[i]);
	free(c->enable);
	free(c->disable);
	free(c->sev_rule);
	free(c->sev_level);
	free(c->rule_dirs);
	free(c->word_lists);
	free(c->boilerplate);
	free(c->ignore);
	free(c->path);
	free(c->dir);
	free(c->model);
	memset(c, 0, sizeof(*c));
}

int
config_find(const char *file, char *out, size_t outsz)
{
	char dir[PATH_MAX], *slash;
	struct stat st;

	if (realpath(file, dir) == NULL) {
		if (getcwd(dir, sizeof(dir)) == NULL)
			return 0;
	} else if (stat(dir, &st) == 0 && !S_ISDIR(st.st_mode)) {
		slash = strrchr(dir, '/');
		if (slash)
			*slash = '\0';
	}
	for (;;) {
		if ((size_t)snprintf(out, outsz, "%s/%s", dir, CONFIG_NAME) < outsz &&
		    stat(out, &st) == 0 && S_ISREG(st.st_mode))
			return 1;
		slash = strrchr(dir, '/');
		if (slash == NULL || slash == dir)
			break;
		*slash = '\0';
	}
	/* the root directory itself */
	if ((size_t)snprintf(out, outsz, "/%s", CONFIG_NAME) < outsz &&
	    stat(out, &st) == 0 && S_ISREG(st.st_mode))
		return 1;
	return 0;
}

int
config_ignores(const struct vn_config *c, const char *file)
{
	char real[PATH_MAX], rdir[PATH_MAX];
	const char *rel;
	size_t i, n;

	if (c->nignore == 0 || realpath(file, real) == NULL ||
	    realpath(c->dir, rdir) == NULL)
		return 0;
	n = strlen(rdir);
	rel = strncmp(real, rdir, n) == 0 && real[n] == '/' ? real + n + 1 : real;
	for (i = 0; i < c->nignore; i++)
		if (fnmatch(c->ignore[i], rel, FNM_PATHNAME) == 0 ||
		    fnmatch(c->ignore[i], rel, 0) == 0)
			return 1;
	return 0;
}

vn_status
config_apply(const struct vn_config *c, vn_ctx *ctx, char *err, size_t errsz)
{
	size_t i;
	vn_status st;

	for (i = 0; i < c->nrule_dirs; i++)
		if ((st = vn_ctx_load_rules(ctx, c->rule_dirs[i], err, errsz)) != VN_OK)
			return st;
	for (i = 0; i < c->nword_lists; i++)
		if ((st = vn_ctx_add_words(ctx, c->word_lists[i], err, errsz)) != VN_OK)
			return st;
	for (i = 0; i < c->nboilerplate; i++)
		if ((st = vn_ctx_add_boilerplate(ctx, c->boilerplate[i], err,
						 errsz)) != VN_OK)
			return st;
	for (i = 0; i < c->ndisable; i++)
		if (vn_ctx_set_rule_enabled(ctx, c->disable[i], 0) != VN_OK) {
			snprintf(err, errsz, "%s: unknown rule '%s'", c->path,
				 c->disable[i]);
			return VN_EINVAL;
		}
	for (i = 0; i < c->nenable; i++)
		if (vn_ctx_set_rule_enabled(ctx, c->enable[i], 1) != VN_OK) {
			snprintf(err, errsz, "%s: unknown rule '%s'", c->path,
				 c->enable[i]);
			return VN_EINVAL;
		}
	for (i = 0; i < c->nsev; i++)
		if (vn_ctx_set_rule_severity(ctx, c->sev_rule[i], c->sev_level[i]) !=
		    VN_OK) {
			snprintf(err, errsz, "%s: unknown rule '%s'", c->path,
				 c->sev_rule[i]);
			return VN_EINVAL;
		}
	if (c->tone != VN_TONE_ANY)
		vn_ctx_set_tone_policy(ctx, c->tone);
	if (c->threshold >= 0 || c->profile >= 0)
		vn_ctx_set_context(ctx, c->threshold,
				   c->profile >= 0 ? (vn_profile)c->profile
						   : VN_PROFILE_OCR);
	return VN_OK;
}
