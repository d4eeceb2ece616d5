//! Customer funds: funding and reclaiming, balances of customers and of the partner or a
//! reseller, the funding records and the account entries, all read from and written to the
//! one ledger.
//!
//! Money is exact: amounts are decoded as the generated `Amount` (exact decimal) and kept as
//! decimals, with the scale they were given. Like the real service, the record lists send
//! their amounts as JSON strings (the official SDK models them as `str`), balances as JSON
//! numbers.

use huaweicloud_bss_api::{types, values};
use huaweicloud_bss_runtime::{Amount, Decimal};
use serde_json::Value;

use super::resellers::acting_for;
use crate::request::{Query, body};
use crate::respond::{self, Reply};
use crate::server::Received;
use crate::state::State;
use crate::state::ledger::{Account, AccountChange, AdjustKind, AdjustRecord};

/// A customer the acting partner (or reseller) may move money for: a registered customer of
/// it. Anyone else (unknown ids included) is refused with CBC.0151, the code these operations
/// document for an account the caller may not act on.
fn own_customer(state: &State, customer_id: &str, reseller: Option<&str>) -> Result<(), Reply> {
    if state.is_customer_of(customer_id, reseller) {
        Ok(())
    } else {
        Err(respond::error(
            "CBC.0151",
            Some("the customer is not a customer of the acting partner"),
        ))
    }
}

/// Moves `amount` between a customer and the acting partner's cash account and records it.
fn transfer(
    state: &mut State,
    kind: AdjustKind,
    customer_id: &str,
    reseller: Option<String>,
    amount: Decimal,
) -> Result<String, Reply> {
    own_customer(state, customer_id, reseller.as_deref())?;
    let partner = Account::Partner(reseller.as_deref());
    let customer = Account::Customer(customer_id);
    let moved = match kind {
        AdjustKind::Adjust => state.ledger.transfer(partner, customer, amount),
        AdjustKind::Reclaim => state.ledger.transfer(customer, partner, amount),
    };
    let (first, second) = moved.map_err(|_| respond::error("CBC.99005003", None))?;
    let (prefix, trade_type, income, balance_after_change) = match kind {
        AdjustKind::Adjust => ("AD", "BEADJUST", false, first),
        AdjustKind::Reclaim => ("RE", "BERETRIEVE", true, second),
    };
    let trans_id = state.next_trans_id(prefix);
    let now = state.now();
    state.ledger.adjust_records.push(AdjustRecord {
        reseller: reseller.clone(),
        customer_id: customer_id.to_string(),
        kind,
        amount,
        trans_id: trans_id.clone(),
        operation_time: now.to_string(),
    });
    let account_change_id = state.next_trans_id("AC");
    state.ledger.account_changes.push(AccountChange {
        owner: reseller,
        account_change_id,
        trade_type: trade_type.to_string(),
        trade_detail_type: kind.operation_type().to_string(),
        trade_id: trans_id.clone(),
        change_amount: amount,
        balance_after_change,
        income,
        customer_id: Some(customer_id.to_string()),
        trade_time: now.to_string(),
    });
    Ok(trans_id)
}

pub(crate) fn update_customer_account_amount(
    received: &Received,
    state: &mut State,
) -> Result<Reply, Reply> {
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

pub(crate) fn reclaim_to_partner_account(
    received: &Received,
    state: &mut State,
) -> Result<Reply, Reply> {
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

pub(crate) fn list_partner_adjust_records(
    received: &Received,
    state: &mut State,
) -> Result<Reply, Reply> {
    let query = Query::of(received);
    let paging = query.page()?;
    let customer_id = query.owned("customer_id");
    let operation_type = query
        .parsed::<types::ListPartnerAdjustRecordsOperationType>("operation_type")?
        .map(|kind| kind.to_string());
    let begin = query.owned("operation_time_begin");
    let end = query.owned("operation_time_end");
    let trans_id = query.owned("trans_id");
    let indirect_partner_id = query.owned("indirect_partner_id");
    let reseller = acting_for(state, indirect_partner_id.as_deref())?;
    let matching: Vec<&AdjustRecord> = state
        .ledger
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
    let records: Vec<Value> = paging
        .of(&matching)
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
            let mut value = serde_json::to_value(record).unwrap_or_default();
            value["amount"] = money_text(r.amount);
            value
        })
        .collect();
    Ok(respond::ok(serde_json::json!({
        "records": records,
        "total_count": matching.len(),
    })))
}

pub(crate) fn list_customers_balances_detail(
    received: &Received,
    state: &mut State,
) -> Result<Reply, Reply> {
    let request: types::QueryCustomersBalancesReq = body(received)?;
    // The generated types do not enforce minItems/maxItems; the service does.
    if !(1..=100).contains(&request.customer_infos.len()) {
        return Err(respond::error(
            "CBC.0100",
            Some("customer_infos must hold 1 to 100 customers"),
        ));
    }
    let reseller = acting_for(state, request.indirect_partner_id.as_deref())?;
    let customer_balances = request
        .customer_infos
        .iter()
        .filter_map(|info| {
            let id = info.customer_id.to_string();
            let funds = state.ledger.customers.get(&id).cloned().unwrap_or_default();
            let (amount, debt) = (funds.amount, funds.debt_amount);
            // Only the acting partner's customers are answered; others are left out, as the
            // documentation says.
            state
                .is_customer_of(&id, reseller.as_deref())
                .then(|| types::CustomerBalancesV2 {
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

pub(crate) fn list_partner_balances(
    received: &Received,
    state: &mut State,
) -> Result<Reply, Reply> {
    let indirect_partner_id = Query::of(received).owned("indirect_partner_id");
    let reseller = acting_for(state, indirect_partner_id.as_deref())?;
    let accounts = state.ledger.partner(reseller.as_deref());
    let owner = reseller.as_deref().unwrap_or("partner");
    let account_balances = accounts
        .balances
        .iter()
        .map(|(&kind, &amount)| {
            let cash = kind == crate::state::ledger::account_type::CASH;
            let credit = kind == crate::state::ledger::account_type::CREDIT;
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

pub(crate) fn list_partner_account_change_records(
    received: &Received,
    state: &mut State,
) -> Result<Reply, Reply> {
    let query = Query::of(received);
    let paging = query.page()?;
    let balance_type: types::ListPartnerAccountChangeRecordsBalanceType =
        query.required("balance_type")?;
    let trade_type = query
        .parsed::<types::ListPartnerAccountChangeRecordsTradeType>("trade_type")?
        .map(|kind| kind.to_string());
    let begin = query.owned("trade_time_begin");
    let end = query.owned("trade_time_end");
    let indirect_partner_id = query.owned("indirect_partner_id");
    let reseller = acting_for(state, indirect_partner_id.as_deref())?;
    // Only the cash account has entries in the simulator.
    let cash = balance_type == types::ListPartnerAccountChangeRecordsBalanceType::BalanceTypeDebit;
    let matching: Vec<&AccountChange> = state
        .ledger
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
    let records: Vec<Value> = paging
        .of(&matching)
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
            let mut value = serde_json::to_value(record).unwrap_or_default();
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
