//! How a [`Batch`] is read from its JSON (`{"op": "exclude", "disable_record": false, "items":
//! [[7, 2], …]}`): every field any batch has, read as one flat record whose items are rows of up
//! to five values, then checked by [`Batch::try_from`]. Serde's own reading of an internally
//! tagged enum buffers the whole value first (for 100,000 items, 100,000 buffered rows) and cost
//! about 16 kB of the browser's download; this reads the same JSON, in any field order.

use std::fmt;

use serde::de::{self, Deserializer, IgnoredAny, SeqAccess, Visitor};
use serde::Deserialize;

use crate::batch::Batch;
#[cfg(feature = "read-list-batches")]
use crate::batch::ListItems;
use crate::model::{ItemId, RecordId, RuleId, SyncStatus};
use crate::rule::NewRule;

/// A batch as written, before it is checked.
#[derive(Deserialize)]
pub(crate) struct BatchFields {
    op: Op,
    disable_record: Option<bool>,
    items: Option<Vec<Row>>,
    #[cfg(feature = "read-list-batches")]
    matching: Option<ListItems>,
    rule: Option<NewRule>,
    as_of: Option<u64>,
    id: Option<RuleId>,
    active: Option<bool>,
}

/// Which batch a written one is.
#[derive(Clone, Copy, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum Op {
    Exclude,
    Include,
    Rematch,
    Restore,
    #[cfg(feature = "read-list-batches")]
    ExcludeMatching,
    #[cfg(feature = "read-list-batches")]
    IncludeMatching,
    AddRule,
    SetRule,
}

/// One element of `items`: `[item, version]` (Exclude, Include), `[item, record, version]`
/// (Rematch) or `[item, version, status, record, record to enable]` (Restore).
struct Row {
    item: ItemId,
    second: u32,
    third: Option<Third>,
    /// The Restore row's last two values (each may be null); none when the row is shorter.
    records: Option<(Option<RecordId>, Option<RecordId>)>,
}

/// A row's third value: a Rematch's version or a Restore's status.
enum Third {
    Number(u32),
    Status(SyncStatus),
}

impl<'de> Deserialize<'de> for Row {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_seq(RowVisitor)
    }
}

struct RowVisitor;

impl<'de> Visitor<'de> for RowVisitor {
    type Value = Row;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an item of a batch: an array of 2, 3 or 5 values")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Row, A::Error> {
        let item = seq
            .next_element()?
            .ok_or_else(|| de::Error::invalid_length(0, &self))?;
        let second = seq
            .next_element()?
            .ok_or_else(|| de::Error::invalid_length(1, &self))?;
        let third = seq.next_element()?;
        let records = match third {
            Some(Third::Status(_)) => {
                let record = seq
                    .next_element()?
                    .ok_or_else(|| de::Error::invalid_length(3, &self))?;
                let enable = seq
                    .next_element()?
                    .ok_or_else(|| de::Error::invalid_length(4, &self))?;
                Some((record, enable))
            }
            _ => None,
        };
        if seq.next_element::<IgnoredAny>()?.is_some() {
            return Err(de::Error::invalid_length(6, &self));
        }
        Ok(Row {
            item,
            second,
            third,
            records,
        })
    }
}

impl<'de> Deserialize<'de> for Third {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ThirdVisitor)
    }
}

struct ThirdVisitor;

impl Visitor<'_> for ThirdVisitor {
    type Value = Third;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a version or a status")
    }

    fn visit_u64<E: de::Error>(self, n: u64) -> Result<Third, E> {
        u32::try_from(n)
            .map(Third::Number)
            .map_err(|_| E::invalid_value(de::Unexpected::Unsigned(n), &self))
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<Third, E> {
        SyncStatus::from_slug(s)
            .map(Third::Status)
            .ok_or_else(|| E::invalid_value(de::Unexpected::Str(s), &self))
    }
}

/// Why a written batch is not one.
fn wrong(op: &str, shape: &str) -> String {
    format!("each item of a{op} batch is {shape}")
}

impl TryFrom<BatchFields> for Batch {
    type Error = String;

    /// The batch, or what is wrong with it.
    fn try_from(fields: BatchFields) -> Result<Self, String> {
        let disable_record = || {
            fields
                .disable_record
                .ok_or_else(|| "missing field `disable_record`".to_owned())
        };
        let rows = || {
            fields
                .items
                .as_deref()
                .ok_or_else(|| "missing field `items`".to_owned())
        };
        let pairs = |op: &str| {
            rows()?
                .iter()
                .map(|row| match row.third {
                    None => Ok((row.item, row.second)),
                    Some(_) => Err(wrong(op, "[item, version]")),
                })
                .collect::<Result<Vec<_>, _>>()
        };
        let restore_rows = || {
            rows()?
                .iter()
                .map(|row| match (&row.third, row.records) {
                    (Some(Third::Status(status)), Some((record, enable))) => {
                        Ok((row.item, row.second, *status, record, enable))
                    }
                    _ => Err(wrong(
                        " restore",
                        "[item, version, status, record, record to enable]",
                    )),
                })
                .collect::<Result<Vec<_>, _>>()
        };
        Ok(match fields.op {
            Op::Exclude => Batch::Exclude {
                disable_record: disable_record()?,
                items: pairs("n exclude")?,
            },
            Op::Include => Batch::Include {
                items: pairs("n include")?,
            },
            Op::Rematch => Batch::Rematch {
                items: rows()?
                    .iter()
                    .map(|row| match row.third {
                        Some(Third::Number(version)) => {
                            Ok((row.item, RecordId(row.second), version))
                        }
                        _ => Err(wrong(" rematch", "[item, record, version]")),
                    })
                    .collect::<Result<_, _>>()?,
            },
            Op::Restore => Batch::Restore {
                items: restore_rows()?,
            },
            Op::AddRule => {
                let rule = fields.rule.ok_or("missing field `rule`")?;
                if let Some(problem) = rule.problem() {
                    return Err(problem.to_owned());
                }
                Batch::AddRule {
                    rule,
                    as_of: fields.as_of.ok_or("missing field `as_of`")?,
                    items: fields
                        .items
                        .is_some()
                        .then(|| pairs("n add-rule"))
                        .transpose()?,
                }
            }
            Op::SetRule => Batch::SetRule {
                id: fields.id.ok_or("missing field `id`")?,
                active: fields.active.ok_or("missing field `active`")?,
                items: restore_rows()?,
            },
            #[cfg(feature = "read-list-batches")]
            Op::ExcludeMatching => Batch::ExcludeMatching {
                disable_record: disable_record()?,
                matching: fields.matching.ok_or("missing field `matching`")?,
            },
            #[cfg(feature = "read-list-batches")]
            Op::IncludeMatching => Batch::IncludeMatching {
                matching: fields.matching.ok_or("missing field `matching`")?,
            },
        })
    }
}
