package io.asynccrawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** TLS failures in words people know, from the messages the JDK's trust manager and checks give. */
class FetchExceptionTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // sun.security.util.HostnameChecker, for each way a name can fail to match
        "No subject alternative DNS name matching wrong.example found.                  | host name mismatch",
        "No subject alternative names matching IP address 127.0.0.1 found               | host name mismatch",
        "No subject alternative names present                                           | host name mismatch",
        "No name matching localhost found                                               | host name mismatch",
        "Certificate for <localhost> doesn't match any of the subject alternative names | host name mismatch",
        // the validator and the path builder
        "NotAfter: Sat Jan 01 00:00:00 UTC 2000                                         | certificate expired",
        "PKIX path validation failed: validity check failed: certificate expired        | certificate expired",
        "PKIX path validation failed: validity check failed                             | certificate expired or not yet valid",
    })
    void certificateProblemsAreNamed(String jdkMessage, String words) {
        FetchException e = FetchException.tls(new SSLHandshakeException(jdkMessage));
        assertThat(e.word()).isEqualTo("tls");
        assertThat(e.getMessage()).startsWith("TLS: " + words + " (").contains(jdkMessage);
        assertThat(e.isTransient()).isFalse();
    }

    /** Not trusted: what to do, not the JDK's words, and never its class names. */
    @Test
    void anUntrustedCertificateSaysWhatToDo() {
        FetchException e = FetchException.tls(new SSLHandshakeException("PKIX path building failed: "
                + "sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target"));
        assertThat(e.getMessage()).isEqualTo("TLS: certificate not trusted: use --cacert FILE to trust your CA, or -k to accept any certificate");
        assertThat(FetchException.withoutClassNames("PKIX path validation failed: java.security.cert.CertPathValidatorException: "
                + "validity check failed")).isEqualTo("PKIX path validation failed: validity check failed");
    }

    @Test
    void boringSslsGeneralProblemGivesTheTrustManagersWords() {
        SSLException engine = new SSLHandshakeException("General OpenSslEngine problem");
        engine.initCause(new SSLHandshakeException("No name matching localhost found"));
        assertThat(FetchException.tls(engine).getMessage()).isEqualTo("TLS: host name mismatch (No name matching localhost found)");
    }

    @Test
    void anyOtherTlsFailureKeepsItsOwnWords() {
        assertThat(FetchException.tls(new SSLException("Received fatal alert: handshake_failure")).getMessage())
                .isEqualTo("TLS: Received fatal alert: handshake_failure");
    }
}
