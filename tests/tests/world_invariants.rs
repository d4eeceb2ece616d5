//! Property tests of the simulator's world: random bounded sequences of money movements
//! (fund and reclaim customers, fund and reclaim resellers, issue and reclaim coupons) against
//! one fresh simulator per case, through the public client only. After every step:
//!
//! - money is conserved: the partner's, the resellers' and the customers' cash balances, as
//!   ListPartnerBalances and ListCustomersBalancesDetail report them, add up to what they added
//!   up to at the start of the case (read, not assumed);
//! - each balance moved by exactly what the successful steps moved, and no balance is negative;
//! - a refused step carries one of the codes its operation documents in spec/bss.yaml and
//!   changes nothing;
//! - every successful movement appears exactly once in its records operation
//!   (ListPartnerAdjustRecords by transaction id, ListPartnerCouponsRecord by coupon id);
//! - every id a list returns (ListIndirectPartners, ListSubCustomers) is accepted by the
//!   operations that read its balance.
//!
//! Not covered: enterprise master-to-member transfers (UpdateSubEnterpriseAmount and
//! ReclaimSubEnterpriseAmount move an enterprise's money, a ledger none of the partner balance
//! reads report).

mod support;

use std::collections::BTreeMap;

use futures::TryStreamExt;
use huaweicloud_bss::{Amount, Client, Decimal, Error, types, values};
use proptest::prelude::*;

/// One step of a case. Indices pick among the accounts the case discovered (modulo their
/// number); amounts are in cents.
#[derive(Debug, Clone)]
enum Step {
    FundCustomer(usize, u32),
    ReclaimCustomer(usize, u32),
    FundReseller(usize, u32),
    ReclaimReseller(usize, u32),
    IssueCoupon(usize, u32),
    ReclaimCoupon(usize),
}

fn customer_steps() -> impl Strategy<Value = Step> {
    prop_oneof![
        (0usize..4, 1u32..5_000).prop_map(|(i, c)| Step::FundCustomer(i, c)),
        (0usize..4, 1u32..8_000).prop_map(|(i, c)| Step::ReclaimCustomer(i, c)),
        (0usize..4, 1u32..2_000).prop_map(|(i, c)| Step::IssueCoupon(i, c)),
        (0usize..4).prop_map(Step::ReclaimCoupon),
    ]
}

fn all_steps() -> impl Strategy<Value = Step> {
    prop_oneof![
        customer_steps(),
        (0usize..4, 1u32..5_000).prop_map(|(i, c)| Step::FundReseller(i, c)),
        (0usize..4, 1u32..8_000).prop_map(|(i, c)| Step::ReclaimReseller(i, c)),
    ]
}

fn cents(c: u32) -> Decimal {
    Decimal::new(i64::from(c), 2)
}

/// The codes spec/bss.yaml documents for `operation_id` (its `x-bss-error-codes`, as the
/// generated operations table carries them).
fn documented_codes(operation_id: &str) -> Vec<String> {
    huaweicloud_bss_api::operations::find(operation_id)
        .expect("an operation of the spec")
        .error_codes
        .iter()
        .map(|code| code.to_string())
        .collect()
}

/// Cash balances by account: "partner", "reseller:<id>", "customer:<id>".
type Books = BTreeMap<String, Decimal>;

fn cash_of(balances: &types::ListPartnerBalancesResponse) -> Option<Decimal> {
    balances
        .account_balances
        .iter()
        .find(|a| a.account_type == Some(values::AccountType::CashBalance))
        .and_then(|a| a.amount)
        .map(Amount::get)
}

/// The ids the lists return now.
async fn listed(client: &Client) -> Result<(Vec<String>, Vec<String>), String> {
    let resellers: Vec<types::IndirectPartnerInfo> = client
        .list_indirect_partners()
        .items()
        .try_collect()
        .await
        .map_err(|e| format!("ListIndirectPartners: {e}"))?;
    let customers: Vec<types::CustomerInformation> = client
        .list_sub_customers()
        .items()
        .try_collect()
        .await
        .map_err(|e| format!("ListSubCustomers: {e}"))?;
    Ok((
        resellers
            .into_iter()
            .filter_map(|r| r.indirect_partner_id)
            .collect(),
        customers
            .into_iter()
            .filter_map(|c| c.customer_id)
            .collect(),
    ))
}

/// Reads every balance the lists lead to; an id a list returns that a balance read refuses
/// is an error.
async fn read_books(client: &Client, with_resellers: bool) -> Result<Books, String> {
    let (resellers, customers) = listed(client).await?;
    let mut books = Books::new();
    let partner = client
        .list_partner_balances()
        .send()
        .await
        .map_err(|e| format!("ListPartnerBalances: {e}"))?;
    books.insert(
        "partner".into(),
        cash_of(&partner).ok_or("the partner has no cash account")?,
    );
    if with_resellers {
        for r in &resellers {
            let answer = client
                .list_partner_balances()
                .indirect_partner_id(r)
                .send()
                .await
                .map_err(|e| format!("listed reseller {r} refused by ListPartnerBalances: {e}"))?;
            books.insert(
                format!("reseller:{r}"),
                cash_of(&answer).ok_or_else(|| format!("reseller {r} has no cash account"))?,
            );
        }
    }
    if !customers.is_empty() {
        let answer = client
            .list_customers_balances_detail()
            .customer_infos(customers.iter().map(|c| types::CustomerInfoV2 {
                customer_id: c.clone(),
            }))
            .send()
            .await
            .map_err(|e| format!("ListCustomersBalancesDetail for listed customers: {e}"))?;
        for c in &customers {
            // A customer the answer leaves out holds nothing.
            let amount = answer
                .customer_balances
                .iter()
                .filter(|b| b.customer_id.as_deref() == Some(c.as_str()))
                .filter_map(|b| b.amount)
                .map(Amount::get)
                .sum::<Decimal>();
            books.insert(format!("customer:{c}"), amount);
        }
    }
    Ok(books)
}

fn total(books: &Books) -> Decimal {
    books.values().copied().sum()
}

/// An account id that is not one of the partner's customers.
const STRANGER: &str = "ghost-customer";

/// A movement the case made and must find in the records.
enum Movement {
    /// Cash: its transaction id in ListPartnerAdjustRecords.
    Cash(String),
    /// A coupon issued; `reclaimed` once ReclaimPartnerCoupons took it back.
    Coupon { id: String, reclaimed: bool },
}

/// A refusal is acceptable when the operation documents its code.
fn refused(operation_id: &str, error: &Error) -> Result<(), String> {
    let code = error.code().map(|c| c.as_str().to_owned());
    let documented = documented_codes(operation_id);
    match code {
        Some(code) if documented.contains(&code) => Ok(()),
        _ => Err(format!(
            "{operation_id} refused with {code:?}, documented: {documented:?} ({error})"
        )),
    }
}

async fn check_records(client: &Client, movements: &[Movement]) -> Result<(), String> {
    for movement in movements {
        match movement {
            Movement::Cash(trans_id) => {
                let records: Vec<types::AdjustRecordV3> = client
                    .list_partner_adjust_records()
                    .trans_id(trans_id)
                    .items()
                    .try_collect()
                    .await
                    .map_err(|e| format!("ListPartnerAdjustRecords: {e}"))?;
                let found = records
                    .iter()
                    .filter(|r| r.trans_id.as_deref() == Some(trans_id.as_str()))
                    .count();
                if found != 1 {
                    return Err(format!(
                        "movement {trans_id} appears {found} times in ListPartnerAdjustRecords"
                    ));
                }
            }
            Movement::Coupon { id, reclaimed } => {
                let records = client
                    .list_partner_coupons_record()
                    .coupon_ids([id.as_str()])
                    .send()
                    .await
                    .map_err(|e| format!("ListPartnerCouponsRecord: {e}"))?
                    .into_inner()
                    .records;
                let count = |kind: values::CouponRecordV2OperationType| {
                    records
                        .iter()
                        .filter(|r| {
                            r.coupon_id.as_deref() == Some(id.as_str())
                                && r.operation_type.as_ref() == Some(&kind)
                        })
                        .count()
                };
                let issued = count(values::CouponRecordV2OperationType::Issued);
                let taken = count(values::CouponRecordV2OperationType::ReclaimedByHand);
                if issued != 1 || taken != usize::from(*reclaimed) {
                    return Err(format!(
                        "coupon {id}: {issued} issue and {taken} reclaim records \
                         (reclaimed: {reclaimed}): {records:?}"
                    ));
                }
            }
        }
    }
    Ok(())
}

async fn run_case(steps: Vec<Step>, with_resellers: bool) -> Result<(), String> {
    let (_sim, client) = support::sim_and_single_attempt_client().await;
    // Customers of the case's own: created through the client, so they exist whatever the seed.
    for name in ["prop-one", "prop-two"] {
        client
            .create_sub_customer()
            .domain_name(name)
            .xaccount_id(format!("x-{name}"))
            .xaccount_type("example_IDP")
            .send()
            .await
            .map_err(|e| format!("CreateSubCustomer: {e}"))?;
    }
    let (resellers, customers) = listed(&client).await?;
    if customers.is_empty() {
        return Err("ListSubCustomers lists none of the customers just created".into());
    }
    let quota_id = client
        .list_quota_coupons()
        .send()
        .await
        .map_err(|e| format!("ListQuotaCoupons: {e}"))?
        .into_inner()
        .quotas
        .into_iter()
        .find(|q| q.balance.is_some_and(|b| b.get() > Decimal::ZERO))
        .and_then(|q| q.quota_id)
        .ok_or("the partner has no coupon quota with a balance")?;

    // Customer steps also aim at an account that is not the partner's, which the service
    // refuses: the last target of the customer steps.
    let mut targets = customers.clone();
    targets.push(STRANGER.to_owned());
    let customers = targets;

    let mut model = read_books(&client, with_resellers).await?;
    let start_total = total(&model);
    let mut movements: Vec<Movement> = Vec::new();

    for (n, step) in steps.iter().enumerate() {
        let at = |e: String| format!("step {n} {step:?}: {e}");
        // (operation, the answer: Ok(transaction or coupon id), and the cash it moves:
        // (from, to, amount)).
        let (operation, outcome, moves): (&str, Result<Option<String>, Error>, _) = match *step {
            Step::FundCustomer(i, c) => {
                let to = &customers[i % customers.len()];
                let answer = client
                    .update_customer_account_amount()
                    .customer_id(to)
                    .amount(cents(c))
                    .send()
                    .await;
                (
                    "UpdateCustomerAccountAmount",
                    answer.map(|a| a.into_inner().transfer_id),
                    Some(("partner".to_owned(), format!("customer:{to}"), cents(c))),
                )
            }
            Step::ReclaimCustomer(i, c) => {
                let from = &customers[i % customers.len()];
                let answer = client
                    .reclaim_to_partner_account()
                    .customer_id(from)
                    .amount(cents(c))
                    .send()
                    .await;
                (
                    "ReclaimToPartnerAccount",
                    answer.map(|a| a.into_inner().trans_id),
                    Some((format!("customer:{from}"), "partner".to_owned(), cents(c))),
                )
            }
            Step::FundReseller(i, c) | Step::ReclaimReseller(i, c) if !resellers.is_empty() => {
                let reseller = &resellers[i % resellers.len()];
                if matches!(step, Step::FundReseller(..)) {
                    let answer = client
                        .update_indirect_partner_account()
                        .indirect_partner_id(reseller)
                        .amount(cents(c))
                        .send()
                        .await;
                    (
                        "UpdateIndirectPartnerAccount",
                        answer.map(|a| a.into_inner().transfer_id),
                        Some((
                            "partner".to_owned(),
                            format!("reseller:{reseller}"),
                            cents(c),
                        )),
                    )
                } else {
                    let answer = client
                        .reclaim_indirect_partner_account()
                        .indirect_partner_id(reseller)
                        .amount(cents(c))
                        .send()
                        .await;
                    (
                        "ReclaimIndirectPartnerAccount",
                        answer.map(|a| a.into_inner().trans_id),
                        Some((
                            format!("reseller:{reseller}"),
                            "partner".to_owned(),
                            cents(c),
                        )),
                    )
                }
            }
            Step::FundReseller(..) | Step::ReclaimReseller(..) => continue,
            Step::IssueCoupon(i, c) => {
                let to = &customers[i % customers.len()];
                let answer = client
                    .create_partner_coupons()
                    .quota_id(&quota_id)
                    .customer_ids([to.as_str()])
                    .face_value(cents(c))
                    .send()
                    .await;
                let outcome = match answer {
                    Ok(a) => {
                        let a = a.into_inner();
                        if let Some(e) = a.error_details.first() {
                            // A per-customer refusal: its code must be documented too.
                            let code = e.error_code.clone().unwrap_or_default();
                            if !documented_codes("CreatePartnerCoupons").contains(&code) {
                                return Err(at(format!("coupon refused with {code:?}")));
                            }
                            Ok(None)
                        } else {
                            let ids: Vec<_> = a
                                .coupon_infos
                                .into_iter()
                                .filter_map(|i| i.coupon_id)
                                .collect();
                            if to == STRANGER {
                                return Err(at(format!("coupons {ids:?} issued to {STRANGER}")));
                            }
                            if ids.len() != 1 {
                                return Err(at(format!("one customer, coupons {ids:?}")));
                            }
                            movements.push(Movement::Coupon {
                                id: ids[0].clone(),
                                reclaimed: false,
                            });
                            Ok(None)
                        }
                    }
                    Err(e) => Err(e),
                };
                ("CreatePartnerCoupons", outcome, None)
            }
            Step::ReclaimCoupon(i) => {
                let outstanding: Vec<usize> = movements
                    .iter()
                    .enumerate()
                    .filter(|(_, m)| {
                        matches!(
                            m,
                            Movement::Coupon {
                                reclaimed: false,
                                ..
                            }
                        )
                    })
                    .map(|(k, _)| k)
                    .collect();
                if outstanding.is_empty() {
                    continue;
                }
                let k = outstanding[i % outstanding.len()];
                let Movement::Coupon { id, .. } = &movements[k] else {
                    unreachable!("filtered above")
                };
                let answer = client.reclaim_partner_coupons().coupon_id(id).send().await;
                if answer.is_ok() {
                    movements[k] = Movement::Coupon {
                        id: id.clone(),
                        reclaimed: true,
                    };
                }
                ("ReclaimPartnerCoupons", answer.map(|_| None), None)
            }
        };

        let stranger =
            matches!(&moves, Some((f, t, _)) if f.ends_with(STRANGER) || t.ends_with(STRANGER));
        match outcome {
            Ok(_) if stranger => {
                return Err(at(format!(
                    "{operation} accepted {STRANGER}, not a customer"
                )));
            }
            Ok(trans_id) => {
                if let Some((from, to, amount)) = moves {
                    let trans_id = trans_id
                        .ok_or_else(|| at(format!("{operation} gave no transaction id")))?;
                    movements.push(Movement::Cash(trans_id));
                    *model
                        .get_mut(&from)
                        .ok_or_else(|| at(format!("no account {from}")))? -= amount;
                    *model
                        .get_mut(&to)
                        .ok_or_else(|| at(format!("no account {to}")))? += amount;
                }
            }
            Err(e) => {
                refused(operation, &e).map_err(at)?;
                // A cash movement between accounts of the partner is refused only when the
                // payer does not hold the amount.
                if let Some((from, _, amount)) = &moves
                    && !stranger
                    && model.get(from).is_some_and(|held| held >= amount)
                {
                    return Err(at(format!(
                        "{operation} refused although {from} holds {}: {e}",
                        model[from]
                    )));
                }
            }
        }

        let books = read_books(&client, with_resellers).await.map_err(at)?;
        if total(&books) != start_total {
            return Err(at(format!(
                "money not conserved: total {} at the start, {} now: {books:#?}",
                start_total,
                total(&books)
            )));
        }
        if let Some((account, amount)) = books.iter().find(|(_, a)| **a < Decimal::ZERO) {
            return Err(at(format!("{account} is negative: {amount}")));
        }
        if books != model {
            return Err(at(format!(
                "balances differ from what the steps moved: read {books:#?}, expected {model:#?}"
            )));
        }
        check_records(&client, &movements).await.map_err(at)?;
    }
    Ok(())
}

fn run(steps: Vec<Step>, with_resellers: bool) -> Result<(), TestCaseError> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime")
        .block_on(run_case(steps, with_resellers))
        .map_err(TestCaseError::fail)
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 24,
        // Shrunk failures are reported, not written next to the source.
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// Customer funding, reclaiming and coupons alone (no reseller balances read).
    #[test]
    fn customer_and_coupon_movements_keep_the_books(
        steps in proptest::collection::vec(customer_steps(), 1..=12)
    ) {
        run(steps, false)?;
    }

    /// Every movement, resellers' balances included.
    #[test]
    fn all_movements_keep_the_books(steps in proptest::collection::vec(all_steps(), 1..=12)) {
        run(steps, true)?;
    }
}
