//! Documented response values decode into their variants; any other value decodes into
//! `Unknown` and is encoded back exactly as received, so a value the service adds never fails
//! a response.

use huaweicloud_bss::{types, values};
use serde_json::json;

#[test]
fn a_documented_string_value_decodes_into_its_variant() {
    let answer: types::CheckUserIdentityResponse =
        serde_json::from_value(json!({"check_result": "used_by_user"})).unwrap();
    assert_eq!(answer.check_result, Some(values::CheckResult::UsedByUser));
    assert_eq!(
        answer.check_result.as_ref().unwrap().as_str(),
        "used_by_user"
    );
    assert!(!answer.check_result.unwrap().is_unknown());
}

#[test]
fn an_unknown_string_value_is_kept_verbatim() {
    let body = json!({"check_result": "reserved_by_partner"});
    let answer: types::CheckUserIdentityResponse = serde_json::from_value(body.clone()).unwrap();
    let result = answer.check_result.clone().unwrap();
    assert_eq!(
        result,
        values::CheckResult::Unknown("reserved_by_partner".to_owned())
    );
    assert!(result.is_unknown());
    assert_eq!(result.to_string(), "reserved_by_partner");
    assert_eq!(serde_json::to_value(&answer).unwrap(), body);
}

#[test]
fn a_documented_integer_code_decodes_into_its_variant() {
    let member: types::SubCustomerInfoV2 =
        serde_json::from_value(json!({"id": "m1", "status": 102})).unwrap();
    assert_eq!(
        member.status,
        Some(values::SubCustomerInfoV2Status::AwaitingActivation)
    );
    assert_eq!(member.status.unwrap().value(), 102);
    let balance: types::AccountBalanceV2 =
        serde_json::from_value(json!({"account_type": 1, "measure_id": 1})).unwrap();
    assert_eq!(balance.account_type, Some(values::AccountType::CashBalance));
    assert_eq!(balance.measure_id, Some(values::MeasureId::Yuan));
}

#[test]
fn an_unknown_integer_code_is_kept_verbatim() {
    let body = json!({"id": "m1", "status": 7});
    let member: types::SubCustomerInfoV2 = serde_json::from_value(body.clone()).unwrap();
    let status = member.status.unwrap();
    assert_eq!(status, values::SubCustomerInfoV2Status::Unknown(7));
    assert!(status.is_unknown());
    assert_eq!(status.to_string(), "7");
    assert_eq!(serde_json::to_value(&member).unwrap(), body);
    // Beyond i32 too: the server's value is never rejected.
    let wide: types::SubCustomerInfoV2 =
        serde_json::from_value(json!({"status": 5_000_000_000_i64})).unwrap();
    assert_eq!(wide.status.unwrap().value(), 5_000_000_000);
}

#[test]
fn values_compare_by_what_they_encode_to() {
    assert_eq!(
        values::SubCustomerInfoV2Status::Unknown(1),
        values::SubCustomerInfoV2Status::Normal
    );
    assert_eq!(
        values::CheckResult::from("available"),
        values::CheckResult::Available
    );
    assert_eq!(
        values::CheckResult::Unknown("available".into()),
        values::CheckResult::Available
    );
    assert_eq!(i64::from(values::AccountType::Allocatable), 8);
}

#[test]
fn a_string_code_with_names_decodes_into_its_variant() {
    let record: types::AccountChangeRecord = serde_json::from_value(json!({"type": "1"})).unwrap();
    assert_eq!(record.type_, Some(values::AccountChangeRecordType::Income));
    let other: types::AccountChangeRecord = serde_json::from_value(json!({"type": "3"})).unwrap();
    assert_eq!(
        other.type_,
        Some(values::AccountChangeRecordType::Unknown("3".into()))
    );
}
