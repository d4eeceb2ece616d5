//! Enterprise multi-account operations: member listing, SMS codes, and moving money and
//! coupons between the master account and its members (state in [`crate::state_e`]).
//!
//! Every request was checked with the client's rules before it gets here (a violation is
//! CBC.0100); bodies are decoded with the generated types. Transfers never create or destroy money:
//! what leaves the master arrives at the member and back.

use std::str::FromStr;

use huaweicloud_bss_api::{types, values};
use huaweicloud_bss_runtime::{Amount, Decimal};
use serde::de::DeserializeOwned;

use crate::respond::{self, Reply};
use crate::server::Received;
use crate::state::State;
use crate::state_e::{BalanceType, Ledger, MultiAccount, SubCoupon};

/// The only currency and measure the simulated accounts use.
const CURRENCY: &str = "CNY";
const MEASURE_YUAN: i32 = 1;

/// Serves the operations of this group; `None` for any other operation.
pub(crate) fn handle(operation: &str, received: &Received, state: &mut State) -> Option<Reply> {
    let result = match operation {
        "SendSmsVerificationCode" => send_sms_verification_code(received, state),
        "ListEnterpriseSubCustomers" => list_enterprise_sub_customers(received, state),
        "UpdateSubEnterpriseAmount" => update_sub_enterprise_amount(received, state),
        "ShowMultiAccountTransferAmount" => show_multi_account_transfer_amount(received, state),
        "ReclaimSubEnterpriseAmount" => reclaim_sub_enterprise_amount(received, state),
        "ListEnterpriseMultiAccount" => list_enterprise_multi_account(received, state),
        "ClaimEnterpriseMultiAccountCoupon" => claim_coupon(received, state),
        "ListMultiAccountTransferCoupons" => list_transfer_coupons(received, state),
        "ReclaimEnterpriseMultiAccountCoupon" => reclaim_coupon(received, state),
        "ListMultiAccountRetrieveCoupons" => list_retrieve_coupons(received, state),
        _ => return None,
    };
    Some(result.unwrap_or_else(|reply| reply))
}

fn parameter_error(message: &str) -> Reply {
    respond::error("CBC.0100", Some(message))
}

/// Decodes a body with the generated type (CBC.0100 and the reason when a rule is broken).
fn body<T: DeserializeOwned>(received: &Received) -> Result<T, Reply> {
    serde_json::from_slice(&received.body)
        .map_err(|e| parameter_error(&format!("parameter error: {e}")))
}

/// The query parameters of a request, parsed as plain values.
struct Query(Vec<(String, String)>);

impl Query {
    fn of(received: &Received) -> Self {
        Self(received.query_pairs())
    }

    fn raw(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }

    /// A parameter whose type parses from text (strings, string enums, bounded integers).
    fn parsed<T: FromStr>(&self, name: &str) -> Result<Option<T>, Reply> {
        self.raw(name)
            .map(|value| {
                value
                    .parse()
                    .map_err(|_| parameter_error(&format!("invalid {name}")))
            })
            .transpose()
    }

    /// A parameter whose type is an integer enum (decoded as the JSON number it spells).
    fn number<T: DeserializeOwned>(&self, name: &str) -> Result<Option<T>, Reply> {
        self.raw(name)
            .map(|value| {
                serde_json::from_str(value).map_err(|_| parameter_error(&format!("invalid {name}")))
            })
            .transpose()
    }

    fn required<T: FromStr>(&self, name: &str) -> Result<T, Reply> {
        self.parsed(name)?
            .ok_or_else(|| parameter_error(&format!("{name} is required")))
    }

    /// `offset` (default 0) and `limit` (default 10); their documented ranges were checked
    /// with the client's rules before the handler ran.
    fn page(&self) -> Result<(usize, usize), Reply> {
        let offset: Option<usize> = self.parsed("offset")?;
        let limit: Option<usize> = self.parsed("limit")?;
        Ok((offset.unwrap_or(0), limit.unwrap_or(10)))
    }
}

fn page_of<T: Clone>(items: &[T], (offset, limit): (usize, usize)) -> Vec<T> {
    items.iter().skip(offset).take(limit).cloned().collect()
}

fn amount(value: Decimal) -> Option<Amount> {
    Some(Amount::from(value))
}

fn send_sms_verification_code(received: &Received, state: &mut State) -> Result<Reply, Reply> {
    let request: types::SendSmVerificationCodeReq = body(received)?;
    // Documented list bound (the generated type does not check list sizes).
    if request.sm_template_args.len() > 6 {
        return Err(parameter_error("sm_template_args has more than 6 entries"));
    }
    let code = state.next_code();
    state
        .multi_account
        .record_sms_code(request.mobile_phone.as_str(), code);
    Ok(respond::no_content())
}

fn list_enterprise_sub_customers(received: &Received, state: &mut State) -> Result<Reply, Reply> {
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
        sub_customer_infos: page_of(&matching, page),
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
    ledgers: &'a mut [Ledger],
    balance_type: BalanceType,
    expire_time: Option<&str>,
) -> Option<&'a mut Ledger> {
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
        parameter_error(match expire_time {
            Some(_) => "no credit ledger has this expire_time",
            None => "no credit ledger without expiry exists; name one with expire_time",
        })
    };
    let from_master = ledger_mut(&mut master, balance_type, expire_time).ok_or_else(missing)?;
    if member_ledger(&mut member, balance_type, expire_time).is_none() {
        // A member receiving credit from an expiring master ledger gets a matching ledger.
        member.push(Ledger {
            balance_type,
            expire_time: expire_time.map(str::to_string),
            available: Decimal::ZERO,
            credit_line: Decimal::ZERO,
        });
    }
    let to = member_ledger(&mut member, balance_type, expire_time).expect("just ensured");
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
    member: &'a mut [Ledger],
    balance_type: BalanceType,
    expire_time: Option<&str>,
) -> Option<&'a mut Ledger> {
    ledger_mut(member, balance_type, expire_time)
}

fn balance_type_of(credit: bool) -> BalanceType {
    if credit {
        BalanceType::Credit
    } else {
        BalanceType::Debit
    }
}

fn update_sub_enterprise_amount(received: &Received, state: &mut State) -> Result<Reply, Reply> {
    let request: types::TransferEnterpriseMultiAccountReq = body(received)?;
    let balance_type = balance_type_of(matches!(
        request.balance_type,
        Some(types::TransferEnterpriseMultiAccountReqBalanceType::BalanceTypeCredit)
    ));
    let funds = &mut state.multi_account;
    let mut trial = funds.clone();
    use_trans_id(&mut trial, request.trans_id.as_deref())?;
    move_funds(
        &mut trial,
        request.customer_id.as_str(),
        balance_type,
        request.expire_time.as_deref(),
        request.amount.get(),
        true,
    )?;
    *funds = trial;
    Ok(respond::no_content())
}

fn reclaim_sub_enterprise_amount(received: &Received, state: &mut State) -> Result<Reply, Reply> {
    let request: types::RetrieveEnterpriseMultiAccountReq = body(received)?;
    let balance_type = balance_type_of(matches!(
        request.balance_type,
        Some(types::RetrieveEnterpriseMultiAccountReqBalanceType::BalanceTypeCredit)
    ));
    let funds = &mut state.multi_account;
    let mut trial = funds.clone();
    use_trans_id(&mut trial, request.trans_id.as_deref())?;
    move_funds(
        &mut trial,
        request.customer_id.as_str(),
        balance_type,
        request.expire_time.as_deref(),
        request.amount.get(),
        false,
    )?;
    *funds = trial;
    Ok(respond::no_content())
}

/// One page of an account's ledgers of a type: the cash ledger alone, or the credit ledgers
/// paged by offset/limit (paging applies to credit only, as documented).
fn ledger_page(
    ledgers: &[Ledger],
    balance_type: BalanceType,
    page: (usize, usize),
) -> (usize, Vec<Ledger>) {
    let all: Vec<Ledger> = MultiAccount::ledgers(ledgers, balance_type)
        .into_iter()
        .cloned()
        .collect();
    match balance_type {
        BalanceType::Debit => (all.len(), all),
        BalanceType::Credit => (all.len(), page_of(&all, page)),
    }
}

fn show_multi_account_transfer_amount(
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

fn list_enterprise_multi_account(received: &Received, state: &mut State) -> Result<Reply, Reply> {
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

fn claim_coupon(received: &Received, state: &mut State) -> Result<Reply, Reply> {
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
        return Err(parameter_error("coupon_id is not a transferable coupon"));
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
    let sub_coupon_id = funds.next_sub_coupon_id();
    funds.sub_coupons.push(SubCoupon {
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

fn list_transfer_coupons(received: &Received, state: &mut State) -> Result<Reply, Reply> {
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
            avail_transfer_coupons: page_of(&coupons, page),
        },
    ))
}

fn reclaim_coupon(received: &Received, state: &mut State) -> Result<Reply, Reply> {
    let request: types::RetrieveEnterpriseMultiAccountCouponReq = body(received)?;
    let funds = &mut state.multi_account;
    let Some(sub) = funds.sub_coupons.iter_mut().find(|c| {
        c.customer_id == request.customer_id.as_str()
            && c.coupon_id == request.coupon_id.as_str()
            && c.sub_coupon_id == request.sub_coupon_id.as_str()
    }) else {
        return Err(parameter_error(
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

fn list_retrieve_coupons(received: &Received, state: &mut State) -> Result<Reply, Reply> {
    let query = Query::of(received);
    let member: String = query.required("sub_customer_id")?;
    let page = query.page()?;
    let funds = &state.multi_account;
    if !funds.members.contains_key(member.as_str()) {
        return Err(parameter_error(
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
            avail_retrieve_coupons: page_of(&coupons, page),
        },
    ))
}
