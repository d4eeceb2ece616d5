//! Customer funds (funding, reclaiming, balances, records) and real-name authentication.
//!
//! Money is exact: amounts are decoded as the generated `Amount` (exact decimal) and kept as
//! decimals. Like the real service, the record lists send their amounts as JSON strings (the
//! official SDK models them as `str`), balances as JSON numbers.

use std::str::FromStr;

use huaweicloud_bss_api::{types, values};
use huaweicloud_bss_runtime::{Amount, Decimal};
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::respond::{self, Reply};
use crate::server::Received;
use crate::state::State;
use crate::state_ab::{
    AccountChange, AdjustKind, AdjustRecord, CustomerFunds, NOW, RealnameApplication, RealnameKind,
    review,
};

pub(crate) fn handle(operation: &str, received: &Received, state: &mut State) -> Option<Reply> {
    let result = match operation {
        "UpdateCustomerAccountAmount" => update_customer_account_amount(received, state),
        "ReclaimToPartnerAccount" => reclaim_to_partner_account(received, state),
        "ListPartnerAdjustRecords" => list_partner_adjust_records(received, state),
        "ListCustomersBalancesDetail" => list_customers_balances_detail(received, state),
        "ListPartnerBalances" => list_partner_balances(received, state),
        "ListPartnerAccountChangeRecords" => list_partner_account_change_records(received, state),
        "ListSubCustomerNewTag" => list_sub_customer_new_tag(received, state),
        "CreatePersonalRealnameAuth" => create_personal_realname_auth(received, state),
        "CreateEnterpriseRealnameAuthentication" => {
            create_enterprise_realname_authentication(received, state)
        }
        "ChangeEnterpriseRealnameAuthentication" => {
            change_enterprise_realname_authentication(received, state)
        }
        "ShowRealnameAuthenticationReviewResult" => {
            show_realname_authentication_review_result(received, state)
        }
        "ShowRealNameAuthStatus" => show_real_name_auth_status(received, state),
        "ShowRealNameAuthQrCode" => show_real_name_auth_qr_code(received, state),
        "CreateEnterpriseProjectAuth" => create_enterprise_project_auth(received, state),
        _ => return None,
    };
    Some(result.unwrap_or_else(|reply| reply))
}

/// Decodes a body with the generated type (CBC.0100 on a broken rule), as handlers.rs does.
fn body<T: DeserializeOwned>(received: &Received) -> Result<T, Reply> {
    serde_json::from_slice(&received.body)
        .map_err(|e| respond::error("CBC.0100", Some(&format!("parameter error: {e}"))))
}

/// Parses a plain query value (CBC.0100 if it does not parse).
fn query<T: FromStr>(key: &str, value: &str) -> Result<T, Reply>
where
    T::Err: std::fmt::Display,
{
    value
        .parse()
        .map_err(|e| respond::error("CBC.0100", Some(&format!("invalid {key}: {e}"))))
}

fn page<T: Clone>(items: &[T], offset: usize, limit: usize) -> Vec<T> {
    items.iter().skip(offset).take(limit).cloned().collect()
}

/// The reseller a request acts for: none, or a reseller the simulator knows (else CBC.99000037).
fn acting_for(state: &State, indirect_partner_id: Option<&str>) -> Result<Option<String>, Reply> {
    match indirect_partner_id {
        None => Ok(None),
        Some(id) if state.ab.partner(Some(id)).is_some() => Ok(Some(id.to_string())),
        Some(_) => Err(respond::error("CBC.99000037", None)),
    }
}

/// The reseller-model customer's funds, if the caller may move them: a customer with funds
/// must belong to the acting partner or reseller (CBC.0151 otherwise); a customer created
/// through CreateSubCustomer, or one the simulator has never seen, starts with nothing.
fn customer_funds<'a>(
    state: &'a mut State,
    customer_id: &str,
    reseller: &Option<String>,
) -> Result<&'a mut CustomerFunds, Reply> {
    if !state.ab.customers.contains_key(customer_id) {
        let owner = state
            .customers
            .iter()
            .find(|c| c.domain_id == customer_id)
            .map_or_else(|| reseller.clone(), |c| c.indirect_partner_id.clone());
        state.ab.customers.insert(
            customer_id.to_string(),
            CustomerFunds {
                reseller: owner,
                amount: Decimal::ZERO,
                debt_amount: Decimal::ZERO,
            },
        );
    }
    let funds = state
        .ab
        .customers
        .get_mut(customer_id)
        .expect("inserted above");
    if &funds.reseller != reseller {
        return Err(respond::error(
            "CBC.0151",
            Some("the customer does not belong to the acting partner"),
        ));
    }
    Ok(funds)
}

/// Moves `amount` between a customer and the acting partner's cash account and records it.
fn transfer(
    state: &mut State,
    kind: AdjustKind,
    customer_id: &str,
    reseller: Option<String>,
    amount: Decimal,
) -> Result<String, Reply> {
    let available = state
        .ab
        .partner(reseller.as_deref())
        .expect("acting_for checked the reseller")
        .available();
    let funds = customer_funds(state, customer_id, &reseller)?;
    match kind {
        AdjustKind::Adjust if amount > available => {
            return Err(respond::error("CBC.99005003", None));
        }
        AdjustKind::Adjust => funds.amount += amount,
        AdjustKind::Reclaim if amount > funds.amount => {
            return Err(respond::error("CBC.99005003", None));
        }
        AdjustKind::Reclaim => funds.amount -= amount,
    }
    let (prefix, trade_type, income, partner_change) = match kind {
        AdjustKind::Adjust => ("AD", "BEADJUST", false, -amount),
        AdjustKind::Reclaim => ("RE", "BERETRIEVE", true, amount),
    };
    let trans_id = state.ab.next_trans_id(prefix);
    let balance_after_change = state
        .ab
        .partners
        .get_mut(&reseller)
        .expect("acting_for checked the reseller")
        .add_cash(partner_change);
    state.ab.adjust_records.push(AdjustRecord {
        reseller: reseller.clone(),
        customer_id: customer_id.to_string(),
        kind,
        amount,
        trans_id: trans_id.clone(),
        operation_time: NOW.to_string(),
    });
    let account_change_id = state.ab.next_trans_id("AC");
    state.ab.account_changes.push(AccountChange {
        owner: reseller,
        account_change_id,
        trade_type: trade_type.to_string(),
        trade_detail_type: kind.operation_type().to_string(),
        trade_id: trans_id.clone(),
        change_amount: amount,
        balance_after_change,
        income,
        customer_id: Some(customer_id.to_string()),
        trade_time: NOW.to_string(),
    });
    Ok(trans_id)
}

fn update_customer_account_amount(received: &Received, state: &mut State) -> Result<Reply, Reply> {
    let request: types::AdjustAccountReq = body(received)?;
    let reseller = acting_for(state, request.indirect_partner_id.as_deref())?;
    let transfer_id = transfer(
        state,
        AdjustKind::Adjust,
        &request.customer_id,
        reseller,
        request.amount.get(),
    )?;
    Ok(respond::ok(types::UpdateCustomerAccountAmountResponse {
        transfer_id: Some(transfer_id),
    }))
}

fn reclaim_to_partner_account(received: &Received, state: &mut State) -> Result<Reply, Reply> {
    let request: types::ReclaimToPartnerAccountBalancesReq = body(received)?;
    let reseller = acting_for(state, request.indirect_partner_id.as_deref())?;
    let trans_id = transfer(
        state,
        AdjustKind::Reclaim,
        &request.customer_id,
        reseller,
        request.amount.get(),
    )?;
    Ok(respond::ok(types::ReclaimToPartnerAccountResponse {
        trans_id: Some(trans_id),
    }))
}

/// Money as the record lists send it: a JSON string with two decimals.
fn money_text(value: Decimal) -> Value {
    Value::String(format!("{:.2}", value))
}

fn list_partner_adjust_records(received: &Received, state: &mut State) -> Result<Reply, Reply> {
    let (mut offset, mut limit) = (0, 10);
    let mut customer_id = None;
    let mut operation_type = None;
    let (mut begin, mut end) = (None, None);
    let mut trans_id = None;
    let mut indirect_partner_id = None;
    for (key, value) in received.query_pairs() {
        match key.as_str() {
            "offset" => offset = query::<usize>(&key, &value)?,
            "limit" => limit = query::<usize>(&key, &value)?,
            "customer_id" => customer_id = Some(value),
            "operation_type" => {
                operation_type = Some(
                    query::<types::ListPartnerAdjustRecordsOperationType>(&key, &value)?
                        .to_string(),
                )
            }
            "operation_time_begin" => begin = Some(value),
            "operation_time_end" => end = Some(value),
            "trans_id" => trans_id = Some(value),
            "indirect_partner_id" => indirect_partner_id = Some(value),
            _ => {}
        }
    }
    let reseller = acting_for(state, indirect_partner_id.as_deref())?;
    let matching: Vec<&AdjustRecord> = state
        .ab
        .adjust_records
        .iter()
        .rev()
        .filter(|r| r.reseller == reseller)
        .filter(|r| customer_id.as_ref().is_none_or(|c| *c == r.customer_id))
        .filter(|r| {
            operation_type
                .as_deref()
                .is_none_or(|t| t == r.kind.operation_type())
        })
        .filter(|r| begin.as_ref().is_none_or(|b| r.operation_time >= *b))
        .filter(|r| end.as_ref().is_none_or(|e| r.operation_time <= *e))
        .filter(|r| trans_id.as_ref().is_none_or(|t| *t == r.trans_id))
        .collect();
    let customer_name = |id: &str| {
        state
            .customers
            .iter()
            .find(|c| c.domain_id == id)
            .map(|c| c.domain_name.clone())
    };
    let records: Vec<Value> = page(&matching, offset, limit)
        .into_iter()
        .map(|r| {
            let record = types::AdjustRecordV3 {
                customer_id: Some(r.customer_id.clone()),
                customer_name: customer_name(&r.customer_id),
                operation_type: Some(r.kind.operation_type().to_string().into()),
                amount: None,
                currency: Some("CNY".to_string()),
                apply_scene: None,
                operation_time: Some(r.operation_time.clone()),
                measure_id: Some(values::MeasureId::Yuan),
                trans_id: Some(r.trans_id.clone()),
                memo: None,
            };
            let mut value = serde_json::to_value(record).expect("generated types serialize");
            value["amount"] = money_text(r.amount);
            value
        })
        .collect();
    Ok(respond::ok(serde_json::json!({
        "records": records,
        "total_count": matching.len(),
    })))
}

fn list_customers_balances_detail(received: &Received, state: &mut State) -> Result<Reply, Reply> {
    let request: types::QueryCustomersBalancesReq = body(received)?;
    // The generated types do not enforce minItems/maxItems; the service does.
    if !(1..=100).contains(&request.customer_infos.len()) {
        return Err(respond::error(
            "CBC.0100",
            Some("customer_infos must hold 1 to 100 customers"),
        ));
    }
    let reseller = acting_for(state, request.indirect_partner_id.as_deref())?;
    let created_here = |id: &str| {
        state
            .customers
            .iter()
            .find(|c| c.domain_id == id)
            .map(|c| c.indirect_partner_id.clone())
    };
    let customer_balances = request
        .customer_infos
        .iter()
        .filter_map(|info| {
            let id = info.customer_id.to_string();
            let (owner, amount, debt) = match state.ab.customers.get(&id) {
                Some(funds) => (funds.reseller.clone(), funds.amount, funds.debt_amount),
                None => (created_here(&id)?, Decimal::ZERO, Decimal::ZERO),
            };
            // Only the acting partner's reseller-model customers are answered; others are
            // left out, as the documentation says.
            (owner == reseller).then(|| types::CustomerBalancesV2 {
                customer_id: Some(id),
                amount: Some(Amount::from(amount)),
                debt_amount: Some(Amount::from(debt)),
                currency: Some("CNY".to_string()),
                measure_id: Some(values::MeasureId::Yuan),
            })
        })
        .collect();
    Ok(respond::ok(types::ListCustomersBalancesDetailResponse {
        customer_balances,
    }))
}

fn list_partner_balances(received: &Received, state: &mut State) -> Result<Reply, Reply> {
    let mut indirect_partner_id = None;
    for (key, value) in received.query_pairs() {
        if key == "indirect_partner_id" {
            indirect_partner_id = Some(value);
        }
    }
    let reseller = acting_for(state, indirect_partner_id.as_deref())?;
    let accounts = state
        .ab
        .partner(reseller.as_deref())
        .expect("acting_for checked the reseller");
    let owner = reseller.as_deref().unwrap_or("partner");
    let account_balances = accounts
        .balances
        .iter()
        .map(|(&kind, &amount)| {
            let cash = kind == crate::state_ab::account_type::CASH;
            let credit = kind == crate::state_ab::account_type::CREDIT;
            types::AccountBalanceV2 {
                account_id: Some(format!("{owner}-{kind}")),
                account_type: Some(i64::from(kind).into()),
                amount: Some(Amount::from(amount)),
                currency: Some("CNY".to_string()),
                designated_amount: cash.then(|| Amount::from(accounts.designated_amount)),
                credit_amount: credit.then(|| Amount::from(accounts.credit_amount)),
                measure_id: Some(values::MeasureId::Yuan),
                memo: None,
            }
        })
        .collect();
    Ok(respond::ok(types::ListPartnerBalancesResponse {
        account_balances,
    }))
}

fn list_partner_account_change_records(
    received: &Received,
    state: &mut State,
) -> Result<Reply, Reply> {
    let (mut offset, mut limit) = (0, 10);
    let mut balance_type = None;
    let mut trade_type = None;
    let (mut begin, mut end) = (None, None);
    let mut indirect_partner_id = None;
    for (key, value) in received.query_pairs() {
        match key.as_str() {
            "offset" => offset = query::<usize>(&key, &value)?,
            "limit" => limit = query::<usize>(&key, &value)?,
            "balance_type" => {
                balance_type = Some(query::<types::ListPartnerAccountChangeRecordsBalanceType>(
                    &key, &value,
                )?)
            }
            "trade_type" => {
                trade_type = Some(
                    query::<types::ListPartnerAccountChangeRecordsTradeType>(&key, &value)?
                        .to_string(),
                )
            }
            "trade_time_begin" => begin = Some(value),
            "trade_time_end" => end = Some(value),
            "indirect_partner_id" => indirect_partner_id = Some(value),
            _ => {}
        }
    }
    let Some(balance_type) = balance_type else {
        return Err(respond::error("CBC.0100", Some("balance_type is required")));
    };
    let reseller = acting_for(state, indirect_partner_id.as_deref())?;
    // Only the cash account has entries in the simulator.
    let cash = balance_type == types::ListPartnerAccountChangeRecordsBalanceType::BalanceTypeDebit;
    let matching: Vec<&AccountChange> = state
        .ab
        .account_changes
        .iter()
        .rev()
        .filter(|_| cash)
        .filter(|c| c.owner == reseller)
        .filter(|c| trade_type.as_ref().is_none_or(|t| *t == c.trade_type))
        // Dates are compared on the day (the simulator's clock is UTC+8-agnostic).
        .filter(|c| begin.as_ref().is_none_or(|b| c.trade_time[..10] >= **b))
        .filter(|c| end.as_ref().is_none_or(|e| c.trade_time[..10] <= **e))
        .collect();
    let records: Vec<Value> = page(&matching, offset, limit)
        .into_iter()
        .map(|c| {
            let customer_name = c.customer_id.as_ref().and_then(|id| {
                state
                    .customers
                    .iter()
                    .find(|k| k.domain_id == *id)
                    .map(|k| k.domain_name.clone())
            });
            let record = types::AccountChangeRecord {
                account_change_id: Some(c.account_change_id.clone()),
                trade_detail_type: Some(c.trade_detail_type.clone()),
                trade_time: Some(c.trade_time.clone()),
                trade_id: Some(c.trade_id.clone()),
                change_amount: None,
                balance_after_change: None,
                type_: Some(if c.income { "1" } else { "2" }.to_string().into()),
                customer_id: c.customer_id.clone(),
                account_name: customer_name,
            };
            let mut value = serde_json::to_value(record).expect("generated types serialize");
            value["change_amount"] = money_text(c.change_amount);
            value["balance_after_change"] = money_text(c.balance_after_change);
            value
        })
        .collect();
    Ok(respond::ok(serde_json::json!({
        "total_count": matching.len(),
        "currency": "CNY",
        "records": records,
    })))
}

// ---------------------------------------------------------------------------------------
// Customers: new-customer tags and real-name authentication
// ---------------------------------------------------------------------------------------

fn list_sub_customer_new_tag(received: &Received, state: &mut State) -> Result<Reply, Reply> {
    let request: types::ListSubCustomerNewTagReq = body(received)?;
    let reseller = acting_for(state, request.indirect_partner_id.as_deref())?;
    // The acting partner's customers: created here, or holding funds here.
    let mut known: Vec<String> = state
        .customers
        .iter()
        .filter(|c| c.indirect_partner_id == reseller)
        .map(|c| c.domain_id.clone())
        .collect();
    for (id, funds) in &state.ab.customers {
        if funds.reseller == reseller && !known.contains(id) {
            known.push(id.clone());
        }
    }
    let asked: Vec<String> = request
        .customer_ids
        .iter()
        .map(|id| id.to_string())
        .collect();
    let matching: Vec<String> = known
        .into_iter()
        .filter(|id| asked.is_empty() || asked.contains(id))
        .collect();
    let offset = request.offset.map_or(0, |o| o as usize);
    let limit = request.limit.map_or(10, |l| l as usize);
    let new_customer_tags = page(&matching, offset, limit)
        .into_iter()
        .map(|id| {
            // Only real-name authenticated customers carry a tag.
            let authenticated = state
                .ab
                .realname(&id)
                .is_some_and(|a| a.review_result == review::APPROVED);
            types::NewCustomerTagItem {
                customer_id: Some(id),
                customer_tag_type: authenticated.then(|| "SMB".to_string().into()),
                new_customer_tag: authenticated.then(|| "Y".to_string().into()),
                effective_time: authenticated.then(|| NOW[..7].to_string()),
                expire_time: authenticated.then(|| "2027-10".to_string()),
            }
        })
        .collect();
    Ok(respond::ok(types::ListSubCustomerNewTagResponse {
        new_customer_tags,
    }))
}

/// Refuses a new application while one is approved or under review (CBC.99007188).
fn no_pending_or_approved(state: &State, customer_id: &str) -> Result<(), Reply> {
    match state.ab.realname(customer_id) {
        Some(a) if a.review_result != review::REJECTED => Err(respond::error("CBC.99007188", None)),
        _ => Ok(()),
    }
}

/// Records an application and answers `is_review`.
fn apply(
    state: &mut State,
    customer_id: String,
    kind: RealnameKind,
    name: String,
    manual_review: bool,
) -> i32 {
    state.ab.realname_applications.push(RealnameApplication {
        customer_id,
        kind,
        name,
        review_result: if manual_review {
            review::UNDER_REVIEW
        } else {
            review::APPROVED
        },
        opinion: None,
    });
    i32::from(manual_review)
}

fn create_personal_realname_auth(received: &Received, state: &mut State) -> Result<Reply, Reply> {
    let request: types::ApplyIndividualRealnameAuthsReq = body(received)?;
    let customer_id = request.customer_id.to_string();
    no_pending_or_approved(state, &customer_id)?;
    // Documents go to a reviewer; a bank card checked against its SMS code is immediate.
    let manual_review = match request.identify_type {
        0 => {
            if request.verified_type.is_none() {
                return Err(respond::error(
                    "CBC.0100",
                    Some("verified_type is required with identify_type 0"),
                ));
            }
            true
        }
        _ => {
            let Some(card) = &request.bank_card_info else {
                return Err(respond::error(
                    "CBC.0100",
                    Some("bank_card_info is required with identify_type 4"),
                ));
            };
            if state.verification_code(&card.mobile) != Some(card.verification_code.expose()) {
                return Err(respond::error("CBC.99000027", None));
            }
            state.verification_codes.remove(&card.mobile);
            false
        }
    };
    let is_review = apply(
        state,
        customer_id,
        RealnameKind::Individual,
        request.name.to_string(),
        manual_review,
    );
    Ok(respond::ok(types::CreatePersonalRealnameAuthResponse {
        is_review: Some(i64::from(is_review).into()),
    }))
}

fn create_enterprise_realname_authentication(
    received: &Received,
    state: &mut State,
) -> Result<Reply, Reply> {
    let request: types::ApplyEnterpriseRealnameAuthsReq = body(received)?;
    let customer_id = request.customer_id.to_string();
    no_pending_or_approved(state, &customer_id)?;
    let is_review = apply(
        state,
        customer_id,
        RealnameKind::Enterprise,
        request.corp_name.to_string(),
        true,
    );
    Ok(respond::ok(
        types::CreateEnterpriseRealnameAuthenticationResponse {
            is_review: Some(i64::from(is_review).into()),
        },
    ))
}

fn change_enterprise_realname_authentication(
    received: &Received,
    state: &mut State,
) -> Result<Reply, Reply> {
    let request: types::ChangeEnterpriseRealnameAuthsReq = body(received)?;
    let customer_id = request.customer_id.to_string();
    // Individual to enterprise: the customer must hold an approved individual authentication;
    // a change still under review is replaced by the new one.
    let current =
        state.ab.realname_applications.iter().rposition(|a| {
            a.customer_id == customer_id && a.kind != RealnameKind::EnterpriseChange
        });
    let individual = current.map(|i| &state.ab.realname_applications[i]);
    if !individual
        .is_some_and(|a| a.kind == RealnameKind::Individual && a.review_result == review::APPROVED)
    {
        return Err(respond::error(
            "CBC.0100",
            Some("the customer has no approved individual authentication to change"),
        ));
    }
    state.ab.realname_applications.retain(|a| {
        !(a.customer_id == customer_id
            && a.kind == RealnameKind::EnterpriseChange
            && a.review_result == review::UNDER_REVIEW)
    });
    let is_review = apply(
        state,
        customer_id,
        RealnameKind::EnterpriseChange,
        request.corp_name.to_string(),
        true,
    );
    Ok(respond::ok(
        types::ChangeEnterpriseRealnameAuthenticationResponse {
            is_review: Some(i64::from(is_review).into()),
        },
    ))
}

fn show_realname_authentication_review_result(
    received: &Received,
    state: &mut State,
) -> Result<Reply, Reply> {
    let mut customer_id = None;
    for (key, value) in received.query_pairs() {
        if key == "customer_id" {
            customer_id = Some(value);
        }
    }
    let Some(customer_id) = customer_id else {
        return Err(respond::error("CBC.0100", Some("customer_id is required")));
    };
    let application = state.ab.realname(&customer_id);
    Ok(respond::ok(
        types::ShowRealnameAuthenticationReviewResultResponse {
            review_result: application.map(|a| i64::from(a.review_result).into()),
            opinion: application.and_then(|a| a.opinion.clone()),
        },
    ))
}

/// The calling account, as the client names it in `X-Domain-Id`.
fn caller(received: &Received) -> String {
    received
        .header("x-domain-id")
        .unwrap_or_default()
        .to_string()
}

fn show_real_name_auth_status(received: &Received, state: &mut State) -> Result<Reply, Reply> {
    let application = state.ab.realname(&caller(received));
    let verified_status = application.map_or(-1, |a| a.review_result_as_status());
    let verified_type = application
        .filter(|_| verified_status != -1)
        .map(|a| i32::from(a.kind != RealnameKind::Individual));
    Ok(respond::ok(types::ShowRealNameAuthStatusResponse {
        verified_status: Some(i64::from(verified_status).into()),
        verified_type: verified_type.map(|v| i64::from(v).into()),
    }))
}

fn show_real_name_auth_qr_code(_received: &Received, state: &mut State) -> Result<Reply, Reply> {
    state.ab.qr_codes_issued += 1;
    Ok(respond::ok(types::ShowRealNameAuthQrCodeResponse {
        qr_code_url: Some(format!(
            "https://realname.sim.invalid/qrcode/{}",
            state.ab.qr_codes_issued
        )),
    }))
}

fn create_enterprise_project_auth(received: &Received, state: &mut State) -> Result<Reply, Reply> {
    let account = caller(received);
    // Documented business check: an authenticated individual may not enable it.
    if state
        .ab
        .realname(&account)
        .is_some_and(|a| a.kind == RealnameKind::Individual && a.review_result == review::APPROVED)
    {
        let mut extra = serde_json::Map::new();
        extra.insert(
            "fail_check_items".into(),
            serde_json::json!(["SELF_OPEN_ONLY_FOR_ENT_AND_INTR_CUST"]),
        );
        return Err(respond::error_with("CBC.99007004", None, extra));
    }
    if !state.ab.enterprise_projects_enabled.contains(&account) {
        state.ab.enterprise_projects_enabled.push(account);
    }
    Ok(respond::no_content())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn get(path_query: &str) -> Received {
        let (path, query) = path_query.split_once('?').unwrap_or((path_query, ""));
        Received {
            method: "GET".to_string(),
            path: path.to_string(),
            raw_query: (!query.is_empty()).then(|| query.to_string()),
            headers: Vec::new(),
            body: Default::default(),
        }
    }

    fn post(body: Value) -> Received {
        Received {
            method: "POST".to_string(),
            path: String::new(),
            raw_query: None,
            headers: Vec::new(),
            body: serde_json::to_vec(&body).unwrap().into(),
        }
    }

    /// Record lists carry amounts as JSON strings (as the service does), balances as numbers;
    /// the client's `Amount` decodes both.
    #[test]
    fn record_amounts_go_out_as_strings_and_balances_as_numbers() {
        let mut state = State::default();
        let customer = crate::state_ab::SEEDED_CUSTOMERS[0];
        let funded = handle(
            "UpdateCustomerAccountAmount",
            &post(serde_json::json!({"customer_id": customer, "amount": 12.3})),
            &mut state,
        )
        .unwrap();
        assert_eq!(funded.status, 200, "{funded:?}");

        let records = handle("ListPartnerAdjustRecords", &get("?limit=5"), &mut state).unwrap();
        let body = records.body.unwrap();
        assert_eq!(body["total_count"], 1);
        assert_eq!(body["records"][0]["amount"], "12.30");
        let decoded: types::ListPartnerAdjustRecordsResponse =
            serde_json::from_value(body).unwrap();
        assert_eq!(
            decoded.records[0].amount.map(Amount::get),
            Some(Decimal::new(1230, 2))
        );

        let balances = handle("ListPartnerBalances", &get(""), &mut state).unwrap();
        let body = balances.body.unwrap();
        let cash = &body["account_balances"][0];
        assert_eq!(cash["account_type"], 1);
        assert!(cash["amount"].is_number(), "{cash}");
        let decoded: types::ListPartnerBalancesResponse = serde_json::from_value(body).unwrap();
        assert_eq!(
            decoded.account_balances[0].amount.map(Amount::get),
            Some(Decimal::new(9_998_770, 2))
        );
    }

    #[test]
    fn a_broken_amount_rule_is_answered_with_cbc_0100() {
        let mut state = State::default();
        for amount in [
            serde_json::json!(0),
            serde_json::json!(1.005),
            serde_json::json!("x"),
        ] {
            // Through the dispatch, which checks every request with the client's rules.
            let reply = crate::handlers::handle(
                "ReclaimToPartnerAccount",
                &post(serde_json::json!({"customer_id": "c", "amount": amount})),
                &mut state,
                false,
            );
            assert_eq!(reply.status, 400);
            let body = reply.body.unwrap();
            assert_eq!(body["error_code"], "CBC.0100");
            assert!(
                body["error_msg"]
                    .as_str()
                    .unwrap()
                    .starts_with("parameter error: invalid ReclaimToPartnerAccount request: "),
                "{body}"
            );
        }
    }
}
