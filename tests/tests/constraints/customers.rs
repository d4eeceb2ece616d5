//! Constraint tables of the customer operations: creating a customer, checking a user's
//! identity, sending a verification code, listing customers and their new-customer tags.

use std::collections::BTreeSet;

use crate::harness::*;
use crate::support;

/// The tables of this domain: each operation and its rows.
pub(crate) const TABLES: Tables = &[
    ("CreateSubCustomer", create_sub_customer_rows),
    ("CheckUserIdentity", check_user_identity_rows),
    (
        "SendVerificationMessageCode",
        send_verification_message_code_rows,
    ),
    ("ListSubCustomers", list_sub_customers_rows),
    ("ListSubCustomerNewTag", list_sub_customer_new_tag_rows),
];

// ---------------------------------------------------------------------------------------
// CreateSubCustomer
// ---------------------------------------------------------------------------------------

/// The spec's request example of CreateSubCustomer.
fn customer() -> b::CreateCustomerV2ReqBuilder {
    types::CreateCustomerV2Req::builder()
        .domain_name("testuser01")
        .mobile_phone("13800000000")
        .verification_code("253123")
        .xaccount_id("35rey1234")
        .xaccount_type("example_IDP")
        .password("Examp1e#Pass")
        .is_close_market_ms(types::CreateCustomerV2ReqIsCloseMarketMs::True)
        .cooperation_type("1".to_string())
        .indirect_partner_id("a0d736359ada40aab6502d1a828c1809")
        .include_association_result(false)
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
            "at most 128 characters",
            Call::CreateSubCustomer(|| customer().xaccount_id(chars(129))),
        ),
        rejected(
            "xaccount_type of 65 characters",
            "xaccount_type",
            "maxLength",
            "at most 64 characters",
            Call::CreateSubCustomer(|| customer().xaccount_type(chars(65))),
        ),
        rejected(
            "domain_name too short (4 characters)",
            "domain_name",
            "minLength",
            "5 to 32 characters",
            Call::CreateSubCustomer(|| customer().domain_name("abcd")),
        ),
        rejected(
            "domain_name too long (33 characters)",
            "domain_name",
            "maxLength",
            "5 to 32 characters",
            Call::CreateSubCustomer(|| customer().domain_name(chars(33))),
        ),
        rejected(
            "domain_name starting with op_",
            "domain_name",
            "pattern",
            "letters, digits, _ or -, starting with a letter, _ or -, not only digits, not starting with op_ or shadow_",
            Call::CreateSubCustomer(|| customer().domain_name("op_abcde")),
        ),
        rejected(
            "domain_name starting with shadow_",
            "domain_name",
            "pattern",
            "letters, digits, _ or -, starting with a letter, _ or -, not only digits, not starting with op_ or shadow_",
            Call::CreateSubCustomer(|| customer().domain_name("shadow_abc")),
        ),
        rejected(
            "domain_name of digits only",
            "domain_name",
            "pattern",
            "letters, digits, _ or -, starting with a letter, _ or -, not only digits, not starting with op_ or shadow_",
            Call::CreateSubCustomer(|| customer().domain_name("1234567")),
        ),
        rejected(
            "domain_name starting with a digit",
            "domain_name",
            "pattern",
            "letters, digits, _ or -, starting with a letter, _ or -, not only digits, not starting with op_ or shadow_",
            Call::CreateSubCustomer(|| customer().domain_name("1abcde")),
        ),
        rejected(
            "domain_name with a forbidden character",
            "domain_name",
            "pattern",
            "letters, digits, _ or -, starting with a letter, _ or -, not only digits, not starting with op_ or shadow_",
            Call::CreateSubCustomer(|| customer().domain_name("abc.de")),
        ),
        rejected(
            "domain_name with a space",
            "domain_name",
            "pattern",
            "letters, digits, _ or -, starting with a letter, _ or -, not only digits, not starting with op_ or shadow_",
            Call::CreateSubCustomer(|| customer().domain_name("abc de")),
        ),
        rejected(
            "mobile_phone of 33 characters",
            "mobile_phone",
            "maxLength",
            "at most 32 characters",
            Call::CreateSubCustomer(|| customer().mobile_phone(chars(33))),
        ),
        rejected(
            "verification_code of 5 characters",
            "verification_code",
            "minLength",
            "exactly 6 characters",
            Call::CreateSubCustomer(|| customer().verification_code("12345")),
        ),
        rejected(
            "verification_code of 7 characters",
            "verification_code",
            "maxLength",
            "exactly 6 characters",
            Call::CreateSubCustomer(|| customer().verification_code("1234567")),
        ),
        rejected(
            "password of 7 characters",
            "password",
            "minLength",
            "8 to 32 characters",
            Call::CreateSubCustomer(|| customer().password("Exa#1pw")),
        ),
        rejected(
            "password of 33 characters",
            "password",
            "maxLength",
            "8 to 32 characters",
            Call::CreateSubCustomer(|| customer().password(format!("Ex#1{}", chars(29)))),
        ),
        rejected(
            "is_close_market_ms not true or false",
            "is_close_market_ms",
            "enum",
            "one of: true, false",
            Call::Wire("CreateSubCustomer", || {
                body_with(customer().build(), "is_close_market_ms", json!("yes"))
            }),
        ),
        rejected(
            "indirect_partner_id of 65 characters",
            "indirect_partner_id",
            "maxLength",
            "at most 64 characters",
            Call::CreateSubCustomer(|| customer().indirect_partner_id(chars(65))),
        ),
        known_gap(
            "password with a single character class",
            "password",
            "at least two of upper case, lower case, digits and special characters",
            Call::CreateSubCustomer(|| customer().password("examplepass")),
        ),
        known_gap(
            "password equal to the account name",
            "password",
            "not equal to the account name or its reverse",
            Call::CreateSubCustomer(|| customer().password("testuser01")),
        ),
        known_gap(
            "password containing the mobile number",
            "password",
            "must not contain the mobile number",
            Call::CreateSubCustomer(|| customer().password("Pw#13800000000")),
        ),
        known_gap(
            "mobile number without a verification code",
            "verification_code",
            "needed when mobile_phone is given",
            Call::CreateSubCustomer(|| {
                Req {
                    verification_code: None,
                    ..customer().build().expect("the example is valid")
                }
                .into()
            }),
        ),
    ]
}

// ---------------------------------------------------------------------------------------
// CheckUserIdentity
// ---------------------------------------------------------------------------------------

/// A way to build a CheckUserIdentity body.
type IdentityBody = fn() -> b::CheckSubcustomerUserReqBuilder;

/// The spec's request example of CheckUserIdentity.
fn identity() -> b::CheckSubcustomerUserReqBuilder {
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
            "one of: email, mobile, name",
            Call::Wire("CheckUserIdentity", || {
                body_with(identity().build(), "search_type", json!("phone"))
            }),
        ),
        rejected(
            "search_value of 65 characters",
            "search_value",
            "maxLength",
            "at most 64 characters",
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
            "a mobile number as 00, the country code, a dash and the number (0086-13800000000), an email address, or an account name (5 to 32 letters, digits, _ or -, not starting with op_ or shadow_)",
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
            "a mobile number as 00, the country code, a dash and the number (0086-13800000000), an email address, or an account name (5 to 32 letters, digits, _ or -, not starting with op_ or shadow_)",
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
fn code() -> b::SendVerificationCodeV2ReqBuilder {
    types::SendVerificationCodeV2Req::builder()
        .receiver_type(1)
        .timeout(5)
        .mobile_phone("13800000000")
        .lang(types::SendVerificationCodeV2ReqLang::EnUs)
        .scene(18)
        .customer_id("a0d736359ada40aab6502d1a828c1809")
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
            "one of: 1",
            Call::SendVerificationMessageCode(|| code().receiver_type(2)),
        ),
        rejected(
            "mobile_phone of 33 characters",
            "mobile_phone",
            "maxLength",
            "at most 32 characters",
            Call::SendVerificationMessageCode(|| code().mobile_phone("1".repeat(33))),
        ),
        rejected(
            "timeout 0",
            "timeout",
            "minimum",
            "from 1 to 3000",
            Call::SendVerificationMessageCode(|| code().timeout(0)),
        ),
        rejected(
            "timeout 3001",
            "timeout",
            "maximum",
            "from 1 to 3000",
            Call::SendVerificationMessageCode(|| code().timeout(3001)),
        ),
        rejected(
            "lang not zh-cn or en-us",
            "lang",
            "enum",
            "one of: zh-cn, en-us",
            Call::Wire("SendVerificationMessageCode", || {
                body_with(code().build(), "lang", json!("fr-fr"))
            }),
        ),
        rejected(
            "scene 30",
            "scene",
            "enum",
            "one of: 29, 18",
            Call::SendVerificationMessageCode(|| code().scene(30)),
        ),
        rejected(
            "customer_id of 65 characters",
            "customer_id",
            "maxLength",
            "at most 64 characters",
            Call::SendVerificationMessageCode(|| code().customer_id(chars(65))),
        ),
        known_gap(
            "scene 18 without customer_id",
            "customer_id",
            "required when scene is 18",
            Call::SendVerificationMessageCode(|| {
                Req {
                    customer_id: None,
                    ..code().build().expect("the example is valid")
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
fn list() -> b::QuerySubCustomerListReqBuilder {
    types::QuerySubCustomerListReq::builder()
        .account_name("ceshiyonghu")
        .association_type(types::QuerySubCustomerListReqAssociationType::X2)
        .associated_on_begin("2019-05-06T08:05:01Z")
        .associated_on_end("2019-06-06T08:05:01Z")
        .offset(0)
        .limit(10)
}

fn list_sub_customers_rows() -> Vec<Row> {
    vec![
        documented_example(Call::ListSubCustomers(list)),
        rejected(
            "account_name of 65 characters",
            "account_name",
            "maxLength",
            "at most 64 characters",
            Call::ListSubCustomers(|| list().account_name(chars(65))),
        ),
        rejected(
            "customer of 65 characters",
            "customer",
            "maxLength",
            "at most 64 characters",
            Call::ListSubCustomers(|| list().customer(chars(65))),
        ),
        rejected(
            "label of 65 characters",
            "label",
            "maxLength",
            "at most 64 characters",
            Call::ListSubCustomers(|| list().label(chars(65))),
        ),
        rejected(
            "customer_id of 65 characters",
            "customer_id",
            "maxLength",
            "at most 64 characters",
            Call::ListSubCustomers(|| list().customer_id(chars(65))),
        ),
        rejected(
            "indirect_partner_id of 65 characters",
            "indirect_partner_id",
            "maxLength",
            "at most 64 characters",
            Call::ListSubCustomers(|| list().indirect_partner_id(chars(65))),
        ),
        rejected(
            "offset -1",
            "offset",
            "minimum",
            "from 0 to 40000000",
            Call::ListSubCustomers(|| list().offset(-1)),
        ),
        rejected(
            "offset 40000001",
            "offset",
            "maximum",
            "from 0 to 40000000",
            Call::ListSubCustomers(|| list().offset(40_000_001_i32)),
        ),
        rejected(
            "limit 0",
            "limit",
            "minimum",
            "from 1 to 100",
            Call::ListSubCustomers(|| list().limit(0)),
        ),
        rejected(
            "limit 101",
            "limit",
            "maximum",
            "from 1 to 100",
            Call::ListSubCustomers(|| list().limit(101)),
        ),
        rejected(
            "association_type 3",
            "association_type",
            "enum",
            "one of: 1, 2",
            Call::Wire("ListSubCustomers", || {
                body_with(list().build(), "association_type", json!("3"))
            }),
        ),
        rejected(
            "associated_on_begin of 21 characters",
            "associated_on_begin",
            "maxLength",
            "at most 20 characters",
            Call::ListSubCustomers(|| list().associated_on_begin("2019-05-06T08:05:01.Z")),
        ),
        rejected(
            "associated_on_begin without the Z",
            "associated_on_begin",
            "pattern",
            "a UTC time as yyyy-MM-ddTHH:mm:ssZ",
            Call::ListSubCustomers(|| list().associated_on_begin("2019-05-06T08:05:01")),
        ),
        rejected(
            "associated_on_begin as a date only",
            "associated_on_begin",
            "pattern",
            "a UTC time as yyyy-MM-ddTHH:mm:ssZ",
            Call::ListSubCustomers(|| list().associated_on_begin("2019-05-06")),
        ),
        rejected(
            "associated_on_end of 21 characters",
            "associated_on_end",
            "maxLength",
            "at most 20 characters",
            Call::ListSubCustomers(|| list().associated_on_end("2019-06-06T08:05:01.Z")),
        ),
        rejected(
            "associated_on_end with a space for the T",
            "associated_on_end",
            "pattern",
            "a UTC time as yyyy-MM-ddTHH:mm:ssZ",
            Call::ListSubCustomers(|| list().associated_on_end("2019-06-06 08:05:01Z")),
        ),
        rejected(
            "account_name with a space",
            "account_name",
            "pattern",
            "no spaces",
            Call::ListSubCustomers(|| list().account_name("ceshi yonghu")),
        ),
        rejected(
            "customer with a space",
            "customer",
            "pattern",
            "no spaces",
            Call::ListSubCustomers(|| list().customer("Example Co")),
        ),
        rejected(
            "label with a space",
            "label",
            "pattern",
            "no spaces",
            Call::ListSubCustomers(|| list().label("big vip")),
        ),
        rejected(
            "associated_on_begin that is not a date",
            "associated_on_begin",
            "pattern",
            "a UTC time as yyyy-MM-ddTHH:mm:ssZ",
            Call::ListSubCustomers(|| list().associated_on_begin("2019-13-45T25:61:61Z")),
        ),
    ]
}

// ---------------------------------------------------------------------------------------
// ListSubCustomerNewTag
// ---------------------------------------------------------------------------------------

/// The spec's request example of ListSubCustomerNewTag.
fn new_tag() -> b::ListSubCustomerNewTagReqBuilder {
    types::ListSubCustomerNewTagReq::builder()
        .customer_ids([
            "0bb43f81c000d3a10f19c014228fb580",
            "0bb43f81c000d3a10f19c014228fb581",
        ])
        .offset(0)
        .limit(10)
}

fn list_sub_customer_new_tag_rows() -> Vec<Row> {
    const OP: &str = "ListSubCustomerNewTag";
    vec![
        documented_example(Call::Typed(|| json_of(new_tag().build()))),
        rejected(
            "customer_ids[] of 65 characters",
            "customer_ids[0]",
            "maxLength",
            "at most 64 characters",
            send_body!(
                list_sub_customer_new_tag,
                new_tag().customer_ids([chars(65)])
            ),
        ),
        rejected(
            "offset negative",
            "offset",
            "minimum",
            OFFSET_RULE,
            send_body!(list_sub_customer_new_tag, new_tag().offset(-1)),
        ),
        rejected(
            "offset above the largest integer",
            "offset",
            "maximum",
            // Beyond i32: no setter takes it, and the received body does not decode (the
            // rule is the decoder's message).
            "an integer from -2147483648 to 2147483647",
            Call::Wire(OP, || {
                body_with(new_tag().build(), "offset", json!(2_147_483_648_i64))
            }),
        ),
        rejected(
            "limit negative",
            "limit",
            "minimum",
            "from 0 to 200",
            send_body!(list_sub_customer_new_tag, new_tag().limit(-1)),
        ),
        rejected(
            "limit 201",
            "limit",
            "maximum",
            "from 0 to 200",
            send_body!(list_sub_customer_new_tag, new_tag().limit(201)),
        ),
        rejected(
            "indirect_partner_id of 65 characters",
            "indirect_partner_id",
            "maxLength",
            "at most 64 characters",
            send_body!(
                list_sub_customer_new_tag,
                new_tag().indirect_partner_id(chars(65))
            ),
        ),
    ]
}

// ---------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------

#[tokio::test]
async fn create_sub_customer_rejects_every_documented_constraint_before_sending() {
    run_table("CreateSubCustomer").await;
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
async fn list_sub_customer_new_tag_rejects_every_documented_constraint_before_sending() {
    run_table("ListSubCustomerNewTag").await;
}

#[tokio::test]
async fn a_request_breaking_several_rules_reports_all_of_them_and_sends_nothing() {
    let (sim, client) = support::sim_and_client().await;
    let error = client
        .create_sub_customer()
        .xaccount_id(chars(129))
        .xaccount_type("example_IDP")
        .domain_name("abc")
        .verification_code("12345")
        .send()
        .await
        .expect_err("three rules are broken");
    let Error::InvalidRequest(invalid) = &error else {
        panic!("expected InvalidRequest, got {error:?}");
    };
    let reported: BTreeSet<(&str, &str)> = invalid
        .violations()
        .iter()
        .map(|v| (v.field(), v.rule()))
        .collect();
    assert_eq!(
        reported,
        BTreeSet::from([
            ("domain_name", "5 to 32 characters"),
            ("verification_code", "exactly 6 characters"),
            ("xaccount_id", "at most 128 characters"),
        ]),
        "{error}"
    );
    assert_eq!(error.violations().len(), 3, "{error}");
    let shown = error.to_string();
    for field in ["domain_name", "verification_code", "xaccount_id"] {
        assert!(shown.contains(field), "{shown:?} names {field}");
    }
    assert_eq!(sim.requests_served(), 0, "{:#?}", sim.received());
}
