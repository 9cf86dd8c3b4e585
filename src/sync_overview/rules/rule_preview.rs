//! A new rule's live preview: how many items it would exclude now, and the first of them.

use leptos::prelude::*;
use sync_core::{NewRule, RuleHit, RulePreview};

use crate::actions::screen::Screen;
use crate::data::fetch::Fetch;
use crate::data::Api;
use crate::ui::format::{grouped, items};
use crate::ui::load_error::LoadError;
use crate::ui::status_badge::StatusBadge;

/// The most items the preview lists.
pub const LISTED: u32 = 20;

/// The preview of the rule as written (none while it names nothing), reloaded after every
/// change to the data.
pub type Preview = Fetch<Option<NewRule>, Option<RulePreview>>;

/// Loads the preview of `rule`.
pub fn load_preview(api: Api, screen: Screen, rule: Memo<Option<NewRule>>) -> Preview {
    Fetch::new(rule, move |rule| {
        screen.changes().track();
        let api = api.get();
        async move {
            match rule {
                Some(rule) => api.rule_preview(rule, LISTED).await.map(Some),
                None => Ok(None),
            }
        }
    })
}

/// The count, and the table of the first items.
#[component]
pub fn RulePreviewView(
    /// The preview.
    preview: Preview,
) -> impl IntoView {
    let busy = move || preview.loading();
    view! {
        <div class="rule-preview" aria-busy=move || busy().to_string()>
            <p role="status" class="rule-preview-count">
                {move || match preview.latest_answer() {
                    None => "Counting the items it is about…".to_owned(),
                    Some(Ok(None)) => {
                        "Give a name pattern, a type, or both, to see which items the rule is about."
                            .to_owned()
                    }
                    Some(Ok(Some(p))) => count_sentence(&p),
                    Some(Err(_)) => String::new(),
                }}
            </p>
            {move || match preview.latest_answer() {
                Some(Err(e)) => {
                    view! { <LoadError error=e.to_string() retry=move || preview.refetch() /> }
                        .into_any()
                }
                Some(Ok(Some(p))) if !p.items.is_empty() => hit_table(p).into_any(),
                _ => ().into_any(),
            }}
        </div>
    }
}

/// "Saving it excludes 12 items now (3 already are)."
fn count_sentence(preview: &RulePreview) -> String {
    let already = match preview.already_excluded {
        0 => String::new(),
        1 => " (1 more already is)".to_owned(),
        n => format!(" ({} more already are)", grouped(n)),
    };
    match preview.count {
        0 => format!("No item would be excluded now{already}."),
        n => format!("Saving it excludes {} now{already}.", items(n)),
    }
}

/// The first items the rule would exclude, and how many more.
fn hit_table(preview: RulePreview) -> impl IntoView {
    let more = preview.count.saturating_sub(preview.items.len() as u32);
    view! {
        <div class="log-table-wrap rule-hits" tabindex="0" role="region" aria-label="Items the rule would exclude">
            <table class="log-table">
                <thead>
                    <tr>
                        <th scope="col">"Name"</th>
                        <th scope="col">"Client"</th>
                        <th scope="col">"Type"</th>
                        <th scope="col">"Status"</th>
                    </tr>
                </thead>
                <tbody>{preview.items.into_iter().map(hit_row).collect_view()}</tbody>
            </table>
        </div>
        {(more > 0).then(|| view! { <p class="muted">{format!("…and {} more.", grouped(more))}</p> })}
    }
}

fn hit_row(hit: RuleHit) -> impl IntoView {
    view! {
        <tr>
            <td>{hit.name}</td>
            <td>{hit.client_name}</td>
            <td>{hit.resource_type.label()}</td>
            <td>
                <StatusBadge status=hit.status />
            </td>
        </tr>
    }
}
