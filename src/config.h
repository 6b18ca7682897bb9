/* SPDX-License-Identifier: MIT */
/* config.h - .vnlint.ini project configuration of the vnlint command. */
#ifndef VNLINT_CONFIG_H
#define VNLINT_CONFIG_H

#include <stddef.h>

#include "vnlint.h"

struct vn_config {
	char *path, *dir;        /* the file and its directory */
	char **enable, **disable;
	size_t nenable, ndisable;
	char **sev_rule;         /* severity overrides: rule -> level */
	vn_severity *sev_level;
	size_t nsev;
	char **rule_dirs, **word_lists; /* resolved against dir */
	size_t nrule_dirs, nword_lists;
	char **boilerplate;      /* residue line lists, resolved against dir */
	size_t nboilerplate;
	char **ignore;           /* globs, relative to dir */
	size_t nignore;
	vn_tone_policy tone;
	int fail_on;             /* a vn_severity, or -1: not set */
	char *model;             /* context model, resolved against dir */
	double threshold;        /* context threshold, or -1: not set */
	int profile;             /* a vn_profile, or -1: not set */
	char err[256];
};

/* Parse path. On failure writes "path:line: what" and returns 0. */
int config_load(struct vn_config *c, const char *path, char *err, size_t errsz);
void config_free(struct vn_config *c);
/* The nearest .vnlint.ini at or above the directory of file (or file, if a
 * directory); 0 if none. */
int config_find(const char *file, char *out, size_t outsz);
/* Is file matched by an ignore glob of c? */
int config_ignores(const struct vn_config *c, const char *file);
/* Rule directories, word lists, residue lists, enable/disable,
 * severities, tone policy. */
vn_status config_apply(const struct vn_config *c, vn_ctx *ctx, char *err,
		       size_t errsz);

#endif
