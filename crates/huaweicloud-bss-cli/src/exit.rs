//! Exit codes by error class, so scripts can tell what to do next without parsing text.

use huaweicloud_bss::Error;

/// The call succeeded; its answer is on stdout.
pub const OK: u8 = 0;
/// Bad flags or a request field that breaks a documented rule: nothing was sent.
pub const VALIDATION: u8 = 2;
/// The server answered with an error.
pub const API: u8 = 3;
/// No usable answer, and nothing can have happened twice (never sent, a read, a timeout of a
/// read, or a success answer that does not decode): safe to try again.
pub const TRANSPORT: u8 = 4;
/// A write may or may not have taken effect: reconcile before trying again.
pub const OUTCOME_UNKNOWN: u8 = 5;
/// Credentials or endpoint missing or invalid: nothing was sent.
pub const CONFIG: u8 = 6;

/// The exit code for a failed call.
pub fn for_error(error: &Error) -> u8 {
    match error {
        Error::InvalidRequest(_) => VALIDATION,
        Error::Api(_) => API,
        // `Prepare`: the request could not be signed or built, so it was never sent.
        Error::Transport(_) | Error::Timeout(_) | Error::InvalidResponse(_) | Error::Prepare(_) => {
            TRANSPORT
        }
        Error::OutcomeUnknown(_) => OUTCOME_UNKNOWN,
        Error::Config(_) => CONFIG,
        // A class added later: not one a script can act on safely, like an unknown outcome.
        _ => OUTCOME_UNKNOWN,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validation_and_configuration_errors_have_their_own_codes() {
        let invalid = huaweicloud_bss::types::CreateCustomerV2Req::builder()
            .build()
            .unwrap_err();
        let invalid = Error::InvalidRequest(Box::new(invalid));
        assert_eq!(for_error(&invalid), VALIDATION);
        let config = huaweicloud_bss::Client::from_env_with(|_| None).unwrap_err();
        assert_eq!(for_error(&Error::from(config)), CONFIG);
        assert_eq!(for_error(&Error::Prepare("no signature".into())), TRANSPORT);
    }
}
