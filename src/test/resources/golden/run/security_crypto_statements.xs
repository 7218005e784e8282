// security.check_password verifies bcrypt hashes (PHP password_verify); encrypt/decrypt are OpenSSL AES;
// jws_*/jwe_* sign/verify and encrypt/decrypt compact tokens; create_*_key make JWK keys that the token
// statements accept; a failed token check is ERROR_CODE_ACCESS_DENIED (spec 4.18)
run.job "security statements" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "main" {
  input {
  }
  stack {
    security.check_password {
      text_password = "correct horse"
      hash_password = "$2y$04$saltsaltsaltsaltsalt.uYdq2ryPPz6zx/0dbT5QYF0uS4r5I4c6"
    } as $good
    security.check_password {
      text_password = "wrong horse"
      hash_password = "$2y$04$saltsaltsaltsaltsalt.uYdq2ryPPz6zx/0dbT5QYF0uS4r5I4c6"
    } as $bad
    security.check_password {
      text_password = "x"
      hash_password = null
    } as $none
    security.encrypt {
      data = "Hello, World!"
      algorithm = "aes-256-cbc"
      key = "0123456789abcdef0123456789abcdef"
      iv = "abcdef9876543210"
    } as $sealed
    security.decrypt {
      data = $sealed
      algorithm = "aes-256-cbc"
      key = "0123456789abcdef0123456789abcdef"
      iv = "abcdef9876543210"
    } as $opened
    security.jws_encode {
      headers = {kid: "k1"}
      claims = {sub: "42", role: "admin"}
      key = "my-secret"
      signature_algorithm = "HS256"
    } as $jws
    security.jws_decode {
      token = $jws
      key = "my-secret"
      check_claims = {role: "admin"}
      signature_algorithm = "HS256"
    } as $claims
    try_catch {
      try {
        security.jws_decode {
          token = $jws
          key = "another-secret"
          signature_algorithm = "HS256"
        } as $never
      }
      catch {
        var $wrong_key { value = {code: $error.code, message: $error.message} }
      }
    }
    try_catch {
      try {
        security.jws_decode {
          token = $jws
          key = "my-secret"
          check_claims = {role: "user"}
          signature_algorithm = "HS256"
        } as $never
      }
      catch {
        var $wrong_claim { value = $error.message }
      }
    }
    security.jws_encode {
      claims = {sub: "1", exp: 1}
      key = "my-secret"
      signature_algorithm = "HS512"
    } as $old
    try_catch {
      try {
        security.jws_decode {
          token = $old
          key = "my-secret"
          signature_algorithm = "HS512"
        } as $never
      }
      catch {
        var $expired { value = $error.message }
      }
    }
    security.jws_encode {
      claims = {sub: "1"}
      key = "my-secret"
      signature_algorithm = "HS256"
      ttl = 60
    } as $short
    security.jws_decode {
      token = $short
      key = "my-secret"
      signature_algorithm = "HS256"
    } as $short_claims
    security.jwe_encode {
      claims = {data: "secret"}
      key = "0123456789abcdef0123456789abcdef"
      key_algorithm = "A256KW"
      content_algorithm = "A256GCM"
    } as $jwe
    security.jwe_decode {
      token = $jwe
      key = "0123456789abcdef0123456789abcdef"
      key_algorithm = "A256KW"
      content_algorithm = "A256GCM"
    } as $jwe_claims
    security.create_secret_key {
      bits = 256
      format = "object"
    } as $secret
    security.jwe_encode {
      claims = {n: 1}
      key = $secret
      key_algorithm = "dir"
      content_algorithm = "A256GCM"
    } as $jwe_dir
    security.jwe_decode {
      token = $jwe_dir
      key = $secret
      key_algorithm = "dir"
      content_algorithm = "A256GCM"
    } as $dir_claims
    security.create_curve_key {
      curve = "P-256"
      format = "object"
    } as $curve
    security.jws_encode {
      claims = {n: 2}
      key = $curve
      signature_algorithm = "ES256"
    } as $es
    security.jws_decode {
      token = $es
      key = $curve|unset:"d"
      signature_algorithm = "ES256"
    } as $es_claims
  }
  response = {
    good: $good
    bad: $bad
    none: $none
    sealed: $sealed|base64_encode
    opened: $opened
    jws_header: $jws|split:"."|first|base64_decode_urlsafe
    claims: $claims
    wrong_key: $wrong_key
    wrong_claim: $wrong_claim
    expired: $expired
    ttl: $short_claims.exp - $short_claims.iat
    jwe_parts: $jwe|split:"."|count
    jwe_claims: $jwe_claims
    secret: {kty: $secret.kty, bytes: $secret.k|base64_decode_urlsafe|strlen}
    dir_claims: $dir_claims
    curve: {kty: $curve.kty, crv: $curve.crv}
    es_claims: $es_claims
  }
}
