//! `Response<T>`: a decoded success answer with its status and headers.

use std::ops::{Deref, DerefMut};

use reqwest::header::HeaderMap;

/// A successful answer: the decoded body (reached through `Deref`), its HTTP status and
/// headers.
///
/// ```no_run
/// # async fn run(client: &huaweicloud_bss::Client) -> Result<(), huaweicloud_bss::Error> {
/// let balances = client.list_partner_balances().send().await?;
/// println!("{} accounts, request id {:?}", balances.account_balances.len(), balances.request_id());
/// let body = balances.into_inner();
/// # let _ = body; Ok(()) }
/// ```
#[derive(Debug, Clone)]
pub struct Response<T> {
    inner: T,
    status: u16,
    headers: HeaderMap,
}

impl<T> Response<T> {
    pub(crate) fn new(inner: T, status: u16, headers: HeaderMap) -> Self {
        Self {
            inner,
            status,
            headers,
        }
    }

    /// The decoded body.
    pub fn into_inner(self) -> T {
        self.inner
    }

    /// The HTTP status (200, or 204 for operations without a body).
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The request id (`X-Request-Id`), to quote to Huawei Cloud support.
    pub fn request_id(&self) -> Option<&str> {
        self.headers
            .get("x-request-id")
            .and_then(|value| value.to_str().ok())
    }

    /// The answer's headers.
    pub fn headers(&self) -> &HeaderMap {
        &self.headers
    }
}

impl<T> Deref for Response<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.inner
    }
}

impl<T> DerefMut for Response<T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.inner
    }
}
