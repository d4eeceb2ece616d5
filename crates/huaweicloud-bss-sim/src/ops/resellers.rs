//! The reseller registry's operations: listing the partner's resellers, and moving money
//! between the partner's account and a reseller's (through the one ledger, so
//! ListPartnerBalances sees every movement).

use huaweicloud_bss_api::types;

use crate::request::{Page, body, decimal};
use crate::respond::{self, Reply};
use crate::server::Received;
use crate::state::State;
use crate::state::ledger::{Account, AccountChange, AdjustKind, AdjustRecord};

/// A reseller the partner may act on: a registered one (CBC.99000037 otherwise, the
/// documented "no permission to operate on this reseller").
pub(crate) fn acting_for(state: &State, reseller: Option<&str>) -> Result<Option<String>, Reply> {
    match reseller {
        None => Ok(None),
        Some(id) if state.reseller(id).is_some() => Ok(Some(id.to_string())),
        Some(_) => Err(respond::error("CBC.99000037", None)),
    }
}

pub(crate) fn list_indirect_partners(
    received: &Received,
    state: &mut State,
) -> Result<Reply, Reply> {
    let request: types::QueryIndirectPartnersReq = body(received)?;
    let account_name = request.account_name.as_ref().map(|a| a.to_string());
    let begin = request.associated_on_begin.as_ref().map(|t| t.to_string());
    let end = request.associated_on_end.as_ref().map(|t| t.to_string());
    let matching: Vec<_> = state
        .resellers
        .iter()
        .filter(|r| {
            account_name
                .as_deref()
                .is_none_or(|a| a.is_empty() || r.account_name.contains(a))
        })
        .filter(|r| {
            begin
                .as_deref()
                .is_none_or(|b| r.associated_on.as_str() >= b)
        })
        .filter(|r| end.as_deref().is_none_or(|e| r.associated_on.as_str() <= e))
        .filter(|r| {
            request
                .indirect_partner_id
                .as_ref()
                .is_none_or(|id| id.as_str() == r.id)
        })
        .map(|r| types::IndirectPartnerInfo {
            indirect_partner_id: Some(r.id.clone()),
            account_name: Some(r.account_name.clone()),
            name: Some(r.name.clone()),
            associated_on: Some(r.associated_on.clone()),
            ..Default::default()
        })
        .collect();
    let page = Page::new(request.offset, request.limit);
    Ok(respond::ok(types::ListIndirectPartnersResponse {
        count: Some(matching.len() as i32),
        indirect_partners: page.of(&matching),
    }))
}

/// Moves `amount` between the partner's cash account and a registered reseller's, and records
/// it in the partner's adjust records (the documentation lists a tier-1 distributor's
/// movements towards its resellers there, under the reseller's account id) and in both
/// accounts' change records.
fn move_to_reseller(
    state: &mut State,
    reseller: &str,
    amount: huaweicloud_bss_runtime::Decimal,
    to_reseller: bool,
    insufficient_message: Option<&str>,
) -> Result<String, Reply> {
    let reseller = acting_for(state, Some(reseller))?;
    let reseller = reseller.as_deref();
    let (from, to) = if to_reseller {
        (Account::Partner(None), Account::Partner(reseller))
    } else {
        (Account::Partner(reseller), Account::Partner(None))
    };
    let (from_after, to_after) = state
        .ledger
        .transfer(from, to, amount)
        .map_err(|_| respond::error("CBC.99005003", insufficient_message))?;
    let trans_id = state.next_trans_id(if to_reseller { "AD" } else { "RE" });
    let now = state.now();
    state.ledger.adjust_records.push(AdjustRecord {
        reseller: None,
        customer_id: reseller.unwrap_or_default().to_string(),
        kind: if to_reseller {
            AdjustKind::Adjust
        } else {
            AdjustKind::Reclaim
        },
        amount,
        trans_id: trans_id.clone(),
        operation_time: now.to_string(),
    });
    let (trade_type, detail) = if to_reseller {
        ("BEADJUST", "SOURCE_OPERATION_BEADJUST")
    } else {
        ("BERETRIEVE", "SOURCE_OPERATION_BERETRIEVE")
    };
    for (owner, income, balance_after_change) in [(from, false, from_after), (to, true, to_after)] {
        let Account::Partner(owner) = owner else {
            continue;
        };
        let account_change_id = state.next_trans_id("AC");
        state.ledger.account_changes.push(AccountChange {
            owner: owner.map(str::to_string),
            account_change_id,
            trade_type: trade_type.to_string(),
            trade_detail_type: detail.to_string(),
            trade_id: trans_id.clone(),
            change_amount: amount,
            balance_after_change,
            income,
            customer_id: None,
            trade_time: now.to_string(),
        });
    }
    Ok(trans_id)
}

pub(crate) fn update_indirect_partner_account(
    received: &Received,
    state: &mut State,
) -> Result<Reply, Reply> {
    let request: types::AdjustToIndirectPartnerReq = body(received)?;
    let amount = decimal(&request.amount)?;
    let transfer_id = move_to_reseller(state, &request.indirect_partner_id, amount, true, None)?;
    Ok(respond::ok(types::UpdateIndirectPartnerAccountResponse {
        transfer_id: Some(transfer_id),
    }))
}

pub(crate) fn reclaim_indirect_partner_account(
    received: &Received,
    state: &mut State,
) -> Result<Reply, Reply> {
    let request: types::ReclaimIndirectPartnerAccountReq = body(received)?;
    let amount = decimal(&request.amount)?;
    let trans_id = move_to_reseller(
        state,
        &request.indirect_partner_id,
        amount,
        false,
        Some("Insufficient balance: the amount exceeds the reseller's account balance."),
    )?;
    Ok(respond::ok(types::ReclaimIndirectPartnerAccountResponse {
        trans_id: Some(trans_id),
    }))
}
