//! The app's configuration (read-only) and the screen's state, each piece a context type with one owner and the verbs that change it: the
//! view (from the URL), the selection, what the screen says and where focus goes, the row menus.

pub mod announcer;
pub mod changes;
pub mod clock;
pub mod config;
pub mod logs_view;
pub mod row_actions;
pub mod row_focus;
pub mod selection;
pub mod view;
pub mod view_home;
pub mod view_state;
