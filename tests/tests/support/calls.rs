//! One valid call of each operation, with values unique per call, so that any number of them
//! can be made against one simulator without ever conflicting with its state (no duplicate
//! account name, xaccount id, member name or mobile number, and no SMS code needed).

use std::sync::atomic::{AtomicU32, Ordering};

use huaweicloud_bss::{Client, Error, types};
use huaweicloud_bss_sim::seed;

/// Numbers the values of successive calls (process-wide, so also unique across simulators).
static SEQUENCE: AtomicU32 = AtomicU32::new(1);

fn next() -> u32 {
    SEQUENCE.fetch_add(1, Ordering::Relaxed)
}

/// Makes one request of `operation_id` (an official operation name) with a valid body or
/// valid parameters, discarding the successful answer. The real-name applications
/// ([`SETUP_REQUESTS`]) first register the fresh customer they apply for, with one
/// CreateSubCustomer request: the service refuses applications for accounts that are not the
/// partner's customers.
///
/// Panics for an operation it does not know: add it here when the spec grows.
/// Operations whose valid call makes one CreateSubCustomer request before its own.
pub const SETUP_REQUESTS: [&str; 2] = [
    "CreatePersonalRealnameAuth",
    "CreateEnterpriseRealnameAuthentication",
];

/// Requests [`call_valid`] makes besides the one of `operation_id`.
pub fn setup_requests(operation_id: &str) -> usize {
    usize::from(SETUP_REQUESTS.contains(&operation_id))
}

/// Registers a fresh customer of the partner and answers its id.
async fn new_customer(client: &Client, n: u32) -> Result<String, Error> {
    let created = client
        .create_sub_customer()
        .domain_name(format!("applicant-{n:06}"))
        .xaccount_id(format!("applicant-xaccount-{n:06}"))
        .xaccount_type("example_IDP")
        .send()
        .await?;
    Ok(created.into_inner().domain_id.unwrap_or_default())
}

pub async fn call_valid(client: &Client, operation_id: &str) -> Result<(), Error> {
    let n = next();
    match operation_id {
        "CreateSubCustomer" => {
            // No mobile number: that would need an SMS code first.
            client
                .create_sub_customer()
                .domain_name(format!("valid-customer-{n:06}"))
                .xaccount_id(format!("valid-xaccount-{n:06}"))
                .xaccount_type("example_IDP")
                .password("Examp1e#Pass")
                .is_close_market_ms(types::CreateCustomerV2ReqIsCloseMarketMs::True)
                .include_association_result(false)
                .send()
                .await?;
        }
        "CreateSubEnterpriseAccount" => {
            // The master account's mobile number: no member number, so no SMS code needed.
            // 99920 is the root organization unit of the simulator's default tree.
            client
                .create_sub_enterprise_account()
                .party_id("99920")
                .sub_customer_association_type(1)
                .permission_ids([types::CreateSubCustomerReqV2PermissionIdsItem::ReadFinanceInfo])
                .new_sub_customer(
                    types::NewCustomerV2::builder()
                        .customer_name(format!("valid-member-{n:06}"))
                        .password("Examp1e#Pass")
                        .use_pri_mobile_phone(types::NewCustomerV2UsePriMobilePhone::Y),
                )
                .send()
                .await?;
        }
        "CheckUserIdentity" => {
            client
                .check_user_identity()
                .search_type(types::CheckSubcustomerUserReqSearchType::Name)
                .search_value(format!("validname{n:06}"))
                .send()
                .await?;
        }
        "SendVerificationMessageCode" => {
            client
                .send_verification_message_code()
                .receiver_type(1)
                .mobile_phone(format!("139{n:08}"))
                .scene(29)
                .lang(types::SendVerificationCodeV2ReqLang::EnUs)
                .send()
                .await?;
        }
        "ListSubCustomers" => {
            client
                .list_sub_customers()
                .offset(0)
                .limit(10)
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
                .mobile_phone(format!("137{n:08}"))
                .language(types::SendSmVerificationCodeReqLanguage::EnUs)
                .timeout(10)
                .sm_template_args([types::TemplateArgs {
                    key: types::TemplateArgsKey::SubCustomerName,
                    value: format!("valid-member-{n:06}"),
                }])
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
                .customer_id(seed::MEMBER_ID)
                .amount("0.01")
                .trans_id(format!("valid-transfer-{n:06}"))
                .balance_type(types::TransferEnterpriseMultiAccountReqBalanceType::BalanceTypeDebit)
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
                .customer_id(seed::MEMBER_ID)
                .amount("0.01")
                .trans_id(format!("valid-reclaim-{n:06}"))
                .send()
                .await?;
        }
        "ListEnterpriseMultiAccount" => {
            client
                .list_enterprise_multi_account()
                .sub_customer_id(seed::MEMBER_ID)
                .balance_type(types::ListEnterpriseMultiAccountBalanceType::BalanceTypeDebit)
                .send()
                .await?;
        }
        "ClaimEnterpriseMultiAccountCoupon" => {
            client
                .claim_enterprise_multi_account_coupon()
                .customer_id(seed::MEMBER_ID)
                .coupon_id(seed::COUPON_ID)
                .amount("0.01")
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
                .customer_id(seed::MEMBER_ID)
                .coupon_id(seed::PARENT_COUPON_ID)
                .sub_coupon_id(seed::SUB_COUPON_ID)
                .send()
                .await?;
        }
        "ListMultiAccountRetrieveCoupons" => {
            client
                .list_multi_account_retrieve_coupons()
                .sub_customer_id(seed::MEMBER_ID)
                .send()
                .await?;
        }
        "ListIndirectPartners" => {
            client
                .list_indirect_partners()
                .offset(0)
                .limit(10)
                .send()
                .await?;
        }
        "UpdateIndirectPartnerAccount" => {
            client
                .update_indirect_partner_account()
                .indirect_partner_id(seed::RESELLER_A)
                .amount("0.01")
                .send()
                .await?;
        }
        "ReclaimIndirectPartnerAccount" => {
            // The seeded reseller account holds 5,000.00.
            client
                .reclaim_indirect_partner_account()
                .indirect_partner_id(seed::RESELLER_A)
                .amount("0.01")
                .send()
                .await?;
        }
        "UpdateCouponQuotas" => {
            client
                .update_coupon_quotas()
                .quota_id(seed::PARTNER_QUOTA)
                .indirect_partner_ids([seed::RESELLER_B])
                .quota_amount("1.00")
                .send()
                .await?;
        }
        "ReclaimCouponQuotas" => {
            // A second reclaim of the same quota fails inside an HTTP 200 (error_details).
            client
                .reclaim_coupon_quotas()
                .quota_ids([seed::RESELLER_QUOTA])
                .remark(format!("valid reclaim {n}"))
                .send()
                .await?;
        }
        "ListQuotaCoupons" => {
            client.list_quota_coupons().limit(10).send().await?;
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
                .customer_ids([format!("{n:032x}")])
                .face_value("1.00")
                .quota_id(seed::PARTNER_QUOTA)
                .send()
                .await?;
        }
        "ReclaimPartnerCoupons" => {
            // Reclaiming the seeded coupon again has nothing left to take: still 204.
            client
                .reclaim_partner_coupons()
                .coupon_id(seed::RESELLER_COUPON)
                .indirect_partner_id(seed::RESELLER_D)
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
                .operation_types([types::ListPartnerCouponsRecordOperationTypesItem::X1])
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
            // A customer the simulator seeds (the partner's own).
            client
                .update_customer_account_amount()
                .customer_id(seed::CUSTOMERS[1])
                .amount("0.01")
                .send()
                .await?;
        }
        "ReclaimToPartnerAccount" => {
            // A customer the simulator seeds with funds.
            client
                .reclaim_to_partner_account()
                .customer_id(huaweicloud_bss_sim::seed::CUSTOMERS[1])
                .amount("0.01")
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
                .customer_infos([types::CustomerInfoV2 {
                    customer_id: huaweicloud_bss_sim::seed::CUSTOMERS[0].into(),
                }])
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
            client.list_sub_customer_new_tag().limit(10).send().await?;
        }
        "CreatePersonalRealnameAuth" => {
            // A fresh customer each call: a second application would be refused.
            let customer_id = new_customer(client, n).await?;
            client
                .create_personal_realname_auth()
                .customer_id(customer_id)
                .identify_type(0)
                .verified_type(3)
                .verified_file_url(["a.jpg", "b.jpg", "c.jpg"])
                .name("Valid Person")
                .verified_number(format!("E{n:08}"))
                .xaccount_type("example_IDP")
                .send()
                .await?;
        }
        "CreateEnterpriseRealnameAuthentication" => {
            let customer_id = new_customer(client, n).await?;
            client
                .create_enterprise_realname_authentication()
                .customer_id(customer_id)
                .identify_type(1)
                .verified_file_url(["license.jpg"])
                .corp_name(format!("Valid Corp {n}"))
                .verified_number(format!("9111{n:014}"))
                .xaccount_type("example_IDP")
                .send()
                .await?;
        }
        "ChangeEnterpriseRealnameAuthentication" => {
            // The simulator seeds this customer as an authenticated individual.
            client
                .change_enterprise_realname_authentication()
                .customer_id(huaweicloud_bss_sim::seed::CUSTOMERS[0])
                .identify_type(1)
                .verified_file_url(["license.jpg"])
                .corp_name(format!("Valid Corp {n}"))
                .verified_number(format!("9111{n:014}"))
                .change_type(1)
                .xaccount_type("example_IDP")
                .send()
                .await?;
        }
        "ShowRealnameAuthenticationReviewResult" => {
            client
                .show_realname_authentication_review_result()
                .customer_id(huaweicloud_bss_sim::seed::CUSTOMERS[0])
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
