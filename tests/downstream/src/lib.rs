//! A partner platform's own code, as a crate that depends on `huaweicloud-bss` writes it: a
//! sign-up service that opens a Huawei Cloud account for each of the platform's users.
//!
//! Its tests (`tests/signup.rs`) are what such a platform runs in CI without Huawei
//! credentials: typed httpmock stubs (`huaweicloud-bss-httpmock`) for exact answers, success
//! or a documented error, and the simulator (`huaweicloud-bss-sim`) for state that carries
//! from one call to the next.
#![warn(missing_docs)]
#![forbid(unsafe_code)]

use std::collections::HashMap;
use std::sync::Mutex;

use huaweicloud_bss::{Client, ErrorCode};

/// Opens Huawei Cloud accounts for the platform's users and remembers each one's account id
/// (`domain_id`).
#[derive(Debug)]
pub struct SignupService {
    client: Client,
    /// The platform identifier Huawei assigned to the partner (`xaccount_type`).
    platform: String,
    /// The platform's user id → the Huawei Cloud account id created for that user.
    accounts: Mutex<HashMap<String, String>>,
}

/// Why a sign-up did not give the user an account.
#[derive(Debug, thiserror::Error)]
pub enum SignupError {
    /// This user id already has a Huawei Cloud account from an earlier sign-up (CBC.99000039).
    #[error("user {user_id} already has a Huawei Cloud account")]
    AlreadyRegistered {
        /// The platform's user id.
        user_id: String,
    },
    /// The user id or account name breaks a documented rule; nothing was sent.
    #[error("invalid sign-up: {0}")]
    Invalid(String),
    /// BSS answered with an error, or gave no usable answer.
    #[error(transparent)]
    Bss(#[from] huaweicloud_bss::Error),
    /// BSS reported success without the new account's id.
    #[error("BSS created no account id for user {user_id}")]
    NoAccountId {
        /// The platform's user id.
        user_id: String,
    },
}

impl SignupService {
    /// A service creating accounts through `client` for the partner platform `platform`.
    pub fn new(client: Client, platform: impl Into<String>) -> Self {
        Self {
            client,
            platform: platform.into(),
            accounts: Mutex::new(HashMap::new()),
        }
    }

    /// Creates a Huawei Cloud account named `account_name` for the platform's user `user_id`
    /// (CreateSubCustomer), stores its id and returns it.
    pub async fn sign_up(&self, user_id: &str, account_name: &str) -> Result<String, SignupError> {
        let created = match self
            .client
            .create_sub_customer()
            .xaccount_id(user_id)
            .xaccount_type(self.platform.as_str())
            .domain_name(account_name)
            .send()
            .await
        {
            Ok(answer) => answer.into_inner(),
            Err(error) => {
                return Err(match error.code() {
                    Some(ErrorCode::Cbc99000039) => SignupError::AlreadyRegistered {
                        user_id: user_id.to_string(),
                    },
                    // A field that breaks a documented rule is refused before sending.
                    _ if matches!(error, huaweicloud_bss::Error::InvalidRequest(_)) => {
                        SignupError::Invalid(error.to_string())
                    }
                    _ => SignupError::Bss(error),
                });
            }
        };
        let domain_id = created
            .domain_id
            .filter(|id| !id.is_empty())
            .ok_or_else(|| SignupError::NoAccountId {
                user_id: user_id.to_string(),
            })?;
        self.accounts
            .lock()
            .expect("no sign-up panics while holding the lock")
            .insert(user_id.to_string(), domain_id.clone());
        Ok(domain_id)
    }

    /// The account id stored for `user_id` by an earlier [`sign_up`](Self::sign_up).
    pub fn account_of(&self, user_id: &str) -> Option<String> {
        self.accounts
            .lock()
            .expect("no sign-up panics while holding the lock")
            .get(user_id)
            .cloned()
    }

    /// The client, for calls beyond sign-up.
    pub fn client(&self) -> &Client {
        &self.client
    }
}
