//! Walking offset/limit list operations page by page.
//!
//! Every list operation of the API takes an `offset` and a `limit` and answers one page with
//! the total number of matching records. Their call builders have `.items()`: a [`Stream`] of
//! every item, fetched page after page (the `limit` set is the page size). It stops after the
//! page that reaches the reported total, after an empty page (a total that shrank, or a server
//! that reports none), and yields an error as the stream's last item if a page cannot be
//! fetched.
//!
//! ```no_run
//! # async fn run(client: &huaweicloud_bss::Client) -> Result<(), huaweicloud_bss::Error> {
//! use futures::TryStreamExt;
//!
//! // Query-parameter and body operations alike; filters are the builder's setters.
//! let quotas: Vec<_> = client.list_issued_coupon_quotas().limit(100).items().try_collect().await?;
//! let resellers: Vec<_> = client.list_indirect_partners().limit(50).items().try_collect().await?;
//! # let _ = (quotas, resellers); Ok(()) }
//! ```

use std::future::Future;

use futures::stream::{self, Stream, StreamExt};
use huaweicloud_bss_api::types;

use crate::Response;

/// One page of a list operation: its items and the total the server reported.
#[derive(Debug, Clone, PartialEq)]
pub struct Page<T> {
    /// The records of this page.
    pub items: Vec<T>,
    /// The number of matching records, if the answer carried it.
    pub total: Option<u64>,
}

/// The answer of an offset/limit list operation.
pub trait Paged {
    /// One record of the list.
    type Item;
    /// The page's records and the reported total.
    fn into_page(self) -> Page<Self::Item>;
}

impl<T: Paged> Paged for Response<T> {
    type Item = T::Item;
    fn into_page(self) -> Page<Self::Item> {
        self.into_inner().into_page()
    }
}

macro_rules! paged {
    ($($response:ident { $total:ident, $items:ident: $item:ident }),* $(,)?) => {$(
        impl Paged for types::$response {
            type Item = types::$item;
            fn into_page(self) -> Page<Self::Item> {
                Page {
                    items: self.$items,
                    total: self.$total.and_then(|t| u64::try_from(t).ok()),
                }
            }
        }
    )*};
}

paged!(
    ListSubCustomersResponse {
        count,
        customer_infos: CustomerInformation
    },
    ListIndirectPartnersResponse {
        count,
        indirect_partners: IndirectPartnerInfo
    },
    ListQuotaCouponsResponse {
        total_count,
        quotas: CouponQuotaV2
    },
    ListIssuedCouponQuotasResponse {
        total_count,
        quotas: IssuedCouponQuota
    },
    ListCouponQuotasRecordsResponse {
        total_count,
        records: QuotaRecord
    },
    ListIssuedPartnerCouponsResponse {
        total_count,
        user_coupons: IQueryUserPartnerCouponsResultV2
    },
    ListPartnerCouponsRecordResponse {
        total_count,
        records: CouponRecordV2
    },
    ListSubCustomerCouponsResponse {
        count,
        user_coupons: IQueryUserCouponsResultV2
    },
    ListPartnerAdjustRecordsResponse {
        total_count,
        records: AdjustRecordV3
    },
    ListPartnerAccountChangeRecordsResponse {
        total_count,
        records: AccountChangeRecord
    },
    ListEnterpriseSubCustomersResponse {
        total_count,
        sub_customer_infos: SubCustomerInfoV2
    },
    ListMultiAccountTransferCouponsResponse {
        total_count,
        avail_transfer_coupons: AvailTransferCoupon
    },
    ListMultiAccountRetrieveCouponsResponse {
        total_count,
        avail_retrieve_coupons: AvailRetrieveCoupons
    },
    ShowMultiAccountTransferAmountResponse {
        total_count,
        amount_infos: TransferAmountInfoV2
    },
    ListEnterpriseMultiAccountResponse {
        total_count,
        amount_infos: RetrieveAmountInfoV2
    },
);

/// ListSubCustomerNewTag reports no total: the stream ends after a short page.
impl Paged for types::ListSubCustomerNewTagResponse {
    type Item = types::NewCustomerTagItem;
    fn into_page(self) -> Page<Self::Item> {
        Page {
            items: self.new_customer_tags,
            total: None,
        }
    }
}

/// Every item of an offset/limit list, fetched `limit` at a time from `offset` on (see the
/// module docs); `fetch(offset, limit)` fetches one page.
pub(crate) fn pages<R, E, F, Fut>(
    offset: i32,
    limit: i32,
    fetch: F,
) -> impl Stream<Item = Result<R::Item, E>>
where
    R: Paged,
    F: FnMut(i32, i32) -> Fut,
    Fut: Future<Output = Result<R, E>>,
{
    let limit = limit.max(1);
    stream::unfold(
        (fetch, Some(offset.max(0))),
        move |(mut fetch, next)| async move {
            let offset = next?;
            match fetch(offset, limit).await {
                Err(error) => Some((vec![Err(error)], (fetch, None))),
                Ok(response) => {
                    let page = response.into_page();
                    let received = i32::try_from(page.items.len()).unwrap_or(i32::MAX);
                    let fetched = offset.saturating_add(received);
                    let more = received > 0
                        && match page.total {
                            Some(total) => u64::try_from(fetched).unwrap_or(0) < total,
                            None => received >= limit,
                        };
                    let items = page.items.into_iter().map(Ok).collect::<Vec<_>>();
                    Some((items, (fetch, more.then_some(fetched))))
                }
            }
        },
    )
    .flat_map(stream::iter)
}

#[cfg(test)]
mod tests {
    use super::*;
    use futures::executor::block_on;

    /// A fake list response: `Paged` for a tuple of items and total.
    struct Fake(Vec<u32>, Option<u64>);
    impl Paged for Fake {
        type Item = u32;
        fn into_page(self) -> Page<u32> {
            Page {
                items: self.0,
                total: self.1,
            }
        }
    }

    /// Serves `0..len` page by page, reporting `total`; records every request.
    fn serve(
        len: u32,
        total: Option<u64>,
        requests: &std::cell::RefCell<Vec<i32>>,
    ) -> impl FnMut(i32, i32) -> std::future::Ready<Result<Fake, String>> + '_ {
        move |offset, limit| {
            requests.borrow_mut().push(offset);
            let items = (offset as u32..len).take(limit as usize).collect();
            std::future::ready(Ok(Fake(items, total)))
        }
    }

    fn run(len: u32, total: Option<u64>, limit: u32) -> (Vec<u32>, Vec<u32>) {
        let requests = std::cell::RefCell::new(Vec::new());
        let items: Vec<u32> = block_on(
            pages(0, limit as i32, serve(len, total, &requests))
                .map(|r| r.expect("no error"))
                .collect(),
        );
        let offsets = requests.borrow().iter().map(|&o| o as u32).collect();
        (items, offsets)
    }

    #[test]
    fn fetches_until_the_total_is_reached() {
        let (items, offsets) = run(25, Some(25), 10);
        assert_eq!(items, (0..25).collect::<Vec<_>>());
        assert_eq!(offsets, [0, 10, 20]);
    }

    #[test]
    fn an_exact_multiple_needs_no_extra_request() {
        let (items, offsets) = run(20, Some(20), 10);
        assert_eq!(items.len(), 20);
        assert_eq!(offsets, [0, 10]);
    }

    #[test]
    fn an_empty_page_stops_even_below_the_total() {
        let (items, offsets) = run(12, Some(50), 10);
        assert_eq!(items.len(), 12);
        // The next offset follows the records received (12), not the page size.
        assert_eq!(offsets, [0, 10, 12]);
    }

    #[test]
    fn without_a_total_a_short_page_is_the_last() {
        let (items, offsets) = run(15, None, 10);
        assert_eq!(items.len(), 15);
        assert_eq!(offsets, [0, 10]);
    }

    #[test]
    fn an_error_is_the_last_item() {
        let mut calls = 0;
        let stream = pages(0, 2, |offset, _limit| {
            calls += 1;
            std::future::ready(if offset == 0 {
                Ok(Fake(vec![1, 2], Some(10)))
            } else {
                Err("boom".to_string())
            })
        });
        let items: Vec<_> = block_on(stream.collect());
        assert_eq!(items, [Ok(1), Ok(2), Err("boom".to_string())]);
        assert_eq!(calls, 2);
    }
}
