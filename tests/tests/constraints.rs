//! Every constraint the spec documents on a request is enforced by the client before anything
//! is sent: one table per operation, one row per documented rule.
//!
//! A row builds the violating request through the public API, the way a caller would:
//! - a required field, or any field of a builder that takes raw values, is set on the builder
//!   and the violation surfaces at `send()` as `Error::InvalidRequest` naming the field and
//!   the rule;
//! - an optional field only takes an already typed value, so the caller parses it first
//!   (`"op_abc".parse()`); the parse error names the rule and converts into
//!   `Error::InvalidRequest`. Those rows place the parsed value into the request struct's own
//!   field, so the row checks the type (and bounds) the field really has.
//!
//! Each table also holds the operation's documented request example (accepted, and equal to
//! the spec's example), the rules the spec documents only in prose and the types do not
//! enforce ([`KNOWN_GAPS`]), and violations whose message loses the rule
//! ([`RULE_DROPPED_FROM_MESSAGE`]). A coverage test ties the tables to the spec: every
//! constraint keyword of every request schema has a rejecting row, and no row claims a
//! keyword the spec does not have.

/// The tables of the customer-funds and real-name operations.
#[path = "constraints_ab/mod.rs"]
mod constraints_ab;
mod support;

#[path = "constraint_tables/cd.rs"]
mod cd;

use std::collections::BTreeSet;
use std::fmt;
use std::str::FromStr;

use huaweicloud_bss::operations::{OPERATIONS, Operation};
use huaweicloud_bss::{Client, Error, types};
use serde_json::{Map, Value, json};

use types::builder as b;

/// Rules documented in the spec (in descriptions, not as schema keywords) that the generated
/// types do not enforce: `(operation, row name)`. Each is a row of its table marked
/// [`Expect::KnownGap`], checked to be still accepted; when a gap is closed, that row fails
/// and must become a rejecting row.
const KNOWN_GAPS: &[(&str, &str)] = &[
    (
        "CreateSubCustomer",
        "password with a single character class",
    ),
    ("CreateSubCustomer", "password equal to the account name"),
    ("CreateSubCustomer", "password containing the mobile number"),
    (
        "CreateSubCustomer",
        "mobile number without a verification code",
    ),
    (
        "CreateSubEnterpriseAccount",
        "member without a mobile number nor use_pri_mobile_phone Y",
    ),
    (
        "CreateSubEnterpriseAccount",
        "member mobile number without a verification code",
    ),
    (
        "CheckUserIdentity",
        "search_type mobile with an account name as value",
    ),
    (
        "CheckUserIdentity",
        "search_type name with an email address as value",
    ),
    (
        "SendVerificationMessageCode",
        "scene 18 without customer_id",
    ),
];

/// Violations rejected before sending whose `InvalidRequest` message names the field but not
/// the rule (the generated query-parameter setters discard the conversion error). Each is a
/// row marked [`Expect::RuleDroppedFromMessage`]; the same values parsed directly do name the
/// rule (rows of the same table).
const RULE_DROPPED_FROM_MESSAGE: &[(&str, &str)] = &[
    (
        "ListEnterpriseOrganizations",
        "parent_id of 21 digits, through the builder",
    ),
    (
        "ListEnterpriseOrganizations",
        "parent_id with letters, through the builder",
    ),
    (
        "ListEnterpriseOrganizations",
        "recursive_query 2, through the builder",
    ),
];

// ---------------------------------------------------------------------------------------
// Rows
// ---------------------------------------------------------------------------------------

/// One row of a table.
struct Row {
    name: &'static str,
    /// The field, as a path (`new_sub_customer.password`, `permission_ids[]`).
    field: &'static str,
    /// The spec keyword the row violates (`maxLength`, `pattern`, `enum`, `minimum`,
    /// `maximum`, `minLength`, `required`), or `example`/`description`.
    keyword: &'static str,
    /// What the error message must say about the rule.
    rule: &'static str,
    call: Call,
    expect: Expect,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    /// Rejected before any I/O; the message names the field (for builder rows) and the rule.
    Rejected,
    /// The documented example: accepted by the types, and equal to the spec's example.
    DocumentedExample,
    /// Documented in prose, not enforced by the types: still accepted (see [`KNOWN_GAPS`]).
    KnownGap,
    /// Rejected and naming the field, but the rule is lost (see
    /// [`RULE_DROPPED_FROM_MESSAGE`]).
    RuleDroppedFromMessage,
}

/// What a [`Call::Send`] row returns.
type SendFuture<'a> = std::pin::Pin<Box<dyn std::future::Future<Output = Result<(), Error>> + 'a>>;

/// How a row's request is made.
enum Call {
    CreateSubCustomer(fn() -> b::CreateCustomerV2Req),
    CreateSubEnterpriseAccount(fn() -> b::CreateSubCustomerReqV2),
    CheckUserIdentity(fn() -> b::CheckSubcustomerUserReq),
    SendVerificationMessageCode(fn() -> b::SendVerificationCodeV2Req),
    ListSubCustomers(fn() -> b::QuerySubCustomerListReq),
    ListEnterpriseOrganizations(fn() -> Params),
    SendSmsVerificationCode(fn() -> b::SendSmVerificationCodeReq),
    UpdateSubEnterpriseAmount(fn() -> b::TransferEnterpriseMultiAccountReq),
    ReclaimSubEnterpriseAmount(fn() -> b::RetrieveEnterpriseMultiAccountReq),
    ClaimEnterpriseMultiAccountCoupon(fn() -> b::TransferEnterpriseMultiAccountCouponReq),
    ReclaimEnterpriseMultiAccountCoupon(fn() -> b::RetrieveEnterpriseMultiAccountCouponReq),
    /// A listing operation (by name) and its raw query parameters.
    Query(&'static str, fn() -> Query),
    /// The value of an optional field (or parameter), parsed as a caller must before the
    /// builder takes it.
    Value(fn() -> Result<(), Rejection>),
    /// A request built into its types without sending it: its JSON form (request body, or
    /// the query parameters as a map), or why the types refuse it. Example rows only.
    Typed(fn() -> Result<Value, String>),
    /// A request sent through the client (rows whose violation only `send()` reports, such as
    /// a missing required query parameter).
    Send(for<'a> fn(&'a Client) -> SendFuture<'a>),
}

/// The query parameters of ListEnterpriseOrganizations, as raw values given to its builder.
#[derive(Default)]
struct Params {
    parent_id: Option<String>,
    recursive_query: Option<i32>,
}

/// A value the types refused: the parse error as displayed, and converted into the crate's
/// error with `?`/`From`.
struct Rejection {
    shown: String,
    error: Error,
}

/// Parses a value and places it where the request keeps it (so the value's type is the
/// field's type); a parse failure is the row's rejection.
fn reject<T, E, R>(parsed: Result<T, E>, place: impl FnOnce(T) -> R) -> Result<(), Rejection>
where
    E: fmt::Display,
    Error: From<E>,
{
    match parsed {
        Ok(value) => {
            let _request = place(value);
            Ok(())
        }
        Err(e) => Err(Rejection {
            shown: e.to_string(),
            error: Error::from(e),
        }),
    }
}

fn rejected(
    name: &'static str,
    field: &'static str,
    keyword: &'static str,
    rule: &'static str,
    call: Call,
) -> Row {
    Row {
        name,
        field,
        keyword,
        rule,
        call,
        expect: Expect::Rejected,
    }
}

fn missing(name: &'static str, field: &'static str, call: Call) -> Row {
    rejected(name, field, "required", "no value supplied for", call)
}

fn documented_example(call: Call) -> Row {
    Row {
        name: "the documented example",
        field: "",
        keyword: "example",
        rule: "",
        call,
        expect: Expect::DocumentedExample,
    }
}

fn known_gap(name: &'static str, field: &'static str, rule: &'static str, call: Call) -> Row {
    Row {
        name,
        field,
        keyword: "description",
        rule,
        call,
        expect: Expect::KnownGap,
    }
}

fn rule_dropped(
    name: &'static str,
    field: &'static str,
    keyword: &'static str,
    rule: &'static str,
    call: Call,
) -> Row {
    Row {
        name,
        field,
        keyword,
        rule,
        call,
        expect: Expect::RuleDroppedFromMessage,
    }
}

/// A value the spec's example uses, parsed into whatever type the field has.
fn ok<T>(value: &str) -> T
where
    T: FromStr,
    T::Err: fmt::Debug,
{
    value
        .parse()
        .unwrap_or_else(|e| panic!("{value:?} is a valid value: {e:?}"))
}

fn chars(n: usize) -> String {
    "x".repeat(n)
}

// ---------------------------------------------------------------------------------------
// CreateSubCustomer
// ---------------------------------------------------------------------------------------

/// The spec's request example of CreateSubCustomer.
fn customer() -> b::CreateCustomerV2Req {
    types::CreateCustomerV2Req::builder()
        .domain_name(Some(ok("testuser01")))
        .mobile_phone(Some(ok("13800000000")))
        .verification_code(Some(ok("253123")))
        .xaccount_id("35rey1234")
        .xaccount_type("example_IDP")
        .password(Some(ok("Examp1e#Pass")))
        .is_close_market_ms(Some(types::CreateCustomerV2ReqIsCloseMarketMs::True))
        .cooperation_type(Some("1".to_string()))
        .indirect_partner_id(Some(ok("a0d736359ada40aab6502d1a828c1809")))
        .include_association_result(Some(false))
}

fn customer_typed() -> types::CreateCustomerV2Req {
    customer().try_into().expect("the example is valid")
}

fn create_sub_customer_rows() -> Vec<Row> {
    use types::CreateCustomerV2Req as Req;
    vec![
        documented_example(Call::CreateSubCustomer(customer)),
        missing(
            "xaccount_id missing",
            "xaccount_id",
            Call::CreateSubCustomer(|| Req::builder().xaccount_type("example_IDP")),
        ),
        missing(
            "xaccount_type missing",
            "xaccount_type",
            Call::CreateSubCustomer(|| Req::builder().xaccount_id("35rey1234")),
        ),
        rejected(
            "xaccount_id of 129 characters",
            "xaccount_id",
            "maxLength",
            "longer than 128 characters",
            Call::CreateSubCustomer(|| customer().xaccount_id(chars(129))),
        ),
        rejected(
            "xaccount_type of 65 characters",
            "xaccount_type",
            "maxLength",
            "longer than 64 characters",
            Call::CreateSubCustomer(|| customer().xaccount_type(chars(65))),
        ),
        rejected(
            "domain_name too short (4 characters)",
            "domain_name",
            "minLength",
            "shorter than 5 characters",
            Call::Value(|| {
                reject("abcd".parse(), |v| Req {
                    domain_name: Some(v),
                    ..customer_typed()
                })
            }),
        ),
        rejected(
            "domain_name too long (33 characters)",
            "domain_name",
            "maxLength",
            "longer than 32 characters",
            Call::Value(|| {
                reject(chars(33).parse(), |v| Req {
                    domain_name: Some(v),
                    ..customer_typed()
                })
            }),
        ),
        rejected(
            "domain_name starting with op_",
            "domain_name",
            "pattern",
            "doesn't match pattern",
            Call::Value(|| {
                reject("op_abcde".parse(), |v| Req {
                    domain_name: Some(v),
                    ..customer_typed()
                })
            }),
        ),
        rejected(
            "domain_name starting with shadow_",
            "domain_name",
            "pattern",
            "doesn't match pattern",
            Call::Value(|| {
                reject("shadow_abc".parse(), |v| Req {
                    domain_name: Some(v),
                    ..customer_typed()
                })
            }),
        ),
        rejected(
            "domain_name of digits only",
            "domain_name",
            "pattern",
            "doesn't match pattern",
            Call::Value(|| {
                reject("1234567".parse(), |v| Req {
                    domain_name: Some(v),
                    ..customer_typed()
                })
            }),
        ),
        rejected(
            "domain_name starting with a digit",
            "domain_name",
            "pattern",
            "doesn't match pattern",
            Call::Value(|| {
                reject("1abcde".parse(), |v| Req {
                    domain_name: Some(v),
                    ..customer_typed()
                })
            }),
        ),
        rejected(
            "domain_name with a forbidden character",
            "domain_name",
            "pattern",
            "doesn't match pattern",
            Call::Value(|| {
                reject("abc.de".parse(), |v| Req {
                    domain_name: Some(v),
                    ..customer_typed()
                })
            }),
        ),
        rejected(
            "domain_name with a space",
            "domain_name",
            "pattern",
            "doesn't match pattern",
            Call::Value(|| {
                reject("abc de".parse(), |v| Req {
                    domain_name: Some(v),
                    ..customer_typed()
                })
            }),
        ),
        rejected(
            "mobile_phone of 33 characters",
            "mobile_phone",
            "maxLength",
            "longer than 32 characters",
            Call::Value(|| {
                reject(chars(33).parse(), |v| Req {
                    mobile_phone: Some(v),
                    ..customer_typed()
                })
            }),
        ),
        rejected(
            "verification_code of 5 characters",
            "verification_code",
            "minLength",
            "shorter than 6 characters",
            Call::Value(|| {
                reject("12345".parse(), |v| Req {
                    verification_code: Some(v),
                    ..customer_typed()
                })
            }),
        ),
        rejected(
            "verification_code of 7 characters",
            "verification_code",
            "maxLength",
            "longer than 6 characters",
            Call::Value(|| {
                reject("1234567".parse(), |v| Req {
                    verification_code: Some(v),
                    ..customer_typed()
                })
            }),
        ),
        rejected(
            "password of 7 characters",
            "password",
            "minLength",
            "shorter than 8 characters",
            Call::Value(|| {
                reject("Exa#1pw".parse(), |v| Req {
                    password: Some(v),
                    ..customer_typed()
                })
            }),
        ),
        rejected(
            "password of 33 characters",
            "password",
            "maxLength",
            "longer than 32 characters",
            Call::Value(|| {
                reject(format!("Ex#1{}", chars(29)).parse(), |v| Req {
                    password: Some(v),
                    ..customer_typed()
                })
            }),
        ),
        rejected(
            "is_close_market_ms not true or false",
            "is_close_market_ms",
            "enum",
            "invalid value",
            Call::Value(|| {
                reject("yes".parse(), |v| Req {
                    is_close_market_ms: Some(v),
                    ..customer_typed()
                })
            }),
        ),
        rejected(
            "indirect_partner_id of 65 characters",
            "indirect_partner_id",
            "maxLength",
            "longer than 64 characters",
            Call::Value(|| {
                reject(chars(65).parse(), |v| Req {
                    indirect_partner_id: Some(v),
                    ..customer_typed()
                })
            }),
        ),
        known_gap(
            "password with a single character class",
            "password",
            "at least two of upper case, lower case, digits and special characters",
            Call::CreateSubCustomer(|| customer().password(Some(ok("examplepass")))),
        ),
        known_gap(
            "password equal to the account name",
            "password",
            "not equal to the account name or its reverse",
            Call::CreateSubCustomer(|| customer().password(Some(ok("testuser01")))),
        ),
        known_gap(
            "password containing the mobile number",
            "password",
            "must not contain the mobile number",
            Call::CreateSubCustomer(|| customer().password(Some(ok("Pw#13800000000")))),
        ),
        known_gap(
            "mobile number without a verification code",
            "verification_code",
            "needed when mobile_phone is given",
            Call::CreateSubCustomer(|| {
                Req {
                    verification_code: None,
                    ..customer_typed()
                }
                .into()
            }),
        ),
    ]
}

// ---------------------------------------------------------------------------------------
// CreateSubEnterpriseAccount
// ---------------------------------------------------------------------------------------

/// The member account of the spec's request example of CreateSubEnterpriseAccount.
fn member() -> b::NewCustomerV2 {
    types::NewCustomerV2::builder()
        .customer_name("subuser003")
        .password("Examp1e#Pass")
        .mobile_phone(Some(ok("13800000000")))
        .use_pri_mobile_phone(Some(types::NewCustomerV2UsePriMobilePhone::N))
        .verification_code(Some(ok("625123")))
}

fn member_typed() -> types::NewCustomerV2 {
    member().try_into().expect("the example is valid")
}

/// The spec's request example of CreateSubEnterpriseAccount.
fn sub_account() -> b::CreateSubCustomerReqV2 {
    use types::CreateSubCustomerReqV2PermissionIdsItem as P;
    types::CreateSubCustomerReqV2::builder()
        .party_id("99920")
        .sub_customer_association_type(1)
        .permission_ids(vec![
            P::ReadFinanceInfo,
            P::ReadConsumeBill,
            P::SubstituteOpenInvoice,
            P::TakeOverOpenInvoice,
            P::ShareCreditToSub,
            P::ShareBizDiscountToSub,
        ])
        .new_sub_customer(member())
}

fn sub_account_typed() -> types::CreateSubCustomerReqV2 {
    sub_account().try_into().expect("the example is valid")
}

fn create_sub_enterprise_account_rows() -> Vec<Row> {
    use types::{CreateSubCustomerReqV2 as Req, NewCustomerV2 as Member};
    vec![
        documented_example(Call::CreateSubEnterpriseAccount(sub_account)),
        missing(
            "party_id missing",
            "party_id",
            Call::CreateSubEnterpriseAccount(|| {
                Req::builder()
                    .sub_customer_association_type(1)
                    .new_sub_customer(member())
            }),
        ),
        missing(
            "sub_customer_association_type missing",
            "sub_customer_association_type",
            Call::CreateSubEnterpriseAccount(|| {
                Req::builder().party_id("99920").new_sub_customer(member())
            }),
        ),
        missing(
            "new_sub_customer missing",
            "new_sub_customer",
            Call::CreateSubEnterpriseAccount(|| {
                Req::builder()
                    .party_id("99920")
                    .sub_customer_association_type(1)
            }),
        ),
        missing(
            "new_sub_customer.customer_name missing",
            "new_sub_customer.customer_name",
            Call::CreateSubEnterpriseAccount(|| {
                sub_account().new_sub_customer(Member::builder().password("Examp1e#Pass"))
            }),
        ),
        missing(
            "new_sub_customer.password missing",
            "new_sub_customer.password",
            Call::CreateSubEnterpriseAccount(|| {
                sub_account().new_sub_customer(Member::builder().customer_name("subuser003"))
            }),
        ),
        rejected(
            "party_id of 21 characters",
            "party_id",
            "maxLength",
            "longer than 20 characters",
            Call::CreateSubEnterpriseAccount(|| sub_account().party_id("1".repeat(21))),
        ),
        rejected(
            "sub_customer_association_type 2",
            "sub_customer_association_type",
            "enum",
            "invalid value",
            Call::CreateSubEnterpriseAccount(|| sub_account().sub_customer_association_type(2)),
        ),
        rejected(
            "new_sub_customer.customer_name of 33 characters",
            "new_sub_customer.customer_name",
            "maxLength",
            "longer than 32 characters",
            Call::CreateSubEnterpriseAccount(|| {
                sub_account().new_sub_customer(member().customer_name(chars(33)))
            }),
        ),
        rejected(
            "new_sub_customer.password of 7 characters",
            "new_sub_customer.password",
            "minLength",
            "shorter than 8 characters",
            Call::CreateSubEnterpriseAccount(|| {
                sub_account().new_sub_customer(member().password("Exa#1pw"))
            }),
        ),
        rejected(
            "new_sub_customer.password of 33 characters",
            "new_sub_customer.password",
            "maxLength",
            "longer than 32 characters",
            Call::CreateSubEnterpriseAccount(|| {
                sub_account().new_sub_customer(member().password(format!("Ex#1{}", chars(29))))
            }),
        ),
        rejected(
            "display_name of 65 characters",
            "display_name",
            "maxLength",
            "longer than 64 characters",
            Call::Value(|| {
                reject(chars(65).parse(), |v| Req {
                    display_name: Some(v),
                    ..sub_account_typed()
                })
            }),
        ),
        rejected(
            "financial_custody 2",
            "financial_custody",
            "enum",
            "invalid value",
            Call::Value(|| {
                reject(2_i32.try_into(), |v| Req {
                    financial_custody: Some(v),
                    ..sub_account_typed()
                })
            }),
        ),
        rejected(
            "permission_ids with an undocumented permission",
            "permission_ids[]",
            "enum",
            "invalid value",
            Call::Value(|| {
                reject("READ_EVERYTHING".parse(), |v| Req {
                    permission_ids: vec![v],
                    ..sub_account_typed()
                })
            }),
        ),
        rejected(
            "new_sub_customer.mobile_phone of 21 characters",
            "new_sub_customer.mobile_phone",
            "maxLength",
            "longer than 20 characters",
            Call::Value(|| {
                reject("1".repeat(21).parse(), |v| Member {
                    mobile_phone: Some(v),
                    ..member_typed()
                })
            }),
        ),
        rejected(
            "new_sub_customer.use_pri_mobile_phone not Y or N",
            "new_sub_customer.use_pri_mobile_phone",
            "enum",
            "invalid value",
            Call::Value(|| {
                reject("y".parse(), |v| Member {
                    use_pri_mobile_phone: Some(v),
                    ..member_typed()
                })
            }),
        ),
        rejected(
            "new_sub_customer.verification_code of 7 characters",
            "new_sub_customer.verification_code",
            "maxLength",
            "longer than 6 characters",
            Call::Value(|| {
                reject("1234567".parse(), |v| Member {
                    verification_code: Some(v),
                    ..member_typed()
                })
            }),
        ),
        known_gap(
            "member without a mobile number nor use_pri_mobile_phone Y",
            "new_sub_customer.mobile_phone",
            "required unless use_pri_mobile_phone is Y",
            Call::CreateSubEnterpriseAccount(|| {
                sub_account().new_sub_customer(Member {
                    mobile_phone: None,
                    verification_code: None,
                    ..member_typed()
                })
            }),
        ),
        known_gap(
            "member mobile number without a verification code",
            "new_sub_customer.verification_code",
            "needed when a member mobile number is given",
            Call::CreateSubEnterpriseAccount(|| {
                sub_account().new_sub_customer(Member {
                    verification_code: None,
                    ..member_typed()
                })
            }),
        ),
    ]
}

// ---------------------------------------------------------------------------------------
// CheckUserIdentity
// ---------------------------------------------------------------------------------------

/// A way to build a CheckUserIdentity body.
type IdentityBody = fn() -> b::CheckSubcustomerUserReq;

/// The spec's request example of CheckUserIdentity.
fn identity() -> b::CheckSubcustomerUserReq {
    types::CheckSubcustomerUserReq::builder()
        .search_type(types::CheckSubcustomerUserReqSearchType::Name)
        .search_value("ceshiyonghu001")
}

fn check_user_identity_rows() -> Vec<Row> {
    use types::CheckSubcustomerUserReq as Req;
    use types::CheckSubcustomerUserReqSearchType as Type;
    let mut rows = vec![
        documented_example(Call::CheckUserIdentity(identity)),
        missing(
            "search_type missing",
            "search_type",
            Call::CheckUserIdentity(|| Req::builder().search_value("ceshiyonghu001")),
        ),
        missing(
            "search_value missing",
            "search_value",
            Call::CheckUserIdentity(|| Req::builder().search_type(Type::Name)),
        ),
        rejected(
            "search_type not email, mobile or name",
            "search_type",
            "enum",
            "invalid value",
            Call::CheckUserIdentity(|| identity().search_type("phone")),
        ),
        rejected(
            "search_value of 65 characters",
            "search_value",
            "maxLength",
            "longer than 64 characters",
            Call::CheckUserIdentity(|| identity().search_value(chars(65))),
        ),
    ];
    // Each clause of the name rule, and the mobile and email shapes.
    let patterns: [(&str, IdentityBody); 10] = [
        ("name of 4 characters", || identity().search_value("abcd")),
        ("name of 33 characters", || {
            identity().search_value(chars(33))
        }),
        ("name starting with op_", || {
            identity().search_value("op_abcde")
        }),
        ("name starting with shadow_", || {
            identity().search_value("shadow_abc")
        }),
        ("name of digits only", || identity().search_value("1234567")),
        ("name starting with a digit", || {
            identity().search_value("1abcde")
        }),
        ("name with a forbidden character", || {
            identity().search_value("abc.de")
        }),
        ("email without a domain part", || {
            identity().search_type(Type::Email).search_value("user@")
        }),
        ("email with a space", || {
            identity()
                .search_type(Type::Email)
                .search_value("us er@example.com")
        }),
        ("mobile with a + country code", || {
            identity()
                .search_type(Type::Mobile)
                .search_value("+86-13800000000")
        }),
    ];
    rows.extend(patterns.into_iter().map(|(name, build)| {
        rejected(
            name,
            "search_value",
            "pattern",
            "doesn't match pattern",
            Call::CheckUserIdentity(build),
        )
    }));
    rows.extend([
        known_gap(
            "search_type mobile with an account name as value",
            "search_value",
            "the value's shape follows search_type",
            Call::CheckUserIdentity(|| identity().search_type(Type::Mobile)),
        ),
        known_gap(
            "search_type name with an email address as value",
            "search_value",
            "the value's shape follows search_type",
            Call::CheckUserIdentity(|| identity().search_value("user@example.com")),
        ),
        rejected(
            "mobile whose country code does not start with 00",
            "search_value",
            "pattern",
            "doesn't match pattern",
            Call::CheckUserIdentity(|| {
                identity()
                    .search_type(Type::Mobile)
                    .search_value("1234-13800000000")
            }),
        ),
    ]);
    rows
}

// ---------------------------------------------------------------------------------------
// SendVerificationMessageCode
// ---------------------------------------------------------------------------------------

/// The spec's request example of SendVerificationMessageCode.
fn code() -> b::SendVerificationCodeV2Req {
    types::SendVerificationCodeV2Req::builder()
        .receiver_type(1)
        .timeout(Some(ok("5")))
        .mobile_phone("13800000000")
        .lang(Some(types::SendVerificationCodeV2ReqLang::EnUs))
        .scene(Some(
            types::SendVerificationCodeV2ReqScene::try_from(18).expect("documented scene"),
        ))
        .customer_id(Some(ok("a0d736359ada40aab6502d1a828c1809")))
}

fn code_typed() -> types::SendVerificationCodeV2Req {
    code().try_into().expect("the example is valid")
}

fn send_verification_message_code_rows() -> Vec<Row> {
    use types::SendVerificationCodeV2Req as Req;
    vec![
        documented_example(Call::SendVerificationMessageCode(code)),
        missing(
            "receiver_type missing",
            "receiver_type",
            Call::SendVerificationMessageCode(|| Req::builder().mobile_phone("13800000000")),
        ),
        missing(
            "mobile_phone missing",
            "mobile_phone",
            Call::SendVerificationMessageCode(|| Req::builder().receiver_type(1)),
        ),
        rejected(
            "receiver_type 2",
            "receiver_type",
            "enum",
            "invalid value",
            Call::SendVerificationMessageCode(|| code().receiver_type(2)),
        ),
        rejected(
            "mobile_phone of 33 characters",
            "mobile_phone",
            "maxLength",
            "longer than 32 characters",
            Call::SendVerificationMessageCode(|| code().mobile_phone("1".repeat(33))),
        ),
        rejected(
            "timeout 0",
            "timeout",
            "minimum",
            "0 is out of range 1..=3000",
            Call::Value(|| {
                reject(0_i32.try_into(), |v| Req {
                    timeout: Some(v),
                    ..code_typed()
                })
            }),
        ),
        rejected(
            "timeout 3001",
            "timeout",
            "maximum",
            "3001 is out of range 1..=3000",
            Call::Value(|| {
                reject(3001_i32.try_into(), |v| Req {
                    timeout: Some(v),
                    ..code_typed()
                })
            }),
        ),
        rejected(
            "lang not zh-cn or en-us",
            "lang",
            "enum",
            "invalid value",
            Call::Value(|| {
                reject("fr-fr".parse(), |v| Req {
                    lang: Some(v),
                    ..code_typed()
                })
            }),
        ),
        rejected(
            "scene 30",
            "scene",
            "enum",
            "invalid value",
            Call::Value(|| {
                reject(30_i32.try_into(), |v| Req {
                    scene: Some(v),
                    ..code_typed()
                })
            }),
        ),
        rejected(
            "customer_id of 65 characters",
            "customer_id",
            "maxLength",
            "longer than 64 characters",
            Call::Value(|| {
                reject(chars(65).parse(), |v| Req {
                    customer_id: Some(v),
                    ..code_typed()
                })
            }),
        ),
        known_gap(
            "scene 18 without customer_id",
            "customer_id",
            "required when scene is 18",
            Call::SendVerificationMessageCode(|| {
                Req {
                    customer_id: None,
                    ..code_typed()
                }
                .into()
            }),
        ),
    ]
}

// ---------------------------------------------------------------------------------------
// ListSubCustomers
// ---------------------------------------------------------------------------------------

/// The spec's request example of ListSubCustomers.
fn list() -> b::QuerySubCustomerListReq {
    types::QuerySubCustomerListReq::builder()
        .account_name(Some(ok("ceshiyonghu")))
        .association_type(Some(types::QuerySubCustomerListReqAssociationType::X2))
        .associated_on_begin(Some(ok("2019-05-06T08:05:01Z")))
        .associated_on_end(Some(ok("2019-06-06T08:05:01Z")))
        .offset(Some(ok("0")))
        .limit(Some(ok("10")))
}

fn list_typed() -> types::QuerySubCustomerListReq {
    list().try_into().expect("the example is valid")
}

fn list_sub_customers_rows() -> Vec<Row> {
    use types::QuerySubCustomerListReq as Req;
    vec![
        documented_example(Call::ListSubCustomers(list)),
        rejected(
            "account_name of 65 characters",
            "account_name",
            "maxLength",
            "longer than 64 characters",
            Call::Value(|| {
                reject(chars(65).parse(), |v| Req {
                    account_name: Some(v),
                    ..list_typed()
                })
            }),
        ),
        rejected(
            "customer of 65 characters",
            "customer",
            "maxLength",
            "longer than 64 characters",
            Call::Value(|| {
                reject(chars(65).parse(), |v| Req {
                    customer: Some(v),
                    ..list_typed()
                })
            }),
        ),
        rejected(
            "label of 65 characters",
            "label",
            "maxLength",
            "longer than 64 characters",
            Call::Value(|| {
                reject(chars(65).parse(), |v| Req {
                    label: Some(v),
                    ..list_typed()
                })
            }),
        ),
        rejected(
            "customer_id of 65 characters",
            "customer_id",
            "maxLength",
            "longer than 64 characters",
            Call::Value(|| {
                reject(chars(65).parse(), |v| Req {
                    customer_id: Some(v),
                    ..list_typed()
                })
            }),
        ),
        rejected(
            "indirect_partner_id of 65 characters",
            "indirect_partner_id",
            "maxLength",
            "longer than 64 characters",
            Call::Value(|| {
                reject(chars(65).parse(), |v| Req {
                    indirect_partner_id: Some(v),
                    ..list_typed()
                })
            }),
        ),
        rejected(
            "offset -1",
            "offset",
            "minimum",
            "-1 is out of range 0..=40000000",
            Call::Value(|| {
                reject((-1_i32).try_into(), |v| Req {
                    offset: Some(v),
                    ..list_typed()
                })
            }),
        ),
        rejected(
            "offset 40000001",
            "offset",
            "maximum",
            "40000001 is out of range 0..=40000000",
            Call::Value(|| {
                reject(40_000_001_i32.try_into(), |v| Req {
                    offset: Some(v),
                    ..list_typed()
                })
            }),
        ),
        rejected(
            "limit 0",
            "limit",
            "minimum",
            "0 is out of range 1..=100",
            Call::Value(|| {
                reject(0_i32.try_into(), |v| Req {
                    limit: Some(v),
                    ..list_typed()
                })
            }),
        ),
        rejected(
            "limit 101",
            "limit",
            "maximum",
            "101 is out of range 1..=100",
            Call::Value(|| {
                reject(101_i32.try_into(), |v| Req {
                    limit: Some(v),
                    ..list_typed()
                })
            }),
        ),
        rejected(
            "association_type 3",
            "association_type",
            "enum",
            "invalid value",
            Call::Value(|| {
                reject("3".parse(), |v| Req {
                    association_type: Some(v),
                    ..list_typed()
                })
            }),
        ),
        rejected(
            "associated_on_begin of 21 characters",
            "associated_on_begin",
            "maxLength",
            "longer than 20 characters",
            Call::Value(|| {
                reject("2019-05-06T08:05:01.Z".parse(), |v| Req {
                    associated_on_begin: Some(v),
                    ..list_typed()
                })
            }),
        ),
        rejected(
            "associated_on_begin without the Z",
            "associated_on_begin",
            "pattern",
            "doesn't match pattern",
            Call::Value(|| {
                reject("2019-05-06T08:05:01".parse(), |v| Req {
                    associated_on_begin: Some(v),
                    ..list_typed()
                })
            }),
        ),
        rejected(
            "associated_on_begin as a date only",
            "associated_on_begin",
            "pattern",
            "doesn't match pattern",
            Call::Value(|| {
                reject("2019-05-06".parse(), |v| Req {
                    associated_on_begin: Some(v),
                    ..list_typed()
                })
            }),
        ),
        rejected(
            "associated_on_end of 21 characters",
            "associated_on_end",
            "maxLength",
            "longer than 20 characters",
            Call::Value(|| {
                reject("2019-06-06T08:05:01.Z".parse(), |v| Req {
                    associated_on_end: Some(v),
                    ..list_typed()
                })
            }),
        ),
        rejected(
            "associated_on_end with a space for the T",
            "associated_on_end",
            "pattern",
            "doesn't match pattern",
            Call::Value(|| {
                reject("2019-06-06 08:05:01Z".parse(), |v| Req {
                    associated_on_end: Some(v),
                    ..list_typed()
                })
            }),
        ),
        rejected(
            "account_name with a space",
            "account_name",
            "pattern",
            "doesn't match pattern",
            Call::Value(|| {
                reject("ceshi yonghu".parse(), |v| Req {
                    account_name: Some(v),
                    ..list_typed()
                })
            }),
        ),
        rejected(
            "customer with a space",
            "customer",
            "pattern",
            "doesn't match pattern",
            Call::Value(|| {
                reject("Example Co".parse(), |v| Req {
                    customer: Some(v),
                    ..list_typed()
                })
            }),
        ),
        rejected(
            "label with a space",
            "label",
            "pattern",
            "doesn't match pattern",
            Call::Value(|| {
                reject("big vip".parse(), |v| Req {
                    label: Some(v),
                    ..list_typed()
                })
            }),
        ),
        rejected(
            "associated_on_begin that is not a date",
            "associated_on_begin",
            "pattern",
            "doesn't match pattern",
            Call::Value(|| {
                reject("2019-13-45T25:61:61Z".parse(), |v| Req {
                    associated_on_begin: Some(v),
                    ..list_typed()
                })
            }),
        ),
    ]
}

// ---------------------------------------------------------------------------------------
// ListEnterpriseOrganizations
// ---------------------------------------------------------------------------------------

/// The spec's parameter examples of ListEnterpriseOrganizations.
fn org_params() -> Params {
    Params {
        parent_id: Some("392".to_string()),
        recursive_query: Some(1),
    }
}

fn list_enterprise_organizations_rows() -> Vec<Row> {
    vec![
        documented_example(Call::ListEnterpriseOrganizations(org_params)),
        rejected(
            "parent_id of 21 digits",
            "parent_id",
            "maxLength",
            "longer than 20 characters",
            Call::Value(|| {
                reject(
                    "1".repeat(21)
                        .parse::<types::ListEnterpriseOrganizationsParentId>(),
                    drop,
                )
            }),
        ),
        rejected(
            "parent_id with letters",
            "parent_id",
            "pattern",
            "doesn't match pattern",
            Call::Value(|| {
                reject(
                    "39a".parse::<types::ListEnterpriseOrganizationsParentId>(),
                    drop,
                )
            }),
        ),
        rejected(
            "parent_id negative",
            "parent_id",
            "pattern",
            "doesn't match pattern",
            Call::Value(|| {
                reject(
                    "-392".parse::<types::ListEnterpriseOrganizationsParentId>(),
                    drop,
                )
            }),
        ),
        rejected(
            "recursive_query 2",
            "recursive_query",
            "enum",
            "invalid value",
            Call::Value(|| {
                reject(
                    types::ListEnterpriseOrganizationsRecursiveQuery::try_from(2),
                    drop,
                )
            }),
        ),
        rule_dropped(
            "parent_id of 21 digits, through the builder",
            "parent_id",
            "maxLength",
            "longer than 20 characters",
            Call::ListEnterpriseOrganizations(|| Params {
                parent_id: Some("1".repeat(21)),
                ..org_params()
            }),
        ),
        rule_dropped(
            "parent_id with letters, through the builder",
            "parent_id",
            "pattern",
            "doesn't match pattern",
            Call::ListEnterpriseOrganizations(|| Params {
                parent_id: Some("39a".to_string()),
                ..org_params()
            }),
        ),
        rule_dropped(
            "recursive_query 2, through the builder",
            "recursive_query",
            "enum",
            "invalid value",
            Call::ListEnterpriseOrganizations(|| Params {
                recursive_query: Some(2),
                ..org_params()
            }),
        ),
    ]
}

// ---------------------------------------------------------------------------------------
// Enterprise multi-account: SendSmsVerificationCode, the fund and coupon operations, and the
// listing operations (query parameters)
// ---------------------------------------------------------------------------------------

/// The member id the enterprise examples use (the simulator's seeded member).
const MEMBER: &str = "06a29c5eed0001400fc0c01027684d40";

/// The spec's request example of SendSmsVerificationCode.
fn sms() -> b::SendSmVerificationCodeReq {
    types::SendSmVerificationCodeReq::builder()
        .sm_template_args(vec![template_arg()])
        .mobile_phone("18800008888")
        .language(Some(types::SendSmVerificationCodeReqLanguage::ZhCn))
        .timeout(Some(ok("10")))
}

fn template_arg() -> types::TemplateArgs {
    types::TemplateArgs {
        key: types::TemplateArgsKey::SubCustomerName,
        value: ok("subuser001"),
    }
}

fn sms_typed() -> types::SendSmVerificationCodeReq {
    sms().try_into().expect("the example is valid")
}

fn send_sms_verification_code_rows() -> Vec<Row> {
    use types::{SendSmVerificationCodeReq as Req, TemplateArgs as Arg};
    vec![
        documented_example(Call::SendSmsVerificationCode(sms)),
        missing(
            "mobile_phone missing",
            "mobile_phone",
            Call::SendSmsVerificationCode(|| Req::builder().sm_template_args(vec![template_arg()])),
        ),
        missing(
            "sm_template_args missing",
            "sm_template_args",
            Call::SendSmsVerificationCode(|| Req::builder().mobile_phone("18800008888")),
        ),
        rejected(
            "mobile_phone of 21 characters",
            "mobile_phone",
            "maxLength",
            "longer than 20 characters",
            Call::SendSmsVerificationCode(|| sms().mobile_phone("1".repeat(21))),
        ),
        rejected(
            "timeout 0",
            "timeout",
            "minimum",
            "0 is out of range 1..=100",
            Call::Value(|| {
                reject(0_i32.try_into(), |v| Req {
                    timeout: Some(v),
                    ..sms_typed()
                })
            }),
        ),
        rejected(
            "timeout 101",
            "timeout",
            "maximum",
            "101 is out of range 1..=100",
            Call::Value(|| {
                reject(101_i32.try_into(), |v| Req {
                    timeout: Some(v),
                    ..sms_typed()
                })
            }),
        ),
        rejected(
            "language not zh-cn or en-us",
            "language",
            "enum",
            "invalid value",
            Call::Value(|| {
                reject("fr-fr".parse(), |v| Req {
                    language: Some(v),
                    ..sms_typed()
                })
            }),
        ),
        rejected(
            "template argument without a key",
            "sm_template_args[].key",
            "required",
            "no value supplied for key",
            Call::Value(|| {
                reject(
                    Arg::try_from(b::TemplateArgs::default().value("subuser001")),
                    |v| Req {
                        sm_template_args: vec![v],
                        ..sms_typed()
                    },
                )
            }),
        ),
        rejected(
            "template argument without a value",
            "sm_template_args[].value",
            "required",
            "no value supplied for value",
            Call::Value(|| {
                reject(
                    Arg::try_from(
                        b::TemplateArgs::default().key(types::TemplateArgsKey::SubCustomerName),
                    ),
                    |v| Req {
                        sm_template_args: vec![v],
                        ..sms_typed()
                    },
                )
            }),
        ),
        rejected(
            "template argument key other than sub_customer_name",
            "sm_template_args[].key",
            "enum",
            "invalid value",
            Call::Value(|| {
                reject("customer_name".parse(), |v| Req {
                    sm_template_args: vec![Arg {
                        key: v,
                        ..template_arg()
                    }],
                    ..sms_typed()
                })
            }),
        ),
        // The key is an enum of one short name; its 64-character limit cannot be reached
        // separately: any longer text is not the documented name.
        rejected(
            "template argument key of 65 characters",
            "sm_template_args[].key",
            "maxLength",
            "invalid value",
            Call::Value(|| {
                reject(chars(65).parse(), |v| Req {
                    sm_template_args: vec![Arg {
                        key: v,
                        ..template_arg()
                    }],
                    ..sms_typed()
                })
            }),
        ),
        rejected(
            "template argument value of 256 characters",
            "sm_template_args[].value",
            "maxLength",
            "longer than 255 characters",
            Call::Value(|| {
                reject(chars(256).parse(), |v| Req {
                    sm_template_args: vec![Arg {
                        value: v,
                        ..template_arg()
                    }],
                    ..sms_typed()
                })
            }),
        ),
    ]
}

/// The spec's request example of UpdateSubEnterpriseAmount.
fn transfer() -> b::TransferEnterpriseMultiAccountReq {
    types::TransferEnterpriseMultiAccountReq::builder()
        .customer_id(MEMBER)
        .amount("100.5")
        .trans_id(Some(ok("2020042401")))
        .balance_type(Some(
            types::TransferEnterpriseMultiAccountReqBalanceType::BalanceTypeDebit,
        ))
}

fn transfer_typed() -> types::TransferEnterpriseMultiAccountReq {
    transfer().try_into().expect("the example is valid")
}

fn update_sub_enterprise_amount_rows() -> Vec<Row> {
    use types::TransferEnterpriseMultiAccountReq as Req;
    vec![
        documented_example(Call::UpdateSubEnterpriseAmount(transfer)),
        missing(
            "customer_id missing",
            "customer_id",
            Call::UpdateSubEnterpriseAmount(|| Req::builder().amount("1")),
        ),
        missing(
            "amount missing",
            "amount",
            Call::UpdateSubEnterpriseAmount(|| Req::builder().customer_id(MEMBER)),
        ),
        rejected(
            "customer_id of 65 characters",
            "customer_id",
            "maxLength",
            "longer than 64 characters",
            Call::UpdateSubEnterpriseAmount(|| transfer().customer_id(chars(65))),
        ),
        rejected(
            "amount 0",
            "amount",
            "minimum",
            "less than the minimum 0.01",
            Call::UpdateSubEnterpriseAmount(|| transfer().amount("0")),
        ),
        rejected(
            "trans_id of 33 characters",
            "trans_id",
            "maxLength",
            "longer than 32 characters",
            Call::Value(|| {
                reject(chars(33).parse(), |v| Req {
                    trans_id: Some(v),
                    ..transfer_typed()
                })
            }),
        ),
        rejected(
            "balance_type not debit or credit",
            "balance_type",
            "enum",
            "invalid value",
            Call::Value(|| {
                reject("BALANCE_TYPE_CASH".parse(), |v| Req {
                    balance_type: Some(v),
                    ..transfer_typed()
                })
            }),
        ),
        rejected(
            "expire_time of 21 characters",
            "expire_time",
            "maxLength",
            "longer than 20 characters",
            Call::Value(|| {
                reject("2016-03-28T14:45:38.Z".parse(), |v| Req {
                    expire_time: Some(v),
                    ..transfer_typed()
                })
            }),
        ),
        rejected(
            "expire_time that is not a date",
            "expire_time",
            "pattern",
            "doesn't match pattern",
            Call::Value(|| {
                reject("2016-13-28T14:45:38Z".parse(), |v| Req {
                    expire_time: Some(v),
                    ..transfer_typed()
                })
            }),
        ),
    ]
}

/// The spec's request example of ReclaimSubEnterpriseAmount.
fn reclaim() -> b::RetrieveEnterpriseMultiAccountReq {
    types::RetrieveEnterpriseMultiAccountReq::builder()
        .customer_id(MEMBER)
        .amount("20.25")
        .trans_id(Some(ok("2020042402")))
        .balance_type(Some(
            types::RetrieveEnterpriseMultiAccountReqBalanceType::BalanceTypeDebit,
        ))
}

fn reclaim_typed() -> types::RetrieveEnterpriseMultiAccountReq {
    reclaim().try_into().expect("the example is valid")
}

fn reclaim_sub_enterprise_amount_rows() -> Vec<Row> {
    use types::RetrieveEnterpriseMultiAccountReq as Req;
    vec![
        documented_example(Call::ReclaimSubEnterpriseAmount(reclaim)),
        missing(
            "customer_id missing",
            "customer_id",
            Call::ReclaimSubEnterpriseAmount(|| Req::builder().amount("1")),
        ),
        missing(
            "amount missing",
            "amount",
            Call::ReclaimSubEnterpriseAmount(|| Req::builder().customer_id(MEMBER)),
        ),
        rejected(
            "customer_id of 65 characters",
            "customer_id",
            "maxLength",
            "longer than 64 characters",
            Call::ReclaimSubEnterpriseAmount(|| reclaim().customer_id(chars(65))),
        ),
        rejected(
            "amount negative",
            "amount",
            "minimum",
            "less than the minimum 0.01",
            Call::ReclaimSubEnterpriseAmount(|| reclaim().amount("-5")),
        ),
        rejected(
            "trans_id of 33 characters",
            "trans_id",
            "maxLength",
            "longer than 32 characters",
            Call::Value(|| {
                reject(chars(33).parse(), |v| Req {
                    trans_id: Some(v),
                    ..reclaim_typed()
                })
            }),
        ),
        rejected(
            "balance_type not debit or credit",
            "balance_type",
            "enum",
            "invalid value",
            Call::Value(|| {
                reject("debit".parse(), |v| Req {
                    balance_type: Some(v),
                    ..reclaim_typed()
                })
            }),
        ),
        rejected(
            "expire_time of 21 characters",
            "expire_time",
            "maxLength",
            "longer than 20 characters",
            Call::Value(|| {
                reject("2016-03-28T14:45:38ZZ".parse(), |v| Req {
                    expire_time: Some(v),
                    ..reclaim_typed()
                })
            }),
        ),
        rejected(
            "expire_time without the Z",
            "expire_time",
            "pattern",
            "doesn't match pattern",
            Call::Value(|| {
                reject("2016-03-28T14:45:38".parse(), |v| Req {
                    expire_time: Some(v),
                    ..reclaim_typed()
                })
            }),
        ),
    ]
}

/// The spec's request example of ClaimEnterpriseMultiAccountCoupon.
fn claim() -> b::TransferEnterpriseMultiAccountCouponReq {
    types::TransferEnterpriseMultiAccountCouponReq::builder()
        .customer_id(MEMBER)
        .amount("100.0")
        .trans_id(Some(ok("2020042401")))
        .coupon_id("CP19092406014086E3")
}

fn claim_typed() -> types::TransferEnterpriseMultiAccountCouponReq {
    claim().try_into().expect("the example is valid")
}

fn claim_coupon_rows() -> Vec<Row> {
    use types::TransferEnterpriseMultiAccountCouponReq as Req;
    vec![
        documented_example(Call::ClaimEnterpriseMultiAccountCoupon(claim)),
        missing(
            "customer_id missing",
            "customer_id",
            Call::ClaimEnterpriseMultiAccountCoupon(|| {
                Req::builder().coupon_id("CP19092406014086E3").amount("1")
            }),
        ),
        missing(
            "coupon_id missing",
            "coupon_id",
            Call::ClaimEnterpriseMultiAccountCoupon(|| {
                Req::builder().customer_id(MEMBER).amount("1")
            }),
        ),
        missing(
            "amount missing",
            "amount",
            Call::ClaimEnterpriseMultiAccountCoupon(|| {
                Req::builder()
                    .customer_id(MEMBER)
                    .coupon_id("CP19092406014086E3")
            }),
        ),
        rejected(
            "customer_id empty",
            "customer_id",
            "minLength",
            "shorter than 1 character",
            Call::ClaimEnterpriseMultiAccountCoupon(|| claim().customer_id("")),
        ),
        rejected(
            "customer_id of 65 characters",
            "customer_id",
            "maxLength",
            "longer than 64 characters",
            Call::ClaimEnterpriseMultiAccountCoupon(|| claim().customer_id(chars(65))),
        ),
        rejected(
            "coupon_id empty",
            "coupon_id",
            "minLength",
            "shorter than 1 character",
            Call::ClaimEnterpriseMultiAccountCoupon(|| claim().coupon_id("")),
        ),
        rejected(
            "coupon_id of 65 characters",
            "coupon_id",
            "maxLength",
            "longer than 64 characters",
            Call::ClaimEnterpriseMultiAccountCoupon(|| claim().coupon_id(chars(65))),
        ),
        rejected(
            "amount 0",
            "amount",
            "minimum",
            "less than the minimum 0.01",
            Call::ClaimEnterpriseMultiAccountCoupon(|| claim().amount("0.00")),
        ),
        rejected(
            "trans_id of 33 characters",
            "trans_id",
            "maxLength",
            "longer than 32 characters",
            Call::Value(|| {
                reject(chars(33).parse(), |v| Req {
                    trans_id: Some(v),
                    ..claim_typed()
                })
            }),
        ),
    ]
}

/// The spec's request example of ReclaimEnterpriseMultiAccountCoupon.
fn reclaim_coupon() -> b::RetrieveEnterpriseMultiAccountCouponReq {
    types::RetrieveEnterpriseMultiAccountCouponReq::builder()
        .customer_id(MEMBER)
        .coupon_id("CP19092406014086E2")
        .sub_coupon_id("CP19092406014086E1")
        .trans_id(Some(ok("333333")))
}

fn reclaim_coupon_typed() -> types::RetrieveEnterpriseMultiAccountCouponReq {
    reclaim_coupon().try_into().expect("the example is valid")
}

fn reclaim_coupon_rows() -> Vec<Row> {
    use types::RetrieveEnterpriseMultiAccountCouponReq as Req;
    vec![
        documented_example(Call::ReclaimEnterpriseMultiAccountCoupon(reclaim_coupon)),
        missing(
            "customer_id missing",
            "customer_id",
            Call::ReclaimEnterpriseMultiAccountCoupon(|| {
                Req::builder()
                    .coupon_id("CP19092406014086E2")
                    .sub_coupon_id("CP19092406014086E1")
            }),
        ),
        missing(
            "coupon_id missing",
            "coupon_id",
            Call::ReclaimEnterpriseMultiAccountCoupon(|| {
                Req::builder()
                    .customer_id(MEMBER)
                    .sub_coupon_id("CP19092406014086E1")
            }),
        ),
        missing(
            "sub_coupon_id missing",
            "sub_coupon_id",
            Call::ReclaimEnterpriseMultiAccountCoupon(|| {
                Req::builder()
                    .customer_id(MEMBER)
                    .coupon_id("CP19092406014086E2")
            }),
        ),
        rejected(
            "customer_id empty",
            "customer_id",
            "minLength",
            "shorter than 1 character",
            Call::ReclaimEnterpriseMultiAccountCoupon(|| reclaim_coupon().customer_id("")),
        ),
        rejected(
            "customer_id of 65 characters",
            "customer_id",
            "maxLength",
            "longer than 64 characters",
            Call::ReclaimEnterpriseMultiAccountCoupon(|| reclaim_coupon().customer_id(chars(65))),
        ),
        rejected(
            "coupon_id empty",
            "coupon_id",
            "minLength",
            "shorter than 1 character",
            Call::ReclaimEnterpriseMultiAccountCoupon(|| reclaim_coupon().coupon_id("")),
        ),
        rejected(
            "coupon_id of 65 characters",
            "coupon_id",
            "maxLength",
            "longer than 64 characters",
            Call::ReclaimEnterpriseMultiAccountCoupon(|| reclaim_coupon().coupon_id(chars(65))),
        ),
        rejected(
            "sub_coupon_id empty",
            "sub_coupon_id",
            "minLength",
            "shorter than 1 character",
            Call::ReclaimEnterpriseMultiAccountCoupon(|| reclaim_coupon().sub_coupon_id("")),
        ),
        rejected(
            "sub_coupon_id of 65 characters",
            "sub_coupon_id",
            "maxLength",
            "longer than 64 characters",
            Call::ReclaimEnterpriseMultiAccountCoupon(|| reclaim_coupon().sub_coupon_id(chars(65))),
        ),
        rejected(
            "trans_id of 33 characters",
            "trans_id",
            "maxLength",
            "longer than 32 characters",
            Call::Value(|| {
                reject(chars(33).parse(), |v| Req {
                    trans_id: Some(v),
                    ..reclaim_coupon_typed()
                })
            }),
        ),
    ]
}

/// Query parameters of a listing operation, as raw values given to its builder (JSON strings
/// and numbers, as the spec's examples are written).
type Query = Vec<(&'static str, Value)>;

fn without(mut query: Query, name: &str) -> Query {
    query.retain(|(key, _)| *key != name);
    query
}

/// The spec's parameter examples of ListEnterpriseSubCustomers.
fn sub_customers_query() -> Query {
    vec![
        ("sub_customer_account_name", json!("subuser")),
        ("fuzzy_query", json!(1)),
        ("offset", json!(0)),
        ("limit", json!(10)),
    ]
}

/// Rows for `offset` (0..=2147483647) and `limit` (1..=100), parsed as a caller would.
fn paging_rows() -> Vec<Row> {
    vec![
        rejected(
            "offset -1",
            "offset",
            "minimum",
            "-1 is out of range 0..=2147483647",
            Call::Value(|| {
                reject(
                    huaweicloud_bss::Bounded::<0, 2147483647>::try_from(-1),
                    drop,
                )
            }),
        ),
        rejected(
            "offset 2147483648",
            "offset",
            "maximum",
            "2147483648 is out of range 0..=2147483647",
            Call::Value(|| {
                reject(
                    huaweicloud_bss::Bounded::<0, 2147483647>::try_from(2_147_483_648_i64),
                    drop,
                )
            }),
        ),
        rejected(
            "limit 0",
            "limit",
            "minimum",
            "0 is out of range 1..=100",
            Call::Value(|| reject(huaweicloud_bss::Bounded::<1, 100>::try_from(0), drop)),
        ),
        rejected(
            "limit 101",
            "limit",
            "maximum",
            "101 is out of range 1..=100",
            Call::Value(|| reject(huaweicloud_bss::Bounded::<1, 100>::try_from(101), drop)),
        ),
    ]
}

fn list_enterprise_sub_customers_rows() -> Vec<Row> {
    use types::{
        ListEnterpriseSubCustomersFuzzyQuery as Fuzzy, ListEnterpriseSubCustomersOrgId as OrgId,
        ListEnterpriseSubCustomersSubCustomerAccountName as Name,
        ListEnterpriseSubCustomersSubCustomerDisplayName as DisplayName,
    };
    let mut rows = vec![
        documented_example(Call::Query(
            "ListEnterpriseSubCustomers",
            sub_customers_query,
        )),
        rejected(
            "sub_customer_account_name of 65 characters",
            "sub_customer_account_name",
            "maxLength",
            "longer than 64 characters",
            Call::Value(|| reject(chars(65).parse::<Name>(), drop)),
        ),
        rejected(
            "sub_customer_account_name with a space",
            "sub_customer_account_name",
            "pattern",
            "doesn't match pattern",
            Call::Value(|| reject("sub user".parse::<Name>(), drop)),
        ),
        rejected(
            "sub_customer_display_name of 65 characters",
            "sub_customer_display_name",
            "maxLength",
            "longer than 64 characters",
            Call::Value(|| reject(chars(65).parse::<DisplayName>(), drop)),
        ),
        rejected(
            "sub_customer_display_name with a space",
            "sub_customer_display_name",
            "pattern",
            "doesn't match pattern",
            Call::Value(|| reject("Research member".parse::<DisplayName>(), drop)),
        ),
        rejected(
            "fuzzy_query 2",
            "fuzzy_query",
            "enum",
            "invalid value",
            Call::Value(|| reject(Fuzzy::try_from(2), drop)),
        ),
        rejected(
            "org_id of 21 characters",
            "org_id",
            "maxLength",
            "longer than 20 characters",
            Call::Value(|| reject("1".repeat(21).parse::<OrgId>(), drop)),
        ),
    ];
    rows.extend(paging_rows());
    rows
}

/// The spec's parameter examples of ShowMultiAccountTransferAmount.
fn transfer_amount_query() -> Query {
    vec![
        ("balance_type", json!("BALANCE_TYPE_DEBIT")),
        ("offset", json!(0)),
        ("limit", json!(10)),
    ]
}

fn show_multi_account_transfer_amount_rows() -> Vec<Row> {
    let mut rows = vec![
        documented_example(Call::Query(
            "ShowMultiAccountTransferAmount",
            transfer_amount_query,
        )),
        rejected(
            "balance_type missing",
            "balance_type",
            "required",
            "balance_type was not initialized",
            Call::Query("ShowMultiAccountTransferAmount", || {
                without(transfer_amount_query(), "balance_type")
            }),
        ),
        rejected(
            "balance_type not debit or credit",
            "balance_type",
            "enum",
            "invalid value",
            Call::Value(|| {
                reject(
                    "BALANCE_TYPE_CASH".parse::<types::ShowMultiAccountTransferAmountBalanceType>(),
                    drop,
                )
            }),
        ),
    ];
    rows.extend(paging_rows());
    rows
}

/// The spec's parameter examples of ListEnterpriseMultiAccount.
fn retrieve_amount_query() -> Query {
    vec![
        ("sub_customer_id", json!(MEMBER)),
        ("balance_type", json!("BALANCE_TYPE_DEBIT")),
    ]
}

fn list_enterprise_multi_account_rows() -> Vec<Row> {
    let mut rows = vec![
        documented_example(Call::Query(
            "ListEnterpriseMultiAccount",
            retrieve_amount_query,
        )),
        rejected(
            "sub_customer_id missing",
            "sub_customer_id",
            "required",
            "sub_customer_id was not initialized",
            Call::Query("ListEnterpriseMultiAccount", || {
                without(retrieve_amount_query(), "sub_customer_id")
            }),
        ),
        rejected(
            "balance_type missing",
            "balance_type",
            "required",
            "balance_type was not initialized",
            Call::Query("ListEnterpriseMultiAccount", || {
                without(retrieve_amount_query(), "balance_type")
            }),
        ),
        rejected(
            "sub_customer_id of 65 characters",
            "sub_customer_id",
            "maxLength",
            "longer than 64 characters",
            Call::Value(|| {
                reject(
                    chars(65).parse::<types::ListEnterpriseMultiAccountSubCustomerId>(),
                    drop,
                )
            }),
        ),
        rejected(
            "balance_type not debit or credit",
            "balance_type",
            "enum",
            "invalid value",
            Call::Value(|| {
                reject(
                    "CREDIT".parse::<types::ListEnterpriseMultiAccountBalanceType>(),
                    drop,
                )
            }),
        ),
    ];
    rows.extend(paging_rows());
    rows
}

/// The spec's parameter examples of ListMultiAccountTransferCoupons.
fn transfer_coupons_query() -> Query {
    vec![("offset", json!(0)), ("limit", json!(10))]
}

fn list_multi_account_transfer_coupons_rows() -> Vec<Row> {
    let mut rows = vec![documented_example(Call::Query(
        "ListMultiAccountTransferCoupons",
        transfer_coupons_query,
    ))];
    rows.extend(paging_rows());
    rows
}

/// The spec's parameter examples of ListMultiAccountRetrieveCoupons.
fn retrieve_coupons_query() -> Query {
    vec![
        ("sub_customer_id", json!(MEMBER)),
        ("offset", json!(0)),
        ("limit", json!(10)),
    ]
}

fn list_multi_account_retrieve_coupons_rows() -> Vec<Row> {
    use types::ListMultiAccountRetrieveCouponsSubCustomerId as Member;
    let mut rows = vec![
        documented_example(Call::Query(
            "ListMultiAccountRetrieveCoupons",
            retrieve_coupons_query,
        )),
        rejected(
            "sub_customer_id missing",
            "sub_customer_id",
            "required",
            "sub_customer_id was not initialized",
            Call::Query("ListMultiAccountRetrieveCoupons", || {
                without(retrieve_coupons_query(), "sub_customer_id")
            }),
        ),
        rejected(
            "sub_customer_id empty",
            "sub_customer_id",
            "minLength",
            "shorter than 1 character",
            Call::Value(|| reject("".parse::<Member>(), drop)),
        ),
        rejected(
            "sub_customer_id of 65 characters",
            "sub_customer_id",
            "maxLength",
            "longer than 64 characters",
            Call::Value(|| reject(chars(65).parse::<Member>(), drop)),
        ),
    ];
    rows.extend(paging_rows());
    rows
}

/// Sends a listing operation with raw parameter values, as a caller's builder calls would.
async fn send_query(client: &Client, operation: &str, query: &Query) -> Result<(), Error> {
    fn text(value: &Value) -> String {
        value.as_str().expect("a string parameter").to_string()
    }
    fn int(value: &Value) -> i64 {
        value.as_i64().expect("an integer parameter")
    }
    let result = match operation {
        "ListEnterpriseSubCustomers" => {
            let mut call = client.list_enterprise_sub_customers();
            for (name, value) in query {
                call = match *name {
                    "sub_customer_account_name" => call.sub_customer_account_name(text(value)),
                    "sub_customer_display_name" => call.sub_customer_display_name(text(value)),
                    "fuzzy_query" => call.fuzzy_query(int(value) as i32),
                    "org_id" => call.org_id(text(value)),
                    "offset" => call.offset(int(value)),
                    "limit" => call.limit(int(value)),
                    other => panic!("unknown parameter {other}"),
                };
            }
            call.send().await.map(drop)
        }
        "ShowMultiAccountTransferAmount" => {
            let mut call = client.show_multi_account_transfer_amount();
            for (name, value) in query {
                call = match *name {
                    "balance_type" => call.balance_type(text(value).as_str()),
                    "offset" => call.offset(int(value)),
                    "limit" => call.limit(int(value)),
                    other => panic!("unknown parameter {other}"),
                };
            }
            call.send().await.map(drop)
        }
        "ListEnterpriseMultiAccount" => {
            let mut call = client.list_enterprise_multi_account();
            for (name, value) in query {
                call = match *name {
                    "sub_customer_id" => call.sub_customer_id(text(value)),
                    "balance_type" => call.balance_type(text(value).as_str()),
                    "offset" => call.offset(int(value)),
                    "limit" => call.limit(int(value)),
                    other => panic!("unknown parameter {other}"),
                };
            }
            call.send().await.map(drop)
        }
        "ListMultiAccountTransferCoupons" => {
            let mut call = client.list_multi_account_transfer_coupons();
            for (name, value) in query {
                call = match *name {
                    "offset" => call.offset(int(value)),
                    "limit" => call.limit(int(value)),
                    other => panic!("unknown parameter {other}"),
                };
            }
            call.send().await.map(drop)
        }
        "ListMultiAccountRetrieveCoupons" => {
            let mut call = client.list_multi_account_retrieve_coupons();
            for (name, value) in query {
                call = match *name {
                    "sub_customer_id" => call.sub_customer_id(text(value)),
                    "offset" => call.offset(int(value)),
                    "limit" => call.limit(int(value)),
                    other => panic!("unknown parameter {other}"),
                };
            }
            call.send().await.map(drop)
        }
        other => panic!("{other} is not a listing operation of this table"),
    };
    result.map_err(Error::from)
}

/// What the types make of a listing operation's parameters: each parsed by its type, back as
/// JSON.
fn typed_query(operation: &str, query: &Query) -> Result<Value, String> {
    fn parsed<T: FromStr + serde::Serialize>(value: &Value) -> Result<Value, String>
    where
        T::Err: fmt::Display,
    {
        let text = match value {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        let typed: T = text.parse().map_err(|e: T::Err| e.to_string())?;
        Ok(serde_json::to_value(typed).expect("parameter types serialize"))
    }
    let mut out = Map::new();
    for (name, value) in query {
        let typed = match (operation, *name) {
            ("ListEnterpriseSubCustomers", "sub_customer_account_name") => {
                parsed::<types::ListEnterpriseSubCustomersSubCustomerAccountName>(value)?
            }
            ("ListEnterpriseSubCustomers", "fuzzy_query") => {
                let typed = types::ListEnterpriseSubCustomersFuzzyQuery::try_from(
                    value.as_i64().expect("an integer") as i32,
                )
                .map_err(|e| e.to_string())?;
                json!(*typed)
            }
            ("ShowMultiAccountTransferAmount", "balance_type") => {
                parsed::<types::ShowMultiAccountTransferAmountBalanceType>(value)?
            }
            ("ListEnterpriseMultiAccount", "balance_type") => {
                parsed::<types::ListEnterpriseMultiAccountBalanceType>(value)?
            }
            ("ListEnterpriseMultiAccount", "sub_customer_id") => {
                parsed::<types::ListEnterpriseMultiAccountSubCustomerId>(value)?
            }
            ("ListMultiAccountRetrieveCoupons", "sub_customer_id") => {
                parsed::<types::ListMultiAccountRetrieveCouponsSubCustomerId>(value)?
            }
            (_, "offset") => parsed::<huaweicloud_bss::Bounded<0, 2147483647>>(value)?,
            (_, "limit") => parsed::<huaweicloud_bss::Bounded<1, 100>>(value)?,
            (operation, name) => panic!("{operation}: no typed wiring for parameter {name}"),
        };
        out.insert(name.to_string(), typed);
    }
    Ok(Value::Object(out))
}

fn rows(operation: &str) -> Vec<Row> {
    match operation {
        "CreateSubCustomer" => create_sub_customer_rows(),
        "CreateSubEnterpriseAccount" => create_sub_enterprise_account_rows(),
        "CheckUserIdentity" => check_user_identity_rows(),
        "SendVerificationMessageCode" => send_verification_message_code_rows(),
        "ListSubCustomers" => list_sub_customers_rows(),
        "ListEnterpriseOrganizations" => list_enterprise_organizations_rows(),
        "SendSmsVerificationCode" => send_sms_verification_code_rows(),
        "ListEnterpriseSubCustomers" => list_enterprise_sub_customers_rows(),
        "UpdateSubEnterpriseAmount" => update_sub_enterprise_amount_rows(),
        "ShowMultiAccountTransferAmount" => show_multi_account_transfer_amount_rows(),
        "ReclaimSubEnterpriseAmount" => reclaim_sub_enterprise_amount_rows(),
        "ListEnterpriseMultiAccount" => list_enterprise_multi_account_rows(),
        "ClaimEnterpriseMultiAccountCoupon" => claim_coupon_rows(),
        "ListMultiAccountTransferCoupons" => list_multi_account_transfer_coupons_rows(),
        "ReclaimEnterpriseMultiAccountCoupon" => reclaim_coupon_rows(),
        "ListMultiAccountRetrieveCoupons" => list_multi_account_retrieve_coupons_rows(),
        "ListIndirectPartners" => cd::list_indirect_partners_rows(),
        "UpdateIndirectPartnerAccount" => cd::update_indirect_partner_account_rows(),
        "ReclaimIndirectPartnerAccount" => cd::reclaim_indirect_partner_account_rows(),
        "UpdateCouponQuotas" => cd::update_coupon_quotas_rows(),
        "ReclaimCouponQuotas" => cd::reclaim_coupon_quotas_rows(),
        "ListQuotaCoupons" => cd::list_quota_coupons_rows(),
        "ListIssuedCouponQuotas" => cd::list_issued_coupon_quotas_rows(),
        "ListCouponQuotasRecords" => cd::list_coupon_quotas_records_rows(),
        "CreatePartnerCoupons" => cd::create_partner_coupons_rows(),
        "ReclaimPartnerCoupons" => cd::reclaim_partner_coupons_rows(),
        "ListIssuedPartnerCoupons" => cd::list_issued_partner_coupons_rows(),
        "ListPartnerCouponsRecord" => cd::list_partner_coupons_record_rows(),
        "ListSubCustomerCoupons" => cd::list_sub_customer_coupons_rows(),
        other => constraints_ab::rows(other)
            .unwrap_or_else(|| panic!("{other} has no constraint table in this test: add one")),
    }
}

// ---------------------------------------------------------------------------------------
// Running a row
// ---------------------------------------------------------------------------------------

/// Sends a builder row's request through the client.
async fn send(client: &Client, call: &Call) -> Result<(), Error> {
    if let Call::Send(request) = call {
        return request(client).await;
    }
    let result = match call {
        Call::CreateSubCustomer(body) => client
            .create_sub_customer()
            .body(body())
            .send()
            .await
            .map(drop),
        Call::CreateSubEnterpriseAccount(body) => client
            .create_sub_enterprise_account()
            .body(body())
            .send()
            .await
            .map(drop),
        Call::CheckUserIdentity(body) => client
            .check_user_identity()
            .body(body())
            .send()
            .await
            .map(drop),
        Call::SendVerificationMessageCode(body) => client
            .send_verification_message_code()
            .body(body())
            .send()
            .await
            .map(drop),
        Call::ListSubCustomers(body) => client
            .list_sub_customers()
            .body(body())
            .send()
            .await
            .map(drop),
        Call::ListEnterpriseOrganizations(params) => {
            let params = params();
            let mut request = client.list_enterprise_organizations();
            if let Some(parent_id) = params.parent_id {
                request = request.parent_id(parent_id);
            }
            if let Some(recursive_query) = params.recursive_query {
                request = request.recursive_query(recursive_query);
            }
            request.send().await.map(drop)
        }
        Call::SendSmsVerificationCode(body) => client
            .send_sms_verification_code()
            .body(body())
            .send()
            .await
            .map(drop),
        Call::UpdateSubEnterpriseAmount(body) => client
            .update_sub_enterprise_amount()
            .body(body())
            .send()
            .await
            .map(drop),
        Call::ReclaimSubEnterpriseAmount(body) => client
            .reclaim_sub_enterprise_amount()
            .body(body())
            .send()
            .await
            .map(drop),
        Call::ClaimEnterpriseMultiAccountCoupon(body) => client
            .claim_enterprise_multi_account_coupon()
            .body(body())
            .send()
            .await
            .map(drop),
        Call::ReclaimEnterpriseMultiAccountCoupon(body) => client
            .reclaim_enterprise_multi_account_coupon()
            .body(body())
            .send()
            .await
            .map(drop),
        Call::Query(operation, query) => return send_query(client, operation, &query()).await,
        Call::Value(_) | Call::Typed(_) | Call::Send(_) => {
            unreachable!("value rows are parsed, not sent")
        }
    };
    result.map_err(Error::from)
}

fn json_of<T: serde::Serialize, E: fmt::Display>(typed: Result<T, E>) -> Result<Value, String> {
    typed
        .map(|t| serde_json::to_value(t).expect("request types serialize"))
        .map_err(|e| e.to_string())
}

/// What the types make of a row's request, without any I/O: its JSON form, or why they
/// refuse it.
fn typed(call: &Call) -> Result<Value, String> {
    match call {
        Call::CreateSubCustomer(body) => json_of(types::CreateCustomerV2Req::try_from(body())),
        Call::CreateSubEnterpriseAccount(body) => {
            json_of(types::CreateSubCustomerReqV2::try_from(body()))
        }
        Call::CheckUserIdentity(body) => json_of(types::CheckSubcustomerUserReq::try_from(body())),
        Call::SendVerificationMessageCode(body) => {
            json_of(types::SendVerificationCodeV2Req::try_from(body()))
        }
        Call::ListSubCustomers(body) => json_of(types::QuerySubCustomerListReq::try_from(body())),
        Call::ListEnterpriseOrganizations(params) => {
            let params = params();
            let mut query = Map::new();
            if let Some(parent_id) = params.parent_id {
                let typed = types::ListEnterpriseOrganizationsParentId::from_str(&parent_id)
                    .map_err(|e| e.to_string())?;
                query.insert("parent_id".into(), json!(typed.as_str()));
            }
            if let Some(recursive_query) = params.recursive_query {
                let typed =
                    types::ListEnterpriseOrganizationsRecursiveQuery::try_from(recursive_query)
                        .map_err(|e| e.to_string())?;
                query.insert("recursive_query".into(), json!(*typed));
            }
            Ok(Value::Object(query))
        }
        Call::SendSmsVerificationCode(body) => {
            json_of(types::SendSmVerificationCodeReq::try_from(body()))
        }
        Call::UpdateSubEnterpriseAmount(body) => {
            json_of(types::TransferEnterpriseMultiAccountReq::try_from(body()))
        }
        Call::ReclaimSubEnterpriseAmount(body) => {
            json_of(types::RetrieveEnterpriseMultiAccountReq::try_from(body()))
        }
        Call::ClaimEnterpriseMultiAccountCoupon(body) => json_of(
            types::TransferEnterpriseMultiAccountCouponReq::try_from(body()),
        ),
        Call::ReclaimEnterpriseMultiAccountCoupon(body) => json_of(
            types::RetrieveEnterpriseMultiAccountCouponReq::try_from(body()),
        ),
        Call::Query(operation, query) => typed_query(operation, &query()),
        Call::Value(value) => value().map(|()| Value::Null).map_err(|r| r.shown),
        Call::Typed(build) => build(),
        Call::Send(_) => Err("a sent row has no typed form".to_string()),
    }
}

/// The parts of a field path a message must name (`new_sub_customer.password` → both).
fn field_parts(field: &str) -> impl Iterator<Item = &str> {
    field.split('.').map(|part| part.trim_end_matches("[]"))
}

fn must_name(message: &str, what: &str, part: &str) -> Result<(), String> {
    if message.contains(part) {
        Ok(())
    } else {
        Err(format!(
            "the message does not name the {what} {part:?}: {message:?}"
        ))
    }
}

/// Runs one row; `Err` says what is wrong.
async fn check(client: &Client, row: &Row, example: &Value) -> Result<(), String> {
    match row.expect {
        Expect::Rejected => match &row.call {
            Call::Value(value) => match value() {
                Ok(()) => Err("the value was accepted".to_string()),
                Err(Rejection { shown, error }) => {
                    must_name(&shown, "rule", row.rule).map_err(|e| format!("parse error: {e}"))?;
                    match error {
                        Error::InvalidRequest { message } => must_name(&message, "rule", row.rule),
                        other => Err(format!("converted into {other:?}, not InvalidRequest")),
                    }
                }
            },
            call => match send(client, call).await {
                Err(Error::InvalidRequest { message }) => {
                    for part in field_parts(row.field) {
                        must_name(&message, "field", part)?;
                    }
                    must_name(&message, "rule", row.rule)
                }
                other => Err(format!("expected Err(InvalidRequest), got {other:?}")),
            },
        },
        Expect::RuleDroppedFromMessage => match send(client, &row.call).await {
            Err(Error::InvalidRequest { message }) => {
                for part in field_parts(row.field) {
                    must_name(&message, "field", part)?;
                }
                if message.contains(row.rule) {
                    Err(format!(
                        "the message now names the rule ({message:?}): the bug is fixed, make \
                         this row `rejected` and remove it from RULE_DROPPED_FROM_MESSAGE"
                    ))
                } else {
                    Ok(())
                }
            }
            other => Err(format!("expected Err(InvalidRequest), got {other:?}")),
        },
        Expect::DocumentedExample => {
            let json = typed(&row.call).map_err(|e| format!("refused: {e}"))?;
            if &json == example {
                Ok(())
            } else {
                Err(format!(
                    "the request differs from the spec's example:\n    built: {json}\n    spec:  {example}"
                ))
            }
        }
        Expect::KnownGap => match typed(&row.call) {
            Ok(_) => Ok(()),
            Err(e) => Err(format!(
                "now rejected ({e}): the gap is closed, make this row `rejected` and remove it \
                 from KNOWN_GAPS"
            )),
        },
    }
}

// ---------------------------------------------------------------------------------------
// The spec
// ---------------------------------------------------------------------------------------

fn spec() -> serde_yaml::Value {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../spec/bss.yaml"))
        .expect("spec/bss.yaml is readable");
    serde_yaml::from_str(&text).expect("spec/bss.yaml is YAML")
}

fn spec_operation<'a>(spec: &'a serde_yaml::Value, op: &Operation) -> &'a serde_yaml::Value {
    let doc = &spec["paths"][op.path][op.method.to_lowercase().as_str()];
    assert!(!doc.is_null(), "{} is in the spec", op.id);
    doc
}

/// The request example of an operation: its body example, or its parameters' examples.
fn spec_example(spec: &serde_yaml::Value, op: &Operation) -> Value {
    let doc = spec_operation(spec, op);
    let body = &doc["requestBody"]["content"]["application/json"]["example"];
    if !body.is_null() {
        return serde_json::to_value(body).expect("examples are JSON");
    }
    let mut params = Map::new();
    for p in doc["parameters"].as_sequence().into_iter().flatten() {
        if !p["example"].is_null() {
            let name = p["name"].as_str().expect("parameters are named");
            params.insert(
                name.to_string(),
                serde_json::to_value(&p["example"]).expect("examples are JSON"),
            );
        }
    }
    Value::Object(params)
}

const KEYWORDS: [&str; 6] = [
    "minLength",
    "maxLength",
    "pattern",
    "enum",
    "minimum",
    "maximum",
];

fn resolve<'a>(
    spec: &'a serde_yaml::Value,
    schema: &'a serde_yaml::Value,
) -> &'a serde_yaml::Value {
    match schema["$ref"].as_str() {
        Some(reference) => {
            let name = reference
                .strip_prefix("#/components/schemas/")
                .expect("local schema reference");
            &spec["components"]["schemas"][name]
        }
        None => schema,
    }
}

fn keywords_of(schema: &serde_yaml::Value, field: &str, out: &mut BTreeSet<String>) {
    for keyword in KEYWORDS {
        if !schema[keyword].is_null() {
            out.insert(format!("{field} {keyword}"));
        }
    }
}

fn walk(
    spec: &serde_yaml::Value,
    schema: &serde_yaml::Value,
    prefix: &str,
    out: &mut BTreeSet<String>,
) {
    let schema = resolve(spec, schema);
    for required in schema["required"].as_sequence().into_iter().flatten() {
        let name = required.as_str().expect("required names are strings");
        out.insert(format!("{prefix}{name} required"));
    }
    let Some(properties) = schema["properties"].as_mapping() else {
        return;
    };
    for (name, property) in properties {
        let field = format!(
            "{prefix}{}",
            name.as_str().expect("property names are strings")
        );
        if !property["$ref"].is_null() {
            walk(spec, property, &format!("{field}."), out);
            continue;
        }
        keywords_of(property, &field, out);
        if !property["items"].is_null() {
            let items = resolve(spec, &property["items"]);
            keywords_of(items, &format!("{field}[]"), out);
            if !items["properties"].is_null() {
                walk(spec, items, &format!("{field}[]."), out);
            }
        }
    }
}

/// Every constraint of an operation's request, as `field keyword`.
fn spec_constraints(spec: &serde_yaml::Value, op: &Operation) -> BTreeSet<String> {
    let doc = spec_operation(spec, op);
    let mut out = BTreeSet::new();
    for p in doc["parameters"].as_sequence().into_iter().flatten() {
        let name = p["name"].as_str().expect("parameters are named");
        if p["required"].as_bool() == Some(true) {
            out.insert(format!("{name} required"));
        }
        keywords_of(&p["schema"], name, &mut out);
    }
    let body = &doc["requestBody"]["content"]["application/json"]["schema"];
    if !body.is_null() {
        walk(spec, body, "", &mut out);
    }
    out
}

// ---------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------

/// Runs an operation's table against a live simulator: every row as expected, and nothing
/// reached the server.
async fn run_table(operation: &str) {
    let spec = spec();
    let op = huaweicloud_bss::operations::find(operation).expect("a documented operation");
    let example = spec_example(&spec, op);
    let (sim, client) = support::sim_and_client().await;
    let rows = rows(operation);
    let mut failures = Vec::new();
    for row in &rows {
        if let Err(why) = check(&client, row, &example).await {
            failures.push(format!(
                "{:?} ({} {}): {why}",
                row.name, row.field, row.keyword
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{operation}: {} of {} rows failed:\n  {}",
        failures.len(),
        rows.len(),
        failures.join("\n  ")
    );
    assert_eq!(
        sim.requests_served(),
        0,
        "{operation}: a request reached the simulator: {:#?}",
        sim.received()
    );
}

#[tokio::test]
async fn create_sub_customer_rejects_every_documented_constraint_before_sending() {
    run_table("CreateSubCustomer").await;
}

#[tokio::test]
async fn create_sub_enterprise_account_rejects_every_documented_constraint_before_sending() {
    run_table("CreateSubEnterpriseAccount").await;
}

#[tokio::test]
async fn check_user_identity_rejects_every_documented_constraint_before_sending() {
    run_table("CheckUserIdentity").await;
}

#[tokio::test]
async fn send_verification_message_code_rejects_every_documented_constraint_before_sending() {
    run_table("SendVerificationMessageCode").await;
}

#[tokio::test]
async fn list_sub_customers_rejects_every_documented_constraint_before_sending() {
    run_table("ListSubCustomers").await;
}

#[tokio::test]
async fn list_enterprise_organizations_rejects_every_documented_constraint_before_sending() {
    run_table("ListEnterpriseOrganizations").await;
}

#[tokio::test]
async fn send_sms_verification_code_rejects_every_documented_constraint_before_sending() {
    run_table("SendSmsVerificationCode").await;
}

#[tokio::test]
async fn list_enterprise_sub_customers_rejects_every_documented_constraint_before_sending() {
    run_table("ListEnterpriseSubCustomers").await;
}

#[tokio::test]
async fn update_sub_enterprise_amount_rejects_every_documented_constraint_before_sending() {
    run_table("UpdateSubEnterpriseAmount").await;
}

#[tokio::test]
async fn show_multi_account_transfer_amount_rejects_every_documented_constraint_before_sending() {
    run_table("ShowMultiAccountTransferAmount").await;
}

#[tokio::test]
async fn reclaim_sub_enterprise_amount_rejects_every_documented_constraint_before_sending() {
    run_table("ReclaimSubEnterpriseAmount").await;
}

#[tokio::test]
async fn list_enterprise_multi_account_rejects_every_documented_constraint_before_sending() {
    run_table("ListEnterpriseMultiAccount").await;
}

#[tokio::test]
async fn claim_enterprise_multi_account_coupon_rejects_every_documented_constraint_before_sending()
{
    run_table("ClaimEnterpriseMultiAccountCoupon").await;
}

#[tokio::test]
async fn list_multi_account_transfer_coupons_rejects_every_documented_constraint_before_sending() {
    run_table("ListMultiAccountTransferCoupons").await;
}

#[tokio::test]
async fn reclaim_enterprise_multi_account_coupon_rejects_every_documented_constraint_before_sending()
 {
    run_table("ReclaimEnterpriseMultiAccountCoupon").await;
}

#[tokio::test]
async fn list_multi_account_retrieve_coupons_rejects_every_documented_constraint_before_sending() {
    run_table("ListMultiAccountRetrieveCoupons").await;
}

#[tokio::test]
async fn resellers_and_coupons_reject_every_documented_constraint_before_sending() {
    for operation in [
        "ListIndirectPartners",
        "UpdateIndirectPartnerAccount",
        "ReclaimIndirectPartnerAccount",
        "UpdateCouponQuotas",
        "ReclaimCouponQuotas",
        "ListQuotaCoupons",
        "ListIssuedCouponQuotas",
        "ListCouponQuotasRecords",
        "CreatePartnerCoupons",
        "ReclaimPartnerCoupons",
        "ListIssuedPartnerCoupons",
        "ListPartnerCouponsRecord",
        "ListSubCustomerCoupons",
    ] {
        run_table(operation).await;
    }
}

#[test]
fn every_constraint_keyword_in_the_spec_has_a_rejecting_row_and_no_row_invents_one() {
    let spec = spec();
    let mut problems = Vec::new();
    for op in OPERATIONS {
        let documented = spec_constraints(&spec, op);
        let rows = rows(op.id);
        let covered: BTreeSet<String> = rows
            .iter()
            .filter(|r| r.expect == Expect::Rejected)
            .map(|r| format!("{} {}", r.field, r.keyword))
            .collect();
        for missing in documented.difference(&covered) {
            problems.push(format!("{}: no rejecting row for {missing}", op.id));
        }
        for invented in covered.difference(&documented) {
            problems.push(format!(
                "{}: a row claims {invented}, not in the spec",
                op.id
            ));
        }
        let examples = rows
            .iter()
            .filter(|r| r.expect == Expect::DocumentedExample)
            .count();
        if examples != 1 {
            problems.push(format!("{}: {examples} documented-example rows", op.id));
        }
        let mut names = BTreeSet::new();
        for row in &rows {
            if !names.insert(row.name) {
                problems.push(format!("{}: two rows named {:?}", op.id, row.name));
            }
        }
    }
    assert!(problems.is_empty(), "\n  {}", problems.join("\n  "));
}

#[test]
fn the_known_gaps_and_message_bugs_are_exactly_the_listed_ones() {
    let marked = |expect: Expect| -> BTreeSet<(&'static str, &'static str)> {
        OPERATIONS
            .iter()
            .flat_map(|op| {
                rows(op.id)
                    .into_iter()
                    .filter(move |r| r.expect == expect)
                    .map(move |r| (op.id, r.name))
            })
            .collect()
    };
    assert_eq!(
        marked(Expect::KnownGap),
        KNOWN_GAPS.iter().copied().collect(),
        "rows marked known_gap vs KNOWN_GAPS"
    );
    assert_eq!(
        marked(Expect::RuleDroppedFromMessage),
        RULE_DROPPED_FROM_MESSAGE.iter().copied().collect(),
        "rows marked rule_dropped vs RULE_DROPPED_FROM_MESSAGE"
    );
}
