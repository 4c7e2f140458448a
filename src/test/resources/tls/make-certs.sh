#!/usr/bin/env bash
# Makes the test TLS material (run once; the results are checked in and valid for 10 years):
#   ca.pem          the test CA, trusted by tests with --cacert
#   good.p12        localhost, 127.0.0.1, ::1, signed by the CA
#   wrong-host.p12  wrong.example only, signed by the CA
#   expired.p12     127.0.0.1, signed by the CA, expired long ago
#   self-signed.p12 127.0.0.1, signed by itself
# Keystores are PKCS#12 with password "changeit". Needs only the JDK's keytool.
set -euo pipefail
cd "$(dirname "$0")"
rm -f ./*.p12 ./*.pem ./*.csr
pass=changeit
kt() { keytool -noprompt -storepass "$pass" -keypass "$pass" "$@"; }

kt -genkeypair -alias ca -keyalg EC -groupname secp256r1 -dname "CN=async-crawler test CA" \
   -ext bc:c -validity 3650 -keystore ca.p12 -storetype PKCS12
kt -exportcert -rfc -alias ca -keystore ca.p12 -file ca.pem

signed() { # name san [extra gencert args...]
  local name=$1 san=$2; shift 2
  kt -genkeypair -alias server -keyalg EC -groupname secp256r1 -dname "CN=$name" -keystore "$name.p12" -storetype PKCS12
  kt -certreq -alias server -keystore "$name.p12" -file "$name.csr"
  kt -gencert -alias ca -keystore ca.p12 -infile "$name.csr" -outfile "$name.pem" -rfc -ext "san=$san" "$@"
  kt -importcert -alias ca -keystore "$name.p12" -file ca.pem
  kt -importcert -alias server -keystore "$name.p12" -file "$name.pem"
  rm -f "$name.csr" "$name.pem"
}
signed good "dns:localhost,ip:127.0.0.1,ip:::1" -validity 3650
signed wrong-host "dns:wrong.example" -validity 3650
signed expired "ip:127.0.0.1" -startdate 2020/01/01 -validity 30
kt -genkeypair -alias server -keyalg EC -groupname secp256r1 -dname "CN=self-signed" \
   -ext "san=ip:127.0.0.1,dns:localhost" -validity 3650 -keystore self-signed.p12 -storetype PKCS12
rm -f ca.p12
