//! Walking offset/limit list operations page by page.
//!
//! Every list operation of the API takes an `offset` and a `limit` and answers one page with
//! the total number of matching records. [`paginate`] turns such an operation into a
//! [`Stream`] of items: it asks for pages of `limit` items until it has fetched as many as the
//! reported total, stops early on an empty page (a total that shrank, or a server that
//! reports none), and yields an error as the stream's last item if a page cannot be fetched.
//!
//! The caller supplies the page request as a closure of [`PageRequest`], so filters stay in
//! the usual builders; the response types of the list operations implement [`Paged`].
//!
//! ```no_run
//! # async fn run(client: &huaweicloud_bss::Client) -> Result<(), huaweicloud_bss::Error> {
//! use futures::TryStreamExt;
//! use huaweicloud_bss::paginate;
//!
//! // Query-parameter operations: the builder's send() future is the page.
//! let quotas: Vec<_> = paginate(100, |page| {
//!     client
//!         .list_issued_coupon_quotas()
//!         .offset(page.offset)
//!         .limit(page.limit)
//!         .send()
//! })
//! .try_collect()
//! .await?;
//!
//! // Body operations: offset and limit go into the body.
//! use huaweicloud_bss::types;
//! let resellers: Vec<_> = paginate(100, |page| async move {
//!     let body = types::QueryIndirectPartnersReq::builder()
//!         .offset(Some(page.offset.try_into()?))
//!         .limit(Some(page.limit.try_into()?));
//!     Ok::<_, huaweicloud_bss::Error>(client.list_indirect_partners().body(body).send().await?)
//! })
//! .try_collect()
//! .await?;
//! # let _ = (quotas, resellers); Ok(()) }
//! ```

use std::future::Future;

use futures::stream::{self, Stream, StreamExt};
use huaweicloud_bss_api::{ResponseValue, types};

/// The offset and limit of one page to fetch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct PageRequest {
    /// Zero-based offset of the page's first record.
    pub offset: u32,
    /// Page size.
    pub limit: u32,
}

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

impl<T: Paged> Paged for ResponseValue<T> {
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
);

/// Every item of an offset/limit list, fetched `limit` at a time (see the module docs).
///
/// Pages are requested one after the other, starting at offset 0; the stream ends after the
/// page that reaches the reported total, after an empty page, after a short page when no
/// total is reported, or after the first error (yielded as its last item).
pub fn paginate<R, E, F, Fut>(limit: u32, fetch: F) -> impl Stream<Item = Result<R::Item, E>>
where
    R: Paged,
    F: FnMut(PageRequest) -> Fut,
    Fut: Future<Output = Result<R, E>>,
{
    let limit = limit.max(1);
    stream::unfold((fetch, Some(0_u32)), move |(mut fetch, next)| async move {
        let offset = next?;
        match fetch(PageRequest { offset, limit }).await {
            Err(error) => Some((vec![Err(error)], (fetch, None))),
            Ok(response) => {
                let page = response.into_page();
                let received = u32::try_from(page.items.len()).unwrap_or(u32::MAX);
                let fetched = offset.saturating_add(received);
                let more = received > 0
                    && match page.total {
                        Some(total) => u64::from(fetched) < total,
                        None => received >= limit,
                    };
                let items = page.items.into_iter().map(Ok).collect::<Vec<_>>();
                Some((items, (fetch, more.then_some(fetched))))
            }
        }
    })
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
        requests: &std::cell::RefCell<Vec<PageRequest>>,
    ) -> impl FnMut(PageRequest) -> std::future::Ready<Result<Fake, String>> + '_ {
        move |page| {
            requests.borrow_mut().push(page);
            let items = (page.offset..len).take(page.limit as usize).collect();
            std::future::ready(Ok(Fake(items, total)))
        }
    }

    fn run(len: u32, total: Option<u64>, limit: u32) -> (Vec<u32>, Vec<u32>) {
        let requests = std::cell::RefCell::new(Vec::new());
        let items: Vec<u32> = block_on(
            paginate(limit, serve(len, total, &requests))
                .map(|r| r.expect("no error"))
                .collect(),
        );
        let offsets = requests.borrow().iter().map(|r| r.offset).collect();
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
        let stream = paginate(2, |page: PageRequest| {
            calls += 1;
            std::future::ready(if page.offset == 0 {
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
