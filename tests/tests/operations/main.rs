//! Operations against the simulator, one module per domain: what each call does to the
//! simulated accounts, what it refuses with which documented code, and how lists page.

#[path = "../support/mod.rs"]
mod support;

mod coupons;
mod customers;
mod funds;
mod multi_account;
mod realname;
mod resellers;

/// A customer the seeded simulator does not know yet (funding makes it one of the partner's).
const NEW_CUSTOMER: &str = "5eed00000000000000000000000000aa";
