package org.ogcr.domain.signoff;

import org.ogcr.domain.common.DomainException;

/**
 * A signature, hold or release was refused. Codes: {@code signer_lacks_role}, {@code
 * signer_recused}, {@code duplicate_signer}, {@code capacity_complete}, {@code sign_off_on_hold},
 * {@code sign_off_complete}. Holds and releases the sign-off lifecycle forbids (holding an approved
 * issuance, releasing one that is not held) surface as {@code illegal_transition}.
 */
public final class SignOffException extends DomainException {

  SignOffException(String code, String message) {
    super(code, message);
  }
}
