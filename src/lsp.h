/* SPDX-License-Identifier: MIT */
/* lsp.h - `vnlint --lsp`: a Language Server Protocol server (not part of the
 * library; it uses only the public API of vnlint.h). */
#ifndef VNLINT_LSP_H
#define VNLINT_LSP_H

#include <stdio.h>

#include "vnlint.h"

/*
 * Serve LSP 3.17 (JSON-RPC 2.0 framed by Content-Length headers) on in/out
 * with the rules of ctx until the client sends `exit`. Returns the process
 * exit status: 0 after `shutdown` then `exit`, 1 after `exit` without
 * `shutdown`, 2 on a broken stream (bad header, oversized message, end of
 * input without `exit`, write error). ctx is borrowed; free it afterwards.
 */
int vn_lsp_serve(vn_ctx *ctx, FILE *in, FILE *out);

#endif /* VNLINT_LSP_H */
