package org.wenjin.tenancy.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MemberAdmissionTest {

  @ParameterizedTest(name = "{0} in {1}: {2}")
  @CsvSource({
    "ann@acme.example.com, acme.example.com, true",
    "Ann@ACME.example.com, acme.example.com, true",
    "ann@evil.acme.example.com, acme.example.com, false",
    "ann@acme.example.com.evil.io, acme.example.com, false",
    "ann@globex.example.com, acme.example.com, false",
    "ann@x@acme.example.com, acme.example.com, false",
    "'ann @acme.example.com', acme.example.com, false",
    "@acme.example.com, acme.example.com, false",
    "acme.example.com, acme.example.com, false",
    "ann, acme.example.com, false"
  })
  void onlyAnAddressExactlyInTheDomainIsAdmitted(String email, String domain, boolean admitted) {
    assertThat(MemberAdmission.inDomain(email, domain)).isEqualTo(admitted);
  }
}
