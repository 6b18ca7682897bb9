/* SPDX-License-Identifier: MIT */
/*
 * json_scan.h - a strict, allocation-free reader of one JSON object per
 * line (RFC 8259), for corpus mode. It validates a line and finds the raw
 * bytes of the top-level members asked for, without building a tree, so a
 * document can be passed through byte for byte and an id of any type (a
 * 20-digit number, a string with escapes) is echoed exactly.
 */
#ifndef VN_JSON_SCAN_H
#define VN_JSON_SCAN_H

#include <stddef.h>

/* A top-level member found in an object; offsets into the line. */
struct json_member {
	int found;
	size_t start;    /* the member's key */
	size_t end;      /* just past its value */
	size_t val;      /* the raw value */
	size_t val_len;
	int is_string;   /* the value is a string */
};

enum json_error {
	JSON_OK = 0,
	JSON_INVALID,  /* not JSON, or not an object */
	JSON_TOO_DEEP  /* nested deeper than JSON_MAX_DEPTH */
};

#define JSON_MAX_DEPTH 256

/*
 * Validate s[0..n) as one JSON object with optional surrounding
 * whitespace. For each key in keys[0..nkeys) fill want[i] with the last
 * top-level member of that name (as Python's json module keeps the last
 * duplicate). *close is set to the offset of the object's closing brace.
 * On failure *where is the byte offset of the problem. The bytes must
 * already be valid UTF-8.
 */
enum json_error json_scan_object(const char *s, size_t n,
				 const char *const *keys, size_t nkeys,
				 struct json_member *want, size_t *close,
				 size_t *where);

/*
 * Decode a raw JSON string (with its quotes, already validated) into
 * UTF-8 at out, which must hold at least raw_len bytes. An unpaired
 * surrogate escape becomes U+FFFD: one code point, as Python counts it.
 * Returns the decoded length.
 */
size_t json_string_decode(const char *raw, size_t raw_len, char *out);

#endif /* VN_JSON_SCAN_H */
