//! Authentication as the API gateway does it: recompute the SDK-HMAC-SHA256 signature over the
//! request exactly as received (bytes, header values, query), or accept the configured token.

use huaweicloud_signer::{
    ALGORITHM, canonical_headers, canonical_query, canonical_request, canonical_uri, payload_hash,
    signature, string_to_sign,
};
use secrecy::ExposeSecret;

use crate::Simulator;
use crate::respond::{self, Reply};
use crate::server::Received;

pub(crate) fn authenticate(config: &Simulator, received: &Received) -> Result<(), Reply> {
    if let (Some(expected), Some(given)) = (&config.token, received.header("x-auth-token")) {
        return if given == expected.expose_secret() {
            Ok(())
        } else {
            Err(denied("the X-Auth-Token is not valid"))
        };
    }
    let Some(authorization) = received.header("authorization") else {
        return Err(denied("no Authorization header and no X-Auth-Token"));
    };
    let parsed = parse_authorization(authorization)
        .ok_or_else(|| denied("malformed Authorization header"))?;
    if parsed.access != config.ak {
        return Err(denied("unknown access key"));
    }
    let date = received
        .header("x-sdk-date")
        .ok_or_else(|| denied("X-Sdk-Date is missing"))?;
    if !parsed.signed_headers.split(';').any(|h| h == "x-sdk-date")
        || !parsed.signed_headers.split(';').any(|h| h == "host")
    {
        return Err(denied("Host and X-Sdk-Date must be signed"));
    }
    let canonical = canonical_request_of(received, parsed.signed_headers).map_err(denied)?;
    let expected = signature(&config.sk, &string_to_sign(date, &canonical));
    if expected != parsed.signature {
        return Err(denied("verify aksk signature fail"));
    }
    Ok(())
}

/// The canonical request of a received request, over the headers `signed_headers` names, as
/// the gateway recomputes it.
pub(crate) fn canonical_request_of(
    received: &Received,
    signed_headers: &str,
) -> Result<String, &'static str> {
    let signed: Vec<(&str, &str)> = signed_headers
        .split(';')
        .map(|name| {
            received
                .header(name)
                .map(|value| (name, value))
                .ok_or("a signed header is missing")
        })
        .collect::<Result<_, _>>()?;
    let headers = canonical_headers(&signed).map_err(|_| "invalid signed headers")?;
    if headers.signed != signed_headers {
        return Err("SignedHeaders is not sorted and lower-case");
    }
    let query = received.query_pairs();
    let query: Vec<(&str, &str)> = query
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let payload = match received.header("x-sdk-content-sha256") {
        Some(value) if !received.body.is_empty() => value.trim().to_string(),
        _ => payload_hash(&received.body),
    };
    Ok(canonical_request(
        &received.method,
        &canonical_uri(&received.path),
        &canonical_query(&query),
        &headers.canonical,
        &headers.signed,
        &payload,
    ))
}

/// The signed-header list of a received request's Authorization header.
pub(crate) fn signed_headers_of(received: &Received) -> Option<&str> {
    parse_authorization(received.header("authorization")?).map(|a| a.signed_headers)
}

struct Authorization<'a> {
    access: &'a str,
    signed_headers: &'a str,
    signature: &'a str,
}

/// `SDK-HMAC-SHA256 Access=…, SignedHeaders=…, Signature=…`
fn parse_authorization(value: &str) -> Option<Authorization<'_>> {
    let rest = value.strip_prefix(ALGORITHM)?.strip_prefix(' ')?;
    let (mut access, mut signed_headers, mut signature) = (None, None, None);
    for part in rest.split(',') {
        let (key, val) = part.trim().split_once('=')?;
        match key {
            "Access" => access = Some(val),
            "SignedHeaders" => signed_headers = Some(val),
            "Signature" => signature = Some(val),
            _ => return None,
        }
    }
    Some(Authorization {
        access: access?,
        signed_headers: signed_headers?,
        signature: signature?,
    })
}

fn denied(reason: &str) -> Reply {
    respond::error(
        "APIGW.0301",
        Some(&format!(
            "Incorrect IAM authentication information: {reason}"
        )),
    )
}
