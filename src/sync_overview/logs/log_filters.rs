//! The Sync Logs window's filters: the date range, Level, Client and a text filter, each showing
//! and changing the window's part of the view.

use chrono::NaiveDate;
use leptos::prelude::*;
use sync_core::{Client, ClientId, LogLevel};

use crate::state::logs_view::LogsView;
use crate::ui::format::{date_value, parse_date, today};
use crate::ui::ids::use_ids;
use crate::ui::options::{Choice, LabelledSelect};

/// The filters of `logs`; `on_change` gets them changed. `clients` are the integration's.
#[component]
pub fn LogFilters(
    /// The filters as they are.
    logs: Signal<LogsView>,
    /// The integration's clients.
    clients: Signal<Vec<Client>>,
    /// Gets the filters changed.
    on_change: Callback<LogsView>,
) -> impl IntoView {
    let ids = use_ids();
    let change = move |edit: &dyn Fn(&mut LogsView)| {
        let mut next = logs.get_untracked();
        edit(&mut next);
        on_change.run(next);
    };
    let range = Memo::new(move |_| logs.with(LogsView::range));
    let levels = Signal::derive(|| {
        let each = LogLevel::ALL.map(|l| Choice::new(l.slug(), l.label()));
        std::iter::once(Choice::new("", "All levels"))
            .chain(each)
            .collect()
    });
    let client_choices = Signal::derive(move || {
        let each = clients.with(|list| {
            list.iter()
                .map(|c| Choice::new(c.id, c.name.clone()))
                .collect::<Vec<_>>()
        });
        std::iter::once(Choice::new("", "All clients"))
            .chain(each)
            .collect()
    });
    let text_id = ids.of("logs-text");
    view! {
        <fieldset class="date-range">
            <legend>"Date Range"</legend>
            {date_input("From", ids.of("logs-from"), Signal::derive(move || range.get().0), move |day| change(&|l| l.from = day))}
            {date_input("To", ids.of("logs-to"), Signal::derive(move || range.get().1), move |day| change(&|l| l.to = day))}
        </fieldset>
        <div class="filters log-filters" role="group" aria-label="Sync Logs filters">
            <LabelledSelect
                label="Level"
                id=ids.of("logs-level")
                chosen=Memo::new(move |_| logs.with(|l| l.level.map_or("", |l| l.slug()).to_owned()))
                choices=levels
                on_choose=move |slug: String| change(&|l| l.level = LogLevel::from_slug(&slug))
            />
            <LabelledSelect
                label="Client"
                id=ids.of("logs-client")
                chosen=Memo::new(move |_| logs.with(|l| l.client.map(|c| c.to_string()).unwrap_or_default()))
                choices=client_choices
                on_choose=move |id: String| change(&|l| l.client = id.parse().ok().map(ClientId))
            />
            <div class="field field-grow">
                <label class="field-label" for=text_id.clone()>
                    "Text"
                </label>
                <input
                    id=text_id
                    type="search"
                    class="input"
                    placeholder="Words in the message"
                    autocomplete="off"
                    spellcheck="false"
                    prop:value=Memo::new(move |_| logs.with(|l| l.text.clone()))
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        change(&|l| l.text = text.clone())
                    }
                />
            </div>
        </div>
    }
}

/// A date field of the range; a date that does not read goes back to the default.
fn date_input(
    label: &'static str,
    id: String,
    day: Signal<NaiveDate>,
    on_change: impl Fn(Option<NaiveDate>) + 'static,
) -> impl IntoView {
    view! {
        <div class="field">
            <label class="field-label" for=id.clone()>
                {label}
            </label>
            <input
                id=id
                type="date"
                class="input"
                max=date_value(today())
                prop:value=move || date_value(day.get())
                on:change=move |ev| on_change(parse_date(&event_target_value(&ev)))
            />
        </div>
    }
}
