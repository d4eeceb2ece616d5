//! Constraint tables of real-name authentication: personal and enterprise applications, the
//! change to an enterprise, the review result, and the caller's own status, QR code and
//! enterprise-project authorization (no parameters: only their documented examples).

use crate::harness::*;

/// The tables of this domain: each operation and its rows.
pub(crate) const TABLES: Tables = &[
    (
        "CreatePersonalRealnameAuth",
        create_personal_realname_auth_rows,
    ),
    (
        "CreateEnterpriseRealnameAuthentication",
        create_enterprise_rows,
    ),
    (
        "ChangeEnterpriseRealnameAuthentication",
        change_enterprise_rows,
    ),
    ("ShowRealnameAuthenticationReviewResult", review_result_rows),
    // No parameters and no body: only the (empty) documented example.
    ("ShowRealNameAuthStatus", || {
        vec![documented_example(Call::Query(
            "ShowRealNameAuthStatus",
            Vec::new,
        ))]
    }),
    ("ShowRealNameAuthQrCode", || {
        vec![documented_example(Call::Query(
            "ShowRealNameAuthQrCode",
            Vec::new,
        ))]
    }),
    ("CreateEnterpriseProjectAuth", || {
        vec![documented_example(Call::Query(
            "CreateEnterpriseProjectAuth",
            Vec::new,
        ))]
    }),
];

/// Sends a listing operation of this domain with raw parameter values, through its call
/// builder's setters; `None` when the operation is not one of this domain's.
pub(crate) async fn send_query(
    client: &Client,
    operation: &str,
    query: &Query,
) -> Option<Result<(), Error>> {
    Some(match operation {
        "ShowRealnameAuthenticationReviewResult" => {
            let mut call = client.show_realname_authentication_review_result();
            for (name, value) in query {
                call = match *name {
                    "customer_id" => call.customer_id(text(value)),
                    other => panic!("unknown parameter {other}"),
                };
            }
            call.send().await.map(drop)
        }
        _ => return None,
    })
}

// ---------------------------------------------------------------------------------------
// CreatePersonalRealnameAuth
// ---------------------------------------------------------------------------------------

/// The spec's example, without the field named `skip` (for the "missing" rows).
fn personal_without(skip: &str) -> b::ApplyIndividualRealnameAuthsReqBuilder {
    let mut r = types::ApplyIndividualRealnameAuthsReq::builder();
    if skip != "customer_id" {
        r = r.customer_id("0bb43f81c000d3a10f19c014228fb580");
    }
    if skip != "identify_type" {
        r = r.identify_type(0);
    }
    r = r.verified_type(3);
    if skip != "verified_file_url" {
        r = r.verified_file_url(["abc023.jpg", "def004.jpg", "gh007.jpg"]);
    }
    if skip != "name" {
        r = r.name("Zhang San");
    }
    if skip != "verified_number" {
        r = r.verified_number("E12345678");
    }
    r = r.change_type(-1);
    if skip != "xaccount_type" {
        r = r.xaccount_type("example_IDP");
    }
    r
}

fn personal() -> b::ApplyIndividualRealnameAuthsReqBuilder {
    personal_without("")
}

/// A bank card without the field named `skip`.
fn card_without(skip: &str) -> b::BankCardInfoV2Builder {
    let mut r = types::BankCardInfoV2::builder();
    if skip != "bank_account" {
        r = r.bank_account("6222000000000000");
    }
    if skip != "areacode" {
        r = r.areacode("0086");
    }
    if skip != "mobile" {
        r = r.mobile("13800000000");
    }
    if skip != "verification_code" {
        r = r.verification_code("123456");
    }
    r
}

/// The personal example with a bank card given by `card`.
fn personal_with_card(card: b::BankCardInfoV2Builder) -> b::ApplyIndividualRealnameAuthsReqBuilder {
    personal().bank_card_info(card)
}

fn create_personal_realname_auth_rows() -> Vec<Row> {
    vec![
        documented_example(Call::Typed(|| json_of(personal().build()))),
        missing(
            "customer_id missing",
            "customer_id",
            send_body!(
                create_personal_realname_auth,
                personal_without("customer_id")
            ),
        ),
        missing(
            "identify_type missing",
            "identify_type",
            send_body!(
                create_personal_realname_auth,
                personal_without("identify_type")
            ),
        ),
        missing(
            "verified_file_url missing",
            "verified_file_url",
            send_body!(
                create_personal_realname_auth,
                personal_without("verified_file_url")
            ),
        ),
        missing(
            "name missing",
            "name",
            send_body!(create_personal_realname_auth, personal_without("name")),
        ),
        missing(
            "verified_number missing",
            "verified_number",
            send_body!(
                create_personal_realname_auth,
                personal_without("verified_number")
            ),
        ),
        missing(
            "xaccount_type missing",
            "xaccount_type",
            send_body!(
                create_personal_realname_auth,
                personal_without("xaccount_type")
            ),
        ),
        missing(
            "bank_card_info.bank_account missing",
            "bank_card_info.bank_account",
            send_body!(
                create_personal_realname_auth,
                personal_with_card(card_without("bank_account"))
            ),
        ),
        missing(
            "bank_card_info.areacode missing",
            "bank_card_info.areacode",
            send_body!(
                create_personal_realname_auth,
                personal_with_card(card_without("areacode"))
            ),
        ),
        missing(
            "bank_card_info.mobile missing",
            "bank_card_info.mobile",
            send_body!(
                create_personal_realname_auth,
                personal_with_card(card_without("mobile"))
            ),
        ),
        missing(
            "bank_card_info.verification_code missing",
            "bank_card_info.verification_code",
            send_body!(
                create_personal_realname_auth,
                personal_with_card(card_without("verification_code"))
            ),
        ),
        rejected(
            "customer_id of 65 characters",
            "customer_id",
            "maxLength",
            "at most 64 characters",
            send_body!(
                create_personal_realname_auth,
                personal().customer_id(chars(65))
            ),
        ),
        rejected(
            "identify_type 1",
            "identify_type",
            "enum",
            "one of: 0, 4",
            send_body!(create_personal_realname_auth, personal().identify_type(1)),
        ),
        rejected(
            "verified_type 1",
            "verified_type",
            "enum",
            "one of: 3, 5, 6, 9, 10",
            send_body!(create_personal_realname_auth, personal().verified_type(1)),
        ),
        rejected(
            "name of 256 characters",
            "name",
            "maxLength",
            "at most 255 characters",
            send_body!(create_personal_realname_auth, personal().name(chars(256))),
        ),
        rejected(
            "verified_number of 33 characters",
            "verified_number",
            "maxLength",
            "at most 32 characters",
            send_body!(
                create_personal_realname_auth,
                personal().verified_number(chars(33))
            ),
        ),
        rejected(
            "change_type 0",
            "change_type",
            "enum",
            "one of: -1",
            send_body!(create_personal_realname_auth, personal().change_type(0)),
        ),
        rejected(
            "xaccount_type of 65 characters",
            "xaccount_type",
            "maxLength",
            "at most 64 characters",
            send_body!(
                create_personal_realname_auth,
                personal().xaccount_type(chars(65))
            ),
        ),
        rejected(
            "bank_card_info.bank_account starting with a dash",
            "bank_card_info.bank_account",
            "pattern",
            "a letter or digit, then letters, digits or dashes",
            send_body!(
                create_personal_realname_auth,
                personal_with_card(card_without("").bank_account("-6222"))
            ),
        ),
        rejected(
            "bank_card_info.bank_account with a space",
            "bank_card_info.bank_account",
            "pattern",
            "a letter or digit, then letters, digits or dashes",
            send_body!(
                create_personal_realname_auth,
                personal_with_card(card_without("").bank_account("6222 0000"))
            ),
        ),
        rejected(
            "bank_card_info.verification_code of 5 characters",
            "bank_card_info.verification_code",
            "minLength",
            "exactly 6 characters",
            send_body!(
                create_personal_realname_auth,
                personal_with_card(card_without("").verification_code("12345"))
            ),
        ),
        rejected(
            "bank_card_info.verification_code of 7 characters",
            "bank_card_info.verification_code",
            "maxLength",
            "exactly 6 characters",
            send_body!(
                create_personal_realname_auth,
                personal_with_card(card_without("").verification_code("1234567"))
            ),
        ),
    ]
}

// ---------------------------------------------------------------------------------------
// CreateEnterpriseRealnameAuthentication and ChangeEnterpriseRealnameAuthentication
// ---------------------------------------------------------------------------------------

fn enterprise_without(skip: &str) -> b::ApplyEnterpriseRealnameAuthsReqBuilder {
    let mut r = types::ApplyEnterpriseRealnameAuthsReq::builder();
    if skip != "customer_id" {
        r = r.customer_id("0bb43f81c000d3a10f19c014228fb580");
    }
    if skip != "identify_type" {
        r = r.identify_type(1);
    }
    r = r.certificate_type(0);
    if skip != "verified_file_url" {
        r = r.verified_file_url(["abc023.jpg", "def004.jpg", "gh007.jpg"]);
    }
    if skip != "corp_name" {
        r = r.corp_name("Example Co., Ltd.");
    }
    if skip != "verified_number" {
        r = r.verified_number("91110000000000000X");
    }
    r = r.reg_country("CN").reg_address("Beijing");
    if skip != "xaccount_type" {
        r = r.xaccount_type("example_IDP");
    }
    r.enterprise_person(person_without(""))
}

fn enterprise() -> b::ApplyEnterpriseRealnameAuthsReqBuilder {
    enterprise_without("")
}

fn person_without(skip: &str) -> b::EnterprisePersonNewBuilder {
    let mut r = types::EnterprisePersonNew::builder();
    if skip != "legel_name" {
        r = r.legel_name("Zhang San");
    }
    if skip != "legel_id_number" {
        r = r.legel_id_number("110101199001010000");
    }
    r.certifier_role(types::EnterprisePersonNewCertifierRole::LegalPerson)
}

/// Rows of the enterprise person, shared by both enterprise operations: `$op` is the client
/// method, `$OP` the operation, `$base` the documented body.
macro_rules! person_rows {
    ($op:ident, $OP:expr, $base:ident) => {
        vec![
            missing(
                "enterprise_person.legel_name missing",
                "enterprise_person.legel_name",
                send_body!($op, $base().enterprise_person(person_without("legel_name"))),
            ),
            missing(
                "enterprise_person.legel_id_number missing",
                "enterprise_person.legel_id_number",
                send_body!(
                    $op,
                    $base().enterprise_person(person_without("legel_id_number"))
                ),
            ),
            // A text outside the string enum: no setter takes it.
            rejected(
                "enterprise_person.certifier_role not legalPerson",
                "enterprise_person.certifier_role",
                "enum",
                "one of: legalPerson",
                Call::Wire($OP, || {
                    body_with(
                        $base().enterprise_person(person_without("")).build(),
                        "enterprise_person.certifier_role",
                        json!("agent"),
                    )
                }),
            ),
        ]
    };
}

/// The corporate-name rule in words.
const CORP_NAME_RULE: &str = "not only digits, spaces and special characters";

fn create_enterprise_rows() -> Vec<Row> {
    let mut rows = vec![
        documented_example(Call::Typed(|| json_of(enterprise().build()))),
        missing(
            "customer_id missing",
            "customer_id",
            send_body!(
                create_enterprise_realname_authentication,
                enterprise_without("customer_id")
            ),
        ),
        missing(
            "identify_type missing",
            "identify_type",
            send_body!(
                create_enterprise_realname_authentication,
                enterprise_without("identify_type")
            ),
        ),
        missing(
            "verified_file_url missing",
            "verified_file_url",
            send_body!(
                create_enterprise_realname_authentication,
                enterprise_without("verified_file_url")
            ),
        ),
        missing(
            "corp_name missing",
            "corp_name",
            send_body!(
                create_enterprise_realname_authentication,
                enterprise_without("corp_name")
            ),
        ),
        missing(
            "verified_number missing",
            "verified_number",
            send_body!(
                create_enterprise_realname_authentication,
                enterprise_without("verified_number")
            ),
        ),
        missing(
            "xaccount_type missing",
            "xaccount_type",
            send_body!(
                create_enterprise_realname_authentication,
                enterprise_without("xaccount_type")
            ),
        ),
        rejected(
            "customer_id of 65 characters",
            "customer_id",
            "maxLength",
            "at most 64 characters",
            send_body!(
                create_enterprise_realname_authentication,
                enterprise().customer_id(chars(65))
            ),
        ),
        rejected(
            "identify_type 0",
            "identify_type",
            "enum",
            "one of: 1",
            send_body!(
                create_enterprise_realname_authentication,
                enterprise().identify_type(0)
            ),
        ),
        rejected(
            "certificate_type 5",
            "certificate_type",
            "enum",
            "one of: 0, 1, 2, 3, 4, 99",
            send_body!(
                create_enterprise_realname_authentication,
                enterprise().certificate_type(5)
            ),
        ),
        rejected(
            "corp_name of digits only",
            "corp_name",
            "pattern",
            CORP_NAME_RULE,
            send_body!(
                create_enterprise_realname_authentication,
                enterprise().corp_name("12345")
            ),
        ),
        rejected(
            "corp_name of special characters and spaces only",
            "corp_name",
            "pattern",
            CORP_NAME_RULE,
            send_body!(
                create_enterprise_realname_authentication,
                enterprise().corp_name("-- (1) --")
            ),
        ),
        rejected(
            "reg_country in lower case",
            "reg_country",
            "pattern",
            "two upper-case letters (a country code such as CN)",
            send_body!(
                create_enterprise_realname_authentication,
                enterprise().reg_country("cn")
            ),
        ),
        rejected(
            "reg_country of three letters",
            "reg_country",
            "pattern",
            "two upper-case letters (a country code such as CN)",
            send_body!(
                create_enterprise_realname_authentication,
                enterprise().reg_country("CHN")
            ),
        ),
        rejected(
            "xaccount_type of 65 characters",
            "xaccount_type",
            "maxLength",
            "at most 64 characters",
            send_body!(
                create_enterprise_realname_authentication,
                enterprise().xaccount_type(chars(65))
            ),
        ),
    ];
    rows.extend(person_rows!(
        create_enterprise_realname_authentication,
        "CreateEnterpriseRealnameAuthentication",
        enterprise
    ));
    rows
}

fn change_without(skip: &str) -> b::ChangeEnterpriseRealnameAuthsReqBuilder {
    let mut r = types::ChangeEnterpriseRealnameAuthsReq::builder();
    if skip != "customer_id" {
        r = r.customer_id("0666aa7a7900d5c80f6dc01a9a3598a0");
    }
    if skip != "identify_type" {
        r = r.identify_type(1);
    }
    r = r.certificate_type(0);
    if skip != "verified_file_url" {
        r = r.verified_file_url(["abc023.jpg"]);
    }
    if skip != "corp_name" {
        r = r.corp_name("Example Co., Ltd.");
    }
    if skip != "verified_number" {
        r = r.verified_number("91110000000000000X");
    }
    if skip != "change_type" {
        r = r.change_type(1);
    }
    if skip != "xaccount_type" {
        r = r.xaccount_type("example_IDP");
    }
    r
}

fn change() -> b::ChangeEnterpriseRealnameAuthsReqBuilder {
    change_without("")
}

fn change_enterprise_rows() -> Vec<Row> {
    let mut rows = vec![
        documented_example(Call::Typed(|| json_of(change().build()))),
        missing(
            "customer_id missing",
            "customer_id",
            send_body!(
                change_enterprise_realname_authentication,
                change_without("customer_id")
            ),
        ),
        missing(
            "identify_type missing",
            "identify_type",
            send_body!(
                change_enterprise_realname_authentication,
                change_without("identify_type")
            ),
        ),
        missing(
            "verified_file_url missing",
            "verified_file_url",
            send_body!(
                change_enterprise_realname_authentication,
                change_without("verified_file_url")
            ),
        ),
        missing(
            "corp_name missing",
            "corp_name",
            send_body!(
                change_enterprise_realname_authentication,
                change_without("corp_name")
            ),
        ),
        missing(
            "verified_number missing",
            "verified_number",
            send_body!(
                change_enterprise_realname_authentication,
                change_without("verified_number")
            ),
        ),
        missing(
            "change_type missing",
            "change_type",
            send_body!(
                change_enterprise_realname_authentication,
                change_without("change_type")
            ),
        ),
        missing(
            "xaccount_type missing",
            "xaccount_type",
            send_body!(
                change_enterprise_realname_authentication,
                change_without("xaccount_type")
            ),
        ),
        rejected(
            "customer_id of 65 characters",
            "customer_id",
            "maxLength",
            "at most 64 characters",
            send_body!(
                change_enterprise_realname_authentication,
                change().customer_id(chars(65))
            ),
        ),
        rejected(
            "identify_type 0",
            "identify_type",
            "enum",
            "one of: 1",
            send_body!(
                change_enterprise_realname_authentication,
                change().identify_type(0)
            ),
        ),
        rejected(
            "certificate_type 5",
            "certificate_type",
            "enum",
            "one of: 0, 1, 2, 3, 4, 99",
            send_body!(
                change_enterprise_realname_authentication,
                change().certificate_type(5)
            ),
        ),
        rejected(
            "corp_name of digits only",
            "corp_name",
            "pattern",
            CORP_NAME_RULE,
            send_body!(
                change_enterprise_realname_authentication,
                change().corp_name("12345")
            ),
        ),
        rejected(
            "reg_country in lower case",
            "reg_country",
            "pattern",
            "two upper-case letters (a country code such as CN) or empty",
            send_body!(
                change_enterprise_realname_authentication,
                change().reg_country("cn")
            ),
        ),
        rejected(
            "change_type 2",
            "change_type",
            "enum",
            "one of: 1",
            send_body!(
                change_enterprise_realname_authentication,
                change().change_type(2)
            ),
        ),
        rejected(
            "xaccount_type of 65 characters",
            "xaccount_type",
            "maxLength",
            "at most 64 characters",
            send_body!(
                change_enterprise_realname_authentication,
                change().xaccount_type(chars(65))
            ),
        ),
    ];
    rows.extend(person_rows!(
        change_enterprise_realname_authentication,
        "ChangeEnterpriseRealnameAuthentication",
        change
    ));
    rows
}

// ---------------------------------------------------------------------------------------
// ShowRealnameAuthenticationReviewResult
// ---------------------------------------------------------------------------------------

/// The spec's parameter examples of ShowRealnameAuthenticationReviewResult.
fn review_query() -> Query {
    vec![("customer_id", json!("06a7969058802f0c0f01c00b91846780"))]
}

fn review_result_rows() -> Vec<Row> {
    const OP: &str = "ShowRealnameAuthenticationReviewResult";
    vec![
        documented_example(Call::Query(OP, review_query)),
        missing(
            "customer_id missing",
            "customer_id",
            Call::Query(OP, || without(review_query(), "customer_id")),
        ),
        rejected(
            "customer_id of 65 characters",
            "customer_id",
            "maxLength",
            "at most 64 characters",
            Call::Query(OP, || {
                param(review_query(), "customer_id", json!(chars(65)))
            }),
        ),
    ]
}

// ---------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------

#[tokio::test]
async fn create_personal_realname_auth_rejects_every_documented_constraint_before_sending() {
    run_table("CreatePersonalRealnameAuth").await;
}

#[tokio::test]
async fn create_enterprise_realname_authentication_rejects_every_documented_constraint_before_sending()
 {
    run_table("CreateEnterpriseRealnameAuthentication").await;
}

#[tokio::test]
async fn change_enterprise_realname_authentication_rejects_every_documented_constraint_before_sending()
 {
    run_table("ChangeEnterpriseRealnameAuthentication").await;
}

#[tokio::test]
async fn show_realname_authentication_review_result_rejects_every_documented_constraint_before_sending()
 {
    run_table("ShowRealnameAuthenticationReviewResult").await;
}

#[tokio::test]
async fn parameterless_operations_send_their_documented_example() {
    for operation in [
        "ShowRealNameAuthStatus",
        "ShowRealNameAuthQrCode",
        "CreateEnterpriseProjectAuth",
    ] {
        run_table(operation).await;
    }
}
