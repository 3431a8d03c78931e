/**
 * A document's identity: RFC 8785 (JSON Canonicalization Scheme, JCS) canonical bytes, their
 * SHA-256 (the registry's {@link org.ogcr.domain.common.DocumentHash}) and their Keccak-256 (what
 * goes on chain). This package is the one implementation; every adapter that hashes a document
 * calls {@link org.ogcr.adapter.json.canonical.DocumentIdentity#of(String)} or its {@code JsonNode}
 * twin, never its own serializer.
 *
 * <p>How the canonical form is made: Jackson parses the text strictly (RFC 8259 grammar, no
 * comments, no leading zeros, no trailing content) and refuses duplicate member names (RFC 8785
 * section 3.1, I-JSON RFC 7493 section 2.3), keeping every number as its exact decimal value. Our
 * own writer then sorts members by UTF-16 code units (section 3.2.3), escapes strings as section
 * 3.2.2.2 says and refuses lone surrogates (I-JSON section 2.1). Numbers are formatted as
 * ECMAScript formats a double (section 3.2.2.3) by {@code org.erdtman.jcs.NumberToJSON}. We do not
 * use {@code org.erdtman.jcs.JsonCanonicalizer} for the whole text: version 1.1 refuses a scalar at
 * the root (RFC 8785 allows it), turns a lone surrogate into {@code ?} and accepts {@code 01}.
 *
 * <p>Numbers: the canonical form is the number's IEEE-754 double. A number is refused, rather than
 * silently changed, when its double would lose what the author wrote; see {@link
 * org.ogcr.adapter.json.canonical.CanonicalJson} for the four rules. Values that need more (amounts
 * beyond 2^53, more than 17 significant digits) belong in strings.
 */
package org.ogcr.adapter.json.canonical;
