package org.ogcr.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.ogcr.adapter.rest.Caller;
import org.ogcr.adapter.rest.CredentialCheck;
import org.ogcr.adapter.rest.auth.AccessTokens;
import org.ogcr.port.in.Credential;
import org.ogcr.port.in.CredentialUseCases;

/** How the server proves who calls it: the registry's credentials and its token signing key. */
final class ServerAuthentication {

  private ServerAuthentication() {}

  /** The registry's credentials as the HTTP layer checks them. */
  static CredentialCheck credentials(CredentialUseCases credentials) {
    return new CredentialCheck() {
      @Override
      public Optional<Caller> apiKey(String presented) {
        return credentials.authenticate(presented).map(ServerAuthentication::caller);
      }

      @Override
      public Optional<Caller> client(String clientId, String clientSecret) {
        return credentials
            .authenticateClient(clientId, clientSecret)
            .map(ServerAuthentication::caller);
      }

      @Override
      public Optional<Integer> rateOf(String credentialId) {
        return credentials.active(credentialId).map(Credential::ratePerMinute);
      }
    };
  }

  private static Caller caller(Credential c) {
    return new Caller(c.principal(), c.scopes(), c.id(), c.ratePerMinute());
  }

  /**
   * The key the registry signs access tokens with: read from {@code file}, or made and written
   * there (owner-only) on first start, so tokens outlive a restart. Servers sharing one database
   * must share this file.
   */
  static String signingKey(Path file) {
    try {
      if (Files.exists(file)) {
        return Files.readString(file, StandardCharsets.UTF_8).trim();
      }
      Files.createDirectories(file.toAbsolutePath().getParent());
      String jwk = AccessTokens.newSigningKeyJwk();
      Path temporary = file.resolveSibling(file.getFileName() + ".new");
      Files.deleteIfExists(temporary);
      if (temporary.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        // owner-only from its creation: the private key is never readable by others
        Files.createFile(
            temporary,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } else {
        // a file system without POSIX permissions: the directory's protection applies
        Files.createFile(temporary);
      }
      Files.writeString(temporary, jwk, StandardCharsets.UTF_8);
      Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      return jwk;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or write the token signing key " + file, e);
    }
  }
}
