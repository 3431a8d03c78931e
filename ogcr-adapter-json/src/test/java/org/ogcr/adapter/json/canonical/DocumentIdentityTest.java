package org.ogcr.adapter.json.canonical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.ogcr.domain.common.DocumentHash;
import org.ogcr.domain.common.InvalidValueException;

/**
 * Expected hashes computed independently with Node.js: {@code crypto.createHash("sha256")} and
 * js-sha3's {@code keccak256} over the UTF-8 canonical text written in each test.
 */
class DocumentIdentityTest {

  @Test
  void givenTheDocumentedExample_of_hashesItsCanonicalBytes() {
    // canonical: {"a":1,"b":2}
    DocumentIdentity identity = DocumentIdentity.of("{\"b\": 2, \"a\": 1}");

    assertThat(identity.sha256().hex())
        .isEqualTo("43258cff783fe7036d8a43033f830adfc60ec037382473548ac742b888292777");
    assertThat(identity.keccak256().hex())
        .isEqualTo("b8ffb64722137f4b100665a52e3c943f8066e8ab8ba3b427e6f4b404defd82b0");
    assertThat(identity.canonicalLength()).isEqualTo(13);
  }

  @Test
  void givenDocumentWithUnicodeAndDecimals_of_hashesItsCanonicalBytes() {
    // canonical: {"acres":1200,"name":"Nulhegan Basin","tags":["forest","été"],"threat":0.55}
    String json =
        "{\"name\": \"Nulhegan Basin\", \"threat\": 0.550, \"acres\": 1.2e3,"
            + " \"tags\": [\"forest\", \"\\u00e9t\\u00e9\"]}";

    DocumentIdentity identity = DocumentIdentity.of(json);

    assertThat(identity)
        .isEqualTo(
            new DocumentIdentity(
                new DocumentHash(
                    "40f4bb00737876cca67c153a35192be6d1b7d990de68b7f2479d80312301ab2a"),
                new Keccak256Hash(
                    "aa6d33f1918217336dc59f694283bc3c0c1e8100d638d8def031147e547ee842"),
                78));
  }

  @Test
  void givenAnyDocument_bothHashes_coverTheSameCanonicalBytes() {
    String json = "[{\"z\":\"\\ud83d\\ude02\",\"a\":-0.0},1e21]";
    byte[] canonical = CanonicalJson.canonicalize(json);

    DocumentIdentity identity = DocumentIdentity.of(json);

    assertThat(new String(canonical, StandardCharsets.UTF_8))
        .isEqualTo("[{\"a\":0,\"z\":\"\ud83d\ude02\"},1e+21]");
    assertThat(identity.sha256()).isEqualTo(DocumentHash.sha256(canonical));
    assertThat(identity.keccak256()).isEqualTo(Keccak256Hash.of(canonical));
    assertThat(identity.canonicalLength()).isEqualTo(canonical.length);
  }

  @Test
  void givenTreeAndItsText_of_givesOneIdentity() throws Exception {
    String json = "{\"b\": 2, \"a\": 1}";

    assertThat(DocumentIdentity.of(new ObjectMapper().readTree(json)))
        .isEqualTo(DocumentIdentity.of(json));
  }

  @Test
  void givenDuplicateMembers_of_isRefusedWithTheCode() {
    assertThatThrownBy(() -> DocumentIdentity.of("{\"a\":1,\"a\":1}"))
        .isInstanceOfSatisfying(
            CanonicalizationException.class,
            e -> assertThat(e.code()).isEqualTo(CanonicalizationException.CODE));
  }

  @Test
  void givenMissingPart_constructor_isRefused() {
    DocumentHash sha256 = DocumentHash.sha256("0");
    Keccak256Hash keccak256 = Keccak256Hash.of(new byte[] {'0'});

    assertThatThrownBy(() -> new DocumentIdentity(null, keccak256, 1))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("sha256 is required; was null");
    assertThatThrownBy(() -> new DocumentIdentity(sha256, null, 1))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("keccak256 is required; was null");
    assertThatThrownBy(() -> new DocumentIdentity(sha256, keccak256, 0))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("canonicalLength must be positive; was 0");
  }

  @Test
  void givenSmallestDocument_of_hasLengthOne() {
    assertThat(DocumentIdentity.of(" 0 ").canonicalLength()).isEqualTo(1);
  }
}
