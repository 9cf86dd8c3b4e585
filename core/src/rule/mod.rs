//! Exclusion rules: "exclude the items of this integration whose name matches a pattern and/or
//! that are of a type". Saved with [`crate::Batch::AddRule`] (which excludes today's matching
//! items as one undoable batch) and applied to every new item of later sync runs.

mod glob;

use serde::{Deserialize, Serialize};

use crate::model::{ClientId, IntegrationId, ItemId, ResourceType, RuleId, SyncStatus};
use crate::store::{QueryError, Store};

pub(crate) use glob::Glob;

/// The longest pattern taken, in characters.
pub const MAX_PATTERN: usize = 200;

/// A rule as a technician writes it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewRule {
    /// The integration whose items it excludes.
    pub integration: IntegrationId,
    /// A glob the whole name must match, case aside (`*` any run, `?` one character); empty:
    /// any name.
    #[serde(default)]
    pub pattern: String,
    /// Only items of this type.
    #[serde(default, rename = "type")]
    pub resource_type: Option<ResourceType>,
    /// Also disable the record of each item it excludes that has one.
    #[serde(default)]
    pub disable_record: bool,
}

impl NewRule {
    /// Why the rule cannot be saved, as a sentence, if it cannot.
    pub fn problem(&self) -> Option<&'static str> {
        let pattern = self.pattern.trim();
        if pattern.is_empty() && self.resource_type.is_none() {
            Some("Give a name pattern, a type, or both.")
        } else if pattern.chars().count() > MAX_PATTERN {
            Some("The pattern is longer than 200 characters.")
        } else {
            None
        }
    }

    /// What the rule is about, as a technician reads it: `names like “*-TEST”, Devices only`.
    pub fn describe(&self) -> String {
        let pattern = self.pattern.trim();
        match (pattern.is_empty(), self.resource_type) {
            (false, Some(t)) => format!("names like “{pattern}”, type {}", t.label()),
            (false, None) => format!("names like “{pattern}”"),
            (true, Some(t)) => format!("type {}", t.label()),
            (true, None) => "nothing".to_owned(),
        }
    }

    /// Whether an item with this lower-cased name and type is one the rule is about.
    fn hits(&self, glob: &Glob, lowered: &str, resource_type: ResourceType) -> bool {
        self.resource_type.is_none_or(|t| t == resource_type)
            && (glob.is_empty() || glob.matches(lowered))
    }
}

/// A saved rule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rule {
    /// Its identity (its position among every rule ever saved).
    pub id: RuleId,
    /// What it excludes (a field of its own rather than flattened: serde's `flatten` buffers
    /// the whole object, and cost the browser's download about 10 kB).
    pub rule: NewRule,
    /// Whether it still applies (a deleted rule is kept, inactive, so that its undo can bring it
    /// back under the same id).
    pub active: bool,
}

/// An item a rule would exclude.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleHit {
    /// The item.
    pub id: ItemId,
    /// Its name.
    pub name: String,
    /// Its type.
    #[serde(rename = "type")]
    pub resource_type: ResourceType,
    /// Where it stands now.
    pub status: SyncStatus,
    /// Its client.
    pub client: ClientId,
    /// Its client's name.
    pub client_name: String,
}

/// What saving a rule would do to today's items.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RulePreview {
    /// How many items it would exclude (those it is about that are not excluded yet).
    pub count: u32,
    /// How many items it is about that are excluded already.
    pub already_excluded: u32,
    /// The first of the items it would exclude, by client then name.
    pub items: Vec<RuleHit>,
    /// The change the preview was worked out at: saving at it reports items changed since.
    pub as_of: u64,
}

impl Store {
    /// The integration's rules in force, oldest first.
    pub fn rules(&self, integration: IntegrationId) -> Result<Vec<Rule>, QueryError> {
        self.check_integration(integration)?;
        Ok(self
            .rules
            .iter()
            .filter(|r| r.active && r.rule.integration == integration)
            .cloned()
            .collect())
    }

    /// What saving `rule` now would exclude: how many items, and the first `limit` of them.
    pub fn rule_preview(&self, rule: &NewRule, limit: usize) -> Result<RulePreview, QueryError> {
        self.check_integration(rule.integration)?;
        let mut preview = RulePreview {
            as_of: self.head,
            ..RulePreview::default()
        };
        if rule.problem().is_some() {
            return Ok(preview);
        }
        self.each_hit(rule, |id, status| {
            if status == SyncStatus::Excluded {
                preview.already_excluded += 1;
                return;
            }
            preview.count += 1;
            if preview.items.len() < limit {
                let item = &self.items[id.index()];
                preview.items.push(RuleHit {
                    id,
                    name: item.name.clone(),
                    resource_type: item.resource_type,
                    status,
                    client: item.client,
                    client_name: self.clients[item.client.index()].name.clone(),
                });
            }
        });
        Ok(preview)
    }

    /// Calls `hit` with each item of the rule's integration it is about, and its status, by
    /// client then name.
    pub(crate) fn each_hit(&self, rule: &NewRule, mut hit: impl FnMut(ItemId, SyncStatus)) {
        let glob = Glob::new(&rule.pattern);
        let Some(clients) = self.clients_of.get(rule.integration.index()) else {
            return;
        };
        for client in clients {
            let Some(listing) = self.items_of.get(&(rule.integration, *client)) else {
                continue;
            };
            for (position, &id) in listing.ids().iter().enumerate() {
                let (resource_type, status) = listing.kind(position);
                if rule.hits(&glob, listing.name(position), resource_type) {
                    hit(id, status);
                }
            }
        }
    }

    /// The rule as it will be once set (in)active, if it exists and is not so already.
    pub(crate) fn rule_set(&self, id: RuleId, active: bool) -> Option<Rule> {
        let rule = self.rules.get(id.index())?;
        (rule.active != active).then(|| Rule {
            active,
            ..rule.clone()
        })
    }

    /// Takes a rule as saved (new, or set (in)active): by a batch, or elsewhere (a replica
    /// catching up).
    pub fn put_rule(&mut self, rule: Rule) {
        match self.rules.get_mut(rule.id.index()) {
            Some(old) => *old = rule,
            None => self.rules.push(rule),
        }
    }
}

/// An integration's rules in force, compiled, for a sync run's new items.
pub(crate) struct Compiled(Vec<(Rule, Glob, u32)>);

impl Compiled {
    /// The rules of `integration` in force among `rules`.
    pub(crate) fn new(rules: &[Rule], integration: IntegrationId) -> Self {
        let active = rules
            .iter()
            .filter(|r| r.active && r.rule.integration == integration);
        Self(
            active
                .map(|r| (r.clone(), Glob::new(&r.rule.pattern), 0))
                .collect(),
        )
    }

    /// Whether a rule is about an item of this name and type; the first that is counts it.
    pub(crate) fn excludes(&mut self, name: &str, resource_type: ResourceType) -> bool {
        if self.0.is_empty() {
            return false;
        }
        let mut lowered = Vec::new();
        crate::listing::lower_into(&mut lowered, name);
        let lowered = std::str::from_utf8(&lowered).unwrap_or_default();
        let hit = (self.0.iter_mut())
            .find(|(rule, glob, _)| rule.rule.hits(glob, lowered, resource_type));
        hit.map(|(_, _, count)| *count += 1).is_some()
    }

    /// Each rule that excluded items, with how many.
    pub(crate) fn counts(&self) -> impl Iterator<Item = (&Rule, u32)> {
        self.0
            .iter()
            .filter(|r| r.2 > 0)
            .map(|(rule, _, n)| (rule, *n))
    }
}
