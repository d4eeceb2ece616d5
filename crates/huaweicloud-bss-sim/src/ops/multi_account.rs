//! Enterprise multi-account operations: the organization and its member accounts, SMS codes,
//! and moving money and coupons between the master account and its members (state in
//! [`crate::state::multi_account`]).
//!
//! Every request was checked with the client's rules before it gets here (a violation is
//! CBC.0100); bodies are decoded with the generated types. Transfers never create or destroy money:
//! what leaves the master arrives at the member and back.

use huaweicloud_bss_api::{types, values};
use huaweicloud_bss_runtime::{Amount, Decimal};

use crate::request::{Page, Query, body, invalid};
use crate::respond::{self, Reply};
use crate::server::Received;
use crate::state::State;
use crate::state::multi_account::{
    BalanceLedger, BalanceType, MultiAccount, SubCoupon, SubEnterpriseAccount,
};

/// The only currency and measure the simulated accounts use.
const CURRENCY: &str = "CNY";
const MEASURE_YUAN: i32 = 1;

fn amount(value: Decimal) -> Option<Amount> {
    Some(Amount::from(value))
}

pub(crate) fn send_sms_verification_code(
    received: &Received,
    state: &mut State,
) -> Result<Reply, Reply> {
    let request: types::SendSmVerificationCodeReq = body(received)?;
    // Documented list bound (the generated type does not check list sizes).
    if request.sm_template_args.len() > 6 {
        return Err(invalid("sm_template_args has more than 6 entries"));
    }
    let code = state.next_code();
    state
        .multi_account
        .record_sms_code(request.mobile_phone.as_str(), code);
    Ok(respond::no_content())
}

pub(crate) fn list_enterprise_sub_customers(
    received: &Received,
    state: &mut State,
) -> Result<Reply, Reply> {
    let query = Query::of(received);
    let account_name: Option<String> = query.parsed("sub_customer_account_name")?;
    let display_name: Option<String> = query.parsed("sub_customer_display_name")?;
    let fuzzy: Option<i32> = query.number("fuzzy_query")?;
    let org_id: Option<String> = query.parsed("org_id")?;
    let page = query.page()?;
    let fuzzy = fuzzy.is_some_and(|f| f == 1);
    let matches = |filter: Option<&str>, value: &str| match filter {
        None => true,
        Some(filter) if fuzzy => value.contains(filter),
        Some(filter) => value == filter,
    };
    let matching: Vec<types::SubCustomerInfoV2> = state
        .sub_enterprise_accounts
        .iter()
        .filter(|a| matches(account_name.as_deref(), &a.customer_name))
        .filter(|a| {
            matches(
                display_name.as_deref(),
                a.display_name.as_deref().unwrap_or_default(),
            )
        })
        .filter(|a| org_id.as_ref().is_none_or(|o| o.as_str() == a.party_id))
        .map(|a| {
            let unit = state.org_units.iter().find(|u| u.id == a.party_id);
            types::SubCustomerInfoV2 {
                id: Some(a.id.clone()),
                name: Some(a.customer_name.clone()),
                display_name: a.display_name.clone(),
                status: Some(values::SubCustomerInfoV2Status::Normal),
                org_id: Some(a.party_id.clone()),
                // The root unit's name may be absent, as documented.
                org_name: unit.filter(|u| u.parent.is_some()).map(|u| u.name.clone()),
            }
        })
        .collect();
    Ok(respond::ok(types::ListEnterpriseSubCustomersResponse {
        total_count: Some(matching.len() as i32),
        sub_customer_infos: page.of(&matching),
    }))
}

/// Refuses a transaction id already used, then remembers it.
fn use_trans_id(state: &mut MultiAccount, trans_id: Option<&str>) -> Result<(), Reply> {
    let Some(trans_id) = trans_id.filter(|t| !t.is_empty()) else {
        return Ok(());
    };
    if !state.trans_ids.insert(trans_id.to_string()) {
        return Err(respond::error("CBC.99007009", None));
    }
    Ok(())
}

/// The ledger a transfer or reclaim names: the cash ledger, or the credit ledger with this
/// expiry (`None`: the one that never expires).
fn ledger_mut<'a>(
    ledgers: &'a mut [BalanceLedger],
    balance_type: BalanceType,
    expire_time: Option<&str>,
) -> Option<&'a mut BalanceLedger> {
    ledgers.iter_mut().find(|l| {
        l.balance_type == balance_type
            && (balance_type == BalanceType::Debit || l.expire_time.as_deref() == expire_time)
    })
}

/// Moves `amount` from the master to a member (`to_member`) or back; refuses an amount above
/// what the giving side has with CBC.99005003.
fn move_funds(
    state: &mut MultiAccount,
    customer_id: &str,
    balance_type: BalanceType,
    expire_time: Option<&str>,
    amount: Decimal,
    to_member: bool,
) -> Result<(), Reply> {
    let Some(member) = state.members.get(customer_id) else {
        return Err(respond::error(
            "CBC.99000043",
            Some("customer_id is not a member account of this enterprise"),
        ));
    };
    let mut member = member.clone();
    let mut master = state.master.clone();
    let missing = || {
        invalid(match expire_time {
            Some(_) => "no credit ledger has this expire_time",
            None => "no credit ledger without expiry exists; name one with expire_time",
        })
    };
    let from_master = ledger_mut(&mut master, balance_type, expire_time).ok_or_else(missing)?;
    if member_ledger(&mut member, balance_type, expire_time).is_none() {
        // A member receiving credit from an expiring master ledger gets a matching ledger.
        member.push(BalanceLedger {
            balance_type,
            expire_time: expire_time.map(str::to_string),
            available: Decimal::ZERO,
            credit_line: Decimal::ZERO,
        });
    }
    let Some(to) = member_ledger(&mut member, balance_type, expire_time) else {
        return Err(missing());
    };
    let (giver, taker) = if to_member {
        (from_master, to)
    } else {
        (to, from_master)
    };
    if amount > giver.available {
        return Err(respond::error(
            "CBC.99005003",
            Some(&format!(
                "insufficient balance: {amount} requested, {} available",
                giver.available
            )),
        ));
    }
    giver.available -= amount;
    taker.available += amount;
    if balance_type == BalanceType::Credit {
        giver.credit_line -= amount;
        taker.credit_line += amount;
    }
    state.master = master;
    state.members.insert(customer_id.to_string(), member);
    Ok(())
}

fn member_ledger<'a>(
    member: &'a mut [BalanceLedger],
    balance_type: BalanceType,
    expire_time: Option<&str>,
) -> Option<&'a mut BalanceLedger> {
    ledger_mut(member, balance_type, expire_time)
}

fn balance_type_of(credit: bool) -> BalanceType {
    if credit {
        BalanceType::Credit
    } else {
        BalanceType::Debit
    }
}

/// A transfer to a member (`to_member`) or a reclaim from one, as both operations ask it.
struct Movement<'a> {
    customer_id: &'a str,
    credit: bool,
    expire_time: Option<&'a str>,
    amount: Decimal,
    trans_id: Option<&'a str>,
}

/// Applies a movement all or nothing: a used transaction id or a refused amount leaves the
/// accounts as they were.
fn apply_movement(
    state: &mut State,
    movement: Movement<'_>,
    to_member: bool,
) -> Result<Reply, Reply> {
    let mut trial = state.multi_account.clone();
    use_trans_id(&mut trial, movement.trans_id)?;
    move_funds(
        &mut trial,
        movement.customer_id,
        balance_type_of(movement.credit),
        movement.expire_time,
        movement.amount,
        to_member,
    )?;
    state.multi_account = trial;
    Ok(respond::no_content())
}

pub(crate) fn update_sub_enterprise_amount(
    received: &Received,
    state: &mut State,
) -> Result<Reply, Reply> {
    let request: types::TransferEnterpriseMultiAccountReq = body(received)?;
    let movement = Movement {
        customer_id: request.customer_id.as_str(),
        credit: matches!(
            request.balance_type,
            Some(types::TransferEnterpriseMultiAccountReqBalanceType::BalanceTypeCredit)
        ),
        expire_time: request.expire_time.as_deref(),
        amount: request.amount.get(),
        trans_id: request.trans_id.as_deref(),
    };
    apply_movement(state, movement, true)
}

pub(crate) fn reclaim_sub_enterprise_amount(
    received: &Received,
    state: &mut State,
) -> Result<Reply, Reply> {
    let request: types::RetrieveEnterpriseMultiAccountReq = body(received)?;
    let movement = Movement {
        customer_id: request.customer_id.as_str(),
        credit: matches!(
            request.balance_type,
            Some(types::RetrieveEnterpriseMultiAccountReqBalanceType::BalanceTypeCredit)
        ),
        expire_time: request.expire_time.as_deref(),
        amount: request.amount.get(),
        trans_id: request.trans_id.as_deref(),
    };
    apply_movement(state, movement, false)
}

/// One page of an account's ledgers of a type: the cash ledger alone, or the credit ledgers
/// paged by offset/limit (paging applies to credit only, as documented).
fn ledger_page(
    ledgers: &[BalanceLedger],
    balance_type: BalanceType,
    page: Page,
) -> (usize, Vec<BalanceLedger>) {
    let all: Vec<BalanceLedger> = MultiAccount::ledgers(ledgers, balance_type)
        .into_iter()
        .cloned()
        .collect();
    match balance_type {
        BalanceType::Debit => (all.len(), all),
        BalanceType::Credit => (all.len(), page.of(&all)),
    }
}

pub(crate) fn show_multi_account_transfer_amount(
    received: &Received,
    state: &mut State,
) -> Result<Reply, Reply> {
    let query = Query::of(received);
    let balance_type: types::ShowMultiAccountTransferAmountBalanceType =
        query.required("balance_type")?;
    let balance_type = balance_type_of(
        balance_type == types::ShowMultiAccountTransferAmountBalanceType::BalanceTypeCredit,
    );
    let (total, ledgers) = ledger_page(&state.multi_account.master, balance_type, query.page()?);
    let credit = balance_type == BalanceType::Credit;
    Ok(respond::ok(types::ShowMultiAccountTransferAmountResponse {
        total_count: Some(total as i32),
        amount_infos: ledgers
            .into_iter()
            .map(|l| types::TransferAmountInfoV2 {
                avail_transfer_amount: amount(l.available),
                measure_id: Some(i64::from(MEASURE_YUAN).into()),
                currency: Some(CURRENCY.to_string()),
                amount: credit.then(|| Amount::from(l.available)),
                credit_amount: credit.then(|| Amount::from(l.credit_line)),
                expire_time: l.expire_time,
            })
            .collect(),
    }))
}

pub(crate) fn list_enterprise_multi_account(
    received: &Received,
    state: &mut State,
) -> Result<Reply, Reply> {
    let query = Query::of(received);
    let member: String = query.required("sub_customer_id")?;
    let balance_type: types::ListEnterpriseMultiAccountBalanceType =
        query.required("balance_type")?;
    let balance_type = balance_type_of(
        balance_type == types::ListEnterpriseMultiAccountBalanceType::BalanceTypeCredit,
    );
    let Some(ledgers) = state.multi_account.members.get(member.as_str()) else {
        return Err(respond::error(
            "CBC.99000047",
            Some("sub_customer_id is not a member account of this enterprise"),
        ));
    };
    let (total, ledgers) = ledger_page(ledgers, balance_type, query.page()?);
    let credit = balance_type == BalanceType::Credit;
    Ok(respond::ok(types::ListEnterpriseMultiAccountResponse {
        total_count: Some(total as i32),
        amount_infos: ledgers
            .into_iter()
            .map(|l| types::RetrieveAmountInfoV2 {
                avail_retrieve_amount: amount(l.available),
                measure_id: Some(i64::from(MEASURE_YUAN).into()),
                currency: Some(CURRENCY.to_string()),
                amount: credit.then(|| Amount::from(l.available)),
                credit_amount: credit.then(|| Amount::from(l.credit_line)),
                expire_time: l.expire_time,
            })
            .collect(),
    }))
}

pub(crate) fn claim_coupon(received: &Received, state: &mut State) -> Result<Reply, Reply> {
    let request: types::TransferEnterpriseMultiAccountCouponReq = body(received)?;
    let customer_id = request.customer_id.to_string();
    let funds = &mut state.multi_account;
    if !funds.members.contains_key(&customer_id) {
        return Err(respond::error(
            "CBC.99000086",
            Some("customer_id is not a member account of this enterprise"),
        ));
    }
    let value = request.amount.get();
    let Some(coupon) = funds
        .master_coupons
        .iter_mut()
        .find(|c| c.coupon_id == request.coupon_id.as_str())
    else {
        return Err(invalid("coupon_id is not a transferable coupon"));
    };
    if value > coupon.balance {
        return Err(respond::error(
            "CBC.99005003",
            Some(&format!(
                "insufficient coupon balance: {value} requested, {} available",
                coupon.balance
            )),
        ));
    }
    coupon.balance -= value;
    let coupon_id = coupon.coupon_id.clone();
    let sub_coupon_id = state.next_trans_id("CPSIM");
    state.multi_account.sub_coupons.push(SubCoupon {
        customer_id,
        coupon_id,
        sub_coupon_id: sub_coupon_id.clone(),
        balance: value,
    });
    Ok(respond::ok(
        types::ClaimEnterpriseMultiAccountCouponResponse {
            sub_coupon_id: Some(sub_coupon_id),
        },
    ))
}

fn coupon_limits() -> Vec<types::ICouponUseLimitInfoV2> {
    Vec::new()
}

pub(crate) fn list_transfer_coupons(
    received: &Received,
    state: &mut State,
) -> Result<Reply, Reply> {
    let page = Query::of(received).page()?;
    let coupons: Vec<types::AvailTransferCoupon> = state
        .multi_account
        .master_coupons
        .iter()
        .filter(|c| c.balance > Decimal::ZERO)
        .map(|c| types::AvailTransferCoupon {
            coupon_id: Some(c.coupon_id.clone()),
            plan_name: Some(c.plan_name.clone()),
            balance: amount(c.balance),
            effective_time: Some(c.effective_time.clone()),
            expire_time: Some(c.expire_time.clone()),
            use_limits: coupon_limits(),
        })
        .collect();
    Ok(respond::ok(
        types::ListMultiAccountTransferCouponsResponse {
            total_count: Some(coupons.len() as i32),
            avail_transfer_coupons: page.of(&coupons),
        },
    ))
}

pub(crate) fn reclaim_coupon(received: &Received, state: &mut State) -> Result<Reply, Reply> {
    let request: types::RetrieveEnterpriseMultiAccountCouponReq = body(received)?;
    let funds = &mut state.multi_account;
    let Some(sub) = funds.sub_coupons.iter_mut().find(|c| {
        c.customer_id == request.customer_id.as_str()
            && c.coupon_id == request.coupon_id.as_str()
            && c.sub_coupon_id == request.sub_coupon_id.as_str()
    }) else {
        return Err(invalid(
            "no sub coupon with this coupon_id and sub_coupon_id belongs to the member",
        ));
    };
    // What is left goes back; a sub coupon already reclaimed gives back nothing.
    let returned = sub.balance;
    sub.balance = Decimal::ZERO;
    let coupon_id = sub.coupon_id.clone();
    if let Some(master) = funds
        .master_coupons
        .iter_mut()
        .find(|c| c.coupon_id == coupon_id)
    {
        master.balance += returned;
    }
    Ok(respond::ok(
        types::ReclaimEnterpriseMultiAccountCouponResponse {
            real_retrieve_amout: amount(returned),
        },
    ))
}

pub(crate) fn list_retrieve_coupons(
    received: &Received,
    state: &mut State,
) -> Result<Reply, Reply> {
    let query = Query::of(received);
    let member: String = query.required("sub_customer_id")?;
    let page = query.page()?;
    let funds = &state.multi_account;
    if !funds.members.contains_key(member.as_str()) {
        return Err(invalid(
            "sub_customer_id is not a member account of this enterprise",
        ));
    }
    let coupons: Vec<types::AvailRetrieveCoupons> = funds
        .reclaimable_coupons(member.as_str())
        .into_iter()
        .map(|sub| {
            let master = funds
                .master_coupons
                .iter()
                .find(|c| c.coupon_id == sub.coupon_id);
            types::AvailRetrieveCoupons {
                coupon_id: Some(sub.coupon_id.clone()),
                plan_name: master.map(|c| c.plan_name.clone()),
                sub_coupon_id: Some(sub.sub_coupon_id.clone()),
                balance: amount(sub.balance),
                effective_time: master.map(|c| c.effective_time.clone()),
                expire_time: master.map(|c| c.expire_time.clone()),
                use_limits: coupon_limits(),
            }
        })
        .collect();
    Ok(respond::ok(
        types::ListMultiAccountRetrieveCouponsResponse {
            total_count: Some(coupons.len() as i32),
            avail_retrieve_coupons: page.of(&coupons),
        },
    ))
}

pub(crate) fn create_sub_enterprise_account(
    received: &Received,
    state: &mut State,
) -> Result<Reply, Reply> {
    let request: types::CreateSubCustomerReqV2 = body(received)?;
    let party_id = request.party_id.to_string();
    if !state.org_units.iter().any(|u| u.id == party_id) {
        return Err(respond::error(
            "CBC.0100",
            Some("party_id is not an organization unit"),
        ));
    }
    let customer = &request.new_sub_customer;
    let uses_own_mobile = customer
        .use_pri_mobile_phone
        .as_ref()
        .is_none_or(|u| u.to_string() != "Y");
    if uses_own_mobile {
        let Some(mobile) = customer.mobile_phone.as_ref().map(|m| m.to_string()) else {
            return Err(respond::error(
                "CBC.0100",
                Some("mobile_phone is required unless use_pri_mobile_phone is Y"),
            ));
        };
        let code = customer.verification_code.as_ref().map(|c| c.expose());
        let sent = state.verification_code(&mobile).map(str::to_string);
        match (sent, code) {
            (_, None) => {
                return Err(respond::error(
                    "CBC.0100",
                    Some("verification_code is required with mobile_phone"),
                ));
            }
            (Some(sent), Some(given)) if sent == given => {
                state.verification_codes.remove(&mobile);
            }
            // A code from SendSmsVerificationCode, the enterprise operation made for this.
            (_, Some(given)) if state.multi_account.take_sms_code(&mobile, given) => {}
            _ => return Err(respond::error("CBC.99000026", None)),
        }
    }
    let customer_name = customer.customer_name.to_string();
    if state.customer_by_name(&customer_name).is_some()
        || state
            .sub_enterprise_accounts
            .iter()
            .any(|a| a.customer_name == customer_name)
    {
        return Err(respond::error("CBC.99000031", None));
    }
    let id = state.next_id();
    state.multi_account.open_member(&id);
    state.sub_enterprise_accounts.push(SubEnterpriseAccount {
        id,
        customer_name,
        party_id,
        display_name: request.display_name.as_ref().map(|d| d.to_string()),
    });
    Ok(respond::no_content())
}

pub(crate) fn list_enterprise_organizations(
    received: &Received,
    state: &mut State,
) -> Result<Reply, Reply> {
    let query = Query::of(received);
    let recursive = query.parsed::<i32>("recursive_query")? == Some(1);
    let parent_id = query.owned("parent_id");
    let Some(root) = state.org_units.first().cloned() else {
        return Err(invalid("the enterprise has no organization"));
    };
    let start = parent_id.clone().unwrap_or_else(|| root.id.clone());
    if !state.org_units.iter().any(|u| u.id == start) {
        return Err(respond::error(
            "CBC.0100",
            Some("parent_id is not an organization unit"),
        ));
    }
    let child_nodes = children(state, &start, recursive);
    let (root_id, root_name) = match parent_id {
        Some(_) => (None, None),
        None => (Some(root.id), Some(root.name)),
    };
    Ok(respond::ok(types::ListEnterpriseOrganizationsResponse {
        child_nodes,
        root_id,
        root_name,
    }))
}

fn children(state: &State, parent: &str, recursive: bool) -> Vec<types::EmChildNodeV2> {
    state
        .org_children(parent)
        .map(|unit| types::EmChildNodeV2 {
            id: Some(unit.id.clone()),
            name: Some(unit.name.clone()),
            relation_id: Some(format!("rel-{}", unit.id)),
            child_nodes: if recursive {
                children(state, &unit.id, true)
            } else {
                Vec::new()
            },
        })
        .collect()
}
