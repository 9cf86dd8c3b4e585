//! Exclusion rules: saved with the write that makes them (a rule batch), read whole at start-up
//! and, by a replica catching up, those changed since.

use sqlx::{AnyConnection, Row};
use sync_core::{NewRule, Rule, RuleId};

use super::columns::{number, stored};
use super::error::DbError;
use super::pool::Db;

impl Db {
    /// Saves a rule as change number `seq`: a new one, or one set (in)active. Saves nothing, and
    /// answers false, when the rule is so already or another replica took its id meanwhile.
    pub(super) async fn save_rule(
        &self,
        conn: &mut AnyConnection,
        rule: &Rule,
        seq: u64,
    ) -> Result<bool, DbError> {
        let json =
            serde_json::to_string(&rule.rule).map_err(|e| DbError::Corrupt(e.to_string()))?;
        let done = sqlx::query(
            "INSERT INTO rules (id, integration, rule, active, seq) VALUES ($1, $2, $3, $4, $5) \
             ON CONFLICT (id) DO UPDATE SET active = excluded.active, seq = excluded.seq \
             WHERE rules.active <> excluded.active AND rules.rule = excluded.rule",
        )
        .bind(i64::from(rule.id.0))
        .bind(i64::from(rule.rule.integration.0))
        .bind(json)
        .bind(i64::from(rule.active))
        .bind(stored(seq)?)
        .execute(&mut *conn)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Every rule, by id (those changed after `after` only, with `Some`).
    pub async fn rules(&self, after: Option<u64>) -> Result<Vec<Rule>, DbError> {
        let rows = sqlx::query("SELECT id, rule, active FROM rules WHERE seq > $1 ORDER BY id")
            .bind(after.map(stored).transpose()?.unwrap_or(-1))
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|row| {
                let json: String = row.try_get("rule")?;
                let rule: NewRule =
                    serde_json::from_str(&json).map_err(|_| DbError::Corrupt(json))?;
                Ok(Rule {
                    id: RuleId(number(row, "id")?),
                    rule,
                    active: row.try_get::<i64, _>("active")? != 0,
                })
            })
            .collect()
    }
}
