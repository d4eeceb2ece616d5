//! Bodies as they may appear in TRACE logs: secret fields replaced, size bounded.

use serde_json::Value;

/// What a secret field's value is replaced with.
pub(crate) const REDACTED: &str = "[REDACTED]";

/// The most characters of a body written to a log line.
const MAX_LOGGED: usize = 4096;

/// `body` with every field at one of `secret_fields` (dotted paths; arrays are entered
/// transparently) replaced by [`REDACTED`]. A body that is not JSON is not logged at all: it
/// cannot be searched for secrets.
pub(crate) fn for_log(body: &[u8], secret_fields: &[&str]) -> String {
    let Ok(mut value) = serde_json::from_slice::<Value>(body) else {
        return format!("<{} bytes, not JSON>", body.len());
    };
    for path in secret_fields {
        let segments: Vec<&str> = path.split('.').collect();
        redact(&mut value, &segments);
    }
    let mut text = value.to_string();
    if text.len() > MAX_LOGGED {
        let cut = (0..=MAX_LOGGED)
            .rev()
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(0);
        text.truncate(cut);
        text.push('…');
    }
    text
}

fn redact(value: &mut Value, path: &[&str]) {
    match value {
        Value::Array(items) => items.iter_mut().for_each(|item| redact(item, path)),
        Value::Object(map) => {
            let Some((first, rest)) = path.split_first() else {
                return;
            };
            let Some(field) = map.get_mut(*first) else {
                return;
            };
            if rest.is_empty() {
                *field = Value::String(REDACTED.to_owned());
            } else {
                redact(field, rest);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secret_fields_are_replaced_wherever_the_path_leads() {
        let body = br#"{"password":"Hunter2!x","name":"a","member":{"password":"p2"},
            "list":[{"verification_code":"123456"},{"other":1}]}"#;
        let logged = for_log(
            body,
            &[
                "password",
                "member.password",
                "list.verification_code",
                "absent.x",
            ],
        );
        for secret in ["Hunter2!x", "p2", "123456"] {
            assert!(!logged.contains(secret), "{secret} leaked: {logged}");
        }
        assert!(logged.contains(r#""name":"a""#), "{logged}");
        assert_eq!(logged.matches(REDACTED).count(), 3, "{logged}");
    }

    #[test]
    fn non_json_bodies_are_not_logged() {
        assert_eq!(
            for_log(b"password=x", &["password"]),
            "<10 bytes, not JSON>"
        );
    }

    #[test]
    fn long_bodies_are_cut() {
        let body = serde_json::to_vec(&"中".repeat(5000)).unwrap();
        let logged = for_log(&body, &[]);
        assert!(logged.len() <= MAX_LOGGED + '…'.len_utf8());
        assert!(logged.ends_with('…'));
    }
}
