//! One valid call of each operation, with values unique per call, so that any number of them
//! can be made against one simulator without ever conflicting with its state (no duplicate
//! account name, xaccount id, member name or mobile number, and no SMS code needed).

use std::sync::atomic::{AtomicU32, Ordering};

use huaweicloud_bss::{Client, Error, types};
use huaweicloud_bss_sim::seeded;
use huaweicloud_bss_sim::{
    SEEDED_COUPON_ID, SEEDED_MEMBER_ID, SEEDED_PARENT_COUPON_ID, SEEDED_SUB_COUPON_ID,
};

/// Numbers the values of successive calls (process-wide, so also unique across simulators).
static SEQUENCE: AtomicU32 = AtomicU32::new(1);

fn next() -> u32 {
    SEQUENCE.fetch_add(1, Ordering::Relaxed)
}

/// An amount of the generated money type, from its exact decimal text.
pub fn money<T: serde::de::DeserializeOwned>(text: &str) -> T {
    serde_json::from_str(text).expect("a decimal amount")
}

/// Makes exactly one request of `operation_id` (an official operation name) with a valid body
/// or valid parameters, discarding the successful answer.
///
/// Panics for an operation it does not know: add it here when the spec grows.
pub async fn call_valid(client: &Client, operation_id: &str) -> Result<(), Error> {
    let n = next();
    match operation_id {
        "CreateSubCustomer" => {
            // No mobile number: that would need an SMS code first.
            client
                .create_sub_customer()
                .body(
                    types::CreateCustomerV2Req::builder()
                        .domain_name(Some(format!("valid-customer-{n:06}").parse()?))
                        .xaccount_id(format!("valid-xaccount-{n:06}"))
                        .xaccount_type("example_IDP")
                        .password(Some("Examp1e#Pass".parse()?))
                        .is_close_market_ms(Some(types::CreateCustomerV2ReqIsCloseMarketMs::True))
                        .include_association_result(Some(false)),
                )
                .send()
                .await?;
        }
        "CreateSubEnterpriseAccount" => {
            // The master account's mobile number: no member number, so no SMS code needed.
            // 99920 is the root organization unit of the simulator's default tree.
            client
                .create_sub_enterprise_account()
                .body(
                    types::CreateSubCustomerReqV2::builder()
                        .party_id("99920")
                        .sub_customer_association_type(1)
                        .permission_ids(vec![
                            types::CreateSubCustomerReqV2PermissionIdsItem::ReadFinanceInfo,
                        ])
                        .new_sub_customer(
                            types::NewCustomerV2::builder()
                                .customer_name(format!("valid-member-{n:06}"))
                                .password("Examp1e#Pass")
                                .use_pri_mobile_phone(Some(
                                    types::NewCustomerV2UsePriMobilePhone::Y,
                                )),
                        ),
                )
                .send()
                .await?;
        }
        "CheckUserIdentity" => {
            client
                .check_user_identity()
                .body(
                    types::CheckSubcustomerUserReq::builder()
                        .search_type(types::CheckSubcustomerUserReqSearchType::Name)
                        .search_value(format!("validname{n:06}")),
                )
                .send()
                .await?;
        }
        "SendVerificationMessageCode" => {
            client
                .send_verification_message_code()
                .body(
                    types::SendVerificationCodeV2Req::builder()
                        .receiver_type(1)
                        .mobile_phone(format!("139{n:08}"))
                        .scene(Some(types::SendVerificationCodeV2ReqScene::try_from(29)?))
                        .lang(Some(types::SendVerificationCodeV2ReqLang::EnUs)),
                )
                .send()
                .await?;
        }
        "ListSubCustomers" => {
            client
                .list_sub_customers()
                .body(
                    types::QuerySubCustomerListReq::builder()
                        .offset(Some(0_i32.try_into()?))
                        .limit(Some(10_i32.try_into()?)),
                )
                .send()
                .await?;
        }
        "ListEnterpriseOrganizations" => {
            client
                .list_enterprise_organizations()
                .recursive_query(1)
                .send()
                .await?;
        }
        "SendSmsVerificationCode" => {
            client
                .send_sms_verification_code()
                .body(
                    types::SendSmVerificationCodeReq::builder()
                        .mobile_phone(format!("137{n:08}"))
                        .language(Some(types::SendSmVerificationCodeReqLanguage::EnUs))
                        .timeout(Some(10_i32.try_into()?))
                        .sm_template_args(vec![types::TemplateArgs {
                            key: types::TemplateArgsKey::SubCustomerName,
                            value: format!("valid-member-{n:06}").parse()?,
                        }]),
                )
                .send()
                .await?;
        }
        "ListEnterpriseSubCustomers" => {
            client
                .list_enterprise_sub_customers()
                .fuzzy_query(1)
                .offset(0)
                .limit(10)
                .send()
                .await?;
        }
        // The fund and coupon calls work on the member account every simulator starts with,
        // with amounts far below its seeded balances; repeating them stays valid.
        "UpdateSubEnterpriseAmount" => {
            client
                .update_sub_enterprise_amount()
                .body(
                    types::TransferEnterpriseMultiAccountReq::builder()
                        .customer_id(SEEDED_MEMBER_ID)
                        .amount("0.01")
                        .trans_id(Some(format!("valid-transfer-{n:06}").parse()?))
                        .balance_type(Some(
                            types::TransferEnterpriseMultiAccountReqBalanceType::BalanceTypeDebit,
                        )),
                )
                .send()
                .await?;
        }
        "ShowMultiAccountTransferAmount" => {
            client
                .show_multi_account_transfer_amount()
                .balance_type(types::ShowMultiAccountTransferAmountBalanceType::BalanceTypeDebit)
                .send()
                .await?;
        }
        "ReclaimSubEnterpriseAmount" => {
            client
                .reclaim_sub_enterprise_amount()
                .body(
                    types::RetrieveEnterpriseMultiAccountReq::builder()
                        .customer_id(SEEDED_MEMBER_ID)
                        .amount("0.01")
                        .trans_id(Some(format!("valid-reclaim-{n:06}").parse()?)),
                )
                .send()
                .await?;
        }
        "ListEnterpriseMultiAccount" => {
            client
                .list_enterprise_multi_account()
                .sub_customer_id(SEEDED_MEMBER_ID)
                .balance_type(types::ListEnterpriseMultiAccountBalanceType::BalanceTypeDebit)
                .send()
                .await?;
        }
        "ClaimEnterpriseMultiAccountCoupon" => {
            client
                .claim_enterprise_multi_account_coupon()
                .body(
                    types::TransferEnterpriseMultiAccountCouponReq::builder()
                        .customer_id(SEEDED_MEMBER_ID)
                        .coupon_id(SEEDED_COUPON_ID)
                        .amount("0.01"),
                )
                .send()
                .await?;
        }
        "ListMultiAccountTransferCoupons" => {
            client
                .list_multi_account_transfer_coupons()
                .offset(0)
                .limit(10)
                .send()
                .await?;
        }
        "ReclaimEnterpriseMultiAccountCoupon" => {
            // Reclaiming the seeded sub coupon again gives back nothing, and still succeeds.
            client
                .reclaim_enterprise_multi_account_coupon()
                .body(
                    types::RetrieveEnterpriseMultiAccountCouponReq::builder()
                        .customer_id(SEEDED_MEMBER_ID)
                        .coupon_id(SEEDED_PARENT_COUPON_ID)
                        .sub_coupon_id(SEEDED_SUB_COUPON_ID),
                )
                .send()
                .await?;
        }
        "ListMultiAccountRetrieveCoupons" => {
            client
                .list_multi_account_retrieve_coupons()
                .sub_customer_id(SEEDED_MEMBER_ID)
                .send()
                .await?;
        }
        "ListIndirectPartners" => {
            client
                .list_indirect_partners()
                .body(
                    types::QueryIndirectPartnersReq::builder()
                        .offset(Some(0_i32.try_into()?))
                        .limit(Some(10_i32.try_into()?)),
                )
                .send()
                .await?;
        }
        "UpdateIndirectPartnerAccount" => {
            client
                .update_indirect_partner_account()
                .body(types::AdjustToIndirectPartnerReq {
                    indirect_partner_id: seeded::RESELLER_A.parse()?,
                    amount: money("0.01"),
                })
                .send()
                .await?;
        }
        "ReclaimIndirectPartnerAccount" => {
            // The seeded reseller account holds 5,000.00.
            client
                .reclaim_indirect_partner_account()
                .body(types::ReclaimIndirectPartnerAccountReq {
                    indirect_partner_id: seeded::RESELLER_A.parse()?,
                    amount: money("0.01"),
                })
                .send()
                .await?;
        }
        "UpdateCouponQuotas" => {
            client
                .update_coupon_quotas()
                .body(types::AdjustCouponQuotasReq {
                    quota_id: seeded::PARTNER_QUOTA.parse()?,
                    indirect_partner_ids: vec![seeded::RESELLER_B.to_string()],
                    quota_amount: money("1.00"),
                })
                .send()
                .await?;
        }
        "ReclaimCouponQuotas" => {
            // A second reclaim of the same quota fails inside an HTTP 200 (error_details).
            client
                .reclaim_coupon_quotas()
                .body(
                    types::ReclaimCouponQuotasReq::builder()
                        .quota_ids(vec![seeded::RESELLER_QUOTA.to_string()])
                        .remark(Some(format!("valid reclaim {n}").parse()?)),
                )
                .send()
                .await?;
        }
        "ListQuotaCoupons" => {
            client
                .list_quota_coupons()
                .body(types::QueryCouponQuotasReqExt::builder().limit(Some(10_i32.try_into()?)))
                .send()
                .await?;
        }
        "ListIssuedCouponQuotas" => {
            client
                .list_issued_coupon_quotas()
                .offset(0)
                .limit(10)
                .send()
                .await?;
        }
        "ListCouponQuotasRecords" => {
            client
                .list_coupon_quotas_records()
                .operation_type("10")
                .limit(10)
                .send()
                .await?;
        }
        "CreatePartnerCoupons" => {
            // An unknown customer: HTTP 200 with the customer in error_details.
            client
                .create_partner_coupons()
                .body(types::CreatePartnerCouponsReq {
                    customer_ids: vec![format!("{n:032x}").parse()?],
                    face_value: money("1.00"),
                    quota_id: seeded::PARTNER_QUOTA.parse()?,
                    valid_time: None,
                    expire_time: None,
                    cloud_service_types: Vec::new(),
                    product_ids: Vec::new(),
                    memo: None,
                    indirect_partner_id: None,
                })
                .send()
                .await?;
        }
        "ReclaimPartnerCoupons" => {
            // Reclaiming the seeded coupon again has nothing left to take: still 204.
            client
                .reclaim_partner_coupons()
                .body(
                    types::ReclaimPartnerCouponsReq::builder()
                        .coupon_id(seeded::RESELLER_COUPON)
                        .indirect_partner_id(Some(seeded::RESELLER_D.parse()?)),
                )
                .send()
                .await?;
        }
        "ListIssuedPartnerCoupons" => {
            client
                .list_issued_partner_coupons()
                .status(2)
                .limit(10)
                .send()
                .await?;
        }
        "ListPartnerCouponsRecord" => {
            client
                .list_partner_coupons_record()
                .operation_types(vec![types::ListPartnerCouponsRecordOperationTypesItem::X1])
                .limit(10)
                .send()
                .await?;
        }
        "ListSubCustomerCoupons" => {
            client
                .list_sub_customer_coupons()
                .offset(0)
                .limit(10)
                .send()
                .await?;
        }
        "UpdateCustomerAccountAmount" => {
            // A customer the simulator has not seen yet: it starts with nothing.
            client
                .update_customer_account_amount()
                .body(
                    types::AdjustAccountReq::builder()
                        .customer_id(format!("{n:032x}"))
                        .amount("0.01"),
                )
                .send()
                .await?;
        }
        "ReclaimToPartnerAccount" => {
            // A customer the simulator seeds with funds.
            client
                .reclaim_to_partner_account()
                .body(
                    types::ReclaimToPartnerAccountBalancesReq::builder()
                        .customer_id(huaweicloud_bss_sim::state_ab::SEEDED_CUSTOMERS[1])
                        .amount("0.01"),
                )
                .send()
                .await?;
        }
        "ListPartnerAdjustRecords" => {
            client
                .list_partner_adjust_records()
                .offset(0)
                .limit(10)
                .send()
                .await?;
        }
        "ListCustomersBalancesDetail" => {
            client
                .list_customers_balances_detail()
                .body(
                    types::QueryCustomersBalancesReq::builder().customer_infos(vec![
                        types::CustomerInfoV2 {
                            customer_id: huaweicloud_bss_sim::state_ab::SEEDED_CUSTOMERS[0]
                                .parse()?,
                        },
                    ]),
                )
                .send()
                .await?;
        }
        "ListPartnerBalances" => {
            client.list_partner_balances().send().await?;
        }
        "ListPartnerAccountChangeRecords" => {
            client
                .list_partner_account_change_records()
                .balance_type(types::ListPartnerAccountChangeRecordsBalanceType::BalanceTypeDebit)
                .send()
                .await?;
        }
        "ListSubCustomerNewTag" => {
            client
                .list_sub_customer_new_tag()
                .body(types::ListSubCustomerNewTagReq::builder().limit(Some(10_i32.try_into()?)))
                .send()
                .await?;
        }
        "CreatePersonalRealnameAuth" => {
            // A fresh customer id each call: a second application would be refused.
            client
                .create_personal_realname_auth()
                .body(
                    types::ApplyIndividualRealnameAuthsReq::builder()
                        .customer_id(format!("{n:032x}"))
                        .identify_type(
                            types::ApplyIndividualRealnameAuthsReqIdentifyType::try_from(0)?,
                        )
                        .verified_type(Some(
                            types::ApplyIndividualRealnameAuthsReqVerifiedType::try_from(3)?,
                        ))
                        .verified_file_url(vec![
                            "a.jpg".to_string(),
                            "b.jpg".to_string(),
                            "c.jpg".to_string(),
                        ])
                        .name("Valid Person")
                        .verified_number(format!("E{n:08}"))
                        .xaccount_type("example_IDP"),
                )
                .send()
                .await?;
        }
        "CreateEnterpriseRealnameAuthentication" => {
            client
                .create_enterprise_realname_authentication()
                .body(
                    types::ApplyEnterpriseRealnameAuthsReq::builder()
                        .customer_id(format!("{n:032x}"))
                        .identify_type(
                            types::ApplyEnterpriseRealnameAuthsReqIdentifyType::try_from(1)?,
                        )
                        .verified_file_url(vec!["license.jpg".to_string()])
                        .corp_name(format!("Valid Corp {n}"))
                        .verified_number(format!("9111{n:014}"))
                        .xaccount_type("example_IDP"),
                )
                .send()
                .await?;
        }
        "ChangeEnterpriseRealnameAuthentication" => {
            // The simulator seeds this customer as an authenticated individual.
            client
                .change_enterprise_realname_authentication()
                .body(
                    types::ChangeEnterpriseRealnameAuthsReq::builder()
                        .customer_id(huaweicloud_bss_sim::state_ab::SEEDED_CUSTOMERS[0])
                        .identify_type(
                            types::ChangeEnterpriseRealnameAuthsReqIdentifyType::try_from(1)?,
                        )
                        .verified_file_url(vec!["license.jpg".to_string()])
                        .corp_name(format!("Valid Corp {n}"))
                        .verified_number(format!("9111{n:014}"))
                        .change_type(types::ChangeEnterpriseRealnameAuthsReqChangeType::try_from(
                            1,
                        )?)
                        .xaccount_type("example_IDP"),
                )
                .send()
                .await?;
        }
        "ShowRealnameAuthenticationReviewResult" => {
            client
                .show_realname_authentication_review_result()
                .customer_id(huaweicloud_bss_sim::state_ab::SEEDED_CUSTOMERS[0])
                .send()
                .await?;
        }
        "ShowRealNameAuthStatus" => {
            client.show_real_name_auth_status().send().await?;
        }
        "ShowRealNameAuthQrCode" => {
            client.show_real_name_auth_qr_code().send().await?;
        }
        "CreateEnterpriseProjectAuth" => {
            client.create_enterprise_project_auth().send().await?;
        }
        other => panic!("support::calls::call_valid has no valid call of {other}: add one"),
    }
    Ok(())
}
